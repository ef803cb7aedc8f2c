"""The form of a new run: which method."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.core.forms import Form
from koers.matching.models import RunMethod


class RunStartForm(Form):
    method = forms.ChoiceField(
        label=_("Method"), choices=RunMethod.choices, initial=RunMethod.SOLVER
    )
