"""Money per programme: the budget beside what was realised, stated budget tables with
their cross-foot check, the financial position, and the Excel exports of each."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from koers.accounts.decorators import requires
from koers.accounts.policy import organisations_with, own_organisation
from koers.accounts.roles import Capability
from koers.core.http import client_address
from koers.core.pages import form_page, submit
from koers.core.reference import viewpoint
from koers.core.spreadsheets import spreadsheet_export, xlsx_response
from koers.core.versioning import versioned_edit
from koers.funding import queries, services
from koers.funding.access import (
    get_budget_table_for_user,
)
from koers.funding.forms import BudgetLineForm, ExpenseForm, PositionForm
from koers.funding.models import (
    Advance,
    BudgetLine,
    BudgetTable,
    CostType,
    FinancialYear,
    Grant,
    Obligation,
)


def _budget_scope(request: HttpRequest) -> tuple[int | None, set[int] | None]:
    """Whose budget the user reads, and for a funder's official, which funders' lines.
    A funder whose money is in no budget reads an empty one."""
    own, funding = organisations_with(request.user, Capability.VIEW_FUNDING)
    if own:
        return min(own), None
    organisation_ids = (
        BudgetLine.objects.visible_to(request.user)
        .values_list("organisation_id", flat=True)
        .distinct()
    )
    return min(organisation_ids, default=None), funding


def _overview(request: HttpRequest) -> tuple[queries.BudgetOverview, bool]:
    organisation_id, funder_ids = _budget_scope(request)
    view = viewpoint(request)
    if organisation_id is None:
        empty = queries.BudgetOverview(view.year.value, [], {}, Decimal(0), view.reference)
        return empty, True
    overview = queries.budget_overview(
        organisation_id, view.year.value, reference=view.reference, funder_ids=funder_ids
    )
    return overview, funder_ids is not None


@requires(Capability.VIEW_FUNDING)
@require_GET
def budget(request: HttpRequest) -> HttpResponse:
    overview, is_funder = _overview(request)
    own, _funding = organisations_with(request.user, Capability.MANAGE_FUNDING)
    return render(
        request,
        "funding/budget.html",
        {"overview": overview, "may_manage": bool(own), "is_funder": is_funder},
    )


@requires(Capability.MANAGE_FUNDING)
@require_http_methods(["GET", "POST"])
def budget_line_add(request: HttpRequest) -> HttpResponse:
    organisation_id = own_organisation(request.user, Capability.MANAGE_FUNDING)
    form = BudgetLineForm(
        request.POST or None,
        organisation_id=organisation_id,
        initial={"year": viewpoint(request).year.value},
    )
    if request.method == "POST" and form.is_valid():
        line = submit(
            request,
            _ValuesForm(form),
            services.budget_line_save,
            _("The budget line has been added."),
            organisation_id=organisation_id,
        )
        if line is not None:
            return redirect(f"{reverse('funding:budget')}?jaar={line.year}")
    return form_page(
        request,
        form,
        heading=_("Add a budget line"),
        back_url=reverse("funding:budget"),
        intro=_(
            "Income from a funder, or costs of a type, for a programme in a year. Give a "
            "range where the plan gives a bandwidth; the amount is the figure planned on."
        ),
    )


class _ValuesForm:
    """Hands a form's cleaned data to a service that takes `values=`."""

    def __init__(self, form: Any) -> None:
        self.form = form
        self.cleaned_data = {"values": dict(form.cleaned_data)}

    def add_error(self, field: Any, error: Any) -> None:
        self.form.add_error(field, error)


@requires(Capability.MANAGE_FUNDING)
@require_http_methods(["GET", "POST"])
def expense_add(request: HttpRequest) -> HttpResponse:
    organisation_id = own_organisation(request.user, Capability.MANAGE_FUNDING)
    form = ExpenseForm(request.POST or None, organisation_id=organisation_id)
    if request.method == "POST" and form.is_valid():
        expense = submit(
            request,
            _ValuesForm(form),
            services.expense_record,
            _("The expense has been recorded."),
            organisation_id=organisation_id,
        )
        if expense is not None:
            return redirect(f"{reverse('funding:budget')}?jaar={expense.date.year}")
    return form_page(
        request,
        form,
        heading=_("Record an expense"),
        back_url=reverse("funding:budget"),
        intro=_("Money spent besides hours: material, hired expertise, venues."),
    )


@requires(Capability.VIEW_FUNDING)
@require_GET
def budget_tables(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "funding/budget_tables.html",
        {"tables": queries.tables_with_flags(BudgetTable.objects.visible_to(request.user))},
    )


@requires(Capability.VIEW_FUNDING)
@require_GET
def budget_table(request: HttpRequest, pk: int) -> HttpResponse:
    table = get_budget_table_for_user(request.user, pk)
    return render(request, "funding/budget_table.html", {"checked": queries.cross_foot(table)})


@requires(Capability.VIEW_FUNDING)
@require_GET
def position(request: HttpRequest) -> HttpResponse:
    organisation_id = own_organisation(request.user, Capability.VIEW_FUNDING)
    rows = queries.position(organisation_id)
    low, high = queries.solvency_band()
    own, _funding = organisations_with(request.user, Capability.MANAGE_FUNDING)
    return render(
        request,
        "funding/position.html",
        {
            "rows": rows,
            "low": low,
            "high": high,
            "planned_total": queries.planned_result_total(rows),
            "may_manage": bool(own),
        },
    )


# --- exports ---------------------------------------------------------------------------------


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
    overview, _is_funder = _overview(request)
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


@requires(Capability.MANAGE_FUNDING)
@require_http_methods(["GET", "POST"])
def position_edit(request: HttpRequest, year: int) -> HttpResponse:
    organisation_id = own_organisation(request.user, Capability.MANAGE_FUNDING)
    if not 1900 <= year <= 2200:
        raise Http404
    record = FinancialYear.objects.filter(organisation_id=organisation_id, year=year).first()
    form = PositionForm(
        request.POST or None,
        instance=record or FinancialYear(year=year),
        initial={"version": record.version} if record else None,
    )
    return versioned_edit(
        request,
        form,
        lambda cleaned: services.financial_year_save(
            actor=request.user,
            organisation_id=organisation_id,
            year=year,
            values={name: cleaned[name] for name in services.POSITION_FIELDS},
            expected_version=cleaned["version"],
            remote_addr=client_address(request),
        ),
        success=_("The financial position has been saved."),
        shown=("planned_result", "realised_result", "realised_reserve", "equity"),
        next_url=lambda saved: reverse("funding:position"),
        heading=_("Financial position %(year)s") % {"year": year},
        back_url=reverse("funding:position"),
    )
