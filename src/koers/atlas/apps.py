from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AtlasConfig(AppConfig):
    name = "koers.atlas"
    verbose_name = _("Atlas")

    def ready(self) -> None:
        from koers.atlas import models as m
        from koers.core.records import register_records

        # The records its URLs name, for the tenancy check (koers.accounts.tenancy).
        register_records(
            contact_request=m.ContactRequest,
            initiative=m.Initiative,
            proposed_change=m.ProposedChange,
            collaboration=m.Collaboration,
        )
        import datetime as dt

        from koers.atlas.audit_labels import ACTION_LABELS
        from koers.atlas.measures import register_all
        from koers.atlas.privacy import register_person_links
        from koers.atlas.public.tasks import expire_contact_requests_task
        from koers.core import schedule
        from koers.core.audit import register_action_labels

        register_all()
        register_action_labels(ACTION_LABELS)
        register_person_links()
        # Residents' contact requests are removed when their retention has passed.
        schedule.register(
            schedule.PeriodicJob(
                "atlas.contact_request_retention",
                expire_contact_requests_task,
                dt.time(3, 20),
            )
        )
