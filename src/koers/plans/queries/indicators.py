"""Indicators with their progress: every aggregation in the database; one query brings each
indicator with its year's target and its realised sum, maximum, latest value and count,
however many realisations there are."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import (
    Count,
    F,
    FilteredRelation,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    prefetch_related_objects,
)

from koers.core.periods import Year
from koers.plans.measures import get_measure
from koers.plans.models import (
    Aggregation,
    Indicator,
    Realisation,
    Source,
)
from koers.plans.progress import Progress, assess


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
