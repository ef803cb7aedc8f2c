"""Read-side of the money: every total is summed in the database, and every figure a page
shows can be traced to the rows it adds up."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import (
    Case,
    Count,
    Exists,
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
    """A programme's money in a year. Costs are kept per (cost type, funder) with their
    realisation per quarter, so every view of them — per type, per funder, per quarter, or
    one funder's share only — is a sum of the same parts."""

    programme: Programme
    income: dict[Any, Money] = field(default_factory=dict)  # funder → money
    cost_detail: dict[tuple[str, Any], Money] = field(default_factory=dict)
    realised_detail: dict[tuple[str, Any], list[Decimal]] = field(default_factory=dict)
    hours: Decimal = ZERO
    unpriced_hours: Decimal = ZERO  # hours whose person has no cost rate for the year
    hours_budget: Decimal = ZERO
    # The hours budgeted priced at the organisation's average cost rate for the year: what
    # the planned personnel costs come to from the hours, beside the amount budgeted.
    hours_budget_cost: Decimal | None = None

    def plan_cost(self, cost_type: str, funder: Any, line: dict[str, Any]) -> None:
        self.cost_detail.setdefault((cost_type, funder), Money()).add_planned(
            line["planned"], line["low"], line["high"]
        )

    def realise_cost(self, cost_type: str, funder: Any, quarter: int, amount: Decimal) -> None:
        self.cost_detail.setdefault((cost_type, funder), Money()).realised += amount
        self.realised_detail.setdefault((cost_type, funder), [ZERO] * 4)[quarter - 1] += amount

    @property
    def costs(self) -> dict[str, Money]:
        return _grouped(self.cost_detail, lambda key: key[0])

    @property
    def costs_by_funder(self) -> dict[Any, Money]:
        return _grouped(self.cost_detail, lambda key: key[1])

    @property
    def realised_by_quarter(self) -> list[Decimal]:
        return [sum((q[i] for q in self.realised_detail.values()), ZERO) for i in range(4)]

    @property
    def income_total(self) -> Money:
        return _sum(self.income.values())

    @property
    def cost_rows(self) -> list[tuple[str, Money]]:
        return [(str(CostType(key).label), money) for key, money in self.costs.items()]

    @property
    def cost_total(self) -> Money:
        return _sum(self.cost_detail.values())

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

    def keep_funders(self, funder_ids: set[int]) -> None:
        """Only these funders' income and costs (a funder's official's view)."""
        self.income = {f: m for f, m in self.income.items() if f is not None and f.pk in funder_ids}
        for key in [k for k in self.cost_detail if k[1] is None or k[1].pk not in funder_ids]:
            del self.cost_detail[key]
            self.realised_detail.pop(key, None)


def _grouped(detail: dict[Any, Money], key_of: Any) -> dict[Any, Money]:
    groups: dict[Any, list[Money]] = {}
    for key, money in detail.items():
        groups.setdefault(key_of(key), []).append(money)
    return {key: _sum(parts) for key, parts in groups.items()}


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
    # Advances paid for grants that name no programme (a transition contribution), per funder.
    unassigned_income: dict[Any, Decimal] = field(default_factory=dict)

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
    # By the entry's own organisation (the covering index's first column), not through the
    # programme's plan: the year's entries are found from the index, and an entry on another
    # organisation's programme (there should be none) falls out with its unknown programme.
    groups = (
        TimeEntry.objects.filter(
            organisation_id=organisation_id, date__gte=Year(year).start, date__lte=end
        )
        .exclude(activity__isnull=True, project__isnull=True)
        .annotate(
            programme_key=Coalesce("activity__programme_id", "project__programme_id"),
            quarter=_quarter_of_date(year),
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

    With `funder_ids` (a funder's official, or a report to a funder) only the programmes
    those funders fund are included (those that list them as funders, the rule of every
    page a funder opens), and of those only their income and the costs made for them; no
    figure or total counts another programme. Hours are only ever shown as totals. Every
    share is worked out over all programmes first, so a funder's figures are the staff's
    figures for the same parts."""
    from koers.directory.models import Organisation
    from koers.work.models import HoursBudget

    # QuerySet[Any]: with the annotation below, the rows are Programmes with `funded`.
    of_organisation: QuerySet[Any] = Programme.objects.filter(plan__organisation_id=organisation_id)
    if funder_ids is not None:
        # Whether the funders fund it, in the same query (a funder sees only those).
        funding = Programme.funders.through.objects.filter(
            programme_id=OuterRef("pk"), organisation_id__in=funder_ids
        )
        of_organisation = of_organisation.annotate(funded=Exists(funding))
    by_programme = {
        p.pk: ProgrammeBudget(programme=p) for p in of_organisation.order_by("order", "code")
    }
    funders = {
        o.pk: o
        for o in Organisation.objects.filter(
            Q(funded_budget_lines__organisation_id=organisation_id)
            | Q(funded_expenses__organisation_id=organisation_id)
            | Q(funded_projects__organisation_id=organisation_id)
        ).distinct()
    }

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
        if budget is None:
            continue
        funder = funders.get(line["funder_id"])
        if line["direction"] == Direction.INCOME:
            budget.income.setdefault(funder, Money()).add_planned(
                line["planned"], line["low"], line["high"]
            )
        else:
            budget.plan_cost(line["cost_type"], funder, line)

    end = min(Year(year).end, reference)
    for row in hours_cost(organisation_id, year, until=end):
        budget = by_programme.get(row["programme_id"])
        if budget is None:
            continue
        budget.hours += row["hours"]
        if row["cost"] is None:
            budget.unpriced_hours += row["hours"]
            continue
        budget.realise_cost(
            CostType.PERSONNEL, funders.get(row["funder_id"]), row["quarter"], row["cost"]
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
        if budget is not None:
            budget.realise_cost(
                row["cost_type"], funders.get(row["funder_id"]), row["quarter"], row["amount"]
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
    average_rate = _average_rate(organisation_id, year)
    if average_rate is not None:
        for budget in by_programme.values():
            if budget.hours_budget:
                budget.hours_budget_cost = (budget.hours_budget * average_rate).quantize(CENT)

    for budget in by_programme.values():
        _share_unattributed_costs(budget)
    unassigned = _realise_income(by_programme, funders, organisation_id, year, end)
    included = list(by_programme.values())
    if funder_ids is not None:
        included = [budget for budget in included if budget.programme.funded]  # type: ignore[attr-defined]
        for budget in included:
            budget.keep_funders(funder_ids)
        unassigned = {f: a for f, a in unassigned.items() if f.pk in funder_ids}
    funder_totals: dict[Any, Money] = defaultdict(Money)
    for budget in included:
        for funder, money in budget.income.items():
            funder_totals[funder].add_planned(money.planned, money.low, money.high)
            funder_totals[funder].realised += money.realised
    shown = [b for b in included if b.income or b.costs or b.hours]
    return BudgetOverview(
        year=year,
        programmes=shown,
        funders=dict(funder_totals),
        unpriced_hours=sum((b.unpriced_hours for b in included), ZERO),
        reference=end,
        has_examples=BudgetLine.objects.filter(
            organisation_id=organisation_id,
            programme__in=[b.programme for b in included],
            year=year,
            is_example=True,
        ).exists(),
        unassigned_income=unassigned,
    )


def _average_rate(organisation_id: int, year: int) -> Decimal | None:
    from django.db.models import Avg

    from koers.work.models import CostRate

    average = CostRate.objects.filter(
        profile__organisation_id=organisation_id, year=year
    ).aggregate(rate=Avg("rate"))["rate"]
    return None if average is None else Decimal(average).quantize(CENT)


def _share_unattributed_costs(budget: ProgrammeBudget) -> None:
    """Costs made for no funder in particular (hours on the programme's activities) are
    shared over the programme's funders in proportion to the costs planned for each — of
    the same cost type where there are any, else of all types: the usual allocation key.
    Without planned costs per funder they stay unattributed."""
    from koers.funding.schedule import split

    by_funder = {f: m.planned for f, m in budget.costs_by_funder.items() if f is not None}
    for cost_type in sorted({key[0] for key in budget.cost_detail if key[1] is None}):
        key = (cost_type, None)
        quarters = budget.realised_detail.get(key)
        if not quarters or not any(quarters):
            continue
        same_type = {
            f: m.planned for (t, f), m in budget.cost_detail.items() if t == cost_type and f
        }
        weights = same_type if sum(same_type.values(), ZERO) > 0 else by_funder
        if sum(weights.values(), ZERO) <= 0:
            continue
        funders = sorted(weights, key=lambda f: (weights[f], f.pk))  # rounding cents: last
        cents = [max(int(weights[f] * 100), 0) for f in funders]
        for number, amount in enumerate(list(quarters), start=1):
            if amount:
                for funder, part in zip(funders, split(amount, cents), strict=True):
                    budget.realise_cost(cost_type, funder, number, part)
        unattributed = budget.cost_detail[key]
        unattributed.realised = ZERO
        del budget.realised_detail[key]
        if not unattributed.planned:
            del budget.cost_detail[key]


def _realise_income(
    by_programme: dict[int, ProgrammeBudget],
    funders: dict[int, Any],
    organisation_id: int,
    year: int,
    end: dt.date,
) -> dict[Any, Decimal]:
    """Income realised: advances paid by `end` for periods in `year`, per funder; a grant for
    one programme counts there, a grant for several is shared out by their planned income
    from that funder (or evenly when none is planned). Returns what was paid for grants
    that name none of the programmes, per funder, so the page can show it apart."""
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
    unassigned: dict[Any, Decimal] = {}
    if not paid_rows:
        return unassigned
    covered: dict[int, list[int]] = defaultdict(list)
    for grant_id, programme_id in Grant.programmes.through.objects.filter(
        grant_id__in=[row["grant_id"] for row in paid_rows]
    ).values_list("grant_id", "programme_id"):
        if programme_id in by_programme:
            covered[grant_id].append(programme_id)
    from koers.funding.schedule import split

    missing = {row["grant__funder_id"] for row in paid_rows} - set(funders)
    if missing:
        from koers.directory.models import Organisation

        funders.update(Organisation.objects.in_bulk(list(missing)))
    for row in paid_rows:
        funder = funders[row["grant__funder_id"]]
        programme_ids = sorted(covered.get(row["grant_id"], []))
        if not programme_ids:
            unassigned[funder] = unassigned.get(funder, ZERO) + row["amount"]
            continue
        weights = [by_programme[pid].income.get(funder, Money()).planned for pid in programme_ids]
        if sum(weights) <= 0:
            weights = [Decimal(1)] * len(programme_ids)
        cents = [int(w * 100) or 1 for w in weights]
        for programme_id, share in zip(programme_ids, split(row["amount"], cents), strict=True):
            by_programme[programme_id].income.setdefault(funder, Money()).realised += share
    return unassigned


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


SUBTOTAL = re.compile(r"^\s*sub", re.IGNORECASE)


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

    @property
    def is_subtotal(self) -> bool:
        return self.is_total and SUBTOTAL.match(self.label) is not None


@dataclass(frozen=True)
class Mismatch:
    """A stated total of a total row that is not the sum of the rows it totals: in a column
    (`column` is its name), or in the total column (`column` is None)."""

    row: str
    column: str | None
    stated: Decimal
    parts: Decimal


@dataclass
class CheckedTable:
    table: BudgetTable
    rows: list[CheckedRow]
    mismatches: list[Mismatch]

    @property
    def flags(self) -> int:
        return sum(1 for row in self.rows if row.mismatch) + len(self.mismatches)


def cross_foot(table: BudgetTable, rows: list[Any] | None = None) -> CheckedTable:
    """Check every stated total of `table` against the sum of its parts.

    A row's stated total against its cells. A total row against the detail rows it totals,
    column by column and in the total column: a subtotal ("Subtotaal …") totals the rows
    since the previous total of any kind, a total ("Totaal …") those since the previous
    total that was not a subtotal. Nothing is corrected; every difference is reported with
    its row and column. `rows` (unsaved) check a table before it is stored, as the
    import's dry run does."""
    checked: list[CheckedRow] = []
    mismatches: list[Mismatch] = []
    since_total: list[CheckedRow] = []  # detail rows since the last total of any kind
    since_grand: list[CheckedRow] = []  # detail rows since the last total that was not a sub
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
        if item.is_heading:
            continue
        if not item.is_total:
            since_total.append(item)
            since_grand.append(item)
            continue
        block = since_total if item.is_subtotal else since_grand
        if block:
            mismatches.extend(_total_row_mismatches(item, block, table.columns))
        since_total = []
        if not item.is_subtotal:
            since_grand = []
    return CheckedTable(table, checked, mismatches)


def _total_row_mismatches(
    total: CheckedRow, block: list[CheckedRow], columns: list[str]
) -> list[Mismatch]:
    found = []
    for index, column in enumerate(columns):
        stated = total.amounts[index] if index < len(total.amounts) else None
        parts = sum((r.amounts[index] or ZERO for r in block if index < len(r.amounts)), ZERO)
        if stated is not None and stated != parts:
            found.append(Mismatch(total.label, column, stated, parts))
    stated_parts = [r.stated_total for r in block if r.stated_total is not None]
    if total.stated_total is not None and stated_parts:
        parts_total = sum(stated_parts, ZERO)
        if parts_total != total.stated_total:
            found.append(Mismatch(total.label, None, total.stated_total, parts_total))
    return found


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
