"""What the audit log calls the writes of signals (one line per action, kept in one place).
Each part adds its own lines under its heading."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "signal.recorded": _("Signal recorded"),
    # --- agenda ---
    "signal_meeting.created": _("Meeting for signals added"),
    "signal_meeting.saved": _("Meeting for signals changed"),
    "agenda_item.created": _("Agenda item made"),
    "agenda_item.saved": _("Agenda item changed"),
    "agenda_item.step": _("Agenda item moved a step"),
    # --- categories ---
    "signal_category.created": _("Signal category added"),
    "signal_category.saved": _("Signal category changed"),
    "signal_category.seeded": _("Signal category added from the suggested themes"),
}
