"""The Excel exports of the money pages: grants, advances, budget, position and tables,
each limited to what the user may see."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from koers.accounts.decorators import requires
from koers.accounts.policy import own_organisation
from koers.accounts.roles import Capability
from koers.core.spreadsheets import spreadsheet_export, xlsx_response
from koers.funding import queries
from koers.funding.budget_views import overview_for
from koers.funding.models import (
    Advance,
    BudgetTable,
    CostType,
    Grant,
    Obligation,
)


def _grants_sheet(request: HttpRequest) -> Any:
    header = [
        _("Grant"),
        _("Funder"),
        _("Kind"),
        _("Status"),
        _("Reference"),
        _("Period from"),
        _("Period until"),
        _("Requested (€)"),
        _("Granted (€)"),
        _("Date of the decision"),
        _("Submitted on"),
    ]
    rows = (
        [
            g.title,
            str(g.funder),
            g.get_kind_display(),
            g.get_status_display(),
            g.reference,
            g.starts_on,
            g.ends_on,
            g.amount_requested,
            g.amount_granted,
            g.decided_on,
            getattr(g, "submitted_on", None),
        ]
        for g in queries.with_step_dates(Grant.objects.visible_to(request.user))
        .select_related("funder")
        .order_by("starts_on", "title")
    )
    return (_("Grants"), header, rows)


def _advances_sheet(request: HttpRequest) -> Any:

    header = [
        _("Grant"),
        _("Funder"),
        _("Number"),
        _("Period from"),
        _("Period until"),
        _("To invoice on"),
        _("Amount (€)"),
        _("Invoice number"),
        _("Sent on"),
        _("Paid on"),
    ]
    rows = (
        [
            a.grant.title,
            str(a.grant.funder),
            a.number,
            a.period_start,
            a.period_end,
            a.due_on,
            a.amount,
            a.invoice_number,
            a.sent_on,
            a.paid_on,
        ]
        for a in Advance.objects.visible_to(request.user)
        .select_related("grant__funder")
        .order_by("due_on", "grant__title", "number")
    )
    return (_("Advances"), header, rows)


def _budget_sheets(request: HttpRequest) -> Any:
    overview, _choice = overview_for(request)
    year = overview.year
    header = [
        _("Year"),
        _("Programme"),
        _("Income or costs"),
        _("Funder or cost type"),
        _("Planned (€)"),
        _("Range from (€)"),
        _("Range up to (€)"),
        _("Realised (€)"),
        _("Variance (€)"),
    ]
    rows: list[list[Any]] = []
    cost_types = dict(CostType.choices)
    for item in overview.programmes:
        for funder, money in item.income.items():
            rows.append(_money_row(year, item, _("Income"), str(funder), money))
        for cost_type, money in item.costs.items():
            rows.append(_money_row(year, item, _("Costs"), str(cost_types[cost_type]), money))
    quarter_header = [
        _("Year"),
        _("Programme"),
        _("Quarter"),
        _("Planned costs (€)"),
        _("Realised costs (€)"),
        _("Variance (€)"),
    ]
    quarter_rows = [
        [year, item.programme.name, f"Q{number}", planned, realised, realised - planned]
        for item in overview.programmes
        for number, planned, realised in item.quarters
    ]
    return [
        (_("Budget %(year)s") % {"year": year}, header, rows),
        (_("Per quarter"), quarter_header, quarter_rows),
    ]


def _money_row(year: int, item: Any, direction: str, what: str, money: Any) -> list[Any]:
    return [
        year,
        item.programme.name,
        direction,
        what,
        money.planned,
        money.low,
        money.high,
        money.realised,
        money.variance,
    ]


def _position_sheet(request: HttpRequest) -> Any:
    organisation_id = own_organisation(request.user, Capability.VIEW_FUNDING)
    header = [
        _("Year"),
        _("Planned result (€)"),
        _("Realised result (€)"),
        _("Planned reserve at year end (€)"),
        _("Reserve at year end (€)"),
        _("Equity (€)"),
        _("Total capital (€)"),
        _("Solvency (%)"),
        _("Required equity from (€)"),
        _("Required equity up to (€)"),
    ]
    rows = (
        [
            r.record.year,
            r.record.planned_result,
            r.record.realised_result,
            r.record.planned_reserve,
            r.record.realised_reserve,
            r.record.equity,
            r.record.total_capital,
            r.solvency,
            r.record.required_equity_low,
            r.record.required_equity_high,
        ]
        for r in queries.position(organisation_id)
    )
    return (_("Financial position"), header, rows)


def _tables_sheets(request: HttpRequest) -> Any:
    for checked in queries.tables_with_flags(BudgetTable.objects.visible_to(request.user)):
        header = [_("Row"), *checked.table.columns, _("Stated total"), _("Sum of the parts")]
        rows = [
            [
                row.label,
                *row.amounts,
                row.stated_total,
                None if row.is_heading else row.computed_total,
            ]
            for row in checked.rows
        ]
        yield (checked.table.title, header, rows)


def _obligations_sheet(request: HttpRequest) -> Any:

    header = [_("Grant"), _("Funder"), _("Obligation"), _("Due"), _("Done")]
    rows = (
        [o.grant.title, str(o.grant.funder), o.text, o.due_on, o.done_on]
        for o in Obligation.objects.visible_to(request.user)
        .select_related("grant__funder")
        .order_by("due_on", "grant__title")
    )
    return (_("Obligations"), header, rows)


def _indicators_sheet(request: HttpRequest) -> Any:
    """One row per indicator per year: the agreed target and the plan's own, each in its
    own column; of the programmes she may see (as on the grant's page)."""
    from django.db.models import OuterRef, Subquery

    from koers.funding.models import GrantIndicator
    from koers.plans.models import Programme, Target

    plan_target = Target.objects.filter(
        indicator=OuterRef("indicator_id"), year=OuterRef("year")
    ).values("value")[:1]
    header = [
        _("Grant"),
        _("Programme"),
        _("Activity"),
        _("Indicator"),
        _("Year"),
        _("Agreed with the funder"),
        _("Plan's own target"),
    ]
    rows = (
        [
            row.grant.title,
            row.indicator.activity.programme.name,
            row.indicator.activity.code,
            row.indicator.title,
            row.year,
            row.agreed_target,
            row.plan_target,
        ]
        for row in GrantIndicator.objects.filter(
            grant__in=Grant.objects.visible_to(request.user),
            indicator__activity__programme__in=Programme.objects.visible_to(request.user),
        )
        .select_related("grant", "indicator__activity__programme")
        .annotate(plan_target=Subquery(plan_target))
        .order_by("grant__title", "year", "indicator__activity__programme__order", "id")
    )
    return (_("Performance indicators"), header, rows)


EXPORTS = {
    "subsidies": lambda r: [_grants_sheet(r), _obligations_sheet(r), _indicators_sheet(r)],
    "voorschotten": lambda r: [_advances_sheet(r)],
    "begroting": _budget_sheets,
    "positie": lambda r: [_position_sheet(r)],
    "tabellen": _tables_sheets,
}


@spreadsheet_export
@requires(Capability.VIEW_FUNDING)
@require_GET
def export(request: HttpRequest, what: str) -> HttpResponse:
    sheets = EXPORTS.get(what)
    if sheets is None:
        raise Http404
    return xlsx_response(f"{what}.xlsx", sheets(request))
