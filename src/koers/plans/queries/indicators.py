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
    Case,
    CharField,
    Count,
    F,
    FilteredRelation,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    When,
    prefetch_related_objects,
)
from django.db.models.functions import Cast

from koers.core.periods import Year
from koers.plans.measures import get_measure
from koers.plans.models import (
    Aggregation,
    Indicator,
    Realisation,
    Source,
    Target,
)
from koers.plans.progress import Progress, assess, assessor


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
    rows: list[Any] = list(_with_year_figures(indicators, year, window_end))
    totals = _totals([indicator.pk for indicator in rows], year, window_end)
    for indicator in rows:
        found = totals.get(indicator.pk, {})
        indicator.realised_sum = found.get("total")
        indicator.realised_max = found.get("maximum")
        indicator.realisation_count = found.get("count", 0)
    _derive(rows, year.start, window_end)
    return rows


def _with_year_figures(indicators: QuerySet[Indicator], year: Year, window_end: dt.date) -> Any:
    """The indicators with their year's target and phasing and their latest value."""
    latest = Realisation.objects.filter(
        indicator=OuterRef("pk"), date__gte=year.start, date__lte=window_end
    ).order_by("-date", "-id")
    return indicators.annotate(
        year_target=FilteredRelation("targets", condition=Q(targets__year=year.value)),
        target_value=F("year_target__value"),
        target_q1=F("year_target__q1"),
        target_q2=F("year_target__q2"),
        target_q3=F("year_target__q3"),
        realised_latest=Subquery(latest.values("value")[:1]),
    )


def _totals(indicators: Any, year: Year, window_end: dt.date) -> dict[int, dict[str, Any]]:
    """Sum, maximum and count per indicator over the window: one grouped pass."""
    return {
        row["indicator_id"]: row
        for row in Realisation.objects.filter(
            indicator__in=indicators, date__gte=year.start, date__lte=window_end
        )
        .order_by()
        .values("indicator_id")
        .annotate(total=Sum("value"), maximum=Max("value"), count=Count("id"))
    }


@dataclass(slots=True)
class IndicatorProgress:
    """An indicator's progress without the indicator instance (see `progress_table`)."""

    pk: int
    activity_id: int
    title: str
    unit: str
    aggregation: str
    progress: Progress


_TABLE_FIELDS = ("pk", "activity_id", "title", "unit", "aggregation", "source")
# The figures, read as text and made Decimal here (`_decimal`): Django's converter of a
# decimal column on SQLite (from a float, rounded to its places) costs more per value than
# assessing the indicator does, and a portfolio reads 25,000 of them.
_TABLE_FIGURES = ("target_value", "target_q1", "target_q2", "target_q3", "realised")


def progress_table(
    indicators: QuerySet[Indicator], year: Year, reference: dt.date
) -> list[IndicatorProgress]:
    """The progress `with_progress_values` gives, as plain rows: for pages that read
    thousands of indicators at once (a funder's portfolio), where building a model instance
    costs more than assessing its progress. One query: each indicator with its year's target
    and, by its aggregation, the one realised figure it needs (a sum, maximum or latest
    value, each an index seek), rather than all three and a count."""
    window_end = min(reference, year.end)
    as_text = {f"{name}_text": Cast(name, CharField()) for name in _TABLE_FIGURES}
    rows = list(
        _with_year_figures(indicators, year, window_end)
        .annotate(realised=_realised_by_aggregation(year, window_end))
        .annotate(**as_text)
        .values_list(*_TABLE_FIELDS, *as_text)
    )
    derived = _derived_values(
        [row[0] for row in rows if row[5] == Source.DERIVED], year.start, window_end
    )
    judge = assessor(year, reference)
    # Indicators with the same target, figure and aggregation have the same progress (a
    # value): assessed once per page, keyed on the figures' text, which hashes cheaply.
    assessed: dict[tuple[str | None, str | None, str], Progress] = {}
    table = []
    for pk, activity_id, title, unit, aggregation, source, target, q1, q2, q3, realised in rows:
        if source == Source.DERIVED or q3 is not None:  # a measure's value; a phased target
            value = _target(target)
            progress = judge(
                value,
                _phasing(value, _target(q1), _target(q2), _target(q3)),
                aggregation == Aggregation.SUM,
                derived.get(pk) if source == Source.DERIVED else _decimal(realised),
            )
        else:
            key = (target, realised, aggregation)
            found = assessed.get(key)
            if found is None:
                found = assessed[key] = judge(
                    _target(target), None, aggregation == Aggregation.SUM, _decimal(realised)
                )
            progress = found
        table.append(IndicatorProgress(pk, activity_id, title, unit, aggregation, progress))
    return table


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


# A target's places, as its column gives them on PostgreSQL ("8.00") and Django's converter
# gave them on SQLite, where the text is "8": figures are written with their places.
_TARGET_PLACES = Decimal(1).scaleb(-Target._meta.get_field("value").decimal_places)


def _target(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text).quantize(_TARGET_PLACES)


def _realised_by_aggregation(year: Year, window_end: dt.date) -> Case:
    """What counts as realised in the window: one figure per indicator (`_by_aggregation`)."""
    window = Realisation.objects.filter(
        indicator=OuterRef("pk"), date__gte=year.start, date__lte=window_end
    ).order_by()
    value = Realisation._meta.get_field("value")

    def grouped(aggregate: type[Sum] | type[Max]) -> Subquery:
        return Subquery(
            window.values("indicator").annotate(figure=aggregate("value")).values("figure")[:1],
            output_field=value,
        )

    return Case(
        When(aggregation=Aggregation.SUM, then=grouped(Sum)),
        When(aggregation=Aggregation.MAX, then=grouped(Max)),
        default=F("realised_latest"),
        output_field=value,
    )


def _derived_values(pks: list[int], start: dt.date, end: dt.date) -> dict[int, Decimal | None]:
    if not pks:
        return {}
    derived: list[Any] = list(Indicator.objects.filter(pk__in=pks))
    _derive(derived, start, end)
    return {indicator.pk: indicator.derived_value for indicator in derived}


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
    return _by_aggregation(
        indicator.aggregation,
        indicator.realised_sum,
        indicator.realised_max,
        indicator.realised_latest,
    )


def _by_aggregation(
    aggregation: str, total: Decimal | None, maximum: Decimal | None, latest: Decimal | None
) -> Decimal | None:
    """What counts as realised: the sum, the highest or the latest value."""
    found: dict[str, Decimal | None] = {
        Aggregation.SUM: total,
        Aggregation.MAX: maximum,
        Aggregation.LATEST: latest,
    }
    return found[aggregation]


def progress_of(indicator: Any, year: Year, reference: dt.date) -> Progress:
    """Progress of an indicator annotated by `with_progress_values`."""
    return assess(
        target=indicator.target_value,
        phasing=_phasing(
            indicator.target_value, indicator.target_q1, indicator.target_q2, indicator.target_q3
        ),
        cumulative=indicator.aggregation == Aggregation.SUM,
        realised=_realised(indicator, year, reference),
        year=year,
        reference=reference,
    )


def _phasing(
    target: Decimal | None, q1: Decimal | None, q2: Decimal | None, q3: Decimal | None
) -> tuple[Decimal, Decimal, Decimal, Decimal] | None:
    """A target phased over the quarters: what is planned by the end of each."""
    if target is None or q1 is None or q2 is None or q3 is None:
        return None
    return (q1, q2, q3, target)


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
