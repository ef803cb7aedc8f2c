from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RelationsConfig(AppConfig):
    name = "koers.relations"
    verbose_name = _("Relations")

    def ready(self) -> None:
        from koers.core.records import register_records
        from koers.relations import models as m

        # The records its URLs name, for the tenancy check (koers.accounts.tenancy).
        register_records(
            network=m.Network,
            opportunity=m.Opportunity,
            quote=m.Quote,
            event=m.Event,
            participant=m.Participant,
            communication_item=m.CommunicationItem,
            interaction=m.Interaction,
            action=m.Action,
            employer_membership=m.EmployerMembership,
        )
        import datetime as dt

        from koers.core import schedule
        from koers.core.audit import register_action_labels
        from koers.relations.contacts.reminders import send_action_reminders
        from koers.relations.measures import register_all
        from koers.relations.privacy import register_person_links

        register_all()
        register_person_links()
        schedule.register(
            schedule.PeriodicJob(
                "relations.action_reminders",
                send_action_reminders,
                dt.time(7, 0),
                schedule.MONDAY,
            )
        )

        register_action_labels(
            {
                "person.created": _("Person added"),
                "person.imported": _("Person imported"),
                "person.updated": _("Person changed"),
                "person.erased": _("Person erased"),
                "person.merged": _("Duplicate person merged"),
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
                "interaction.created": _("Contact recorded"),
                "interaction.saved": _("Contact changed"),
                "action.added": _("Follow-up action added"),
                "action.finished": _("Follow-up action finished"),
                "action.reopened": _("Follow-up action reopened"),
                "calendar.renewed": _("Calendar address renewed"),
                "organisation.created": _("Organisation added"),
                "organisation.saved": _("Organisation changed"),
                "organisation.imported": _("Organisation imported"),
                "organisation.merged": _("Duplicate organisation merged"),
                "network.created": _("Network added"),
                "network.saved": _("Network changed"),
                "network.reviewed": _("Network weighed"),
                "member.started": _("Member employer joined"),
                "member.ended": _("Member employer left"),
                "opportunity.created": _("Opportunity added"),
                "opportunity.saved": _("Opportunity changed"),
                "opportunity.quoted": _("Quote sent"),
                "opportunity.withdrawn": _("Quote withdrawn"),
                "opportunity.won": _("Quote won"),
                "opportunity.lost": _("Opportunity lost"),
                "opportunity.reopened": _("Opportunity reopened"),
                "quote_template.stored": _("Quote template stored"),
            }
        )
