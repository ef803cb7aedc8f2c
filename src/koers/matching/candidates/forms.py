"""Forms of the pool's pages: a new candidate (her person and her candidacy), changing her,
a qualification, availability, a funnel step, a call, and the filters of the lists. They
parse and check what can be checked without other rows; the services check the rest."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from koers.core.choices import SearchChoiceField
from koers.core.forms import DateInput, Form
from koers.core.models import Municipality
from koers.core.municipality_fields import municipality_field
from koers.directory.models import ORGANISATION_SEARCH_FIELDS, Organisation
from koers.matching.funnel import NEEDS_REASON, NEEDS_REFERRAL, next_stages
from koers.matching.models import (
    CallOutcome,
    CareRole,
    QualificationKind,
    Route,
    Stage,
)

WEEKDAY_CHOICES = [
    ("0", _("Monday")),
    ("1", _("Tuesday")),
    ("2", _("Wednesday")),
    ("3", _("Thursday")),
    ("4", _("Friday")),
    ("5", _("Saturday")),
    ("6", _("Sunday")),
]


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", **kwargs)


def _not_future(value: dt.date | None, field: str, form: forms.Form, message: Any) -> None:
    if value and value > timezone.localdate():
        form.add_error(field, message)


class CandidateFields(Form):
    """What matching holds about her, on both the new and the edit page."""

    roles = forms.MultipleChoiceField(
        label=_("Roles she can take"),
        choices=CareRole.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    municipality = municipality_field(label=_("Municipality of residence"))
    max_travel_km = forms.IntegerField(
        label=_("Travels up to (km)"),
        min_value=0,
        max_value=500,
        initial=25,
        help_text=_("Distance between municipalities' centres, as the crow flies."),
    )
    route = forms.ChoiceField(label=_("Came in through"), choices=Route.choices)
    route_note = forms.CharField(
        label=_("Route detail"),
        max_length=200,
        required=False,
        help_text=_("Which campaign, who referred her, which employer (work-to-work)."),
    )
    remarks = forms.CharField(
        label=_("Remarks"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Work-related only. Never health or other special categories of data."),
    )


class CandidateAddForm(CandidateFields):
    first_name = forms.CharField(label=_("First name"), max_length=100, required=False)
    infix = forms.CharField(label=_("Infix"), max_length=30, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"), required=False, max_length=254)
    phone = forms.CharField(label=_("Telephone"), max_length=40, required=False)
    consent_given_on = forms.DateField(
        label=_("Consent given on"),
        widget=DateInput(),
        help_text=_(
            "She agreed that we keep her details to match her to care and welfare "
            "organisations that ask for help."
        ),
    )
    signed_up_on = forms.DateField(label=_("Signed up on"), widget=DateInput())
    accept_duplicates = forms.BooleanField(
        label=_("Add her even if Koers knows a person who looks the same"), required=False
    )

    field_order = [
        "first_name",
        "infix",
        "last_name",
        "email",
        "phone",
        "consent_given_on",
        "signed_up_on",
        "roles",
        "municipality",
        "max_travel_km",
        "route",
        "route_note",
        "remarks",
        "accept_duplicates",
    ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        _not_future(
            cleaned.get("consent_given_on"),
            "consent_given_on",
            self,
            _("Consent cannot be given in the future."),
        )
        _not_future(
            cleaned.get("signed_up_on"),
            "signed_up_on",
            self,
            _("She cannot sign up in the future."),
        )
        return cleaned


class CandidateEditForm(CandidateFields):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class QualificationForm(Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=QualificationKind.choices)
    reference = forms.CharField(
        label=_("Number or reference"),
        max_length=60,
        required=False,
        help_text=_("The BIG number, the diploma's name or the VOG's date of issue."),
    )
    valid_from = forms.DateField(label=_("Valid from"), required=False, widget=DateInput())
    valid_until = forms.DateField(
        label=_("Valid until"),
        required=False,
        widget=DateInput(),
        help_text=_("Empty: does not expire. It stops counting the day after."),
    )
    checked_on = forms.DateField(label=_("Document seen on"), required=False, widget=DateInput())

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        starts, ends = cleaned.get("valid_from"), cleaned.get("valid_until")
        if starts and ends and ends < starts:
            self.add_error("valid_until", _("The end lies before the start."))
        return cleaned


class AvailabilityForm(Form):
    weekdays = forms.MultipleChoiceField(
        label=_("Weekdays"), choices=WEEKDAY_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    start_time = forms.TimeField(label=_("From (time)"), widget=TimeInput())
    end_time = forms.TimeField(
        label=_("Until (time)"),
        widget=TimeInput(),
        help_text=_("At or before the start time: until the next morning (a night)."),
    )
    valid_from = forms.DateField(label=_("Available from"), widget=DateInput())
    valid_until = forms.DateField(
        label=_("Valid until"), required=False, widget=DateInput(), help_text=_("Empty: open.")
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        starts, ends = cleaned.get("valid_from"), cleaned.get("valid_until")
        if starts and ends and ends < starts:
            self.add_error("valid_until", _("The end lies before the start."))
        if cleaned.get("start_time") and cleaned.get("start_time") == cleaned.get("end_time"):
            self.add_error(
                "end_time",
                _("The end time is the start time. For a night, end the next morning."),
            )
        if "weekdays" in cleaned:
            cleaned["weekdays"] = sum(1 << int(day) for day in cleaned["weekdays"])
        return cleaned


def weekdays_initial(mask: int) -> list[str]:
    return [str(index) for index in range(7) if mask & (1 << index)] if mask else []


class FunnelStepForm(Form):
    stage = forms.ChoiceField(label=_("New stage"), choices=())
    on = forms.DateField(label=_("Date"), widget=DateInput())
    referred_to = SearchChoiceField(
        Organisation.objects.all(),
        search_fields=ORGANISATION_SEARCH_FIELDS,
        search_url=reverse_lazy("directory:organisation_search"),
        label=_("Referred to"),
        required=False,
        help_text=_("For a referral: the organisation, e.g. Rode Kruis Ready to Help."),
    )
    reason = forms.CharField(
        label=_("Why"),
        max_length=300,
        required=False,
        help_text=_("Required when she stops or is not deployable."),
    )

    def __init__(self, *args: Any, current: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        stage: Any = self.fields["stage"]
        stage.choices = [(value, Stage(value).label) for value in next_stages(current)]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        stage = cleaned.get("stage")
        if stage in NEEDS_REFERRAL and not cleaned.get("referred_to"):
            self.add_error("referred_to", _("Say to which organisation she was referred."))
        if stage and stage not in NEEDS_REFERRAL and cleaned.get("referred_to"):
            self.add_error("referred_to", _("Only a referral names an organisation."))
        if stage in NEEDS_REASON and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Say why."))
        _not_future(cleaned.get("on"), "on", self, _("A step cannot lie in the future."))
        return cleaned


STILL_AVAILABLE_CHOICES = [("", _("Not asked")), ("ja", _("Yes")), ("nee", _("No"))]


class CallForm(Form):
    called_on = forms.DateField(label=_("Called on"), widget=DateInput())
    outcome = forms.ChoiceField(label=_("Outcome"), choices=CallOutcome.choices)
    still_available = forms.TypedChoiceField(
        label=_("Still available?"),
        choices=STILL_AVAILABLE_CHOICES,
        coerce=lambda value: value == "ja",
        empty_value=None,
        required=False,
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=300,
        required=False,
        help_text=_("Work-related only. Never health or other special categories of data."),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        _not_future(
            cleaned.get("called_on"), "called_on", self, _("A call cannot lie in the future.")
        )
        return cleaned


AVAILABLE_CHOICES = [("", _("All")), ("ja", _("Available today"))]


class CandidateFilterForm(Form):
    """`?fase=inzetbaar&rol=verpleegkundige&gemeente=<id>&route=campagne&beschikbaar=ja`;
    a wrong value is no filter."""

    fase = forms.ChoiceField(
        label=_("Stage"), choices=[("", _("All")), *Stage.choices], required=False
    )
    rol = forms.ChoiceField(
        label=_("Role"), choices=[("", _("All")), *CareRole.choices], required=False
    )
    # Only where candidates live: a filter of all 342 municipalities would mostly find none.
    gemeente = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.filter(pool_candidates__isnull=False).distinct(),
        required=False,
        empty_label=_("All"),
    )
    route = forms.ChoiceField(
        label=_("Came in through"), choices=[("", _("All")), *Route.choices], required=False
    )
    beschikbaar = forms.ChoiceField(
        label=_("Availability"), choices=AVAILABLE_CHOICES, required=False
    )

    def chosen(self) -> dict[str, Any]:
        if not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value}


class PoolHolderForm(Form):
    """`?houder=<id>`: whose pool, for someone who may see more than one."""

    houder = forms.TypedChoiceField(label=_("Pool of"), coerce=int, required=False, choices=())

    def __init__(self, *args: Any, holders: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["houder"]
        field.choices = holders

    def holder(self, holder_ids: list[int]) -> int | None:
        if self.is_valid() and self.cleaned_data["houder"] in holder_ids:
            return int(self.cleaned_data["houder"])
        return holder_ids[0] if holder_ids else None
