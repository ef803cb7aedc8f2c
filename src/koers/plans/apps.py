from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "koers.plans"
    label = "plans"
    verbose_name = _("Plans")

    def ready(self) -> None:
        from koers.core.audit import register_action_labels
        from koers.plans.audit_labels import ACTION_LABELS

        register_action_labels(ACTION_LABELS)
