"""The derived measures of insight, registered with `plans`.

`insight.research_delivered` counts the research projects of the indicator's organisation
delivered in the window (`measure_params["kind"]` narrows to one kind: "trendmonitor",
"e-panel", "clientervaring", "arbeidsmarkt").

`insight.statistic` makes an indicator whose value is read from an imported statistic, so an
outcome ("aandeel inwoners dat zich eenzaam voelt") can be measured from public data.

`insight.statistic` reads `measure_params`:
- "table": the dataset's table id ("85496NED"), and "source" when two sources share an id;
- "topic": the topic's key in that table;
- "region": the CBS code of the region (default "PV24", Flevoland);
- "breakdown": the other dimensions' categories, as the table page writes them (default none).

Its value for a window is the value of the latest period that lies in the window's years
(a year's figure, or the last quarter or month of it that the table has); no value when the
table has none there or CBS gives "." or "x" (never a zero). A whole page of such indicators
costs one query.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from koers.core.models import Municipality
from koers.insight.models import (
    KeyFigure,
    Observation,
    ResearchKind,
    ResearchProject,
    ResearchStatus,
)
from koers.insight.regions import COUNTRY, FLEVOLAND
from koers.plans.measures import Measure, Parameter, count_per_scope, register

KEY = "insight.statistic"


def _params(indicator: Any) -> tuple[str, str, str, str, str]:
    params = indicator.measure_params or {}
    return (
        str(params.get("source", "")).strip(),
        str(params.get("table", "")).strip(),
        str(params.get("topic", "")).strip(),
        str(params.get("region", "") or FLEVOLAND).strip(),
        str(params.get("breakdown", "")).strip(),
    )


def _condition(indicator: Any) -> Q:
    source, table, topic, region, breakdown = _params(indicator)
    condition = Q(dataset__table_id=table, topic__key=topic, region=region, breakdown=breakdown)
    if source:
        condition &= Q(dataset__source=source)
    return condition


def compute_many(indicators: list[Any], start: dt.date, end: dt.date) -> dict[int, Decimal | None]:
    """Each indicator's latest value in the window's years, in one query for all."""
    asked = [indicator for indicator in indicators if all(_params(indicator)[1:3])]
    values: dict[int, Decimal | None] = {indicator.pk: None for indicator in indicators}
    if not asked:
        return values
    either = Q(pk__in=[])
    for indicator in asked:
        either |= _condition(indicator)
    first, last = f"{start.year}", f"{end.year}ZZ"  # period codes sort by year first
    found = (
        Observation.objects.filter(either, period__gte=first, period__lte=last, value__isnull=False)
        .values_list(
            "dataset__source",
            "dataset__table_id",
            "topic__key",
            "region",
            "breakdown",
            "period",
            "value",
        )
        .order_by("period")
    )
    latest: dict[tuple[str, str, str, str], tuple[str, Decimal | None]] = {}
    by_source: dict[tuple[str, str, str, str, str], Decimal | None] = {}
    for source, table, topic, region, breakdown, _period, value in found:
        latest[(table, topic, region, breakdown)] = (source, value)
        by_source[(source, table, topic, region, breakdown)] = value
    for indicator in asked:
        source, table, topic, region, breakdown = _params(indicator)
        if source:
            values[indicator.pk] = by_source.get((source, table, topic, region, breakdown))
        else:
            hit = latest.get((table, topic, region, breakdown))
            values[indicator.pk] = hit[1] if hit else None
    return values


def _compute(indicator: Any, start: dt.date, end: dt.date) -> Decimal | None:
    return compute_many([indicator], start, end)[indicator.pk]


def _holder(indicator: Any) -> int:
    return int(indicator.activity.programme.plan.organisation_id)


def _kind(indicator: Any) -> str:
    return str((indicator.measure_params or {}).get("kind", "")).strip()


def _delivered(start: dt.date, end: dt.date) -> QuerySet[ResearchProject]:
    return ResearchProject.objects.filter(
        status=ResearchStatus.DELIVERED, delivered_on__gte=start, delivered_on__lte=end
    )


def _delivered_records(indicator: Any, start: dt.date, end: dt.date) -> QuerySet[ResearchProject]:
    found = _delivered(start, end).filter(holder_id=_holder(indicator))
    if kind := _kind(indicator):
        found = found.filter(kind=kind)
    return found.order_by("delivered_on", "pk")


def _delivered_many(
    indicators: list[Any], start: dt.date, end: dt.date
) -> dict[int, Decimal | None]:
    return count_per_scope(
        indicators,
        _delivered(start, end),
        scope=_holder,
        scope_field="holder_id",
        narrowing=_kind,
        narrowing_lookup="kind",
    )


# The statistic's parameters, chosen as one: a key figure names its table, topic and
# breakdown. The choice's value is those four as JSON (a breakdown may hold any sign).
FIGURE_PARTS = ("source", "table", "topic", "breakdown")


def _figure_value(parts: list[str]) -> str:
    return json.dumps(parts, ensure_ascii=False)


def _figure_choices(indicator: Any) -> list[tuple[str, Any]]:
    choices = [
        (
            _figure_value(
                [figure.topic.dataset.source, figure.topic.dataset.table_id, figure.topic.key,
                 figure.breakdown]
            ),
            f"{figure} ({figure.topic.dataset.table_id})",
        )
        # A figure "per 1,000 inhabitants" is a ratio the dashboards compute; the measure
        # reads one value, so only plain figures are offered.
        for figure in KeyFigure.objects.filter(denominator__isnull=True).select_related(
            "topic__dataset"
        )
    ]  # fmt: skip
    current = _figure_read(indicator.measure_params or {})
    if indicator.measure == KEY and current and current not in {value for value, _l in choices}:
        # Set before, or by hand, and not a key figure: offered, so saving keeps it.
        _source, table, topic, breakdown = json.loads(current)
        choices.append((current, f"{table} · {topic} {breakdown}".strip()))
    return choices


def _figure_read(params: dict[str, Any]) -> str:
    parts = [str(params.get(part, "")).strip() for part in FIGURE_PARTS]
    return _figure_value(parts) if parts[1] and parts[2] else ""


def _figure_store(value: str) -> dict[str, Any]:
    try:
        parts = json.loads(value)
    except ValueError:
        return {}
    return {name: part for name, part in zip(FIGURE_PARTS, parts, strict=False) if part}


def _region_choices(_indicator: Any) -> list[tuple[str, Any]]:
    """Flevoland's municipalities and the country; Flevoland itself is the empty choice
    (the measure's default), so a stored "PV24" reads as it."""
    municipalities = Municipality.objects.filter(province_code=FLEVOLAND).order_by("name")
    return [*((m.code, m.name) for m in municipalities), (COUNTRY, _("The Netherlands"))]


def _region_read(params: dict[str, Any]) -> str:
    region = str(params.get("region", "")).strip()
    return "" if region == FLEVOLAND else region


MEASURES = [
    Measure(
        key="insight.research_delivered",
        label=_("Research products delivered (optionally of one kind)"),
        compute=lambda indicator, start, end: Decimal(
            _delivered_records(indicator, start, end).count()
        ),
        records=_delivered_records,
        compute_many=_delivered_many,
        counts_records=True,
        parameters=(
            Parameter(
                "kind",
                _("Kind of research"),
                choices=lambda _indicator: list(ResearchKind.choices),
            ),
        ),
    ),
    Measure(
        key=KEY,
        label=_("A figure of an imported statistics table (its parameters name the table)"),
        compute=_compute,
        compute_many=compute_many,
        parameters=(
            Parameter(
                "figure",
                _("Figure"),
                help_text=_(
                    "One of the key figures (Insight → Key figures): its table, topic and "
                    "breakdown."
                ),
                choices=_figure_choices,
                required=True,
                stores=_figure_store,
                reads=_figure_read,
                keys=FIGURE_PARTS,
            ),
            Parameter(
                "region",
                _("Region"),
                choices=_region_choices,
                reads=_region_read,
                empty_label=_("Flevoland (province)"),
            ),
        ),
    ),
]


def register_all() -> None:
    for measure in MEASURES:
        register(measure)
