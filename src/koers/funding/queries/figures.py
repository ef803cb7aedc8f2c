"""The money a budget page adds up: planned, range and realised per programme, funder
and cost type, and the year's overview; plain data, summed by `budgets`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from koers.funding.models import CostType
from koers.plans.models import Programme

ZERO = Decimal(0)
CENT = Decimal("0.01")


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
