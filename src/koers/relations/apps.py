from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RelationsConfig(AppConfig):
    name = "koers.relations"
    verbose_name = _("Relations")

    def ready(self) -> None:
        from koers.core.audit import register_action_labels
        from koers.relations.measures import register_all
        from koers.relations.privacy import register_person_links

        register_all()
        register_person_links()

        register_action_labels(
            {
                "person.created": _("Person added"),
                "person.imported": _("Person imported"),
                "person.updated": _("Person changed"),
                "person.erased": _("Person erased"),
                "position.added": _("Position added"),
                "position.removed": _("Position removed"),
                "event.created": _("Event added"),
                "event.saved": _("Event changed"),
                "event.deleted": _("Event removed"),
                "participant.added": _("Participant registered"),
                "participant.attendance": _("Attendance recorded"),
                "participant.removed": _("Participant removed"),
                "communication.added": _("Communication item added"),
                "communication.removed": _("Communication item removed"),
            }
        )
