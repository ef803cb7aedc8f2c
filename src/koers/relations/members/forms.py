"""Forms of the member employers page."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from koers.core.forms import DateInput, Form
from koers.directory.models import Organisation

YEARS_SHOWN = 5


class MemberForm(Form):
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Employer"), queryset=Organisation.objects.order_by("name")
    )
    started_on = forms.DateField(label=gettext_lazy("Member since"), widget=DateInput())
    note = forms.CharField(label=gettext_lazy("Note"), max_length=300, required=False)
