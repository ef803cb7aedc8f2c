"""Forms of the organisation pages."""

from __future__ import annotations

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
