"""Forms of the organisation pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from koers.core.choices import SearchChoiceField
from koers.core.forms import Form
from koers.core.municipality_fields import municipality_field
from koers.directory.models import ORGANISATION_SEARCH_FIELDS, Organisation, OrganisationKind
from koers.directory.organisations.tags import long_tags


class OrganisationImportOptions(Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=OrganisationKind.choices,
        initial=OrganisationKind.PARTNER,
        help_text=_("For rows without a kind of their own."),
    )


# The largest primary key the database takes: a larger number in the address is a value
# that matches nothing, ignored like any other wrong value (not an overflow in the query).
LARGEST_ID = 2_147_483_647


class OrganisationFilterForm(Form):
    """The filters of the directory, from the query string. Each is on its own: a value that
    is not one of its choices is ignored and the other filters still apply, as the page
    always did. (A plain form rather than django-filter: the programme filter is a derived
    condition with a capability check, and the page renders its own selects.)"""

    soort = forms.ChoiceField(choices=OrganisationKind.choices, required=False)
    gemeente = forms.IntegerField(required=False, min_value=0, max_value=LARGEST_ID)
    tag = forms.IntegerField(required=False, min_value=0, max_value=LARGEST_ID)
    programma = forms.IntegerField(required=False, min_value=0, max_value=LARGEST_ID)

    def value(self, name: str) -> Any:
        """The field's cleaned value, or None when it was missing or wrong."""
        self.is_valid()
        value = self.cleaned_data.get(name)
        return None if value in (None, "") else value


class OrganisationForm(Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200)
    short_name = forms.CharField(label=gettext_lazy("Short name"), max_length=60, required=False)
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=OrganisationKind.choices)
    sector = forms.CharField(label=gettext_lazy("Sector"), max_length=100, required=False)
    municipality = municipality_field(label=gettext_lazy("Municipality"), required=False)
    parent = SearchChoiceField(
        Organisation.objects.all(),
        search_fields=ORGANISATION_SEARCH_FIELDS,
        search_url=reverse_lazy("directory:organisation_search"),
        label=gettext_lazy("Parent organisation"),
        required=False,
    )
    address = forms.CharField(label=gettext_lazy("Address"), max_length=300, required=False)
    website = forms.URLField(
        label=gettext_lazy("Website"), required=False, max_length=200, assume_scheme="https"
    )
    tags = forms.CharField(
        label=gettext_lazy("Tags"),
        max_length=500,
        required=False,
        help_text=gettext_lazy("Separated by commas, for example: netwerk dementie, sport."),
    )
    accept_duplicates = forms.BooleanField(
        label=gettext_lazy("This is a different organisation: add it anyway"), required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean_tags(self) -> str:
        tags = str(self.cleaned_data["tags"])
        if problems := long_tags(tags):
            raise forms.ValidationError(problems)
        return tags


class MergeForm(Form):
    duplicate = SearchChoiceField(
        Organisation.objects.all(),
        search_fields=ORGANISATION_SEARCH_FIELDS,
        search_url=reverse_lazy("directory:organisation_search"),
        label=gettext_lazy("The duplicate record, to merge into this one"),
    )
    confirm = forms.BooleanField(
        label=gettext_lazy(
            "Move everything linked to the duplicate to this organisation and remove the duplicate"
        )
    )
