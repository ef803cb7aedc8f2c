"""The monitoring chain of a programme line, for a year and a reference date: the page the
funder's official opens first, and its download."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from koers.accounts.decorators import requires
from koers.accounts.policy import has_capability
from koers.accounts.roles import Capability
from koers.core.reference import viewpoint
from koers.core.spreadsheets import csv_response, spreadsheet_export, xlsx_response
from koers.insight import dashboard_exports
from koers.insight.chain import MonitoringChain, monitoring_chain
from koers.insight.regions import FLEVOLAND
from koers.plans.access import get_goal_for_user
from koers.plans.queries.goals import sub_goals
from koers.plans.queries.pages import plan_years

EXPORT_KINDS = ("csv", "xlsx")


def _chain(request: HttpRequest, pk: int) -> tuple[MonitoringChain, object, range]:
    goal = get_goal_for_user(request.user, pk)
    years = plan_years(request.user)
    point = viewpoint(request, years=years)
    return monitoring_chain(request.user, goal, point.year, point.reference), point, years


@requires(Capability.VIEW_PLANS)
@require_GET
def chain(request: HttpRequest, pk: int) -> HttpResponse:
    found, point, years = _chain(request, pk)
    return render(
        request,
        "insight/chain.html",
        {
            "chain": found,
            "point": point,
            "years": years,
            "sub_goals": sub_goals(request.user, found.goal),
            "chain_sections": [
                (_("Output"), found.outputs, "output"),
                (_("Outcome"), found.outcomes, "outcome"),
            ],
            "region": FLEVOLAND,
            "sees_statistics": has_capability(request.user, Capability.VIEW_STATISTICS),
            "may_annotate": has_capability(request.user, Capability.ANNOTATE_FIGURES),
        },
    )


@spreadsheet_export
@requires(Capability.VIEW_PLANS)
@require_GET
def chain_export(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    if kind not in EXPORT_KINDS:
        raise Http404
    found, _point, _years = _chain(request, pk)
    name = slugify(f"monitoringsketen {found.goal.code} {found.year}")
    if kind == "csv":
        return csv_response(f"{name}.csv", dashboard_exports.chain_rows(found))
    return xlsx_response(f"{name}.xlsx", dashboard_exports.chain_sheets(found))
