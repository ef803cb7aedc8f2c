from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "koers.matching"
    verbose_name = _("Extra hands")

    def ready(self) -> None:
        from koers.accounts.tenancy import register_relation
        from koers.core.records import register_records
        from koers.matching import models as m
        from koers.matching.tenancy import asked_for_help

        register_relation(asked_for_help)
        # The records its URLs name, for the tenancy check (koers.accounts.tenancy).
        register_records(
            reengagement_campaign=m.ReengagementCampaign,
            proposal_run=m.ProposalRun,
            candidate=m.Candidate,
            qualification=m.Qualification,
            availability=m.Availability,
            proposal=m.Proposal,
            placement=m.Placement,
            help_request=m.HelpRequest,
            trajectory=m.Trajectory,
        )
        import datetime as dt

        from koers.core import schedule
        from koers.core.audit import register_action_labels
        from koers.matching.audit_labels import ACTION_LABELS
        from koers.matching.measures import register_all
        from koers.matching.placements.tasks import follow_ups_due_task
        from koers.matching.privacy import register_person_links
        from koers.matching.public.tasks import expire_signups_task

        register_all()
        register_action_labels(ACTION_LABELS)
        register_person_links()
        # Sign-ups nobody confirmed are removed, with her answers, when their link expires.
        schedule.register(
            schedule.PeriodicJob("matching.signup_expiry", expire_signups_task, dt.time(3, 10))
        )
        # Both sides of a placement are asked how it went once its shift has ended.
        schedule.register(
            schedule.PeriodicJob(
                "matching.placement_follow_ups", follow_ups_due_task, dt.time(8, 0)
            )
        )
