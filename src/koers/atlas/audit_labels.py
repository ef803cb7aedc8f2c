"""What the audit log calls the atlas's writes (one line per action, kept in one place)."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "initiative.created": _("Initiative added"),
    "initiative.saved": _("Initiative changed"),
    "collaboration.created": _("Collaboration added"),
    "collaboration.saved": _("Collaboration changed"),
    "contact_request.created": _("Resident asked to be contacted (spinnenweb)"),
    "contact_request.handled": _("Contact request handled"),
    "contact_request.deleted": _("Contact request removed"),
    "contact_request.expired": _("Contact request removed after its retention period"),
    "collaboration.proposal_hidden": _("Derived tie hidden"),
    "initiative.confirmed": _("Initiative confirmed"),
    "initiative.confirmed_by_contact": _("Initiative confirmed by its contact"),
    "initiative.link_made": _("Confirmation link made"),
    "initiative.change_proposed": _("Change of an initiative proposed by its contact"),
    "initiative.change_accepted": _("Proposed change of an initiative accepted"),
    "initiative.change_rejected": _("Proposed change of an initiative rejected"),
    "network.requested": _("Network analysis asked for"),
    "network.computed": _("Network analysis computed"),
}
