"""The funder's portfolio page and its workbook."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from koers.accounts.decorators import requires
from koers.accounts.policy import sees_names
from koers.accounts.roles import Capability
from koers.core.reference import viewpoint
from koers.core.spreadsheets import spreadsheet_export, xlsx_response
from koers.plans.queries.pages import plan_years
from koers.portfolio import exports
from koers.portfolio.access import FUNDER_PARAMETER, chosen_funder, funders_goal
from koers.portfolio.queries import portfolio, work_serving


@requires(Capability.DECIDE_AS_FUNDER)
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    funder, funders = chosen_funder(request)
    years = plan_years(request.user)
    point = viewpoint(request, years=years)
    found = portfolio(request.user, funder, point.year, point.reference)
    for amendment in found.amendments:
        # Who proposed it, where she sees that partner's people (staff there, say); the
        # page as a whole shows no one's name (`shows_names` stays off).
        amendment.proposer_shown = sees_names(
            request.user, amendment.activity.programme.plan.organisation_id
        )
    return render(
        request,
        "portfolio/overview.html",
        {
            "portfolio": found,
            "funders": funders,
            "funder_parameter": FUNDER_PARAMETER,
            "point": point,
            "years": years,
            "may_decide_amendments": True,  # she acts for the funder the amendments await
            "decision_next": request.get_full_path(),
        },
    )


@requires(Capability.DECIDE_AS_FUNDER)
@require_GET
def goal(request: HttpRequest, pk: int) -> HttpResponse:
    """One goal of her tree: every partner's activities that serve it or a goal below it,
    with their status and indicators (the overview counts them only)."""
    chosen = funders_goal(request, pk)
    years = plan_years(request.user)
    point = viewpoint(request, years=years)
    work = work_serving(request.user, chosen.funder, point.year, point.reference, within=chosen)
    return render(
        request,
        "portfolio/goal.html",
        {
            "goal": chosen,
            "funder": chosen.funder,
            "blocks": work.blocks,
            "funder_parameter": FUNDER_PARAMETER,
            "point": point,
            "years": years,
        },
    )


@spreadsheet_export
@requires(Capability.DECIDE_AS_FUNDER)
@require_GET
def export(request: HttpRequest) -> HttpResponse:
    funder, _funders = chosen_funder(request)
    point = viewpoint(request, years=plan_years(request.user))
    found = portfolio(request.user, funder, point.year, point.reference)
    name = f"portefeuille-{slugify(funder.name)}-{point.year.value}.xlsx"
    return xlsx_response(name, exports.sheets(found))
