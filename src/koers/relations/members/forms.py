"""Forms of the member employers page."""

from __future__ import annotations

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy

from koers.core.choices import SearchChoiceField
from koers.core.forms import DateInput, Form
from koers.directory.models import ORGANISATION_SEARCH_FIELDS, Organisation

YEARS_SHOWN = 5


class MemberForm(Form):
    organisation = SearchChoiceField(
        Organisation.objects.all(),
        search_fields=ORGANISATION_SEARCH_FIELDS,
        search_url=reverse_lazy("directory:organisation_search"),
        label=gettext_lazy("Employer"),
    )
    started_on = forms.DateField(label=gettext_lazy("Member since"), widget=DateInput())
    note = forms.CharField(label=gettext_lazy("Note"), max_length=300, required=False)
