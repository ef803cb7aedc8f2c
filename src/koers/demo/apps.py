from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    name = "koers.demo"
    label = "demo"
    verbose_name = _("Demo")

    def ready(self) -> None:
        from koers.core.audit import register_action_labels

        register_action_labels(
            {
                "demo.example_data": _("Example data loaded by the demo"),
                "demo.built": _("Demo built (what it made)"),
            }
        )
