"""Forms of the reports pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.core.forms import DateInput, Form
from koers.directory.models import Organisation
from koers.plans.models import Plan
from koers.reports.models import ReportKind


class PrepareForm(Form):
    plan = forms.ModelChoiceField(label=_("Plan"), queryset=Plan.objects.none())
    kind = forms.ChoiceField(label=_("Kind of report"), choices=ReportKind.choices)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    quarter = forms.TypedChoiceField(
        label=_("Quarter"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "—"), (1, "Q1"), (2, "Q2"), (3, "Q3"), (4, "Q4")],
        help_text=_("For a progress report."),
    )
    recipient = forms.ModelChoiceField(
        label=_("For"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_(
            "The funder; the report covers the programmes it funds. Empty: the plan's funder."
        ),
    )
    grant: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Grant"),
        queryset=None,
        required=False,
        help_text=_("For an accountability report."),
    )
    last_year = forms.IntegerField(
        label=_("Last year"),
        required=False,
        min_value=2000,
        max_value=2100,
        help_text=_("For an evaluation: the years it looks back on, from the year above."),
    )
    due_on = forms.DateField(label=_("Due"), required=False, widget=DateInput())
    questions = forms.CharField(
        label=_("Questions and criteria"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For an evaluation: one per line, as the funder asks them."),
    )

    def __init__(self, *args: Any, organisation_ids: set[int], **kwargs: Any) -> None:
        from koers.funding.models import Grant

        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        plans = Plan.objects.filter(organisation_id__in=organisation_ids).order_by("-start_year")
        fields["plan"].queryset = plans
        fields["recipient"].queryset = (
            Organisation.objects.filter(funded_programmes__plan__in=plans)
            .distinct()
            .order_by("name")
        )
        fields["grant"].queryset = Grant.objects.filter(
            organisation_id__in=organisation_ids
        ).order_by("-starts_on", "title")


class StepForm(Form):
    """A step in a report's sign-off, with the version of the report she saw (empty: no
    check), so that a step on a report someone moved on meanwhile is refused."""

    version = forms.IntegerField(min_value=0, required=False, widget=forms.HiddenInput)


class ReopenForm(Form):
    reason = forms.CharField(label=_("Why it goes back"), widget=forms.Textarea(attrs={"rows": 2}))


class QuestionForm(Form):
    question = forms.CharField(
        label=_("Question or criterion"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    answer = forms.CharField(
        label=_("Our answer"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        # A question left blank is dropped with its row; its answer must not go with it.
        if cleaned.get("answer") and not cleaned.get("question"):
            self.add_error("question", _("Give the question this answers."))
        return cleaned


QuestionFormSet = forms.formset_factory(QuestionForm, extra=2, max_num=40)
