from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "koers.plans"
    label = "plans"
    verbose_name = _("Plans")

    def ready(self) -> None:
        from koers.accounts.tenancy import register_relation
        from koers.core.records import register_records
        from koers.plans import models as m
        from koers.plans.tenancy import funds

        register_relation(funds)
        # The records its URLs name, for the tenancy check (koers.accounts.tenancy).
        register_records(goal=m.Goal, shared=True)
        register_records(
            programme=m.Programme,
            tactical_goal=m.TacticalGoal,
            standing_task=m.StandingTask,
            multi_year_result=m.MultiYearResult,
            multi_year_target=m.MultiYearTarget,
            activity=m.Activity,
            activity_partner=m.ActivityPartner,
            indicator=m.Indicator,
            realisation=m.Realisation,
            amendment=m.Amendment,
            annual_plan=m.AnnualPlan,
            milestone=m.Milestone,
        )
        from koers.core.audit import register_action_labels
        from koers.plans.audit_labels import ACTION_LABELS

        register_action_labels(ACTION_LABELS)
