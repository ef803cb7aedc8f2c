"""What the statistics pages read: a dataset's table of one topic, regions down and periods
across, in two queries whatever its size."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from koers.core.geo import current_boundaries
from koers.core.models import Municipality
from koers.core.numbers import grouped
from koers.insight.models import Category, Dataset, DimensionKind, Missing, Observation, Topic
from koers.insight.regions import COUNTRY, FLEVOLAND, PROVINCES

FLEVOLAND_VIEW = "flevoland"
ALL_VIEW = "all"
MISSING_SIGNS: dict[str, str] = {Missing.UNKNOWN: ".", Missing.SECRET: "x"}
QUARTER, MONTH, YEAR = "KW", "MM", "JJ"


@dataclass(frozen=True)
class Cell:
    value: Decimal | None
    missing: str
    provisional: bool
    text: str  # as the page writes it: grouped digits, or CBS's sign for a missing value


@dataclass(frozen=True)
class Period:
    code: str
    label: str
    provisional: bool


@dataclass(frozen=True)
class RegionRow:
    code: str
    name: str
    cells: list[Cell | None]  # one per period; None when the table has no value there


@dataclass(frozen=True)
class FigureTable:
    topic: Topic
    breakdown: str
    periods: list[Period]
    rows: list[RegionRow]

    @property
    def has_provisional(self) -> bool:
        return any(p.provisional for p in self.periods)


def datasets() -> QuerySet[Dataset]:
    return Dataset.objects.select_related("imported_by").annotate(
        values=Count("observations"),
        missing_values=Count("observations", filter=~Q(observations__missing="")),
    )


def region_names() -> dict[str, str]:
    names = {COUNTRY: "Nederland", **PROVINCES}
    names.update((shape.code, shape.name) for shape in current_boundaries().values())
    names.update(Municipality.objects.values_list("code", "name"))
    return names


def flevoland_codes() -> list[str]:
    """Flevoland's municipalities by name, then the province and the country: the rows a
    page opens on."""
    flevoland = _flevoland_municipalities()  # one query, not one per shape
    municipalities = sorted(
        (shape.name, code) for code, shape in current_boundaries().items() if code in flevoland
    )
    return [code for _name, code in municipalities] + [FLEVOLAND, COUNTRY]


def _flevoland_municipalities() -> set[str]:
    recorded = set(
        Municipality.objects.filter(province_code=FLEVOLAND).values_list("code", flat=True)
    )
    # The 2024 division, when no record says which municipalities are Flevoland's.
    return recorded or {"GM0034", "GM0050", "GM0171", "GM0184", "GM0303", "GM0995"}


def breakdowns(topic: Topic) -> list[str]:
    return list(
        Observation.objects.filter(topic=topic)
        .order_by("breakdown")
        .values_list("breakdown", flat=True)
        .distinct()
    )


def figure_table(topic: Topic, *, breakdown: str = "", view: str = FLEVOLAND_VIEW) -> FigureTable:
    observations = Observation.objects.filter(topic=topic, breakdown=breakdown)
    wanted = flevoland_codes() if view == FLEVOLAND_VIEW else None
    if wanted is not None:
        observations = observations.filter(region__in=wanted)
    found: dict[tuple[str, str], Observation] = {
        (o.region, o.period): o
        for o in observations.only("region", "period", "value", "missing", "provisional")
    }
    periods = _periods(topic, {period for _region, period in found}, found)
    names = region_names()
    codes = wanted or sorted({region for region, _period in found}, key=_region_order)
    present = {region for region, _period in found}
    rows = [
        RegionRow(
            code=code,
            name=names.get(code, code),
            cells=[_cell(found.get((code, p.code)), topic.decimals) for p in periods],
        )
        for code in codes
        if code in present
    ]
    return FigureTable(topic=topic, breakdown=breakdown, periods=periods, rows=rows)


def _region_order(code: str) -> tuple[int, str]:
    order = {"NL": 0, "LD": 1, "PV": 2, "RP": 3, "AM": 3, "CR": 3, "GG": 3, "GM": 4}
    return order.get(code[:2], 5), code


def _periods(
    topic: Topic, codes: set[str], found: dict[tuple[str, str], Observation]
) -> list[Period]:
    titles = dict(
        Category.objects.filter(
            dimension__dataset_id=topic.dataset_id, dimension__kind=DimensionKind.PERIOD
        ).values_list("key", "title")
    )
    provisional = {period for (_region, period), o in found.items() if o.provisional}
    return [
        Period(
            code=code, label=titles.get(code) or period_label(code), provisional=code in provisional
        )
        for code in sorted(codes)
    ]


def period_label(code: str) -> str:
    year, kind, number = code[:4], code[4:6], code[6:]
    if kind == QUARTER:
        return _("%(year)s Q%(quarter)s") % {"year": year, "quarter": int(number)}
    if kind == MONTH:
        return f"{year}-{number}"
    return year


def _cell(observation: Observation | None, decimals: int) -> Cell | None:
    if observation is None:
        return None
    if observation.value is None:
        text = MISSING_SIGNS.get(observation.missing, ".")
    else:
        text = grouped(observation.value, decimals)
    return Cell(
        value=observation.value,
        missing=observation.missing,
        provisional=observation.provisional,
        text=text,
    )
