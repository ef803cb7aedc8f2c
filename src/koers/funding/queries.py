"""Read-side of the money: every total is summed in the database, and every figure a page
shows can be traced to the rows it adds up."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import (
    Case,
    Count,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from koers.core.periods import Quarter, Year
from koers.funding import pipeline
from koers.funding.models import (
    Advance,
    BudgetLine,
    BudgetTable,
    CostType,
    Direction,
    Expense,
    FinancialYear,
    Grant,
    GrantKind,
    GrantStatus,
    GrantStep,
)
from koers.plans.models import Programme

ZERO = Decimal(0)
CENT = Decimal("0.01")


# --- the pipeline ----------------------------------------------------------------------------


def with_step_dates(grants: QuerySet[Grant]) -> QuerySet[Grant]:
    """Each grant with the date it was last submitted (one subquery, no N+1)."""
    submitted = (
        GrantStep.objects.filter(grant=OuterRef("pk"), status=GrantStatus.SUBMITTED)
        .order_by("-on", "-id")
        .values("on")[:1]
    )
    return grants.annotate(submitted_on=Subquery(submitted))


@dataclass
class Stage:
    status: str
    label: str
    grants: list[Grant] = field(default_factory=list)
    requested: Decimal = ZERO
    granted: Decimal = ZERO


def pipeline_stages(grants: QuerySet[Grant]) -> list[Stage]:
    """The grants per status in pipeline order, with each stage's totals (from the database)."""
    stages: dict[str, Stage] = {
        status: Stage(status, str(GrantStatus(status).label))
        for status in [*pipeline.ORDER[:4], GrantStatus.REJECTED, *pipeline.ORDER[4:]]
    }
    totals = grants.values("status").annotate(
        requested=Sum("amount_requested"), granted=Sum("amount_granted")
    )
    for row in totals.order_by():
        stages[row["status"]].requested = row["requested"] or ZERO
        stages[row["status"]].granted = row["granted"] or ZERO
    for grant in with_step_dates(grants).select_related("funder").order_by("starts_on", "title"):
        stages[grant.status].grants.append(grant)
    return list(stages.values())


# --- advances --------------------------------------------------------------------------------


@dataclass
class AdvancesOverview:
    quarter: Quarter
    to_invoice: list[Advance]
    outstanding: list[Advance]
    paid: list[Advance]
    totals: dict[str, Decimal]


def advances_overview(grants: QuerySet[Grant], quarter: Quarter) -> AdvancesOverview:
    """What to invoice by the end of `quarter` (not yet sent), what is sent but unpaid, and
    what was paid in the quarter."""
    advances = Advance.objects.filter(grant__in=grants).select_related("grant__funder")
    to_invoice = advances.filter(sent_on__isnull=True, due_on__lte=quarter.end)
    outstanding = advances.filter(sent_on__isnull=False, paid_on__isnull=True)
    paid = advances.filter(paid_on__gte=quarter.start, paid_on__lte=quarter.end)
    sums = advances.aggregate(
        to_invoice=Sum("amount", filter=Q(sent_on__isnull=True, due_on__lte=quarter.end)),
        outstanding=Sum("amount", filter=Q(sent_on__isnull=False, paid_on__isnull=True)),
        paid=Sum("amount", filter=Q(paid_on__gte=quarter.start, paid_on__lte=quarter.end)),
    )
    return AdvancesOverview(
        quarter=quarter,
        to_invoice=list(to_invoice),
        outstanding=list(outstanding),
        paid=list(paid),
        totals={key: value or ZERO for key, value in sums.items()},
    )


# --- budget and realisation ------------------------------------------------------------------


@dataclass
class Money:
    planned: Decimal = ZERO
    low: Decimal | None = None
    high: Decimal | None = None
    realised: Decimal = ZERO

    @property
    def variance(self) -> Decimal:
        """Realised minus planned: positive is overspent (costs) or more received (income)."""
        return self.realised - self.planned

    @property
    def has_range(self) -> bool:
        return self.low is not None and self.high is not None

    def add_planned(self, amount: Decimal, low: Decimal | None, high: Decimal | None) -> None:
        self.planned += amount
        if low is not None and high is not None:
            self.low = (self.low if self.low is not None else self.planned - amount) + low
            self.high = (self.high if self.high is not None else self.planned - amount) + high
        elif self.low is not None and self.high is not None:
            self.low += amount
            self.high += amount


@dataclass
class ProgrammeBudget:
    programme: Programme
    income: dict[Any, Money] = field(default_factory=dict)  # funder → money
    costs: dict[str, Money] = field(default_factory=dict)  # cost type → money
    costs_by_funder: dict[Any, Money] = field(default_factory=dict)  # funder or None → money
    realised_by_quarter: list[Decimal] = field(default_factory=lambda: [ZERO] * 4)
    hours: Decimal = ZERO
    hours_budget: Decimal = ZERO

    @property
    def income_total(self) -> Money:
        return _sum(self.income.values())

    @property
    def cost_rows(self) -> list[tuple[str, Money]]:
        return [(str(CostType(key).label), money) for key, money in self.costs.items()]

    @property
    def cost_total(self) -> Money:
        return _sum(self.costs.values())

    @property
    def planned_by_quarter(self) -> list[Decimal]:
        """Planned costs phased evenly over the quarters (the plan gives no phasing)."""
        from koers.funding.schedule import split

        return split(self.cost_total.planned, [1, 1, 1, 1])

    @property
    def quarters(self) -> list[tuple[int, Decimal, Decimal]]:
        return [
            (number, planned, realised)
            for number, planned, realised in zip(
                range(1, 5), self.planned_by_quarter, self.realised_by_quarter, strict=True
            )
        ]


def _sum(items: Any) -> Money:
    total = Money()
    for item in items:
        total.add_planned(item.planned, item.low, item.high)
        total.realised += item.realised
    return total


@dataclass
class BudgetOverview:
    year: int
    programmes: list[ProgrammeBudget]
    funders: dict[Any, Money]  # income per funder over all programmes
    unpriced_hours: Decimal  # hours whose person has no cost rate for the year
    reference: dt.date
    has_examples: bool = False  # example data among the lines or expenses (the demo)

    @property
    def income_total(self) -> Money:
        return _sum(p.income_total for p in self.programmes)

    @property
    def cost_total(self) -> Money:
        return _sum(p.cost_total for p in self.programmes)

    @property
    def costs_by_funder(self) -> list[tuple[Any, Money]]:
        """Costs per funder over all programmes; None for costs charged to no funder."""
        totals: dict[Any, Money] = {}
        for budget in self.programmes:
            for funder, money in budget.costs_by_funder.items():
                total = totals.setdefault(funder, Money())
                total.add_planned(money.planned, money.low, money.high)
                total.realised += money.realised
        return sorted(totals.items(), key=lambda item: (item[0] is None, str(item[0] or "")))


def _quarter_of_date(year: int) -> Case:
    """The quarter of a date as a plain CASE on date ranges: native on both databases."""
    quarters = Year(year).quarters()
    return Case(
        *[When(date__lte=q.end, then=Value(q.number)) for q in quarters[:3]],
        default=Value(4),
        output_field=IntegerField(),
    )


def hours_cost(
    organisation_id: int, year: int, *, until: dt.date | None = None
) -> list[dict[str, Any]]:
    """Hours on the organisation's programmes in `year` per person, programme, funder and
    quarter, each priced at the person's cost rate for that year.

    The database sums the hours (one grouped query); the few hundred groups are priced here
    with the rates (one more query), so no rate lookup runs per time entry."""
    from koers.work.models import CostRate, TimeEntry

    end = min(Year(year).end, until) if until else Year(year).end
    groups = (
        TimeEntry.objects.filter(date__gte=Year(year).start, date__lte=end)
        .annotate(
            programme_key=Coalesce("activity__programme_id", "project__programme_id"),
            quarter=_quarter_of_date(year),
        )
        .filter(
            Q(activity__programme__plan__organisation_id=organisation_id)
            | Q(project__programme__plan__organisation_id=organisation_id)
        )
        .values("user_id", "programme_key", "project__funder_id", "quarter")
        .annotate(hours=Sum("hours"))
        .order_by()
    )
    rates = dict(
        CostRate.objects.filter(profile__organisation_id=organisation_id, year=year).values_list(
            "profile__user_id", "rate"
        )
    )
    rows = []
    for group in groups:
        rate = rates.get(group["user_id"])
        rows.append(
            {
                "programme_id": group["programme_key"],
                "funder_id": group["project__funder_id"],
                "quarter": group["quarter"],
                "hours": group["hours"],
                "cost": (group["hours"] * rate).quantize(CENT) if rate is not None else None,
            }
        )
    return rows


def budget_overview(
    organisation_id: int,
    year: int,
    *,
    reference: dt.date,
    funder_ids: set[int] | None = None,
) -> BudgetOverview:
    """The programme budget of `year` beside what was realised up to `reference`.

    With `funder_ids` (a funder's official) only those funders' income and the costs made
    for them are included; hours are only ever shown as totals."""
    from koers.directory.models import Organisation
    from koers.work.models import HoursBudget

    programmes = list(
        Programme.objects.filter(plan__organisation_id=organisation_id).order_by("order", "code")
    )
    by_programme = {p.pk: ProgrammeBudget(programme=p) for p in programmes}
    funders = {
        o.pk: o
        for o in Organisation.objects.filter(
            Q(funded_budget_lines__organisation_id=organisation_id)
            | Q(funded_expenses__organisation_id=organisation_id)
            | Q(funded_projects__organisation_id=organisation_id)
        ).distinct()
    }

    def visible(funder_id: int | None) -> bool:
        return funder_ids is None or funder_id in funder_ids

    lines = (
        BudgetLine.objects.filter(organisation_id=organisation_id, year=year)
        .values("programme_id", "direction", "cost_type", "funder_id")
        .annotate(
            planned=Sum("amount"),
            # A line without a range counts at its amount at both ends of the group's range.
            low=Sum(Coalesce("amount_low", "amount")),
            high=Sum(Coalesce("amount_high", "amount")),
            ranged=Count("id", filter=Q(amount_low__isnull=False)),
        )
        .order_by()
    )
    for line in lines:
        if not line["ranged"]:
            line["low"] = line["high"] = None
        budget = by_programme.get(line["programme_id"])
        if budget is None or not visible(line["funder_id"]):
            continue
        funder = funders.get(line["funder_id"])
        if line["direction"] == Direction.INCOME:
            budget.income.setdefault(funder, Money()).add_planned(
                line["planned"], line["low"], line["high"]
            )
        else:
            budget.costs.setdefault(line["cost_type"], Money()).add_planned(
                line["planned"], line["low"], line["high"]
            )
            budget.costs_by_funder.setdefault(funder, Money()).add_planned(
                line["planned"], line["low"], line["high"]
            )

    end = min(Year(year).end, reference)
    unpriced = ZERO
    for row in hours_cost(organisation_id, year, until=end):
        budget = by_programme.get(row["programme_id"])
        if budget is None or not visible(row["funder_id"]):
            continue
        budget.hours += row["hours"]
        if row["cost"] is None:
            unpriced += row["hours"]
            continue
        _realise(
            budget, CostType.PERSONNEL, funders.get(row["funder_id"]), row["quarter"], row["cost"]
        )

    expenses = (
        Expense.objects.filter(
            organisation_id=organisation_id, date__gte=Year(year).start, date__lte=end
        )
        .annotate(quarter=_quarter_of_date(year))
        .values("programme_id", "cost_type", "funder_id", "quarter")
        .annotate(amount=Sum("amount"))
        .order_by()
    )
    for row in expenses:
        budget = by_programme.get(row["programme_id"])
        if budget is None or not visible(row["funder_id"]):
            continue
        _realise(
            budget, row["cost_type"], funders.get(row["funder_id"]), row["quarter"], row["amount"]
        )

    for row in (
        HoursBudget.objects.filter(year=year)
        .filter(
            Q(activity__programme__plan__organisation_id=organisation_id)
            | Q(project__programme__plan__organisation_id=organisation_id)
        )
        .annotate(programme_key=Coalesce("activity__programme_id", "project__programme_id"))
        .values("programme_key")
        .annotate(hours=Sum("hours"))
        .order_by()
    ):
        if row["programme_key"] in by_programme:
            by_programme[row["programme_key"]].hours_budget = row["hours"]

    for budget in by_programme.values():
        _share_unattributed_costs(budget)
    _realise_income(by_programme, funders, organisation_id, year, end, visible)
    funder_totals: dict[Any, Money] = defaultdict(Money)
    for budget in by_programme.values():
        for funder, money in budget.income.items():
            funder_totals[funder].add_planned(money.planned, money.low, money.high)
            funder_totals[funder].realised += money.realised
    shown = [b for b in by_programme.values() if b.income or b.costs or b.hours]
    return BudgetOverview(
        year=year,
        programmes=shown,
        funders=dict(funder_totals),
        unpriced_hours=unpriced,
        reference=end,
        has_examples=BudgetLine.objects.filter(
            organisation_id=organisation_id, year=year, is_example=True
        ).exists(),
    )


def _realise(
    budget: ProgrammeBudget, cost_type: str, funder: Any, quarter: int, amount: Decimal
) -> None:
    budget.costs.setdefault(cost_type, Money()).realised += amount
    budget.costs_by_funder.setdefault(funder, Money()).realised += amount
    budget.realised_by_quarter[quarter - 1] += amount


def _share_unattributed_costs(budget: ProgrammeBudget) -> None:
    """Costs made for no funder in particular (hours on the programme's activities) are
    shared over the programme's funders in proportion to the costs planned for each, the
    usual allocation key; without planned costs per funder they stay unattributed."""
    unattributed = budget.costs_by_funder.get(None)
    if unattributed is None or not unattributed.realised:
        return
    shares = [(f, m.planned) for f, m in budget.costs_by_funder.items() if f is not None]
    weights = [int(planned * 100) for _f, planned in shares]
    if not shares or sum(weights) <= 0:
        return
    from koers.funding.schedule import split

    for (funder, _planned), part in zip(
        shares, split(unattributed.realised, [max(w, 0) for w in weights]), strict=True
    ):
        budget.costs_by_funder[funder].realised += part
    unattributed.realised = ZERO
    if not unattributed.planned:
        del budget.costs_by_funder[None]


def _realise_income(
    by_programme: dict[int, ProgrammeBudget],
    funders: dict[int, Any],
    organisation_id: int,
    year: int,
    end: dt.date,
    visible: Any,
) -> None:
    """Income realised: advances paid by `end` for periods in `year`, per funder; a grant for
    one programme counts there, a grant for several is shared out by their planned income
    from that funder (or evenly when none is planned)."""
    paid = (
        Advance.objects.filter(
            grant__organisation_id=organisation_id,
            period_start__year=year,
            paid_on__isnull=False,
            paid_on__lte=end,
        )
        .values("grant_id", "grant__funder_id")
        .annotate(amount=Sum("amount"))
        .order_by()
    )
    paid_rows = list(paid)
    if not paid_rows:
        return
    covered: dict[int, list[int]] = defaultdict(list)
    for grant_id, programme_id in Grant.programmes.through.objects.filter(
        grant_id__in=[row["grant_id"] for row in paid_rows]
    ).values_list("grant_id", "programme_id"):
        if programme_id in by_programme:
            covered[grant_id].append(programme_id)
    from koers.funding.schedule import split

    for row in paid_rows:
        funder_id = row["grant__funder_id"]
        programme_ids = sorted(covered.get(row["grant_id"], []))
        if not programme_ids or not visible(funder_id):
            continue
        funder = funders.get(funder_id)
        if funder is None:
            from koers.directory.models import Organisation

            funder = funders[funder_id] = Organisation.objects.get(pk=funder_id)
        weights = [by_programme[pid].income.get(funder, Money()).planned for pid in programme_ids]
        if sum(weights) <= 0:
            weights = [Decimal(1)] * len(programme_ids)
        cents = [int(w * 100) or 1 for w in weights]
        for programme_id, share in zip(programme_ids, split(row["amount"], cents), strict=True):
            by_programme[programme_id].income.setdefault(funder, Money()).realised += share


# --- the financial position ------------------------------------------------------------------


@dataclass
class PositionRow:
    record: FinancialYear
    solvency: Decimal | None  # percent
    band: str  # "below", "within", "above" or ""
    reserve_check: tuple[Decimal, Decimal] | None  # (stated, previous + result) when unequal


def solvency_band() -> tuple[Decimal, Decimal]:
    low, high = getattr(settings, "KOERS_SOLVENCY_BAND", (25, 40))
    return Decimal(low), Decimal(high)


def position(organisation_id: int) -> list[PositionRow]:
    """Per year: result, reserve, solvency against the band; a planned reserve that is not
    last year's reserve plus this year's result is flagged with both figures."""
    low, high = solvency_band()
    rows: list[PositionRow] = []
    previous: FinancialYear | None = None
    for record in FinancialYear.objects.filter(organisation_id=organisation_id).order_by("year"):
        solvency = None
        band = ""
        if record.equity is not None and record.total_capital:
            solvency = (record.equity / record.total_capital * 100).quantize(Decimal("0.1"))
            band = "below" if solvency < low else "above" if solvency > high else "within"
        check = None
        if (
            previous is not None
            and previous.year == record.year - 1
            and previous.planned_reserve is not None
            and record.planned_result is not None
            and record.planned_reserve is not None
        ):
            expected = previous.planned_reserve + record.planned_result
            if expected != record.planned_reserve:
                check = (record.planned_reserve, expected)
        rows.append(PositionRow(record, solvency, band, check))
        previous = record
    return rows


def planned_result_total(rows: list[PositionRow]) -> Decimal:
    return sum((r.record.planned_result or ZERO for r in rows), ZERO)


# --- stated tables ---------------------------------------------------------------------------


@dataclass
class CheckedRow:
    label: str
    amounts: list[Decimal | None]
    stated_total: Decimal | None
    computed_total: Decimal
    is_total: bool
    is_heading: bool
    note: str

    @property
    def mismatch(self) -> bool:
        return self.stated_total is not None and self.stated_total != self.computed_total


@dataclass
class CheckedTable:
    table: BudgetTable
    rows: list[CheckedRow]
    # Per column of the total row: (stated, sum of the rows above) where they differ.
    column_mismatches: dict[int, tuple[Decimal, Decimal]]
    # The total row's stated total against the sum of the rows' stated totals.
    total_column_mismatch: tuple[Decimal, Decimal] | None

    @property
    def flags(self) -> int:
        return (
            sum(1 for row in self.rows if row.mismatch)
            + len(self.column_mismatches)
            + (1 if self.total_column_mismatch else 0)
        )


def cross_foot(table: BudgetTable, rows: list[Any] | None = None) -> CheckedTable:
    """Check every stated total of `table` against the sum of its parts.

    A row's stated total against its cells; each column of a total row against the rows
    above it (back to the previous total row); and the total row's stated total against
    the stated totals of those rows. Nothing is corrected; differences are reported.
    `rows` (unsaved) check a table before it is stored, as the import's dry run does."""
    checked: list[CheckedRow] = []
    column_mismatches: dict[int, tuple[Decimal, Decimal]] = {}
    total_column_mismatch = None
    width = len(table.columns)
    block: list[CheckedRow] = []
    for row in table.rows.all() if rows is None else rows:
        amounts = row.amounts
        item = CheckedRow(
            label=row.label,
            amounts=amounts,
            stated_total=row.stated_total,
            computed_total=sum((a for a in amounts if a is not None), ZERO),
            is_total=row.is_total,
            is_heading=row.is_heading,
            note=row.note,
        )
        checked.append(item)
        if row.is_heading:
            continue
        if not row.is_total:
            block.append(item)
            continue
        for index in range(width):
            parts = sum((r.amounts[index] or ZERO for r in block), ZERO)
            stated = amounts[index] if index < len(amounts) else None
            if stated is not None and stated != parts:
                column_mismatches[index] = (stated, parts)
        stated_parts = [r.stated_total for r in block if r.stated_total is not None]
        if row.stated_total is not None and stated_parts:
            parts_total = sum(stated_parts, ZERO)
            if parts_total != row.stated_total:
                total_column_mismatch = (row.stated_total, parts_total)
        block = []
    return CheckedTable(table, checked, column_mismatches, total_column_mismatch)


def tables_with_flags(tables: QuerySet[BudgetTable]) -> list[CheckedTable]:
    return [cross_foot(t) for t in tables.prefetch_related("rows").select_related("funder")]


# --- fundraising -----------------------------------------------------------------------------


def applications_by_funder(grants: QuerySet[Grant]) -> list[dict[str, Any]]:
    return list(
        grants.exclude(kind=GrantKind.INSTITUTIONAL)
        .values("funder__name")
        .annotate(
            total=Count("id"),
            granted=Count("id", filter=Q(status__in=pipeline.DECIDED)),
            amount=Sum("amount_granted"),
            last=Max("starts_on"),
        )
        .order_by("funder__name")
    )
