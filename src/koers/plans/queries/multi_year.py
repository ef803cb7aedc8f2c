"""The multi-year plan on the pages: a programme's results per period and line, and the
progress of multi-year targets over their whole period, summed across the years in the
database (the realisations of every yearly indicator linked to the target)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import F, Func, OuterRef, Q, QuerySet, Subquery

from koers.core.periods import Year
from koers.plans.models import (
    Aggregation,
    Indicator,
    MultiYearResult,
    MultiYearTarget,
    Programme,
    Realisation,
    Unit,
)
from koers.plans.progress import Progress, assess


@dataclass(frozen=True, order=True)
class Span(Year):
    """Several whole years, from `value` to `last`: the pacing rule of `assess` reads only
    `start`, `end` and `elapsed_fraction`, so a period is paced as a year is."""

    last: int = 0

    @property
    def end(self) -> dt.date:
        return dt.date(max(self.last, self.value), 12, 31)


def _aggregate(function: str, rows: QuerySet[Any]) -> Subquery:
    """One aggregate over a correlated subquery's rows, without a GROUP BY."""
    return Subquery(
        rows.order_by().annotate(result=Func(F("value"), function=function)).values("result")[:1]
    )


def with_period_values(targets: QuerySet[MultiYearTarget], until: dt.date) -> list[Any]:
    """Multi-year targets with what their indicators realised within the period up to
    `until` (sum, maximum and latest value), and the aggregation and unit of their
    indicators: one query however many years and realisations."""
    realised = Realisation.objects.filter(
        indicator__multi_year_targets=OuterRef("pk"),
        date__year__gte=OuterRef("start_year"),
        date__year__lte=OuterRef("end_year"),
        date__lte=until,
    )
    first_indicator = Indicator.objects.filter(multi_year_targets=OuterRef("pk")).order_by(
        "activity__year", "pk"
    )
    return list(
        targets.annotate(
            realised_sum=_aggregate("SUM", realised),
            realised_max=_aggregate("MAX", realised),
            realised_latest=Subquery(realised.order_by("-date", "-id").values("value")[:1]),
            aggregation=Subquery(first_indicator.values("aggregation")[:1]),
            unit=Subquery(first_indicator.values("unit")[:1]),
        )
    )


def realised_in_period(target: Any) -> Decimal | None:
    """What counts towards a target annotated by `with_period_values`."""
    return {
        Aggregation.MAX: target.realised_max,
        Aggregation.LATEST: target.realised_latest,
    }.get(target.aggregation, target.realised_sum)


@dataclass
class PeriodProgress:
    target: Any  # a MultiYearTarget annotated by `with_period_values`
    progress: Progress

    @property
    def decimal_places(self) -> int:
        return 0 if self.target.unit in (Unit.COUNT, Unit.MILESTONE, None) else 2


def period_progress(target: Any, reference: dt.date) -> PeriodProgress:
    span = Span(target.start_year, last=target.end_year)
    return PeriodProgress(
        target,
        assess(
            target=target.value,
            phasing=None,
            cumulative=target.aggregation in (Aggregation.SUM, None),
            realised=realised_in_period(target),
            year=span,
            reference=reference,
        ),
    )


def multi_year_progress(
    indicator_ids: list[int], reference: dt.date
) -> dict[int, list[PeriodProgress]]:
    """Per indicator, its multi-year targets with their progress over the period as of
    `reference`. Two queries: the links, and the targets with their period's values."""
    if not indicator_ids:
        return {}
    links = list(
        MultiYearTarget.indicators.through.objects.filter(
            indicator_id__in=indicator_ids
        ).values_list("indicator_id", "multiyeartarget_id")
    )
    if not links:
        return {}
    targets = {
        target.pk: period_progress(target, reference)
        for target in with_period_values(
            MultiYearTarget.objects.filter(pk__in={target for _i, target in links}), reference
        )
    }
    found: dict[int, list[PeriodProgress]] = defaultdict(list)
    for indicator_id, target_id in sorted(links, key=lambda link: (link[0], link[1])):
        found[indicator_id].append(targets[target_id])
    for shown in found.values():
        shown.sort(key=lambda row: (row.target.start_year, row.target.pk))
    return found


@dataclass
class ProgrammeMultiYear:
    """A programme's multi-year results by line (None: the programme as a whole), each with
    the progress of the targets that quantify it (`shown_targets`), and the multi-year
    targets that quantify no result."""

    by_line: dict[int | None, list[MultiYearResult]]
    targets: list[PeriodProgress]


def programme_multi_year(programme: Programme, reference: dt.date) -> ProgrammeMultiYear:
    """Two queries: the results, and the targets with their period's values."""
    results = list(MultiYearResult.objects.filter(programme=programme).select_related("line"))
    by_id = {result.pk: result for result in results}
    shown: dict[int, list[PeriodProgress]] = defaultdict(list)
    loose = []
    for target in with_period_values(
        MultiYearTarget.objects.filter(programme=programme).order_by("start_year", "pk"),
        reference,
    ):
        row = period_progress(target, reference)
        if target.result_id in by_id:
            shown[target.result_id].append(row)
        else:
            loose.append(row)
    by_line: dict[int | None, list[MultiYearResult]] = defaultdict(list)
    for result in results:
        result.shown_targets = shown.get(result.pk, [])  # type: ignore[attr-defined]
        by_line[result.line_id].append(result)
    return ProgrammeMultiYear(dict(by_line), loose)


def activity_multi_year_results(activity: Any) -> list[MultiYearResult]:
    """The multi-year results an activity carries out (by its code), and those of its line,
    whose period includes the activity's year."""
    shown = Q(code=activity.code) if activity.code else Q(pk__in=[])
    if activity.line_id is not None:
        shown |= Q(line_id=activity.line_id)
    return list(
        MultiYearResult.objects.filter(
            shown,
            programme_id=activity.programme_id,
            start_year__lte=activity.year,
            end_year__gte=activity.year,
        )
    )


@dataclass
class MultiYearBeside:
    """What the programme page shows of the multi-year plan besides its year's blocks: the
    results of lines without activities that year, and targets that quantify no result."""

    other_lines: list[tuple[Any, list[MultiYearResult]]]
    targets: list[PeriodProgress]


def beside_the_year(blocks: list[Any], programme: Programme, reference: dt.date) -> MultiYearBeside:
    """Set the multi-year results of each line block (`block.multi_year`) and the period
    progress of each indicator (`indicator.periods`) on the programme page's blocks. Four
    queries whatever the number of lines, activities and years."""
    plan = programme_multi_year(programme, reference)
    rows = [
        row
        for block in blocks
        for item in block.activities
        for row in (*item.outputs, *item.outcomes)
    ]
    periods = multi_year_progress([row.indicator.pk for row in rows], reference)
    for row in rows:
        row.indicator.periods = periods.get(row.indicator.pk, [])
    by_line = dict(plan.by_line)
    for block in blocks:
        block.multi_year = by_line.pop(block.line.pk if block.line else None, [])
    other_lines = [(results[0].line, results) for results in by_line.values()]
    return MultiYearBeside(other_lines, plan.targets)
