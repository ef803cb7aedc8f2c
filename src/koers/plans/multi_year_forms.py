"""Forms of the multi-year plan: a programme's multi-year results and targets."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from koers.core.forms import Form
from koers.plans.forms import _number_field
from koers.plans.models import Indicator, Line, MultiYearResult, MultiYearTarget, Programme


def _year_field(label: Any) -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=1900, max_value=2200)


class IndicatorChoiceField(forms.ModelMultipleChoiceField):
    """The programme's yearly indicators, by year, activity code and title."""

    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: Any) -> str:
        code = f" {obj.activity.code}" if obj.activity.code else ""
        return f"{obj.activity.year}{code} – {obj.title}"


class MultiYearResultForm(Form):
    line = forms.ModelChoiceField(
        label=_("Line"),
        queryset=Line.objects.none(),
        required=False,
        empty_label=_("— the whole programme —"),
    )
    start_year = _year_field(_("First year"))
    end_year = _year_field(_("Last year"))
    theme = forms.CharField(label=_("Theme"), max_length=200, required=False)
    code = forms.CharField(
        label=_("Activity code"),
        max_length=16,
        required=False,
        help_text=_("The code of the activity that carries this result out in a year."),
    )
    title = forms.CharField(label=_("Title"), max_length=300)
    activity_text = forms.CharField(
        label=_("Activity"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    result_text = forms.CharField(
        label=_("Result"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )

    @classmethod
    def for_result(
        cls, programme: Programme, result: MultiYearResult | None, data: Any = None
    ) -> MultiYearResultForm:
        plan = programme.plan
        initial: dict[str, Any] = {"start_year": plan.start_year, "end_year": plan.end_year}
        if result is not None:
            initial = {
                name: getattr(result, name)
                for name in ("start_year", "end_year", "theme", "code", "title")
            } | {
                "line": result.line_id,
                "activity_text": result.activity_text,
                "result_text": result.result_text,
            }
        form = cls(data, initial=initial)
        line_field = form.fields["line"]
        assert isinstance(line_field, forms.ModelChoiceField)
        line_field.queryset = programme.lines.all()
        return form


class MultiYearTargetForm(Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    start_year = _year_field(_("First year"))
    end_year = _year_field(_("Last year"))
    value = _number_field(_("Target for the period"))
    result = forms.ModelChoiceField(
        label=_("Multi-year result"),
        queryset=MultiYearResult.objects.none(),
        required=False,
        empty_label=_("— none —"),
        help_text=_("The result this target quantifies, if any."),
    )
    indicators = IndicatorChoiceField(
        label=_("Indicators counted"),
        queryset=Indicator.objects.none(),
        required=False,
        help_text=_(
            "The yearly indicators whose realisations count towards the target: of this "
            "programme and of the period's years."
        ),
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    @classmethod
    def for_target(
        cls, programme: Programme, target: MultiYearTarget | None, data: Any = None
    ) -> MultiYearTargetForm:
        plan = programme.plan
        initial: dict[str, Any] = {"start_year": plan.start_year, "end_year": plan.end_year}
        years = Q(activity__year__gte=plan.start_year, activity__year__lte=plan.end_year)
        if target is not None:
            linked = list(target.indicators.values_list("pk", flat=True))
            initial = {
                name: getattr(target, name)
                for name in ("title", "start_year", "end_year", "value", "note")
            } | {"result": target.result_id, "indicators": linked}
            # The period's years (and what it counts already): fewer to read.
            years = Q(
                activity__year__gte=target.start_year, activity__year__lte=target.end_year
            ) | Q(pk__in=linked)
        form = cls(data, initial=initial)
        result_field = form.fields["result"]
        assert isinstance(result_field, forms.ModelChoiceField)
        result_field.queryset = MultiYearResult.objects.filter(programme=programme)
        indicator_field = form.fields["indicators"]
        assert isinstance(indicator_field, forms.ModelMultipleChoiceField)
        indicator_field.queryset = (
            Indicator.objects.filter(years, activity__programme=programme)
            .select_related("activity")
            .order_by("activity__year", "activity__code", "order", "pk")
        )
        return form
