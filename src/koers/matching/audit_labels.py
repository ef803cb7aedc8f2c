"""What the audit log calls matching's writes (one line per action, kept in one place)."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "candidate.created": _("Candidate added"),
    "candidate.saved": _("Candidate changed"),
    "request.created": _("Request for extra hands received"),
    "request.saved": _("Request for extra hands changed"),
    "request.prioritised": _("Priority of a request set"),
    "request.status": _("Status of a request changed"),
    "candidate.step": _("Candidate's funnel step recorded"),
    "candidate.called": _("Call to a candidate logged"),
    "qualification.created": _("Candidate's qualification added"),
    "qualification.saved": _("Candidate's qualification changed"),
    "qualification.deleted": _("Candidate's qualification deleted"),
    "availability.created": _("Candidate's availability added"),
    "availability.saved": _("Candidate's availability changed"),
    "availability.deleted": _("Candidate's availability deleted"),
    # --- public + trajectories ---
    "signup.received": _("Sign-up received (waiting for its e-mail confirmation)"),
    "signup.confirmed": _("Sign-up confirmed by e-mail"),
    "signup.expired": _("Unconfirmed sign-up removed"),
    "campaign.sent": _("Re-engagement campaign sent"),
    "campaign.answered": _("Available again (answer to a campaign)"),
    "trajectory.created": _("Trajectory added"),
    "trajectory.saved": _("Trajectory changed"),
    "run.started": _("Proposal run asked for"),
    "run.finished": _("Proposal run computed"),
    "placement.confirmed": _("Proposal confirmed: candidate placed"),
    "placement.status_set": _("Placement status recorded"),
    "proposal.declined": _("Proposal declined"),
    "proposal.changed": _("Proposal changed to another candidate"),
    "follow_up.sent": _("Follow-up link sent after a placement"),
    "follow_up.answered": _("Follow-up answered"),
}
