"""Forms of trajectories: one trajectory (a person from the directory or a new one, the
employer, kind, period, outcome) and the list's filters."""

from __future__ import annotations

from typing import Any

from django import forms
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from koers.core.choices import SearchChoiceField
from koers.core.forms import DateInput, Form
from koers.directory.models import (
    ORGANISATION_SEARCH_FIELDS,
    PERSON_SEARCH_FIELDS,
    Organisation,
    Person,
)
from koers.matching.models import TrajectoryKind, TrajectoryOutcome

NEW_PERSON_FIELDS = ["first_name", "infix", "last_name", "email", "consent_given_on"]


class TrajectoryForm(Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=TrajectoryKind.choices)
    person = SearchChoiceField(
        Person.objects.none(),
        search_fields=PERSON_SEARCH_FIELDS,
        label=_("Person in the directory"),
        required=False,
        help_text=_("Or leave empty and enter a new person below."),
    )
    first_name = forms.CharField(label=_("First name (new person)"), max_length=100, required=False)
    infix = forms.CharField(label=_("Infix (new person)"), max_length=30, required=False)
    last_name = forms.CharField(label=_("Last name (new person)"), max_length=150, required=False)
    email = forms.EmailField(
        label=_("E-mail address (new person)"),
        max_length=254,
        required=False,
        error_messages={"invalid": _("Enter an e-mail address such as naam@voorbeeld.nl.")},
    )
    consent_given_on = forms.DateField(
        label=_("Consent given on (new person)"),
        required=False,
        widget=DateInput(),
        help_text=_("The person is kept with her consent: when did she give it?"),
        error_messages={"invalid": _("Give a date such as 2021-03-01.")},
    )
    employer = SearchChoiceField(
        Organisation.objects.all(),
        search_fields=ORGANISATION_SEARCH_FIELDS,
        search_url=reverse_lazy("directory:organisation_search"),
        label=_("Employer"),
        required=False,
    )
    started_on = forms.DateField(
        label=_("Started on"),
        widget=DateInput(),
        error_messages={
            "required": _("Give the date the trajectory started."),
            "invalid": _("Give a date such as 2021-03-01."),
        },
    )
    ended_on = forms.DateField(
        label=_("Ended on"),
        required=False,
        widget=DateInput(),
        help_text=_("Empty while it runs."),
        error_messages={"invalid": _("Give a date such as 2021-06-30.")},
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=TrajectoryOutcome.choices, initial=TrajectoryOutcome.LOPEND
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Work-related only. Never health or other special categories of data."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, holder_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        person: Any = self.fields["person"]
        person.queryset = Person.objects.filter(holder_id=holder_id)
        person.search_url = reverse("directory:person_search") + f"?houder={holder_id}"
        self.order_fields(
            ["kind", "person", *NEW_PERSON_FIELDS, "employer", "started_on", "ended_on"]
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        started, ended = cleaned.get("started_on"), cleaned.get("ended_on")
        if started and ended and ended < started:
            self.add_error("ended_on", _("The end lies before the start; change one of them."))
        new = any(cleaned.get(name) for name in ("first_name", "infix", "last_name", "email"))
        if cleaned.get("person") is not None and new:
            self.add_error(
                "person", _("Choose a person from the directory or enter a new one, not both.")
            )
        elif new:
            if not cleaned.get("last_name"):
                self.add_error("last_name", _("Give the new person's last name."))
            if not cleaned.get("consent_given_on"):
                self.add_error("consent_given_on", _("Give the date she gave her consent."))
        elif cleaned.get("person") is None and "person" not in self.errors:
            self.add_error("person", _("Choose a person from the directory or enter a new one."))
        return cleaned

    def new_person(self) -> dict[str, Any] | None:
        if self.cleaned_data.get("person") is not None:
            return None
        return {name: self.cleaned_data[name] for name in NEW_PERSON_FIELDS}


class TrajectoryFilterForm(Form):
    """`?soort=sterk_in_je_werk&uitkomst=lopend&jaar=2021` (started that year); a wrong value
    is no filter."""

    soort = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All")), *TrajectoryKind.choices], required=False
    )
    uitkomst = forms.ChoiceField(
        label=_("Outcome"), choices=[("", _("All")), *TrajectoryOutcome.choices], required=False
    )
    jaar = forms.IntegerField(label=_("Started in"), required=False, min_value=1900, max_value=2100)

    def narrow(self, rows: Any, *, kind: bool = True) -> Any:
        if not self.is_valid():
            return rows
        chosen = self.cleaned_data
        if kind and chosen["soort"]:
            rows = rows.filter(kind=chosen["soort"])
        if chosen["uitkomst"]:
            rows = rows.filter(outcome=chosen["uitkomst"])
        if chosen["jaar"]:
            rows = rows.filter(started_on__year=chosen["jaar"])
        return rows
