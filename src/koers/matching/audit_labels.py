"""What the audit log calls matching's writes (one line per action, kept in one place)."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "candidate.created": _("Candidate added"),
    "candidate.saved": _("Candidate changed"),
    # --- public + trajectories ---
    "signup.received": _("Sign-up received (waiting for its e-mail confirmation)"),
    "signup.confirmed": _("Sign-up confirmed by e-mail"),
    "signup.expired": _("Unconfirmed sign-up removed"),
    "campaign.sent": _("Re-engagement campaign sent"),
    "campaign.answered": _("Available again (answer to a campaign)"),
    "trajectory.created": _("Trajectory added"),
    "trajectory.saved": _("Trajectory changed"),
}
