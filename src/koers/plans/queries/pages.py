"""The data behind the dashboard, the programme page and the activity page."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import (
    F,
    Max,
    Min,
    Prefetch,
    QuerySet,
    Window,
)
from django.db.models.functions import RowNumber

from koers.core.models import AuditEntry, Municipality
from koers.core.periods import Year
from koers.core.reference import default_reference
from koers.plans.models import (
    Activity,
    AnnualPlan,
    Indicator,
    IndicatorKind,
    Line,
    Plan,
    Programme,
    Realisation,
)
from koers.plans.progress import Status
from koers.plans.queries.indicators import IndicatorRow, indicator_rows

# --- dashboard ---------------------------------------------------------------------------


@dataclass
class ProgrammeSummary:
    programme: Programme
    counts: Counter[str]
    key_rows: list[IndicatorRow]
    behind_rows: list[IndicatorRow]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def dashboard(user: Any, year: Year, reference: dt.date) -> list[ProgrammeSummary]:
    """Per visible programme: indicators per status, its key indicators and those behind."""
    programmes = list(
        Programme.objects.visible_to(user)
        .running_in(year.value)
        .select_related("plan", "coordinator")
        .order_by("plan__organisation__name", "order", "code")
    )
    indicators = (
        Indicator.objects.filter(activity__programme__in=programmes, activity__year=year.value)
        .select_related("activity")
        .order_by("activity__order", "activity__code", "kind", "order", "id")
    )
    by_programme: dict[int, list[IndicatorRow]] = defaultdict(list)
    for row in indicator_rows(indicators, year, reference):
        by_programme[row.indicator.activity.programme_id].append(row)
    summaries = []
    for programme in programmes:
        rows = by_programme.get(programme.pk, [])
        summaries.append(
            ProgrammeSummary(
                programme=programme,
                counts=Counter(row.progress.status for row in rows),
                key_rows=[row for row in rows if row.indicator.is_key],
                behind_rows=[
                    row
                    for row in rows
                    if row.progress.status == Status.BEHIND and not row.indicator.is_key
                ],
            )
        )
    return summaries


# --- programme page: the seeds' Activiteiten → Output → Outcome tables ----------------------


@dataclass
class ActivityRow:
    activity: Activity
    outputs: list[IndicatorRow] = field(default_factory=list)
    outcomes: list[IndicatorRow] = field(default_factory=list)


@dataclass
class LineBlock:
    line: Line | None
    activities: list[ActivityRow]


def programme_overview(programme: Programme, year: Year, reference: dt.date) -> list[LineBlock]:
    activities = list(
        Activity.objects.filter(programme=programme, year=year.value)
        .select_related("line", "owner")
        .prefetch_related(Prefetch("municipalities", queryset=Municipality.objects.only("name")))
        .order_by("line__order", "line__code", "order", "code")
    )
    rows = {activity.pk: ActivityRow(activity) for activity in activities}
    indicators = Indicator.objects.filter(activity__in=activities).order_by("kind", "order", "id")
    for row in indicator_rows(indicators, year, reference):
        target = rows[row.indicator.activity_id]
        (target.outputs if row.indicator.kind == IndicatorKind.OUTPUT else target.outcomes).append(
            row
        )
    blocks: list[LineBlock] = []
    for activity in activities:
        if not blocks or blocks[-1].line != activity.line:
            blocks.append(LineBlock(activity.line, []))
        blocks[-1].activities.append(rows[activity.pk])
    return blocks


def programme_years(programme: Programme) -> list[int]:
    return list(programme.plan.years)


def annual_plan_for(plan: Plan, year: int) -> AnnualPlan | None:
    return AnnualPlan.objects.filter(plan=plan, year=year).first()


# --- activity page -----------------------------------------------------------------------


def activity_indicators(activity: Activity, reference: dt.date) -> list[IndicatorRow]:
    year = Year(activity.year)
    return indicator_rows(
        activity.indicators.prefetch_related("targets").order_by("kind", "order", "id"),
        year,
        reference,
    )


RECENT_PER_INDICATOR = 10


def recent_realisations(
    indicator_ids: list[int], *, until: dt.date, per_indicator: int = RECENT_PER_INDICATOR
) -> dict[int, list[Realisation]]:
    """The latest realisations of each indicator up to `until`, newest first, in one query.

    A window function ranks them per indicator, so a busy indicator cannot crowd out
    the others and the page stays the same size however many there are.
    """
    ranked = (
        Realisation.objects.filter(indicator_id__in=indicator_ids, date__lte=until)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("indicator_id")],
                order_by=[F("date").desc(), F("id").desc()],
            )
        )
        .filter(rank__lte=per_indicator)
        .select_related("municipality", "recorded_by")
        .order_by("indicator_id", "rank")
    )
    grouped: dict[int, list[Realisation]] = defaultdict(list)
    for realisation in ranked:
        grouped[realisation.indicator_id].append(realisation)
    return grouped


def activity_history(activity: Activity, limit: int = 50) -> QuerySet[AuditEntry]:
    return (
        AuditEntry.objects.about(f"plans.activity:{activity.pk}")
        .select_related("actor")
        .order_by("-at", "-id")[:limit]
    )


def plan_years(user: Any) -> range:
    """The years of the plans the user can see, for the year picker."""
    bounds = Plan.objects.filter(
        pk__in=Programme.objects.visible_to(user).values("plan")
    ).aggregate(first=Min("start_year"), last=Max("end_year"))
    if bounds["first"] is None:
        this_year = default_reference().year
        return range(this_year, this_year + 1)
    return range(bounds["first"], bounds["last"] + 1)
