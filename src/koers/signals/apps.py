from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignalsConfig(AppConfig):
    name = "koers.signals"
    verbose_name = _("Signals")

    def ready(self) -> None:
        from koers.core import warmup
        from koers.core.audit import register_action_labels
        from koers.signals.audit_labels import ACTION_LABELS
        from koers.signals.measures import register_all
        from koers.signals.scrubbing import warm_up

        register_all()
        register_action_labels(ACTION_LABELS)
        # The de-identifier is loaded by `koers serve` before it forks its workers.
        warmup.register(warm_up)
