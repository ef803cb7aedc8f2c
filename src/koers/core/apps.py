from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "koers.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from koers.core.audit import register_action_labels

        register_action_labels({"core.restore": _("All data replaced by restoring a backup")})
