"""The public side's forms: the sign-up (who she is, what she can do and holds, when she is
available, and her consent) and the "ik ben weer beschikbaar" answer (her new
availability). Every refusal says in plain words what to change; nothing is stored on one."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from koers.core.forms import DateInput, Form
from koers.core.models import Municipality
from koers.matching.models import CareRole, QualificationKind, Route

PHONE = re.compile(r"^\+?[0-9 ()-]{8,20}$")
WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]
MAX_TRAVEL_KM = 300


class TimeInput(forms.TimeInput):
    """The browser's own time picker, hours and minutes."""

    input_type = "time"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", **kwargs)


def qualification_field_name(kind: str) -> str:
    return f"until_{kind}"


def weekday_bits(days: list[int]) -> int:
    """The days as the availability stores them: Monday bit 0 … Sunday bit 6."""
    return sum(1 << day for day in set(days))


class PublicAvailabilityForm(Form):
    """When she can work: days, hours (an end at or before the start runs past midnight: a
    night shift), from which date and until when."""

    weekdays = forms.TypedMultipleChoiceField(
        label=_("Days you can work"),
        choices=WEEKDAYS,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Tick at least one day."),
            "invalid_choice": _("Tick days from the list."),
        },
    )
    start_time = forms.TimeField(
        label=_("From (time)"),
        widget=TimeInput(),
        error_messages={
            "required": _("Give the time you can start, such as 07:00."),
            "invalid": _("Give a time such as 07:00."),
        },
    )
    end_time = forms.TimeField(
        label=_("Until (time)"),
        widget=TimeInput(),
        help_text=_("A time at or before the start means the next morning (a night shift)."),
        error_messages={
            "required": _("Give the time you can work until, such as 15:00."),
            "invalid": _("Give a time such as 15:00."),
        },
    )
    available_from = forms.DateField(
        label=_("Available from"),
        required=False,
        widget=DateInput(),
        help_text=_("Empty: from today."),
        error_messages={"invalid": _("Give a date such as 2021-03-01.")},
    )
    available_until = forms.DateField(
        label=_("Available until"),
        required=False,
        widget=DateInput(),
        help_text=_("Empty: until you tell us otherwise."),
        error_messages={"invalid": _("Give a date such as 2021-06-30.")},
    )

    def __init__(self, *args: Any, today: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start = cleaned.get("available_from") or self.today
        until = cleaned.get("available_until")
        if until is not None and until < start:
            self.add_error(
                "available_until", _("The end date lies before the start date; change one.")
            )
        if until is not None and until < self.today:
            self.add_error("available_until", _("The end date has passed; give a later one."))
        cleaned["available_from"] = start
        return cleaned

    def availability(self) -> dict[str, Any]:
        """Her availability as stored with a sign-up (JSON) and given to the services."""
        chosen = self.cleaned_data
        return {
            "weekdays": weekday_bits(chosen["weekdays"]),
            "start_time": chosen["start_time"].strftime("%H:%M"),
            "end_time": chosen["end_time"].strftime("%H:%M"),
            "valid_from": chosen["available_from"].isoformat(),
            "valid_until": chosen["available_until"].isoformat()
            if chosen["available_until"]
            else None,
        }


class SignupForm(PublicAvailabilityForm):
    """Her sign-up for the talent pool, with her explicit consent."""

    first_name = forms.CharField(label=_("First name"), max_length=100)
    infix = forms.CharField(
        label=_("Infix"), max_length=30, required=False, help_text=_("van, de, …")
    )
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We send a link to this address; your sign-up counts once you open it."),
        error_messages={"invalid": _("Enter an e-mail address such as naam@voorbeeld.nl.")},
    )
    phone = forms.CharField(label=_("Your telephone number"), max_length=30)
    municipality = forms.ModelChoiceField(
        label=_("Your municipality"),
        queryset=Municipality.objects.order_by("name"),
        to_field_name="code",
        empty_label=_("Choose your municipality"),
        error_messages={
            "required": _("Choose the municipality you live in."),
            "invalid_choice": _("Choose the municipality you live in from the list."),
        },
    )
    max_travel_km = forms.IntegerField(
        label=_("How far will you travel (km)?"),
        min_value=1,
        max_value=MAX_TRAVEL_KM,
        initial=25,
        error_messages={
            "required": _("Give a distance in kilometres."),
            "invalid": _("Give a whole number of kilometres."),
            "min_value": _("Give at least 1 kilometre."),
            "max_value": _("Give at most 300 kilometres."),
        },
    )
    roles = forms.MultipleChoiceField(
        label=_("What work can you do?"),
        choices=CareRole.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Tick at least one kind of work."),
            "invalid_choice": _("Tick kinds of work from the list."),
        },
    )
    qualifications = forms.MultipleChoiceField(
        label=_("Which qualifications do you hold?"),
        choices=QualificationKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("We ask to see them at the intake."),
        error_messages={"invalid_choice": _("Tick qualifications from the list.")},
    )
    route = forms.ChoiceField(
        label=_("How did you hear of us?"),
        choices=[("", _("Through this sign-up form")), *Route.choices],
        required=False,
        error_messages={"invalid_choice": _("Choose from the list.")},
    )
    consent = forms.BooleanField(
        label=_("I agree"),
        error_messages={"required": _("Tick that you agree, or we cannot keep your sign-up.")},
    )

    field_order = [
        "first_name",
        "infix",
        "last_name",
        "email",
        "phone",
        "municipality",
        "max_travel_km",
        "roles",
        "qualifications",
    ]

    def __init__(self, *args: Any, consent_text: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for kind, label in QualificationKind.choices:
            self.fields[qualification_field_name(kind)] = forms.DateField(
                label=_("%(qualification)s valid until") % {"qualification": label},
                required=False,
                widget=DateInput(),
                help_text=_("Only if it expires."),
                error_messages={"invalid": _("Give a date such as 2023-12-31.")},
            )
        # The consent she gives is the purpose, word for word, next to the box.
        self.fields["consent"].help_text = consent_text
        self.order_fields(
            [
                *self.field_order,
                *(qualification_field_name(kind) for kind in QualificationKind.values),
                "weekdays",
                "start_time",
                "end_time",
                "available_from",
                "available_until",
                "route",
                "consent",
            ]
        )

    def clean_phone(self) -> str:
        phone = str(self.cleaned_data.get("phone", "")).strip()
        if not PHONE.match(phone):
            raise ValidationError(
                _("Enter a telephone number of digits, such as 06 12345678 or +31 320 123456.")
            )
        return phone

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        held = set(cleaned.get("qualifications") or [])
        for kind in QualificationKind.values:
            until = cleaned.get(qualification_field_name(kind))
            if until is None:
                continue
            if kind not in held:
                self.add_error(
                    qualification_field_name(kind),
                    _("Tick this qualification above, or leave its date empty."),
                )
            elif until < self.today:
                self.add_error(
                    qualification_field_name(kind),
                    _("This date has passed: the qualification has expired."),
                )
        return cleaned

    def answers(self) -> dict[str, Any]:
        """What she entered, as the pending sign-up keeps it (JSON) until she confirms."""
        chosen = self.cleaned_data
        return {
            "first_name": chosen["first_name"].strip(),
            "infix": chosen["infix"].strip(),
            "last_name": chosen["last_name"].strip(),
            "phone": chosen["phone"],
            "municipality": chosen["municipality"].code,
            "max_travel_km": chosen["max_travel_km"],
            "roles": sorted(set(chosen["roles"])),
            "qualifications": [
                {
                    "kind": kind,
                    "valid_until": until.isoformat()
                    if (until := chosen.get(qualification_field_name(kind)))
                    else None,
                }
                for kind in sorted(set(chosen["qualifications"]))
            ],
            "availability": self.availability(),
            "route": chosen["route"] or Route.AANMELDFORMULIER.value,
            "consent_text": str(self.fields["consent"].help_text),
            "consented_on": self.today.isoformat(),
        }
