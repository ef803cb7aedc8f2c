"""A funder's portfolio: every partner's work that serves her goal tree, at a reference date.

Built in a fixed number of queries whatever the number of partners, programmes, activities
or indicators (tests/portfolio/test_queries.py counts them): the tree, the funded programmes
and activities with their goal links, the indicators with their progress (three queries,
koers.plans.queries.indicators), grants, reports, obligations, amendments and questions one
query each. Everything it reads is what the official may see already (`visible_to`): the
programmes her organisation funds, the reports sent to it, the grants it pays.

Partners are compared on the indicators they share: the same unit, counted the same way,
and the same name apart from its number ("7 thematische netwerkbijeenkomsten" at CMO and "4
thematische netwerkbijeenkomsten" at another partner are one indicator with two targets).
Such an indicator is added up across partners when it is a sum over the year; a maximum or a
latest value is shown per partner only. Indicators that are not shared, or in other units,
are never added to each other: a goal whose work counts in several units says so.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Max, OuterRef, Q, QuerySet, Subquery, Sum
from django.template.defaultfilters import floatformat

from koers.core.periods import Year
from koers.directory.models import Organisation
from koers.funding.models import Grant, GrantStatus, Obligation
from koers.plans.models import (
    Activity,
    ActivityComment,
    Aggregation,
    Amendment,
    AmendmentStatus,
    Goal,
    Indicator,
    Programme,
    Unit,
)
from koers.plans.progress import Status, activity_status
from koers.plans.queries.goals import goal_descendants
from koers.plans.queries.indicators import IndicatorProgress, progress_table
from koers.reports.access import reports_visible_to
from koers.reports.models import Report

# Grants that pay: decided in the partner's favour, running or accounted for.
PAYING = (GrantStatus.GRANTED, GrantStatus.RUNNING, GrantStatus.ACCOUNTED, GrantStatus.SETTLED)


@dataclass(slots=True)
class ActivityLine:
    """An activity as the portfolio shows it: plain values, not a model instance (a
    portfolio holds a thousand of them)."""

    pk: int
    code: str
    title: str
    programme: Programme
    organisation: Organisation
    # The ids, read once: a model's `pk` goes through its meta, thousands of times a page.
    programme_id: int = 0
    organisation_id: int = 0
    status: Status = Status.NO_TARGET
    indicators: list[IndicatorProgress] = field(default_factory=list)
    # Its indicators added up per shared indicator (`_counts`).
    counts: dict[tuple[str, str, str], tuple[Decimal | None, Decimal, str]] = field(
        default_factory=dict
    )


@dataclass
class PartnerWork:
    """One partner's programmes and activities under one goal."""

    organisation: Organisation
    programmes: list[Programme]
    activities: list[ActivityLine]

    @functools.cached_property  # the overview reads it twice per partner and goal
    def behind(self) -> int:
        return sum(line.status == Status.BEHIND for line in self.activities)


@dataclass
class UnitRow:
    """One indicator the partners under a goal share (see the module text), per partner and,
    where it is a sum, in total."""

    name: str
    unit: str
    summed: bool
    per_partner: dict[int, tuple[Decimal | None, Decimal]]  # organisation → (target, realised)
    target: Decimal | None = None
    realised: Decimal | None = None
    # The goal's partners in the order of its table (organisation ids).
    partner_order: list[int] = field(default_factory=list)
    # Figures as written, shared by a page's rows (`_cell`).
    written: dict[Decimal, str] = field(default_factory=dict)

    @property
    def shared(self) -> bool:
        return len(self.per_partner) > 1

    @property
    def cells(self) -> list[str | None]:
        """ "realised / target" as the page writes it, or None, per partner in the table's
        order: written here rather than cell by cell in the template, which cost the page
        more than adding the figures up did (read once per row, by the overview only)."""
        return [_cell(self.per_partner.get(pk), self.written) for pk in self.partner_order]

    @property
    def percent(self) -> int | None:
        if not self.summed or not self.target or self.realised is None:
            return None
        return int(self.realised * 100 / self.target)


@dataclass
class GoalBlock:
    goal: Goal
    depth: int
    partners: list[PartnerWork]
    units: list[UnitRow]
    # A goal with goals below it shows the sums of the work under them; the activities
    # themselves are listed at the lowest goals they serve (once, not at every level):
    # `listed` holds those served here and by no goal below.
    has_children: bool = False
    listed: list[PartnerWork] = field(default_factory=list)

    @property
    def is_gap(self) -> bool:
        return not self.partners

    @property
    def units_differ(self) -> bool:
        return len({unit.unit for unit in self.units}) > 1


@dataclass
class PartnerSummary:
    organisation: Organisation
    programmes: int = 0
    activities: int = 0
    behind: int = 0
    granted: Decimal = Decimal(0)
    grants: int = 0
    reports: list[Report] = field(default_factory=list)
    obligations_due: int = 0


@dataclass
class Question:
    thread: ActivityComment
    last_at: dt.datetime


@dataclass
class Portfolio:
    funder: Organisation
    year: Year
    reference: dt.date
    goals: list[GoalBlock]
    partners: list[PartnerSummary]
    amendments: list[Amendment]
    questions: list[Question]

    @property
    def gaps(self) -> list[GoalBlock]:
        return [block for block in self.goals if block.is_gap]


@dataclass
class Work:
    """The partners' programmes and activities that serve a goal tree, or one goal's part of
    it, with their indicators' progress, goal by goal."""

    programmes: list[Programme]
    lines: dict[int, ActivityLine]
    blocks: list[GoalBlock]
    # The same activities as a query, for filters that take them as a subquery: a list of a
    # thousand ids costs Django more to bind than the database to run.
    activities: QuerySet[Activity]


def portfolio(user: Any, funder: Organisation, year: Year, reference: dt.date) -> Portfolio:
    work = work_serving(user, funder, year, reference)
    return Portfolio(
        funder=funder,
        year=year,
        reference=reference,
        goals=work.blocks,
        partners=_partners(user, funder, work.programmes, work.lines, year, reference),
        amendments=_amendments(funder, {programme.pk for programme in work.programmes}),
        questions=_questions(funder, work.activities),
    )


def work_serving(
    user: Any, funder: Organisation, year: Year, reference: dt.date, within: Goal | None = None
) -> Work:
    """The work that serves the funder's whole tree, or only `within` and the goals below it."""
    goals = Goal.objects.filter(funder=funder)
    if within is not None:
        goals = goals.filter(pk__in=goal_descendants({within.pk}))
    tree = list(goals.order_by("order", "code"))
    programmes = list(
        Programme.objects.visible_to(user)
        .filter(funders=funder)
        .running_in(year.value)
        .select_related("plan__organisation")
        .order_by("plan__organisation__name", "order", "code")
    )
    by_programme = {programme.pk: programme for programme in programmes}
    programme_goals = _links(
        Programme.goals.through.objects.filter(programme__in=by_programme, goal__funder=funder),
        "programme_id",
    )
    # One filter for the activities and, as a subquery, their links and indicators (rather
    # than a list of a thousand ids).
    chosen = Activity.objects.visible_to(user).filter(programme__in=by_programme, year=year.value)
    if within is not None:
        chosen = chosen.filter(Q(goals__in=tree) | Q(programme__goals__in=tree)).distinct()
    lines = {
        pk: ActivityLine(
            pk,
            code,
            title,
            by_programme[programme_id],
            by_programme[programme_id].plan.organisation,
            programme_id,
            by_programme[programme_id].plan.organisation_id,
        )
        for pk, programme_id, code, title in chosen.order_by(
            "programme__order", "code", "pk"
        ).values_list("pk", "programme_id", "code", "title")
    }
    activity_goals = _links(
        Activity.goals.through.objects.filter(activity__in=chosen, goal__funder=funder),
        "activity_id",
    )
    indicators = Indicator.objects.filter(activity__in=chosen).order_by("activity_id", "order")
    for row in progress_table(indicators, year, reference):
        lines[row.activity_id].indicators.append(row)
    for line in lines.values():
        line.status = activity_status(row.progress.status for row in line.indicators)
        line.counts = _counts(line)
    blocks = _goal_blocks(tree, by_programme, programme_goals, lines, activity_goals)
    return Work(programmes=programmes, lines=lines, blocks=blocks, activities=chosen)


def _links(through: Any, owner: str) -> dict[int, set[int]]:
    found: dict[int, set[int]] = defaultdict(set)
    for owner_id, goal_id in through.values_list(owner, "goal_id"):
        found[owner_id].add(goal_id)
    return found


def _goal_blocks(
    goals: list[Goal],
    programmes: dict[int, Programme],
    programme_goals: dict[int, set[int]],
    lines: dict[int, ActivityLine],
    activity_goals: dict[int, set[int]],
) -> list[GoalBlock]:
    """The tree in order, each goal with the work that serves it or a goal below it."""
    children: dict[int | None, list[Goal]] = defaultdict(list)
    for goal in goals:
        children[goal.parent_id].append(goal)
    below: dict[int, set[int]] = {}

    def subtree(goal: Goal) -> set[int]:
        found = {goal.pk}
        for child in children[goal.pk]:
            found |= subtree(child)
        below[goal.pk] = found
        return found

    ordered: list[tuple[Goal, int]] = []

    def walk(goal: Goal, depth: int) -> None:
        ordered.append((goal, depth))
        for child in children[goal.pk]:
            walk(child, depth + 1)

    known = {goal.pk for goal in goals}
    for root in (goal for goal in goals if goal.parent_id not in known):
        subtree(root)
        walk(root, 0)
    # Each goal's programmes and activities: those serving it or a goal below it, found by
    # going up from the goals each one serves (not by testing every line at every goal).
    above: dict[int, set[int]] = defaultdict(set)
    for goal_pk, found in below.items():
        for pk in found:
            above[pk].add(goal_pk)
    programmes_at: dict[int, list[Programme]] = defaultdict(list)
    for pk, programme in programmes.items():
        for goal_pk in _reached(programme_goals.get(pk, ()), above):
            programmes_at[goal_pk].append(programme)
    lines_at: dict[int, list[ActivityLine]] = defaultdict(list)
    # Where a goal's page lists an activity: at the lowest goals it serves (an activity of a
    # programme serving a line, itself serving a goal below that line, is listed below).
    listed_at: dict[int, list[ActivityLine]] = defaultdict(list)
    for line in lines.values():
        served = activity_goals.get(line.pk, set()) | programme_goals.get(line.programme_id, set())
        for goal_pk in _reached(served, above):
            lines_at[goal_pk].append(line)
        for goal_pk in served & known:
            if not served & (below[goal_pk] - {goal_pk}):
                listed_at[goal_pk].append(line)
    blocks = []
    written: dict[Decimal, str] = {}
    for goal, depth in ordered:
        serving_programmes = programmes_at[goal.pk]
        serving_lines = lines_at[goal.pk]
        partners = _by_partner(serving_programmes, serving_lines)
        units = _units(serving_lines)
        for unit in units:
            unit.partner_order = [work.organisation.pk for work in partners]
            unit.written = written
        blocks.append(
            GoalBlock(
                goal=goal,
                depth=depth,
                partners=partners,
                units=units,
                has_children=bool(children[goal.pk]),
                listed=_by_partner([], listed_at[goal.pk]),
            )
        )
    return blocks


def _cell(pair: tuple[Decimal | None, Decimal] | None, written: dict[Decimal, str]) -> str | None:
    """One partner's figures under a shared indicator: realised / target (as the template's
    `floatformat:"-2g"` writes a figure), or None where she has none. Each figure is
    written once per page (`written`): the filter costs more than the rest of a row, and
    partners' figures repeat."""
    if pair is None:
        return None
    target, realised = pair
    figure = written.get(realised)
    if figure is None:
        figure = written[realised] = floatformat(realised, "-2g")
    if target is None:
        return figure
    of = written.get(target)
    if of is None:
        of = written[target] = floatformat(target, "-2g")
    return f"{figure} / {of}"


def _reached(goals: Any, above: dict[int, set[int]]) -> set[int]:
    """The goals in the tree that `goals` serve, themselves or through a goal below."""
    found: set[int] = set()
    for goal_pk in goals:
        found |= above.get(goal_pk, set())
    return found


def _by_partner(serving: list[Programme], lines: list[ActivityLine]) -> list[PartnerWork]:
    work: dict[int, PartnerWork] = {}
    listed: set[int] = set()  # programmes already in their partner's list
    for programme in serving:
        organisation = programme.plan.organisation
        work.setdefault(organisation.pk, PartnerWork(organisation, [], [])).programmes.append(
            programme
        )
        listed.add(programme.pk)
    for line in lines:
        entry = work.get(line.organisation_id)
        if entry is None:
            entry = work[line.organisation_id] = PartnerWork(line.organisation, [], [])
        if line.programme_id not in listed:
            entry.programmes.append(line.programme)
            listed.add(line.programme_id)
        entry.activities.append(line)
    return sorted(work.values(), key=lambda w: w.organisation.name)


# A number (with its decimals, a percentage sign, "x") that opens an indicator's name: its
# target, which each partner sets for herself.
LEADING_NUMBER = re.compile(r"^\s*[\d.,]+\s*(%|x\b)?\s*", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)  # partners repeat the same names a thousand times
def shared_name(title: str) -> str:
    """An indicator's name as partners share it: without its leading number, in lower case,
    spaces folded."""
    return " ".join(LEADING_NUMBER.sub("", title).lower().split())


# What one activity counts under a shared indicator's key (unit, aggregation, shared name):
# its target (None when none of its indicators under the key has one), its realised figure,
# and the name of its first indicator under the key.
UnitCount = tuple[Decimal | None, Decimal, str]
UnitKey = tuple[str, str, str]


def _counts(line: ActivityLine) -> dict[UnitKey, UnitCount]:
    """An activity's indicators added up per key, once per activity (a goal's units and its
    parent's read the same activities)."""
    counts: dict[UnitKey, UnitCount] = {}
    for indicator in line.indicators:
        key = (indicator.unit, indicator.aggregation, shared_name(indicator.title))
        progress = indicator.progress
        found = counts.get(key)
        if found is None:
            counts[key] = (progress.target, progress.realised, indicator.title)
        else:
            target = found[0] if progress.target is None else (found[0] or 0) + progress.target
            counts[key] = (target, found[1] + progress.realised, found[2])
    return counts


def _units(lines: list[ActivityLine]) -> list[UnitRow]:
    rows: dict[UnitKey, UnitRow] = {}
    for line in lines:
        organisation_id = line.organisation_id
        for key, (target, realised, title) in line.counts.items():
            row = rows.get(key)
            if row is None:  # made once per shared indicator: its labels cost a translation
                unit = key[0]
                row = rows[key] = UnitRow(
                    name=LEADING_NUMBER.sub("", title).strip(),
                    unit=str(Unit(unit).label) if unit in Unit else "",
                    summed=key[1] == Aggregation.SUM,
                    per_partner={},
                )
            before = row.per_partner.get(organisation_id)
            if before is not None:
                if before[0] is not None:
                    target = before[0] if target is None else before[0] + target
                realised += before[1]
            row.per_partner[organisation_id] = (target, realised)
    for row in rows.values():
        if row.summed:
            targets = [t for t, _r in row.per_partner.values() if t is not None]
            row.target = sum(targets, Decimal(0)) if targets else None
            row.realised = sum((r for _t, r in row.per_partner.values()), Decimal(0))
    shared = [row for row in rows.values() if row.shared]
    alone = [row for row in rows.values() if not row.shared]
    # Shared indicators first (what the partners can be compared on), then each partner's own.
    return sorted(shared, key=lambda r: r.name.lower()) + sorted(
        alone, key=lambda r: r.name.lower()
    )


def _partners(
    user: Any,
    funder: Organisation,
    programmes: list[Programme],
    lines: dict[int, ActivityLine],
    year: Year,
    reference: dt.date,
) -> list[PartnerSummary]:
    summaries: dict[int, PartnerSummary] = {}
    for programme in programmes:
        organisation = programme.plan.organisation
        summary = summaries.setdefault(organisation.pk, PartnerSummary(organisation))
        summary.programmes += 1
    for line in lines.values():
        organisation_id = line.organisation_id
        summaries[organisation_id].activities += 1
        summaries[organisation_id].behind += line.status == Status.BEHIND
    in_year = Q(starts_on__lte=year.end, ends_on__gte=year.start)
    grants = (
        Grant.objects.visible_to(user)
        .filter(in_year, funder=funder, organisation__in=summaries, status__in=PAYING)
        .values("organisation_id")
        .annotate(total=Sum("amount_granted"), count=Count("pk"))
    )
    for row in grants:
        summaries[row["organisation_id"]].granted = row["total"] or Decimal(0)
        summaries[row["organisation_id"]].grants = row["count"]
    due = (
        Obligation.objects.visible_to(user)
        .filter(
            grant__funder=funder,
            grant__organisation__in=summaries,
            due_on__lte=reference,
            done_on__isnull=True,
        )
        .values("grant__organisation_id")
        .annotate(count=Count("pk"))
    )
    for row in due:
        summaries[row["grant__organisation_id"]].obligations_due = row["count"]
    reports = (
        reports_visible_to(user)
        .filter(recipient=funder, organisation__in=summaries, year=year.value)
        .order_by("-sent_at", "-pk")
    )
    for report in reports:
        summaries[report.organisation_id].reports.append(report)
    return sorted(summaries.values(), key=lambda s: s.organisation.name)


def _amendments(funder: Organisation, programmes: set[int]) -> list[Amendment]:
    """Amendments awaiting her decision, in every partner's adopted annual plan."""
    return list(
        Amendment.objects.filter(
            status=AmendmentStatus.PROPOSED,
            activity__programme__in=programmes,
            annual_plan__plan__funder=funder,
        )
        .select_related(
            "activity__programme__plan__organisation",
            "target__indicator",
            "proposed_by",
            "decided_by",
        )
        .order_by("proposed_at", "pk")
    )


def _questions(funder: Organisation, activities: QuerySet[Activity]) -> list[Question]:
    """Threads on the partners' activities whose last word is not her organisation's: a
    question of a partner, or an answer to hers, waiting for her."""
    last_answer = ActivityComment.objects.filter(parent=OuterRef("pk")).order_by(
        "-created_at", "-pk"
    )
    threads = (
        ActivityComment.objects.filter(parent__isnull=True, activity__in=activities)
        .annotate(
            last_author=Subquery(last_answer.values("author_id")[:1]),
            last_answer_at=Max("replies__created_at"),
        )
        .select_related("activity__programme__plan__organisation")
        .order_by("created_at", "pk")
    )
    funder_side = set(funder.memberships.values_list("user_id", flat=True))
    waiting = []
    for thread in threads:
        last_author = thread.last_author if thread.last_author is not None else thread.author_id
        if last_author not in funder_side:
            waiting.append(Question(thread, thread.last_answer_at or thread.created_at))
    return waiting
