"""What the audit log calls the writes of signals (one line per action, kept in one place).
Each part adds its own lines under its heading."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "signal.recorded": _("Signal recorded"),
    # --- entry ---
    "signal.interpreted": _("Signal interpreted"),
    "signal.contact_answered": _("Resident heard back about her signal"),
}
