"""What the audit log calls the writes of signals (one line per action, kept in one place).
Each part adds its own lines under its heading."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "signal.recorded": _("Signal recorded"),
    # --- entry ---
    "signal.interpreted": _("Signal interpreted"),
    "signal.contact_answered": _("Resident heard back about her signal"),
    # --- cases ---
    "case.opened": _("Client support case opened"),
    "case.saved": _("Client support case changed"),
    "case.closed": _("Client support case closed"),
    "case.contact_added": _("Contact added to a client support case"),
    "case.signal_raised": _("Signal raised from a client support case"),
    "case.removed_by_retention": _("Client support case removed (retention)"),
    "case_type.created": _("Kind of client support added"),
    "case_type.saved": _("Kind of client support changed"),
    "volunteer.created": _("Volunteer in client support added"),
    "volunteer.saved": _("Volunteer in client support changed"),
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
    # --- classify ---
    "classifier.train_requested": _("Training of the classification model asked for"),
    "classifier.trained": _("Classification model trained"),
}
