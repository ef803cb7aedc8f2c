from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "koers.matching"
    verbose_name = _("Extra hands")

    def ready(self) -> None:
        from koers.core.audit import register_action_labels
        from koers.matching.audit_labels import ACTION_LABELS
        from koers.matching.measures import register_all

        register_all()
        register_action_labels(ACTION_LABELS)
