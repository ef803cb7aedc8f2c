"""What the audit log calls the writes of signals (one line per action, kept in one place).
Each part adds its own lines under its heading."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "signal.recorded": _("Signal recorded"),
    # --- classify ---
    "classifier.train_requested": _("Training of the classification model asked for"),
    "classifier.trained": _("Classification model trained"),
}
