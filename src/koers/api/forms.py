from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from koers.api.models import ApiScope
from koers.core.forms import DateInput, Form
from koers.plans.models import Programme


class TokenForm(Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the key is for, such as the province's dashboard."),
    )
    scopes = forms.MultipleChoiceField(
        label=_("May read"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only what your roles let you read; the key never writes."),
    )
    expires_on = forms.DateField(label=_("Valid until"), widget=DateInput())

    def __init__(self, *args: Any, scopes: set[ApiScope], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        scope_field: Any = self.fields["scopes"]
        scope_field.choices = [(s.value, s.label) for s in ApiScope if s in scopes]
        self.fields["expires_on"].initial = timezone.localdate() + dt.timedelta(days=90)
        self.fields["expires_on"].help_text = _(
            "At most %(days)d days from today; make a new key when it expires."
        ) % {"days": settings.API_TOKEN_MAX_DAYS}

    def clean_expires_on(self) -> dt.date:
        chosen: dt.date = self.cleaned_data["expires_on"]
        today = timezone.localdate()
        if chosen <= today:
            raise ValidationError(_("Choose a day after today."))
        if chosen > today + dt.timedelta(days=settings.API_TOKEN_MAX_DAYS):
            raise ValidationError(
                _("A key lives at most %(days)d days.") % {"days": settings.API_TOKEN_MAX_DAYS}
            )
        return chosen


class PublishForm(Form):
    programmes: forms.ModelMultipleChoiceField[Programme] = forms.ModelMultipleChoiceField(
        label=_("Publish the progress of"),
        queryset=Programme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, programmes: Any, published: set[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["programmes"]
        field.queryset = programmes.order_by("plan__organisation__name", "order", "code")
        field.label_from_instance = lambda p: f"{p.plan.organisation.name}: {p.code} {p.name}"
        field.initial = sorted(published)
