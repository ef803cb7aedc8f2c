from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "koers.funding"
    verbose_name = _("Funding")

    def ready(self) -> None:
        from koers.core.records import register_records
        from koers.funding import models as m

        # The records its URLs name, for the tenancy check (koers.accounts.tenancy).
        register_records(
            grant=m.Grant,
            obligation=m.Obligation,
            advance=m.Advance,
            budget_table=m.BudgetTable,
            earmarked_reserve=m.EarmarkedReserve,
            risk=m.Risk,
        )
        import datetime as dt

        from koers.core import schedule
        from koers.core.audit import register_action_labels
        from koers.funding.measures import register_all
        from koers.funding.reminders import send_money_reminders

        register_all()
        schedule.register(
            schedule.PeriodicJob(
                "funding.money_reminders", send_money_reminders, dt.time(7, 0), schedule.MONDAY
            )
        )
        register_action_labels(
            {
                "grant.created": _("Grant added"),
                "grant.saved": _("Grant changed"),
                "grant.moved": _("Grant moved in the pipeline"),
                "advances.scheduled": _("Advances scheduled"),
                "advances.removed": _("Advances removed"),
                "advances.rebalanced": _("Advances adjusted to the amount granted"),
                "advance.changed": _("Advance changed"),
                "obligation.added": _("Obligation added"),
                "obligation.done": _("Obligation met"),
                "obligation.reopened": _("Obligation reopened"),
                "grant_indicator.set": _("Agreed target recorded"),
                "budget_line.created": _("Budget line added"),
                "budget_line.saved": _("Budget line changed"),
                "expense.recorded": _("Expense recorded"),
                "financial_year.saved": _("Financial position changed"),
                "budget_table.stored": _("Budget table stored"),
            }
        )
