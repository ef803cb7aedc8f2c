"""Forms of the network pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from koers.accounts.models import User
from koers.core.forms import DateInput, Form
from koers.plans.models import Programme
from koers.relations.models import NetworkKind, NetworkRole, NetworkValue


class NetworkForm(Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200)
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=NetworkKind.choices)
    role = forms.ChoiceField(label=gettext_lazy("Our role"), choices=NetworkRole.choices)
    programme = forms.ModelChoiceField(
        label=gettext_lazy("Programme"), queryset=Programme.objects.none(), required=False
    )
    representatives = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Represented by"), queryset=User.objects.none(), required=False
    )
    purpose = forms.CharField(
        label=gettext_lazy("Purpose"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    joined_on = forms.DateField(label=gettext_lazy("Member since"), widget=DateInput())
    left_on = forms.DateField(label=gettext_lazy("Left on"), required=False, widget=DateInput())
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, holder_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["programme"].queryset = Programme.objects.filter(
            plan__organisation_id=holder_id
        ).order_by("order", "code")
        fields["representatives"].queryset = (
            User.objects.filter(memberships__organisation_id=holder_id, is_active=True)
            .distinct()
            .order_by("first_name", "last_name")
        )


class ReviewForm(Form):
    year = forms.IntegerField(label=gettext_lazy("Year"), min_value=2000, max_value=2100)
    value = forms.ChoiceField(
        label=gettext_lazy("Value for our work"), choices=NetworkValue.choices
    )
    keep = forms.TypedChoiceField(
        label=gettext_lazy("Decision"),
        choices=[("1", gettext_lazy("Stay")), ("0", gettext_lazy("Leave"))],
        coerce=lambda v: v == "1",
    )
    reason = forms.CharField(label=gettext_lazy("Why"), widget=forms.Textarea(attrs={"rows": 3}))
