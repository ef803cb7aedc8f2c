from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.core.forms import DateInput, Form
from koers.core.municipality_fields import municipalities_field, municipality_field
from koers.core.uploads import ALLOWED_EXTENSIONS, validate_document
from koers.plans.models import (
    Activity,
    ActivityPhase,
    ActivityRole,
    ActivityStatus,
    Aggregation,
    AmendmentField,
    AnnualPlanStatus,
    DatePrecision,
    Decision,
    Indicator,
    IndicatorKind,
    Line,
    Programme,
    QuarterReport,
    Target,
    Unit,
)
from koers.plans.progress import OVERRIDE_STATUSES


def _number_field(label: Any, *, required: bool = True) -> forms.DecimalField:
    # Dutch users type a decimal comma; localize accepts "2,5" and "2.5" alike.
    return forms.DecimalField(
        label=label,
        max_digits=14,
        decimal_places=2,
        required=required,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )


class RealisationForm(Form):
    date = forms.DateField(label=_("Date"), widget=DateInput())
    value = _number_field(_("Value"))
    municipality = municipality_field(
        label=_("Municipality"),
        required=False,
        help_text=_("Leave empty for the whole region."),
    )
    evidence_url = forms.URLField(
        label=_("Link to evidence"), required=False, max_length=500, assume_scheme="https"
    )
    evidence_file = forms.FileField(
        label=_("Evidence file"),
        required=False,
        validators=[validate_document],
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED_EXTENSIONS)}),
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )

    def __init__(
        self,
        *args: Any,
        indicator: Indicator,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        prefix = f"i{indicator.pk}"
        self.auto_id = f"id_{prefix}_%s"
        if indicator.unit == "milestone":
            self.fields["value"] = forms.TypedChoiceField(
                label=_("Reached?"),
                choices=[("1", _("Yes")), ("0", _("No"))],
                coerce=str,
            )
        help_texts: dict[str, Any] = {
            "count": _("A whole number."),
            "percentage": _("0 to 100."),
            "euro": _("Amount in euros."),
            "hours": _("Number of hours."),
            "milestone": "",
        }
        self.fields["value"].help_text = help_texts[indicator.unit]


class TargetForm(Form):
    value = _number_field(_("Target"))
    q1 = _number_field(_("Planned by end of Q1"), required=False)
    q2 = _number_field(_("Planned by end of Q2"), required=False)
    q3 = _number_field(_("Planned by end of Q3"), required=False)
    note = forms.CharField(label=_("Note"), required=False, max_length=300)
    # 0 when there was no target yet: a target created meanwhile is then a conflict too.
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    @classmethod
    def for_target(cls, target: Target | None, data: Any = None) -> TargetForm:
        initial: dict[str, Any] = {"version": 0}
        if target is not None:
            initial = {
                "value": target.value,
                "q1": target.q1,
                "q2": target.q2,
                "q3": target.q3,
                "note": target.note,
                "version": target.version,
            }
        return cls(data, initial=initial)


class ActivityForm(Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(label=_("Activities"), widget=forms.Textarea(attrs={"rows": 5}))
    outcome = forms.CharField(
        label=_("Intended outcome"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    role = forms.ChoiceField(label=_("Role"), choices=ActivityRole.choices)
    phase = forms.ChoiceField(label=_("Phase"), choices=ActivityPhase.choices)
    status = forms.ChoiceField(label=_("Status"), choices=ActivityStatus.choices)
    target_date = forms.DateField(
        label=_("To be done by"),
        required=False,
        widget=DateInput(),
        help_text=_("For example the date of a go/no-go decision."),
    )
    target_precision = forms.ChoiceField(
        label=_("Known to the"),
        choices=DatePrecision.choices,
        required=False,
        help_text=_("A date known to the month, season or year is kept as its last day."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    @classmethod
    def for_activity(cls, activity: Activity, data: Any = None) -> ActivityForm:
        return cls(
            data,
            initial={
                "title": activity.title,
                "description": activity.description,
                "outcome": activity.outcome,
                "role": activity.role,
                "phase": activity.phase,
                "status": activity.status,
                "target_date": activity.target_date,
                "target_precision": activity.target_precision,
                "version": activity.version,
            },
        )

    def clean_target_precision(self) -> str:
        # Left out (an older form, a script): a day, as the model's default.
        return self.cleaned_data["target_precision"] or DatePrecision.DAY


class DecisionForm(Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=[c for c in Decision.choices if c[0]])
    decision_date = forms.DateField(label=_("Decision date"), widget=DateInput())
    decision_reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class AmendmentForm(Form):
    field = forms.ChoiceField(label=_("What changes"), choices=AmendmentField.choices)
    target = forms.ModelChoiceField(
        label=_("Target"), queryset=Target.objects.none(), required=False
    )
    new_value = forms.CharField(
        label=_("Proposed version"), widget=forms.Textarea(attrs={"rows": 3})
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, activity: Activity, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        target_field = self.fields["target"]
        assert isinstance(target_field, forms.ModelChoiceField)
        target_field.queryset = Target.objects.filter(
            indicator__activity=activity, year=activity.year
        ).select_related("indicator")
        target_field.label_from_instance = _target_label  # type: ignore[method-assign,assignment]


def _target_label(target: Target) -> str:
    return f"{target.indicator.title} ({target.value.normalize():f})"


class TransitionForm(Form):
    to_status = forms.ChoiceField(choices=AnnualPlanStatus.choices, widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class AdvisoryCommentForm(Form):
    text = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 4}))


class AmendmentDecisionForm(Form):
    approve = forms.TypedChoiceField(
        choices=[("1", _("Approve")), ("0", _("Reject"))],
        coerce=lambda value: value == "1",
        widget=forms.HiddenInput,
    )
    note = forms.CharField(
        label=_("Explanation"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ActivityCreateForm(Form):
    line = forms.ModelChoiceField(
        label=_("Line"), queryset=Line.objects.none(), required=False, empty_label=_("— none —")
    )
    code = forms.CharField(label=_("Code"), max_length=16, help_text=_("For example PG-1.4."))
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(label=_("Activities"), widget=forms.Textarea(attrs={"rows": 4}))
    outcome = forms.CharField(
        label=_("Intended outcome"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    role = forms.ChoiceField(label=_("Role"), choices=ActivityRole.choices)
    phase = forms.ChoiceField(label=_("Phase"), choices=ActivityPhase.choices)
    municipalities = municipalities_field(
        label=_("Municipalities"),
        required=False,
        help_text=_("Leave empty for the whole region."),
    )

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        line_field = self.fields["line"]
        assert isinstance(line_field, forms.ModelChoiceField)
        line_field.queryset = programme.lines.all()


class IndicatorForm(Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=IndicatorKind.choices)
    title = forms.CharField(
        label=_("Title"), max_length=300, help_text=_("For example: 7 thematic network meetings.")
    )
    unit = forms.ChoiceField(label=_("Unit"), choices=Unit.choices)
    aggregation = forms.ChoiceField(
        label=_("Aggregation over the year"),
        choices=Aggregation.choices,
        help_text=_(
            "Sum: things done during the year add up. Latest or highest: a state that is "
            "measured now and then (a percentage, a file size, a milestone)."
        ),
    )
    target = _number_field(_("Target for this year"), required=False)
    baseline = _number_field(_("Baseline"), required=False)
    verification = forms.CharField(label=_("Means of verification"), max_length=300, required=False)
    is_key = forms.BooleanField(
        label=_("Key indicator"), required=False, help_text=_("Shown on the dashboard.")
    )
    measure = forms.ChoiceField(
        label=_("Measured by"),
        required=False,
        help_text=_(
            "Entered by hand, with evidence; or counted by Koers from its own records "
            "(hours, grant applications …), which then needs no realisations."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from koers.plans.measures import measure_choices

        super().__init__(*args, **kwargs)
        field: Any = self.fields["measure"]
        field.choices = [("", _("Entered by hand")), *measure_choices()]


class _Text(forms.CharField):
    """Free text from a textarea with its line breaks as stored (browsers send CRLF), so an
    untouched text never counts as changed."""

    def to_python(self, value: Any) -> str:
        return str(super().to_python(value)).replace("\r\n", "\n")


def _text(label: Any, *, rows: int, max_length: int, **options: Any) -> _Text:
    return _Text(
        label=label,
        required=False,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        show_hidden_initial=True,
        **options,
    )


class QuarterReportForm(Form):
    """One activity's part of the quarter page. Each field carries the value she saw, so
    only what she changed is saved and a colleague's save of another activity is no
    conflict."""

    narrative = _text(_("What happened this quarter"), rows=4, max_length=10000)
    risks = _text(_("Risks"), rows=2, max_length=5000)
    status_override = forms.ChoiceField(
        label=_("Status override"),
        required=False,
        choices=[
            ("", _("No override: the computed status stands")),
            *((status.value, status.label) for status in OVERRIDE_STATUSES),
        ],
        show_hidden_initial=True,
    )
    override_reason = _text(
        _("Reason for the override"),
        rows=2,
        max_length=5000,
        help_text=_("Required with an override; removing the override removes its reason."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    TEXT_FIELDS = ("narrative", "risks", "status_override", "override_reason")

    def __init__(self, *args: Any, activity: Activity, computed: str, **kwargs: Any) -> None:
        kwargs["prefix"] = f"a{activity.pk}"
        super().__init__(*args, **kwargs)
        self.activity = activity
        self.fields["status_override"].help_text = computed

    @classmethod
    def for_report(
        cls, activity: Activity, report: QuarterReport | None, *, computed: str, data: Any = None
    ) -> QuarterReportForm:
        initial: dict[str, Any] = dict.fromkeys(cls.TEXT_FIELDS, "") | {"version": 0}
        if report is not None:
            initial = {name: getattr(report, name) for name in cls.TEXT_FIELDS}
            initial["version"] = report.version
        return cls(data, activity=activity, computed=computed, initial=initial)

    def has_changed(self) -> bool:
        # The version moves when anyone saves; what counts is whether she changed a text.
        return any(name in self.changed_data for name in self.TEXT_FIELDS)

    def values(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in self.TEXT_FIELDS}


class ActivityCommentForm(Form):
    text = forms.CharField(
        label=_("Your question or remark"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    parent = forms.IntegerField(widget=forms.HiddenInput, required=False)

    @classmethod
    def reply_to(cls, thread_id: int, data: Any = None) -> ActivityCommentForm:
        form = cls(data, initial={"parent": thread_id}, auto_id=f"id_reply{thread_id}_%s")
        form.fields["text"].label = _("Your answer")
        return form
