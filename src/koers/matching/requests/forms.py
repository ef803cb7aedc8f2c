"""Forms of requests for extra hands: the request with its shifts, the list's filters, the
priority and the status. They read what can be read without other rows (the shifts' lines,
end before start); the services check the rest."""

from __future__ import annotations

from typing import Any

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from koers.core.choices import SearchChoiceField
from koers.core.forms import Form
from koers.core.municipality_fields import municipality_field
from koers.directory.models import ORGANISATION_SEARCH_FIELDS, Organisation
from koers.matching.models import CareRole, Priority, QualificationKind, RequestStatus
from koers.matching.requests.shifts import ShiftTime, parse_shift_lines

MAX_PEOPLE = 50
SHIFTS = "diensten"
PERIOD = "periode"
SCHEDULE_CHOICES = [
    (SHIFTS, _("Shifts: a date and times per line")),
    (PERIOD, _("One period from–until")),
]


class DateTimeInput(forms.DateTimeInput):
    """The browser's own date-and-time picker, with the value in the form it expects."""

    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class RequestForm(Form):
    """A request: who asks, for which role, how many per shift, with which qualifications,
    where, and when (shifts or one period). `requester_fixed`: the care organisation's
    contact asks for her own organisation, so the field is left out; `holders`: the
    organisations keeping a pool she may send it to, a choice only when there are several."""

    holder = forms.TypedChoiceField(label=_("Send to"), coerce=int, choices=())
    requester = SearchChoiceField(
        Organisation.objects.all(),
        search_fields=ORGANISATION_SEARCH_FIELDS,
        search_url=reverse_lazy("directory:organisation_search"),
        label=_("Requesting organisation"),
        help_text=_("The care or welfare organisation in the directory that asks for help."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=CareRole.choices)
    people_needed = forms.IntegerField(
        label=_("People per shift"), min_value=1, max_value=MAX_PEOPLE, initial=1
    )
    required_qualifications = forms.MultipleChoiceField(
        label=_("Required qualifications"),
        choices=QualificationKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Each person must hold every ticked qualification, valid on the shift's date."),
    )
    municipality = municipality_field(label=_("Municipality"))
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    description = forms.CharField(
        label=_("Description"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the work is and what the people should know. No client data."),
    )
    schedule = forms.ChoiceField(
        label=_("When"), choices=SCHEDULE_CHOICES, initial=SHIFTS, widget=forms.RadioSelect
    )
    shift_lines = forms.CharField(
        label=_("Shifts"),
        max_length=8000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "One shift per line: the date, the start and the end time, for example "
            "12-03-2021 22:00-07:00. An end time at or before the start time is the next "
            "morning (a night shift)."
        ),
    )
    period_starts = forms.DateTimeField(
        label=_("Period from"), required=False, widget=DateTimeInput()
    )
    period_ends = forms.DateTimeField(
        label=_("Period until"), required=False, widget=DateTimeInput()
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self,
        *args: Any,
        holders: list[Organisation],
        requester_fixed: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        holder: Any = self.fields["holder"]
        holder.choices = [(h.pk, h.name) for h in holders]
        if len(holders) <= 1:
            del self.fields["holder"]
        if requester_fixed:
            del self.fields["requester"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        cleaned["shifts"] = self._shifts(cleaned)
        return cleaned

    def _shifts(self, cleaned: dict[str, Any]) -> list[ShiftTime]:
        if cleaned.get("schedule") == PERIOD:
            starts, ends = cleaned.get("period_starts"), cleaned.get("period_ends")
            if starts is None and "period_starts" not in self.errors:
                self.add_error("period_starts", _("Give the start of the period."))
            if ends is None and "period_ends" not in self.errors:
                self.add_error("period_ends", _("Give the end of the period."))
            if starts and ends and ends <= starts:
                self.add_error("period_ends", _("The period cannot end before it starts."))
            return [ShiftTime(starts, ends)] if starts and ends and ends > starts else []
        text = cleaned.get("shift_lines") or ""
        if "shift_lines" in self.errors:
            return []
        try:
            shifts = parse_shift_lines(text)
        except forms.ValidationError as error:
            self.add_error("shift_lines", error)
            return []
        if not shifts:
            self.add_error("shift_lines", _("Give at least one shift."))
        return shifts


NOT_PRIORITISED = "geen"
ANY = [("", _("All"))]


class RequestFilterForm(Form):
    """`?status=open&aanvrager=<id>&rol=verpleegkundige&prioriteit=4` (or `geen`: not yet
    prioritised); a wrong value is no filter."""

    status = forms.ChoiceField(
        label=_("Status"), choices=[*ANY, *RequestStatus.choices], required=False
    )
    aanvrager = forms.ModelChoiceField(
        label=_("Requesting organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("All"),
    )
    rol = forms.ChoiceField(label=_("Role"), choices=[*ANY, *CareRole.choices], required=False)
    prioriteit = forms.ChoiceField(
        label=_("Priority"),
        choices=[
            *ANY,
            (NOT_PRIORITISED, _("Not yet prioritised")),
            *[(str(value), label) for value, label in Priority.choices],
        ],
        required=False,
    )

    def __init__(self, *args: Any, requesters: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        requester: Any = self.fields["aanvrager"]
        requester.queryset = requesters

    def narrow(self, rows: Any) -> Any:
        if not self.is_valid():
            return rows
        chosen = self.cleaned_data
        if chosen["status"]:
            rows = rows.filter(status=chosen["status"])
        if chosen["aanvrager"]:
            rows = rows.filter(requester=chosen["aanvrager"])
        if chosen["rol"]:
            rows = rows.filter(role=chosen["rol"])
        if chosen["prioriteit"] == NOT_PRIORITISED:
            rows = rows.filter(priority__isnull=True)
        elif chosen["prioriteit"]:
            rows = rows.filter(priority=int(chosen["prioriteit"]))
        return rows


class PriorityForm(Form):
    priority = forms.TypedChoiceField(
        label=_("Priority"), choices=Priority.choices, coerce=int, widget=forms.RadioSelect
    )
    priority_note = forms.CharField(
        label=_("Reason for the priority"),
        max_length=300,
        help_text=_("Why this priority, as the GGD/GHOR weighed it."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


STATUS_ACTIONS = {
    "sluiten": RequestStatus.GESLOTEN,
    "intrekken": RequestStatus.INGETROKKEN,
    "heropenen": RequestStatus.OPEN,
}


class StatusForm(Form):
    action = forms.ChoiceField(
        label=_("Action"),
        choices=[
            ("sluiten", _("Close")),
            ("intrekken", _("Withdraw")),
            ("heropenen", _("Reopen")),
        ],
    )
