"""The form of a new run: which method."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.core.forms import Form
from koers.matching.models import RunMethod


class RunStartForm(Form):
    method = forms.ChoiceField(
        label=_("Method"),
        choices=RunMethod.choices,
        initial=RunMethod.SOLVER,
        error_messages={
            "required": _("Choose a method for the run."),
            "invalid_choice": _("Choose a method for the run."),
        },
    )

    def full_clean(self) -> None:
        super().full_clean()
        if self.errors.get("method"):  # the select names its error (runs.html writes it)
            self.fields["method"].widget.attrs["aria-describedby"] = "id_method_error"
