"""What the audit log calls the atlas's writes (one line per action, kept in one place)."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "initiative.created": _("Initiative added"),
    "initiative.saved": _("Initiative changed"),
    "collaboration.created": _("Collaboration added"),
    "collaboration.saved": _("Collaboration changed"),
    "network.requested": _("Network analysis asked for"),
    "network.computed": _("Network analysis computed"),
}
