"""Open data: the progress of the indicators of the programmes an organisation chose to
publish, per quarter, as CSV and JSON at public addresses with a licence statement (for
the province's open-data portal). Aggregates only: no person and no hours (an indicator
in hours, such as the hours derived from staff's time entries, could be one person's), and
a small count is suppressed together with its status, which would give it away.

A count is small when it, or its change since the last quarter shown, lies between none and
KOERS_OPEN_DATA_MIN_COUNT: otherwise subtracting two published quarters would give back a
small number that one of them hid (6 shown in Q1 and 8 in Q2 tell of 2 in Q2)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings

from koers.api.models import PublishedProgramme
from koers.core.periods import Quarter, Year
from koers.core.reference import default_reference
from koers.plans.models import Indicator, Programme, Unit
from koers.plans.queries.indicators import progress_table

COLUMNS = (
    "organisation",
    "programme_code",
    "programme",
    "year",
    "quarter",
    "counted_to",
    "activity_code",
    "indicator",
    "unit",
    "aggregation",
    "target",
    "realised",
    "status",
    "suppressed",
)


@dataclass(frozen=True)
class Release:
    licence: str
    source: str
    reference: dt.date
    rows: list[dict[str, Any]]


def published_programmes() -> list[Programme]:
    chosen = PublishedProgramme.objects.values("programme_id")
    return list(
        Programme.objects.filter(pk__in=chosen)
        .select_related("plan__organisation")
        .order_by("plan__organisation__name", "order", "code")
    )


def _quarters(programmes: list[Programme], reference: dt.date) -> list[tuple[int, int, dt.date]]:
    """(year, quarter, counted to) for every quarter of the programmes' plans begun by the
    reference date."""
    first = min((p.plan.start_year for p in programmes), default=reference.year)
    last = min(max((p.plan.end_year for p in programmes), default=reference.year), reference.year)
    found = []
    for year in range(first, last + 1):
        for number in range(1, 5):
            quarter = Quarter(year, number)
            if quarter.start > reference:
                break
            found.append((year, number, min(quarter.end, reference)))
    return found


def release(reference: dt.date | None = None) -> Release:
    """What is published, counted to `reference` (default today): one query per quarter."""
    reference = reference or default_reference()
    programmes = published_programmes()
    by_pk = {programme.pk: programme for programme in programmes}
    indicators = (
        Indicator.objects.filter(activity__programme__in=by_pk)
        .exclude(unit=Unit.HOURS)
        .select_related("activity")
    )
    facts = {
        row["pk"]: row
        for row in indicators.values(
            "pk", "activity__programme_id", "activity__code", "activity__year", "unit"
        )
    }
    minimum = settings.OPEN_DATA_MIN_COUNT
    last_shown: dict[int, Decimal] = {}  # per indicator: the count its last row showed
    rows = []
    for year, quarter, counted_to in _quarters(programmes, reference):
        in_year = indicators.filter(activity__year=year).order_by(
            "activity__programme__order", "activity__order", "activity__code", "order", "pk"
        )
        for line in progress_table(in_year, Year(year), counted_to):
            fact = facts[line.pk]
            programme = by_pk[fact["activity__programme_id"]]
            progress = line.progress
            small = False
            if fact["unit"] == Unit.COUNT:
                small = _small(progress.realised, minimum) or _small(
                    abs(progress.realised - last_shown.get(line.pk, Decimal(0))), minimum
                )
                if not small:
                    last_shown[line.pk] = progress.realised
            rows.append(
                {
                    "organisation": programme.plan.organisation.name,
                    "programme_code": programme.code,
                    "programme": programme.name,
                    "year": year,
                    "quarter": quarter,
                    "counted_to": counted_to.isoformat(),
                    "activity_code": fact["activity__code"],
                    "indicator": line.title,
                    "unit": line.unit,
                    "aggregation": line.aggregation,
                    "target": _number(progress.target),
                    "realised": None if small else _number(progress.realised),
                    "status": None if small else progress.status.value,
                    "suppressed": small,
                }
            )
    return Release(
        licence=settings.OPEN_DATA_LICENCE,
        source=settings.OPEN_DATA_SOURCE,
        reference=reference,
        rows=rows,
    )


def _small(count: Decimal, minimum: int) -> bool:
    return Decimal(0) < count < minimum


def _number(value: Decimal | None) -> str | None:
    return None if value is None else format(value.normalize(), "f")
