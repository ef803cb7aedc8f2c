"""What a derived figure counted: the records behind "2 / 7", read from the indicator's
measure (`Measure.records`, the same source the accountability report lists), over the
same window as the figure, so the list and the number always agree."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from koers.plans.measures import get_measure, lists_records
from koers.plans.models import Source


@dataclass(frozen=True)
class CountedRecord:
    text: str
    date: dt.date | None
    url: str  # its page, or "" when she may not open it (or it has none)


@dataclass(frozen=True)
class Counted:
    """The records an indicator's figure counted: listed, or only their number when they
    are about people (`lists_records`)."""

    count: int
    records: list[CountedRecord]


def counted_records(
    user: Any, indicators: list[Any], start: dt.date, end: dt.date
) -> dict[int, Counted]:
    """Per derived indicator whose measure counts records (`Measure.counts_records`), what
    it counted from `start` to `end`. One query per such indicator, and one per kind of
    record to learn which of them `user` may open (none per record)."""
    found: dict[int, Counted] = {}
    listed: dict[int, tuple[Any, list[Any]]] = {}
    for indicator in indicators:
        if indicator.source != Source.DERIVED:
            continue
        measure = get_measure(indicator.measure)
        if measure is None or measure.records is None or not measure.counts_records:
            continue
        records = measure.records(indicator, start, end)
        if not lists_records(records.model):
            found[indicator.pk] = Counted(count=records.count(), records=[])
            continue
        listed[indicator.pk] = (records.model, list(records))
    openable = _openable(user, listed.values())
    for indicator_pk, (model, rows) in listed.items():
        found[indicator_pk] = Counted(
            count=len(rows),
            records=[
                CountedRecord(
                    text=_text(record),
                    date=getattr(record, "date", None),
                    url=record.get_absolute_url() if record.pk in openable[model] else "",
                )
                for record in rows
            ],
        )
    return found


def _openable(user: Any, listed: Any) -> dict[Any, set[int]]:
    """Per model, the records among `listed` whose page `user` may open: those of a model
    with a page (`get_absolute_url`) that its `visible_to(user)` lets her see; the pages
    load their records through the same queryset. Anything else is shown without a link."""
    wanted: dict[Any, set[int]] = defaultdict(set)
    for model, rows in listed:
        wanted[model].update(record.pk for record in rows)
    openable: dict[Any, set[int]] = {}
    for model, pks in wanted.items():
        visible_to = getattr(model._default_manager, "visible_to", None)
        if not hasattr(model, "get_absolute_url") or visible_to is None:
            openable[model] = set()
            continue
        openable[model] = set(visible_to(user).filter(pk__in=pks).values_list("pk", flat=True))
    return openable


def _text(record: Any) -> str:
    """How a record reads in a list of evidence: as a report describes it, else by title."""
    if hasattr(record, "evidence_text"):
        return str(record.evidence_text())
    return str(getattr(record, "title", None) or record)
