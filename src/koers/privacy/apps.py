from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "koers.privacy"
    verbose_name = _("Privacy")

    def ready(self) -> None:
        import datetime as dt

        from koers.core import schedule
        from koers.core.audit import register_action_labels
        from koers.privacy import declarations  # noqa: F401  (declares others' models)
        from koers.privacy.audit_labels import ACTION_LABELS
        from koers.privacy.tasks import enforce_retention_task

        register_action_labels(ACTION_LABELS)
        schedule.register(
            schedule.PeriodicJob("privacy.retention", enforce_retention_task, dt.time(3, 0))
        )
