"""The province's monitoring chain of one programme line (a goal of a funder's tree) for a
year and a reference date: input → throughput → output → outcome, with the context factors
beside it (seed 004: "contextfactoren (buiten invloed van de provincie)").

- input: the planned budget (income and costs) of the programmes that serve the line, what
  was spent besides hours up to the reference date, the hours written on the activities,
  and the programmes' capacity in FTE. Money is shown only to who may see it
  (`BudgetLine.objects.visible_to`: a funder's official sees her own organisation's lines).
  A programme serving several lines counts whole under each: the page says so.
- throughput: the activities of the year that serve the line, by status.
- output and outcome: their indicators with progress at the reference date.
- context: the key figures chosen for the line or a goal below it, for Flevoland and the
  Netherlands, the latest period up to the year.

Everything the user sees follows the pages' rules (`visible_to`); a fixed number of queries
whatever the size of the line.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Sum

from koers.accounts.policy import has_capability
from koers.accounts.roles import Capability
from koers.core.periods import Year
from koers.funding.models import BudgetLine, Direction, Expense
from koers.insight.dashboards import Tile, tile
from koers.insight.figures import COMPARED_WITH, figures_for_goals, values_of
from koers.insight.note_readers import NoteReader
from koers.insight.queries import region_names
from koers.insight.regions import FLEVOLAND
from koers.plans.models import Activity, ActivityStatus, Goal, Indicator, IndicatorKind, Programme
from koers.plans.queries.goals import goal_contribution, goal_descendants
from koers.plans.queries.indicators import IndicatorRow, indicator_rows
from koers.work.models import TimeEntry


@dataclass(frozen=True)
class Money:
    income: Decimal
    costs: Decimal
    spent: Decimal


@dataclass(frozen=True)
class ChainInput:
    money: Money | None  # None: the user may not see money of these programmes
    hours: Decimal
    fte: Decimal | None


@dataclass
class MonitoringChain:
    goal: Goal
    year: Year
    reference: dt.date
    programmes: list[Programme]
    activities: list[Activity]
    statuses: list[tuple[str, int]]
    input: ChainInput
    outputs: list[IndicatorRow]
    outcomes: list[IndicatorRow]
    context: list[Tile] = field(default_factory=list)
    context_without_figures: list[Any] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.programmes and not self.activities


def monitoring_chain(user: Any, goal: Goal, year: Year, reference: dt.date) -> MonitoringChain:
    contribution = goal_contribution(user, goal, year.value)
    activities = contribution.activities
    programmes = contribution.programmes
    # An activity may serve the line by itself while its programme does not: its programme
    # still pays for it, so its money and capacity are part of the line's input.
    programme_ids = {p.pk for p in programmes} | {a.programme_id for a in activities}
    indicators = Indicator.objects.filter(activity__in=activities).select_related(
        "activity__programme"
    )
    rows = indicator_rows(indicators, year, reference)
    statuses = Counter(activity.status for activity in activities)
    chain = MonitoringChain(
        goal=goal,
        year=year,
        reference=reference,
        programmes=programmes,
        activities=activities,
        statuses=[
            (str(label), statuses[value])
            for value, label in ActivityStatus.choices
            if statuses[value]
        ],
        input=_input(user, programme_ids, activities, year, reference),
        outputs=[row for row in rows if row.indicator.kind == IndicatorKind.OUTPUT],
        outcomes=[row for row in rows if row.indicator.kind == IndicatorKind.OUTCOME],
    )
    if has_capability(user, Capability.VIEW_STATISTICS):
        _add_context(chain, goal, year, NoteReader.of(user))
    return chain


def _input(
    user: Any,
    programme_ids: set[int],
    activities: list[Activity],
    year: Year,
    reference: dt.date,
) -> ChainInput:
    hours = TimeEntry.objects.filter(
        activity__in=activities, date__gte=year.start, date__lte=reference
    ).aggregate(total=Sum("hours"))["total"] or Decimal(0)
    fte = Programme.objects.filter(pk__in=programme_ids).aggregate(total=Sum("fte"))["total"]
    money = None
    if has_capability(user, Capability.VIEW_FUNDING):
        lines = BudgetLine.objects.visible_to(user).filter(
            programme_id__in=programme_ids, year=year.value
        )
        planned = {
            row["direction"]: row["total"]
            for row in lines.order_by().values("direction").annotate(total=Sum("amount"))
        }
        spent = (
            Expense.objects.visible_to(user)
            .filter(programme_id__in=programme_ids, date__gte=year.start, date__lte=reference)
            .aggregate(total=Sum("amount"))["total"]
        )
        money = Money(
            income=planned.get(Direction.INCOME) or Decimal(0),
            costs=planned.get(Direction.COST) or Decimal(0),
            spent=spent or Decimal(0),
        )
    return ChainInput(money=money, hours=hours, fte=fte)


def _add_context(chain: MonitoringChain, goal: Goal, year: Year, reader: NoteReader) -> None:
    figures = list(figures_for_goals(goal_descendants({goal.pk})))
    names = region_names()
    for values in values_of(figures, COMPARED_WITH, reader=reader):
        made = tile(values, FLEVOLAND, names, up_to_year=year.value)
        if made is None:
            chain.context_without_figures.append(values.figure)
        else:
            chain.context.append(made)
