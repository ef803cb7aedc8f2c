from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RelationsConfig(AppConfig):
    name = "koers.relations"
    verbose_name = _("Relations")

    def ready(self) -> None:
        from koers.core.audit import register_action_labels

        register_action_labels(
            {
                "person.created": _("Person added"),
                "person.imported": _("Person imported"),
                "person.updated": _("Person changed"),
                "person.erased": _("Person erased"),
                "position.added": _("Position added"),
                "position.removed": _("Position removed"),
            }
        )
