from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightConfig(AppConfig):
    name = "koers.insight"
    verbose_name = _("Insight")

    def ready(self) -> None:
        from koers.core.audit import register_action_labels
        from koers.insight.audit_labels import ACTION_LABELS

        register_action_labels(ACTION_LABELS)
