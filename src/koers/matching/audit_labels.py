"""What the audit log calls matching's writes (one line per action, kept in one place)."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "candidate.created": _("Candidate added"),
    "candidate.saved": _("Candidate changed"),
    "placement.confirmed": _("Proposal confirmed: candidate placed"),
    "placement.status_set": _("Placement status recorded"),
    "proposal.declined": _("Proposal declined"),
    "proposal.changed": _("Proposal changed to another candidate"),
    "follow_up.sent": _("Follow-up link sent after a placement"),
    "follow_up.answered": _("Follow-up answered"),
}
