"""Forms of the atlas's records pages: an initiative, what its contact proposes through her
link, a collaboration and the filters of the collaborations' list. They parse and check
what can be checked without the database's other rows; the services check the rest."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from koers.atlas.initiatives.checks import check_point
from koers.atlas.models import DIMENSIONS, Initiative, InitiativeKind, Theme, TieKind, TieSource
from koers.core.choices import SearchChoiceField
from koers.core.forms import DateInput, Form
from koers.core.municipality_fields import municipality_field
from koers.directory.models import (
    ORGANISATION_SEARCH_FIELDS,
    PERSON_SEARCH_FIELDS,
    Organisation,
    Person,
)

SERVES_CHOICES = [(0, _("not")), (1, _("somewhat")), (2, _("mainly"))]
INITIATIVE_SEARCH_FIELDS = ("name",)


def serves_field(label: Any, help_text: Any) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=SERVES_CHOICES,
        coerce=int,
        initial=0,
        widget=forms.RadioSelect,
        help_text=help_text,
    )


def coordinate(label: Any, lowest: int, highest: int) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        max_digits=7,
        decimal_places=5,
        min_value=Decimal(lowest),
        max_value=Decimal(highest),
        required=False,
        help_text=_("In decimal degrees (WGS84), for example 52.51800 and 5.47100."),
    )


class EntryFields(Form):
    """What both the coordinator's form and the contact's form hold."""

    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    target_groups = forms.CharField(
        label=_("Target groups"),
        max_length=300,
        required=False,
        help_text=_("For example: older residents, young carers, newcomers."),
    )
    municipality = municipality_field(label=_("Municipality"))
    latitude = coordinate(_("Latitude"), -90, 90)
    longitude = coordinate(_("Longitude"), -180, 180)
    website = forms.URLField(
        label=_("Website"), required=False, max_length=200, assume_scheme="https"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for dimension in DIMENSIONS:
            self.fields[dimension.field] = serves_field(dimension.label, dimension.explanation)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if "latitude" in cleaned and "longitude" in cleaned:
            try:
                check_point(cleaned["latitude"], cleaned["longitude"])
            except ValidationError as error:
                self.add_error("latitude", error)
        return cleaned


class InitiativeForm(EntryFields):
    kind = forms.ChoiceField(label=_("Kind"), choices=InitiativeKind.choices)
    organisation = SearchChoiceField(
        Organisation.objects.all(),
        search_fields=ORGANISATION_SEARCH_FIELDS,
        search_url=reverse_lazy("directory:organisation_search"),
        label=_("Organisation in the directory"),
        required=False,
        help_text=_("When the initiative is an organisation in the directory."),
    )
    contact = SearchChoiceField(
        Person.objects.none(),
        search_fields=PERSON_SEARCH_FIELDS,
        label=_("Contact person"),
        required=False,
        help_text=_("A person your organisation keeps in the directory, with her purpose."),
    )
    is_public = forms.BooleanField(
        label=_("Public"),
        required=False,
        help_text=_("Shown on the public atlas (without persons)."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    field_order = [
        "name",
        "kind",
        "description",
        "themes",
        *(d.field for d in DIMENSIONS),
        "target_groups",
        "municipality",
        "latitude",
        "longitude",
        "website",
        "organisation",
        "contact",
        "is_public",
    ]

    def __init__(self, *args: Any, holder_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        contact: Any = self.fields["contact"]
        contact.queryset = Person.objects.filter(holder_id=holder_id)
        contact.search_url = reverse("directory:person_search") + f"?houder={holder_id}"
        self.order_fields(self.field_order)


class ProposalForm(EntryFields):
    """The contact's form behind her link: the entry as it is, for her to change."""

    note = forms.CharField(
        label=_("Anything to add?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: who the organisation can contact from now on."),
    )


def initial_of(initiative: Initiative, names: list[str]) -> dict[str, Any]:
    initial = {name: getattr(initiative, name) for name in names}
    initial["themes"] = list(initiative.themes.all())
    return initial


def party_fields(end: str, label: Any) -> dict[str, forms.Field]:
    return {
        f"{end}_initiative": SearchChoiceField(
            Initiative.objects.none(),
            search_fields=INITIATIVE_SEARCH_FIELDS,
            search_url=reverse_lazy("atlas:initiative_search"),
            label=_("%(end)s: an initiative of the atlas") % {"end": label},
            required=False,
        ),
        f"{end}_organisation": SearchChoiceField(
            Organisation.objects.all(),
            search_fields=ORGANISATION_SEARCH_FIELDS,
            search_url=reverse_lazy("directory:organisation_search"),
            label=_("%(end)s: or an organisation in the directory") % {"end": label},
            required=False,
        ),
    }


class CollaborationForm(Form):
    kind = forms.ChoiceField(label=_("Kind of tie"), choices=TieKind.choices)
    theme = forms.ModelChoiceField(label=_("Theme"), queryset=Theme.objects.all(), required=False)
    started_on = forms.DateField(label=_("Since"), widget=DateInput())
    ended_on = forms.DateField(label=_("Until"), required=False, widget=DateInput())
    source = forms.ChoiceField(label=_("Source"), choices=TieSource.choices)
    source_note = forms.CharField(
        label=_("About the source"),
        max_length=300,
        required=False,
        help_text=_("Which conversation, survey or meeting showed the tie."),
    )
    is_internal = forms.BooleanField(
        label=_("Internal"), required=False, help_text=_("Never shown on the public atlas.")
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, holder_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ends = {**party_fields("from", _("From")), **party_fields("to", _("To"))}
        for name, field in ends.items():
            if name.endswith("_initiative"):
                field.queryset = Initiative.objects.filter(holder_id=holder_id)  # type: ignore[attr-defined]
                field.search_url = reverse("atlas:initiative_search")  # type: ignore[attr-defined]
            self.fields[name] = field
        self.order_fields([*ends, "kind", "theme", "started_on", "ended_on", "source"])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        started, ended = cleaned.get("started_on"), cleaned.get("ended_on")
        if started and ended and ended < started:
            self.add_error("ended_on", _("The tie cannot end before it started."))
        return cleaned


DERIVED_CHOICES = [("", _("All")), ("afgeleid", _("Derived")), ("ingevoerd", _("Entered"))]


class CollaborationFilterForm(Form):
    """`?jaar=2021&soort=doorverwijzing&thema=<id>&herkomst=afgeleid`; a wrong value is no
    filter."""

    jaar = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2100)
    soort = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All")), *TieKind.choices], required=False
    )
    thema = forms.ModelChoiceField(
        label=_("Theme"), queryset=Theme.objects.all(), required=False, empty_label=_("All")
    )
    herkomst = forms.ChoiceField(label=_("Origin"), choices=DERIVED_CHOICES, required=False)

    def narrow(self, ties: Any) -> Any:
        if not self.is_valid():
            return ties
        chosen = self.cleaned_data
        if chosen["jaar"]:
            ties = ties.active_in(chosen["jaar"])
        if chosen["soort"]:
            ties = ties.filter(kind=chosen["soort"])
        if chosen["thema"]:
            ties = ties.filter(theme=chosen["thema"])
        if chosen["herkomst"] == "afgeleid":
            ties = ties.exclude(derivation="")
        elif chosen["herkomst"] == "ingevoerd":
            ties = ties.filter(derivation="")
        return ties


class ProposalKeyForm(Form):
    """Which derived tie a button takes over or hides."""

    derivation = forms.RegexField(regex=r"^(event|network):\d{1,10}$", max_length=60)
    first = forms.IntegerField(min_value=1, max_value=2_147_483_647)
    second = forms.IntegerField(min_value=1, max_value=2_147_483_647)


class DecisionForm(Form):
    decision = forms.ChoiceField(
        choices=[("accept", _("Accept")), ("reject", _("Reject"))], label=_("Decision")
    )
