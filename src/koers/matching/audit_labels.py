"""What the audit log calls matching's writes (one line per action, kept in one place)."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "candidate.created": _("Candidate added"),
    "candidate.saved": _("Candidate changed"),
    "run.started": _("Proposal run asked for"),
    "run.finished": _("Proposal run computed"),
}
