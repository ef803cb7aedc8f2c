"""What the audit log calls the writes of insight."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "dataset.imported": _("Statistics dataset imported"),
}
