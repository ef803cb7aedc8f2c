"""The programme budget as a report shows it: planned and realised money per programme."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext as _

from koers.reports.content.common import num


def budget_content(
    organisation_id: int,
    year: int,
    reference: dt.date,
    *,
    funder_ids: set[int] | None = None,
    realised: bool = True,
) -> dict[int, dict[str, Any]]:
    """The programme budget per programme: planned and (up to `reference`) realised
    income and costs per cost type, and the hours. With `funder_ids`, only those funders'
    share, as a funder's official sees it."""
    from koers.funding.queries import budget_overview

    overview = budget_overview(organisation_id, year, reference=reference, funder_ids=funder_ids)
    found = {}
    for budget in overview.programmes:
        found[budget.programme.pk] = {
            "income_planned": num(budget.income_total.planned),
            "income_realised": num(budget.income_total.realised) if realised else None,
            "cost_planned": num(budget.cost_total.planned),
            "cost_realised": num(budget.cost_total.realised) if realised else None,
            "hours": num(budget.hours) if realised else None,
            "hours_budget": num(budget.hours_budget),
            "income_rows": [
                {
                    "label": str(funder) if funder else _("No funder"),
                    "planned": num(money.planned),
                    "realised": num(money.realised) if realised else None,
                }
                for funder, money in sorted(budget.income.items(), key=lambda i: str(i[0] or ""))
            ],
            "cost_rows": [
                {
                    "label": label,
                    "planned": num(money.planned),
                    "realised": num(money.realised) if realised else None,
                }
                for label, money in budget.cost_rows
            ],
            "example": overview.has_examples,
        }
    return found
