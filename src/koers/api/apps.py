from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "koers.api"
    verbose_name = _("API")

    def ready(self) -> None:
        import datetime as dt

        from koers.api.audit_labels import ACTION_LABELS
        from koers.api.tasks import prune_api_calls_task
        from koers.core import schedule
        from koers.core.audit import register_action_labels

        register_action_labels(ACTION_LABELS)
        # After the privacy retention run (03:00), which it resembles.
        schedule.register(
            schedule.PeriodicJob("api.prune_calls", prune_api_calls_task, dt.time(3, 20))
        )
