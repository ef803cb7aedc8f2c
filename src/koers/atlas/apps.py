from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AtlasConfig(AppConfig):
    name = "koers.atlas"
    verbose_name = _("Atlas")

    def ready(self) -> None:
        from koers.atlas.audit_labels import ACTION_LABELS
        from koers.atlas.measures import register_all

        register_all()
        from koers.core.audit import register_action_labels

        register_action_labels(ACTION_LABELS)
