"""Forms of the organisation pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.core.forms import Form
from koers.directory.models import OrganisationKind


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
