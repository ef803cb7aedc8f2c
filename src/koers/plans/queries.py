"""Read-side: the data behind the dashboard, programme, activity and goal pages.

Every aggregation happens in the database: one query brings each indicator with its
year's target and its realised sum, maximum, latest value and count, however many
realisations there are.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import (
    Count,
    F,
    FilteredRelation,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Window,
    prefetch_related_objects,
)
from django.db.models.functions import RowNumber

from koers.accounts.policy import organisations_with
from koers.accounts.roles import Capability
from koers.core.models import AuditEntry, Municipality
from koers.core.periods import Quarter, Year
from koers.plans.measures import get_measure
from koers.plans.models import (
    Activity,
    ActivityComment,
    Aggregation,
    AnnualPlan,
    Goal,
    Indicator,
    IndicatorKind,
    Line,
    Plan,
    Programme,
    QuarterReport,
    Realisation,
    Source,
)
from koers.plans.progress import Progress, Status, activity_status, assess


def with_progress_values(
    indicators: QuerySet[Indicator], year: Year, reference: dt.date
) -> list[Any]:
    """Indicators with their target for `year` and what was realised up to `reference`.

    Three queries whatever the volume: the indicators with their year's target (a join),
    the sum, maximum and count per indicator (one grouped pass over the window), and the
    latest value per indicator (an index seek each, inside one query). Derived indicators
    add a query per measure (per theme or kind it is narrowed to) for those measures that
    count in one go, and one per indicator for the others.
    """
    window_end = min(reference, year.end)
    latest = Realisation.objects.filter(
        indicator=OuterRef("pk"), date__gte=year.start, date__lte=window_end
    ).order_by("-date", "-id")
    rows: list[Any] = list(
        indicators.annotate(
            year_target=FilteredRelation("targets", condition=Q(targets__year=year.value)),
            target_value=F("year_target__value"),
            target_q1=F("year_target__q1"),
            target_q2=F("year_target__q2"),
            target_q3=F("year_target__q3"),
            realised_latest=Subquery(latest.values("value")[:1]),
        )
    )
    totals = {
        row["indicator_id"]: row
        for row in Realisation.objects.filter(
            indicator__in=[indicator.pk for indicator in rows],
            date__gte=year.start,
            date__lte=window_end,
        )
        .order_by()
        .values("indicator_id")
        .annotate(total=Sum("value"), maximum=Max("value"), count=Count("id"))
    }
    for indicator in rows:
        found = totals.get(indicator.pk, {})
        indicator.realised_sum = found.get("total")
        indicator.realised_max = found.get("maximum")
        indicator.realisation_count = found.get("count", 0)
    _derive(rows, year.start, window_end)
    return rows


def _derive(rows: list[Any], start: dt.date, end: dt.date) -> None:
    """Set `derived_value` on the derived indicators among `rows`: their measure's value
    over the window, computed per measure for all its indicators at once."""
    derived = [indicator for indicator in rows if indicator.source == Source.DERIVED]
    # The measures read the indicator's programme and organisation: fetched once for all
    # derived rows here, rather than joined into every indicator row of every page.
    prefetch_related_objects(derived, "activity__programme__plan")
    by_measure: dict[str, list[Any]] = defaultdict(list)
    for indicator in derived:
        by_measure[indicator.measure].append(indicator)
    for key, indicators in by_measure.items():
        measure = get_measure(key)
        values = measure.compute_all(indicators, start, end) if measure else {}
        for indicator in indicators:
            indicator.derived_value = values.get(indicator.pk)


def _realised(indicator: Any, year: Year, reference: dt.date) -> Decimal | None:
    if indicator.source == Source.DERIVED:
        value: Decimal | None = indicator.derived_value  # set by `with_progress_values`
        return value
    return {
        Aggregation.SUM: indicator.realised_sum,
        Aggregation.MAX: indicator.realised_max,
        Aggregation.LATEST: indicator.realised_latest,
    }[indicator.aggregation]


def progress_of(indicator: Any, year: Year, reference: dt.date) -> Progress:
    """Progress of an indicator annotated by `with_progress_values`."""
    phasing = None
    if None not in (indicator.target_q1, indicator.target_q2, indicator.target_q3):
        phasing = (
            indicator.target_q1,
            indicator.target_q2,
            indicator.target_q3,
            indicator.target_value,
        )
    return assess(
        target=indicator.target_value,
        phasing=phasing,
        cumulative=indicator.aggregation == Aggregation.SUM,
        realised=_realised(indicator, year, reference),
        year=year,
        reference=reference,
    )


@dataclass
class IndicatorRow:
    indicator: Indicator
    progress: Progress


def indicator_rows(
    indicators: QuerySet[Indicator], year: Year, reference: dt.date
) -> list[IndicatorRow]:
    return [
        IndicatorRow(indicator, progress_of(indicator, year, reference))
        for indicator in with_progress_values(indicators, year, reference)
    ]


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


def programmes_for(user: Any, year: int) -> QuerySet[Programme]:
    return (
        Programme.objects.visible_to(user)
        .filter(plan__start_year__lte=year, plan__end_year__gte=year)
        .select_related("plan", "coordinator")
        .order_by("plan__organisation__name", "order", "code")
    )


def dashboard(user: Any, year: Year, reference: dt.date) -> list[ProgrammeSummary]:
    """Per visible programme: indicators per status, its key indicators and those behind."""
    programmes = list(programmes_for(user, year.value))
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


# --- quarterly progress: narratives and status overrides ----------------------------------

# The audit trail is append-only, so entries written before the model was renamed from
# ActivityUpdate keep its old label: a report's history reads both.
QUARTER_REPORT_SUBJECT_TYPES = [QuarterReport._meta.label_lower, "plans.activityupdate"]


def quarter_reports(activity_ids: list[int], year: int, quarter: int) -> dict[int, QuarterReport]:
    """The progress written for `quarter` of `year`, per activity id, in one query; an
    activity without it is absent. Each report has its activity and writer loaded."""
    return {
        report.activity_id: report
        for report in QuarterReport.objects.filter(
            activity_id__in=activity_ids, activity__year=year, quarter=quarter
        ).select_related("activity", "updated_by")
    }


def latest_quarter_report(activity: Activity, up_to: dt.date) -> QuarterReport | None:
    """The progress of the latest quarter of `activity` that began by `up_to`."""
    if up_to.year < activity.year:
        return None
    last = 4 if up_to.year > activity.year else Quarter.containing(up_to).number
    return (
        activity.quarter_reports.filter(quarter__lte=last)
        .select_related("updated_by")
        .order_by("-quarter")
        .first()
    )


@dataclass
class ProgressEntry:
    """One activity on the quarter page: its computed status with the indicators behind it,
    what was written for the quarter, and the history of what was written."""

    activity: Activity
    computed: Status
    rows: list[IndicatorRow]
    report: QuarterReport | None
    history: list[AuditEntry]


def quarter_progress(
    programme: Programme, quarter: Quarter, reference: dt.date
) -> list[ProgressEntry]:
    """The programme's activities of the quarter's year with their status as of
    `reference`, the quarter's reports and their history, in a fixed number of queries."""
    activities = list(
        Activity.objects.filter(programme=programme, year=quarter.year)
        .select_related("line")
        .order_by("line__order", "line__code", "order", "code")
    )
    rows: dict[int, list[IndicatorRow]] = defaultdict(list)
    indicators = Indicator.objects.filter(activity__in=activities).order_by("kind", "order", "id")
    for row in indicator_rows(indicators, Year(quarter.year), reference):
        rows[row.indicator.activity_id].append(row)
    reports = quarter_reports([a.pk for a in activities], quarter.year, quarter.number)
    history: dict[int, list[AuditEntry]] = defaultdict(list)
    entries = AuditEntry.objects.filter(
        subject_type__in=QUARTER_REPORT_SUBJECT_TYPES,
        subject_id__in=[report.pk for report in reports.values()],
    ).select_related("actor")
    for entry in entries.order_by("-at", "-id"):
        history[entry.subject_id].append(entry)
    return [
        ProgressEntry(
            activity=activity,
            computed=activity_status(row.progress.status for row in rows[activity.pk]),
            rows=rows[activity.pk],
            report=reports.get(activity.pk),
            history=history[reports[activity.pk].pk] if activity.pk in reports else [],
        )
        for activity in activities
    ]


# --- questions and answers on activities ---------------------------------------------------


def activity_threads(activity: Activity) -> list[ActivityComment]:
    """The activity's threads, oldest first, each with its answers: two queries."""
    return list(
        activity.comments.filter(parent__isnull=True)
        .with_sides()
        .select_related("author")
        .prefetch_related(
            Prefetch(
                "replies",
                queryset=ActivityComment.objects.with_sides()
                .select_related("author")
                .order_by("created_at", "id"),
            )
        )
        .order_by("created_at", "id")
    )


def open_questions(programme_ids: list[int]) -> QuerySet[ActivityComment]:
    """Funders' questions on these programmes' activities that await the organisation's
    answer, oldest first."""
    return (
        ActivityComment.objects.open_questions()
        .filter(activity__programme_id__in=programme_ids)
        .select_related("activity")
        .order_by("created_at", "id")
    )


def open_question_counts(programme_ids: list[int]) -> Counter[int]:
    """How many funders' questions await an answer, per programme id (one query)."""
    return Counter(
        ActivityComment.objects.open_questions()
        .filter(activity__programme_id__in=programme_ids)
        .values_list("activity__programme_id", flat=True)
    )


# --- goal contribution -------------------------------------------------------------------


@dataclass
class GoalContribution:
    goal: Goal
    programmes: list[Programme]
    activities: list[Activity]


def goal_descendants(goal_ids: set[int]) -> set[int]:
    """The goals and every goal below them, one query per level of the tree."""
    found, frontier = set(goal_ids), set(goal_ids)
    while frontier:
        frontier = set(Goal.objects.filter(parent__in=frontier).values_list("pk", flat=True))
        frontier -= found
        found |= frontier
    return found


def goal_ancestors(goal_ids: set[int]) -> set[int]:
    """The goals and every goal above them."""
    found, frontier = set(goal_ids), set(goal_ids)
    while frontier:
        frontier = set(
            Goal.objects.filter(pk__in=frontier, parent__isnull=False).values_list(
                "parent_id", flat=True
            )
        )
        frontier -= found
        found |= frontier
    return found


# Who sees which goal tree. A goal tree belongs to its funder. The executing organisation's
# staff see every tree their programmes and activities serve (they work towards it); a
# funder's official sees her own organisation's trees, and never another funder's, not even
# where a programme she funds serves it too: that funder's goals, and how its tree is
# built, are not hers to see. The goal pages, the goal list and every link to a goal
# (programme and activity pages) follow the same rule.


def _served_goal_ids(organisation_ids: set[int]) -> set[int]:
    """Goals that a programme or an activity of these organisations contributes to."""
    if not organisation_ids:
        return set()
    by_programme = Goal.objects.filter(programmes__plan__organisation_id__in=organisation_ids)
    by_activity = Goal.objects.filter(
        activities__programme__plan__organisation_id__in=organisation_ids
    )
    return set(by_programme.values_list("pk", flat=True)) | set(
        by_activity.values_list("pk", flat=True)
    )


def _visible_roots(user: Any) -> QuerySet[Goal]:
    own, funding = organisations_with(user, Capability.VIEW_PLANS)
    served = goal_ancestors(_served_goal_ids(own))
    return Goal.objects.filter(parent__isnull=True).filter(
        Q(pk__in=served) | Q(funder_id__in=funding)
    )


def visible_goal_ids(user: Any) -> set[int]:
    """Every goal of the trees the user may see (see the rule above)."""
    return goal_descendants(set(_visible_roots(user).values_list("pk", flat=True)))


def goals_shown(user: Any, goals: QuerySet[Goal], organisation_id: int) -> QuerySet[Goal]:
    """Of `goals`, served by a programme or an activity of `organisation_id`, those the user
    may open: all of them for the organisation's own people, only her own organisation's
    goals for a funder's official. No query of its own (the grants are read once)."""
    own, funding = organisations_with(user, Capability.VIEW_PLANS)
    if organisation_id in own:
        return goals
    return goals.filter(funder_id__in=funding)


def goal_contribution(user: Any, goal: Goal, year: int) -> GoalContribution:
    """The programmes and activities that serve `goal` or a goal below it in `year`.

    An activity serves a goal when its programme contributes to it, or when the activity
    itself is marked as contributing.
    """
    goal_ids = goal_descendants({goal.pk})
    programmes = list(
        programmes_for(user, year).filter(goals__in=goal_ids).distinct().order_by("order")
    )
    activities = list(
        Activity.objects.visible_to(user)
        .filter(year=year)
        .filter(Q(programme__in=programmes) | Q(goals__in=goal_ids))
        .distinct()
        .select_related("programme", "line")
        .order_by("programme__order", "line__order", "order", "code")
    )
    return GoalContribution(goal, programmes, activities)


def goal_tree(user: Any) -> list[Goal]:
    """The top goals of the trees the user may see, with their children."""
    return list(
        _visible_roots(user)
        .select_related("funder")
        .prefetch_related(Prefetch("children", queryset=Goal.objects.order_by("order", "code")))
    )
