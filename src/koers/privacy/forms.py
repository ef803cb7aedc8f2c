from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.core.forms import Form


class ReasonForm(Form):
    """Why she takes this act; kept on the access record (AccessRecord.reason)."""

    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        help_text=_(
            "For example: request of the person of 3 May, or: investigation of a complaint. "
            "Kept in the access log with this act."
        ),
        error_messages={
            "required": _("Say why you need this; the reason is kept in the access log.")
        },
    )
