from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignalsConfig(AppConfig):
    name = "koers.signals"
    verbose_name = _("Signals")

    def ready(self) -> None:
        import datetime as dt

        from koers.core import schedule, warmup
        from koers.core.audit import register_action_labels
        from koers.signals.audit_labels import ACTION_LABELS
        from koers.signals.classify.tasks import retrain_classifiers
        from koers.signals.scrubbing import warm_up

        register_action_labels(ACTION_LABELS)
        # The de-identifier is loaded by `koers serve` before it forks its workers.
        warmup.register(warm_up)
        # The classifier learns the people's latest choices once a week (when there are some).
        schedule.register(
            schedule.PeriodicJob(
                "signals.classifier_retrain", retrain_classifiers, dt.timedelta(days=7)
            )
        )
