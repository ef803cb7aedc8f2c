"""Forms of client support: opening, changing and closing a case, a contact, raising a
signal from a case, the list's filters, and keeping kinds of support and volunteers. They
read what can be read without other rows; the services check the rest."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Case as DbCase
from django.db.models import CharField, F, Q, Value, When
from django.db.models.functions import Cast, Concat, Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from koers.core.choices import SearchChoiceField
from koers.core.forms import DateInput, Form
from koers.core.reference import default_reference
from koers.directory.models import PERSON_SEARCH_FIELDS, Person
from koers.plans.models import Activity
from koers.signals.cases.rules import case_types_in_use, supporters_of
from koers.signals.models import CaseType, Category, Client
from koers.signals.models.choices import (
    BirthBand,
    CaseOutcome,
    ContactForm,
    Law,
    Sentiment,
    TargetGroup,
)
from koers.signals.region import region_municipalities

DATE_ERRORS = {
    "required": _("Give a date."),
    "invalid": _("Give a date such as 2021-03-01."),
}
RETENTION_MONTHS_MAX = 120


def _date(label: Any, **kwargs: Any) -> forms.DateField:
    return forms.DateField(label=label, widget=DateInput(), error_messages=DATE_ERRORS, **kwargs)


def by_label(rows: Any, label: Any) -> Any:
    """`rows` in the order of what a select shows of them (`label`, an expression)."""
    return rows.annotate(shown_as=Lower(label)).order_by("shown_as", "pk")


class CaseTypeChoice(forms.ModelChoiceField):
    def __init__(self, holder_id: int, **kwargs: Any) -> None:
        super().__init__(
            queryset=by_label(case_types_in_use(holder_id), "name"),
            label=_("Kind of client support"),
            error_messages={"invalid_choice": _("This kind of client support is not in use.")},
            **kwargs,
        )


class MunicipalityChoice(forms.ModelChoiceField):
    """The region's municipalities: a handful, so a plain select."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            queryset=region_municipalities(),
            label=_("Municipality"),
            error_messages={"invalid_choice": _("Choose a municipality of the region.")},
            **kwargs,
        )


class CaseOpenForm(Form):
    """A new case for a client she supported before (her pseudonym) or a new one (a new
    pseudonym with its band of birth years, municipality and law). Typing the pseudonym
    keeps the page short and quick however many clients there are."""

    case_type = forms.ModelChoiceField(queryset=CaseType.objects.none())
    reference = forms.CharField(
        label=_("Client's pseudonym"),
        max_length=20,
        help_text=_(
            "A client of one of your cases: her pseudonym. A new client: initials or a "
            "number, such as J.d.V. or 2021-017, never a name, with the details below."
        ),
        error_messages={"required": _("Give the client's pseudonym.")},
    )
    birth_band = forms.ChoiceField(
        label=_("Born (new client)"), choices=BirthBand.choices, initial=BirthBand.ONBEKEND
    )
    municipality = MunicipalityChoice(required=False)
    law = forms.ChoiceField(label=_("Law or domain (new client)"), choices=Law.choices)
    question = forms.CharField(
        label=_("Question"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the client asks help with, without names or other identifying details."),
        error_messages={"required": _("Say what the client asks.")},
    )
    opened_on = _date(_("Opened on"))

    def __init__(self, *args: Any, holder_id: int, clients: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["case_type"] = CaseTypeChoice(holder_id)
        self.fields["municipality"].label = _("Municipality (new client)")
        self.initial.setdefault("opened_on", default_reference())
        self.order_fields(["case_type", "reference", "birth_band", "municipality", "law"])
        self.clients = clients
        self.known: Client | None = None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        reference = " ".join((cleaned.get("reference") or "").split())
        if reference:
            self.known = self.clients.filter(reference__iexact=reference).first()
            if (
                self.known is None
                and cleaned.get("municipality") is None
                and "municipality" not in self.errors
            ):
                self.add_error("municipality", _("Choose the new client's municipality."))
        return cleaned

    def new_client(self) -> dict[str, Any] | None:
        if self.known is not None:
            return None
        return {
            name: self.cleaned_data[name]
            for name in ("reference", "birth_band", "municipality", "law")
        }


class CaseEditForm(Form):
    case_type = forms.ModelChoiceField(queryset=CaseType.objects.none())
    question = forms.CharField(
        label=_("Question"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Say what the client asks.")},
    )
    opened_on = _date(_("Opened on"))
    birth_band = forms.ChoiceField(label=_("Client born"), choices=BirthBand.choices)
    municipality = MunicipalityChoice()
    law = forms.ChoiceField(label=_("Law or domain"), choices=Law.choices)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, holder_id: int, current: CaseType, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = CaseTypeChoice(holder_id)
        # The kind it has stays a choice, also once it is no longer in use.
        field.queryset = by_label(
            CaseType.objects.filter(holder_id=holder_id).filter(Q(active=True) | Q(pk=current.pk)),
            "name",
        )
        self.fields["case_type"] = field
        self.order_fields(["case_type", "question", "opened_on"])


class CaseCloseForm(Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=CaseOutcome.choices)
    closed_on = _date(_("Closed on"))
    outcome_note = forms.CharField(
        label=_("About the outcome"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    # No version: closing is a step, not an edit of what a colleague wrote; a second close
    # is refused by the service (under a row lock), whatever she saw.
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial.setdefault("closed_on", default_reference())


class CaseHandOverForm(Form):
    supporter: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("New supporter"),
        queryset=None,
        empty_label=None,
        error_messages={
            "required": _("Choose who supports the case from now on."),
            "invalid_choice": _(
                "Choose a colleague of this organisation who gives client support."
            ),
        },
    )

    # No version: handing over is a step, not an edit of what a colleague wrote; the
    # service refuses handing it to the supporter it has (under a row lock).
    def __init__(self, *args: Any, holder_id: int, current: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["supporter"]
        field.queryset = supporters_of(holder_id).exclude(pk=current.pk)


class CaseContactForm(Form):
    on = _date(_("Date"))
    minutes = forms.IntegerField(
        label=_("Duration (minutes)"),
        min_value=1,
        max_value=600,
        error_messages={
            "required": _("Give how long the contact lasted."),
            "min_value": _("A contact lasts at least a minute."),
            "max_value": _("A contact lasts at most 600 minutes (10 hours)."),
        },
    )
    form = forms.ChoiceField(label=_("Form"), choices=ContactForm.choices)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial.setdefault("on", default_reference())


class CategoryChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj)


class RaiseSignalForm(Form):
    """A signal from a case: what the client met, without who she is. Law and municipality
    come from the case; the text is scrubbed before it is saved."""

    received_on = _date(_("Received on"), help_text=_("Only its week is kept, never the day."))
    law = forms.ChoiceField(label=_("Law or domain"), choices=Law.choices)
    category = CategoryChoice(
        queryset=Category.objects.none(),
        label=_("Category"),
        required=False,
        help_text=_("Leave empty when you are not sure: the coordinator interprets it."),
        error_messages={"invalid_choice": _("This category does not exist (any more).")},
    )
    target_group = forms.ChoiceField(
        label=_("Target group"), choices=[("", "—"), *TargetGroup.choices], required=False
    )
    municipality = MunicipalityChoice()
    sentiment = forms.ChoiceField(
        label=_("Sentiment"),
        choices=Sentiment.choices,
        widget=forms.RadioSelect,
        initial=Sentiment.NEGATIEF,
    )
    description = forms.CharField(
        label=_("What happened"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Names, addresses, phone numbers, e-mail addresses, BSN and dates of birth are "
            "taken out before it is saved."
        ),
        error_messages={"required": _("Say what happened.")},
    )

    def __init__(self, *args: Any, holder_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        category: Any = self.fields["category"]
        category.queryset = by_label(
            Category.objects.filter(holder_id=holder_id, active=True)
            .filter(Q(parent__isnull=True) | Q(parent__active=True))
            .select_related("parent"),
            DbCase(
                When(parent__isnull=True, then=F("name")),
                default=Concat(F("parent__name"), Value(" › "), F("name")),
                output_field=CharField(),
            ),
        )
        self.initial.setdefault("received_on", default_reference())


class CaseFilterForm(Form):
    """`?stand=open|gesloten&soort=<id>&jaar=2021` (opened that year); a wrong value is no
    filter."""

    stand = forms.ChoiceField(
        label=_("State"),
        choices=[("", _("All")), ("open", _("Open")), ("gesloten", _("Closed"))],
        required=False,
    )
    soort = forms.ModelChoiceField(
        label=_("Kind of client support"), queryset=CaseType.objects.none(), required=False
    )
    jaar = forms.IntegerField(label=_("Opened in"), required=False, min_value=1900, max_value=2100)

    def __init__(self, *args: Any, case_types: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        soort: Any = self.fields["soort"]
        soort.queryset = by_label(case_types, "name")

    def narrow(self, rows: Any) -> Any:
        if not self.is_valid():
            return rows
        chosen = self.cleaned_data
        if chosen["stand"] == "open":
            rows = rows.filter(closed_on__isnull=True)
        elif chosen["stand"] == "gesloten":
            rows = rows.filter(closed_on__isnull=False)
        if chosen["soort"] is not None:
            rows = rows.filter(case_type=chosen["soort"])
        if chosen["jaar"]:
            rows = rows.filter(opened_on__year=chosen["jaar"])
        return rows


class ActivityChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.code} {obj.title} ({obj.programme.name}, {obj.year})"


ACTIVITY_LABEL = Concat(
    F("code"),
    Value(" "),
    F("title"),
    Value(" ("),
    F("programme__name"),
    Value(", "),
    Cast("year", CharField()),
    Value(")"),
    output_field=CharField(),
)


class CaseTypeForm(Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    activity = ActivityChoice(
        queryset=Activity.objects.none(),
        label=_("Activity"),
        help_text=_("The activity of the plan this support is part of: it sets the coordinator."),
        error_messages={"invalid_choice": _("Choose an activity of your programmes.")},
    )
    law = forms.ChoiceField(label=_("Law or domain"), choices=Law.choices)
    retention_months = forms.IntegerField(
        label=_("Kept after closing (months)"),
        min_value=1,
        max_value=RETENTION_MONTHS_MAX,
        initial=24,
        help_text=_("A closed case is removed, with its contacts, once this has passed."),
    )
    active = forms.BooleanField(label=_("In use"), required=False, initial=True)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, activities: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        activity: Any = self.fields["activity"]
        activity.queryset = by_label(activities, ACTIVITY_LABEL)


class VolunteerForm(Form):
    person = SearchChoiceField(
        Person.objects.none(),
        search_fields=PERSON_SEARCH_FIELDS,
        label=_("Person in the directory"),
        help_text=_("Volunteers are kept in the directory with their consent."),
    )
    case_type = forms.ModelChoiceField(
        queryset=CaseType.objects.none(),
        label=_("Kind of client support"),
        error_messages={"invalid_choice": _("Choose a kind of client support you keep.")},
    )
    started_on = _date(_("Active from"))
    ended_on = _date(_("Active until"), required=False, help_text=_("Empty while she is active."))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, holder_id: int, case_types: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        person: Any = self.fields["person"]
        person.queryset = Person.objects.filter(holder_id=holder_id)
        person.search_url = reverse("directory:person_search") + f"?houder={holder_id}"
        case_type: Any = self.fields["case_type"]
        case_type.queryset = by_label(case_types, "name")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        started, ended = cleaned.get("started_on"), cleaned.get("ended_on")
        if started and ended and ended < started:
            self.add_error("ended_on", _("The end lies before the start; change one of them."))
        return cleaned
