"""Budget against realisation: every total is summed in the database, and every figure
the budget page shows can be traced to the rows it adds up."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from koers.core.periods import Year
from koers.funding.models import Advance, BudgetLine, CostType, Direction, Expense, Grant
from koers.funding.queries.figures import CENT, ZERO, BudgetOverview, Money, ProgrammeBudget
from koers.plans.models import Programme


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
