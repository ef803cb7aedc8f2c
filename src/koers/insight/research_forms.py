"""The forms of the research register: a project, and the upload of a survey's results."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.accounts.policy import own_organisation
from koers.accounts.roles import Capability
from koers.core.forms import DateInput, Form, ImportFileForm, ModelForm
from koers.insight.models import Dataset, ResearchProject
from koers.plans.models import Indicator, Programme


class IndicatorChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.activity.year} {obj.activity.code}: {obj.title}"


class ResearchProjectForm(ModelForm):
    indicators = IndicatorChoiceField(
        label=_("Informs the indicators"),
        required=False,
        queryset=Indicator.objects.none(),
        help_text=_("The indicators whose value or interpretation the research delivers."),
    )
    datasets = forms.ModelMultipleChoiceField(
        label=_("Uses the tables"),
        required=False,
        queryset=Dataset.objects.order_by("title"),
        widget=forms.CheckboxSelectMultiple,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = ResearchProject
        fields = [
            "title",
            "kind",
            "question",
            "status",
            "started_on",
            "delivered_on",
            "programme",
            "indicators",
            "datasets",
            "findings",
        ]
        widgets = {
            "started_on": DateInput(),
            "delivered_on": DateInput(),
            "question": forms.Textarea(attrs={"rows": 3}),
            "findings": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "findings": _("What the research found: aggregates and conclusions, no persons."),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        holder = (
            self.instance.holder_id
            if self.instance.pk
            else own_organisation(user, Capability.MANAGE_STATISTICS)
        )
        programme: Any = self.fields["programme"]
        programme.queryset = Programme.objects.filter(plan__organisation_id=holder).order_by(
            "-plan__start_year", "order"
        )
        indicators: Any = self.fields["indicators"]
        indicators.queryset = (
            Indicator.objects.filter(activity__programme__plan__organisation_id=holder)
            .select_related("activity")
            .order_by("-activity__year", "activity__code", "order", "pk")
        )
        if self.instance.pk:
            self.initial.setdefault("version", self.instance.version)
            self.initial.setdefault("indicators", list(self.instance.indicators.all()))
            self.initial.setdefault("datasets", list(self.instance.datasets.all()))


class SurveyUploadForm(ImportFileForm):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("Which survey and when: Cliëntervaringsonderzoek voorjaar 2022."),
    )
    field_order = ["title", "file"]


class SurveyConfirmForm(Form):
    """The import of the upload the check showed: its token instead of the file."""

    token = forms.CharField(widget=forms.HiddenInput, max_length=60)
    title = forms.CharField(widget=forms.HiddenInput, max_length=200)
    # The name the file had on her computer; the kept upload has a random one.
    file_name = forms.CharField(widget=forms.HiddenInput, max_length=300, required=False)
