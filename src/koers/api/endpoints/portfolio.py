"""A funder's portfolio across her partners: the same figures as its page, as aggregates
(per partner and per goal, never a person). Only for a funder the official acts for."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from ninja import Query

from koers.api import schemas
from koers.api.base import needs
from koers.api.endpoints.plans import Viewpoint, goal_answer
from koers.api.models import ApiScope
from koers.api.responses import ERRORS, ApiRouter
from koers.api.schemas import figure
from koers.portfolio.access import funders_of
from koers.portfolio.queries import GoalBlock, portfolio
from koers.reports.models import ReportStatus

router = ApiRouter(tags=["portfolio"])


def _goal_block(block: GoalBlock) -> dict[str, Any]:
    return {
        "goal": goal_answer(block.goal),
        "depth": block.depth,
        "gap": block.is_gap,
        "partners": [
            {
                "organisation_id": work.organisation.pk,
                "programmes": len(work.programmes),
                "activities": len(work.activities),
                "behind": work.behind,
            }
            for work in block.partners
        ],
        "shared_indicators": [
            {
                "name": unit.name,
                "unit": unit.unit,
                "summed": unit.summed,
                "target": figure(unit.target),
                "realised": figure(unit.realised),
                "per_partner": [
                    {
                        "organisation_id": organisation_id,
                        "target": figure(target),
                        "realised": figure(realised),
                    }
                    for organisation_id, (target, realised) in sorted(unit.per_partner.items())
                ],
            }
            for unit in block.units
        ],
    }


@router.get("/portfolio", response={200: schemas.Portfolio, **ERRORS}, operation_id="getPortfolio")
@needs(ApiScope.PORTFOLIO)
def funder_portfolio(
    request: HttpRequest,
    viewpoint: Query[Viewpoint],
    funder: int | None = Query(
        None, description="The funder (default: the first the official acts for)."
    ),
) -> Any:
    funders = funders_of(request.user)
    chosen = next((f for f in funders if funder is None or f.pk == funder), None)
    if chosen is None:
        raise Http404
    year, reference = viewpoint.resolved()
    found = portfolio(request.user, chosen, year, reference)
    for block in found.goals:
        block.goal.funder = chosen  # her tree's goals: their funder is known, not re-read
    return {
        "funder": {"id": chosen.pk, "name": chosen.name},
        "year": year.value,
        "reference_date": reference,
        "partners": [
            {
                "organisation": {"id": p.organisation.pk, "name": p.organisation.name},
                "programmes": p.programmes,
                "activities": p.activities,
                "behind": p.behind,
                "granted": figure(p.granted),
                "grants": p.grants,
                "reports_sent": sum(r.status == ReportStatus.SENT for r in p.reports),
                "obligations_due": p.obligations_due,
            }
            for p in found.partners
        ],
        "goals": [_goal_block(block) for block in found.goals],
    }
