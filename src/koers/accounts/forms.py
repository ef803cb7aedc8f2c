from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.core.forms import Form


class DescribedErrors:
    """Point a field with an error at its message (aria-describedby), for screen readers."""

    def add_error(self, field: str | None, error: Any) -> None:
        super().add_error(field, error)  # type: ignore[misc]
        if field is not None and field in self.fields:  # type: ignore[attr-defined]
            bound = self[field]  # type: ignore[index]
            bound.field.widget.attrs["aria-describedby"] = f"{bound.auto_id}_error"


class SecondFactorForm(DescribedErrors, Form):
    """A code from her authenticator app, or (where allowed) one of her recovery codes."""

    code = forms.CharField(
        label=_("Code from your authenticator app"),
        required=False,
        max_length=10,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autocapitalize": "none",
                "spellcheck": "false",
                "size": "8",
            }
        ),
    )
    recovery_code = forms.CharField(
        label=_("Recovery code"),
        required=False,
        max_length=30,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args: Any, allow_recovery: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not allow_recovery:
            del self.fields["recovery_code"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("code") or data.get("recovery_code")):
            self.add_error(
                "code",
                _("Enter the 6-digit code from your app.")
                if "recovery_code" not in self.fields
                else _("Enter the 6-digit code from your app, or a recovery code."),
            )
        return data

    @property
    def entered(self) -> str:
        return str(self.cleaned_data.get("code") or self.cleaned_data.get("recovery_code") or "")

    @property
    def error_field(self) -> str:
        return "code" if self.cleaned_data.get("code") else "recovery_code"


class ReauthenticationForm(SecondFactorForm):
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    field_order = ["password", "code", "recovery_code"]

    def __init__(self, *args: Any, with_second_factor: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.with_second_factor = with_second_factor
        if not with_second_factor:
            del self.fields["code"]
            del self.fields["recovery_code"]

    def clean(self) -> dict[str, Any]:
        if self.with_second_factor:
            return super().clean()
        return forms.Form.clean(self) or {}
