"""The figures of the analysis page and its export: counts per theme, municipality and law by
quarter, the trend of each theme, and the "too few signals" indicator per theme and
municipality — every count grouped in the database (five grouped queries whatever the number
of signals), every count that could point to someone hidden (`disclosure.protect`).

A theme is a main category: a signal filed under a sub-category counts for its main one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, F, Max, Min, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from koers.core.models import Municipality
from koers.signals.analysis.disclosure import Figures, Protected, protect
from koers.signals.analysis.trends import QUARTERS_BEFORE, trends
from koers.signals.models import Category, Signal
from koers.signals.models.choices import Law
from koers.signals.region import region_condition
from koers.signals.suppression import suppressed_label, threshold
from koers.signals.weeks import Quarter

# The "too few signals" indicator: fewer signals than this on a theme in a municipality over
# the last four quarters is too few to say anything about it (seed 001: "te weinig signalen
# binnen om gedegen analyses te kunnen maken").
FEW_QUARTERS = 4
# A hidden figure that is not itself small (hidden so that a sum cannot give a small one away).
HIDDEN_MARK = "x"


def enough_signals() -> int:
    return int(settings.SIGNALS_ENOUGH_FOR_ANALYSIS)


def index_of(quarter: Quarter) -> int:
    return quarter.year * 4 + quarter.number - 1


def quarter_at(index: int) -> Quarter:
    return Quarter(index // 4, index % 4 + 1)


@dataclass(frozen=True)
class Filters:
    holder_id: int
    last: Quarter  # the last quarter shown, and the one the trend is about
    quarters: int  # how many quarters the tables show, up to `last`
    law: str = ""
    channel: str = ""

    @property
    def shown(self) -> list[int]:
        end = index_of(self.last)
        return list(range(end - self.quarters + 1, end + 1))

    @property
    def window(self) -> list[int]:
        """The quarters counted: those shown, and the four before the last for the trend."""
        end = index_of(self.last)
        return list(range(min(self.shown[0], end - QUARTERS_BEFORE), end + 1))

    @property
    def recent(self) -> list[int]:
        """The four quarters the "too few signals" indicator counts."""
        end = index_of(self.last)
        return list(range(end - FEW_QUARTERS + 1, end + 1))


def quarter_range(holder_id: int) -> tuple[Quarter, Quarter] | None:
    """The first and last quarter in which the holder received signals (one query)."""
    index = F("iso_year") * 4 + F("quarter") - 1
    found = Signal.objects.held_by(holder_id).aggregate(first=Min(index), last=Max(index))
    if found["first"] is None:
        return None
    return quarter_at(found["first"]), quarter_at(found["last"])


def _between(first: int, last: int) -> Q:
    """Signals from quarter index `first` to `last`, on the indexed columns."""
    start, end = quarter_at(first), quarter_at(last)
    after = Q(iso_year__gt=start.year) | Q(iso_year=start.year, quarter__gte=start.number)
    before = Q(iso_year__lt=end.year) | Q(iso_year=end.year, quarter__lte=end.number)
    return after & before


def signals_for(filters: Filters) -> QuerySet[Signal]:
    rows = Signal.objects.held_by(filters.holder_id)
    if filters.law:
        rows = rows.filter(law=filters.law)
    if filters.channel:
        rows = rows.filter(channel=filters.channel)
    return rows


THEME = Coalesce("category__parent_id", "category_id")


def grouped_queries(filters: Filters) -> dict[str, QuerySet[Any, dict[str, Any]]]:
    """The grouped counts the page reads, as querysets (the benchmark runs them bare)."""
    rows = signals_for(filters)
    window = rows.filter(_between(filters.window[0], filters.window[-1]))
    shown = rows.filter(_between(filters.shown[0], filters.shown[-1]))
    recent = rows.filter(_between(filters.recent[0], filters.recent[-1]))
    per_quarter = ("iso_year", "quarter")
    return {
        "theme": window.values(*per_quarter, theme=THEME).annotate(count=Count("pk")).order_by(),
        "municipality": shown.values("municipality_id", *per_quarter)
        .annotate(count=Count("pk"))
        .order_by(),
        "law": shown.values("law", *per_quarter).annotate(count=Count("pk")).order_by(),
        "recent": recent.values("municipality_id", theme=THEME)
        .annotate(count=Count("pk"))
        .order_by(),
    }


# --- what the page and the export show --------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    value: int | None  # None: hidden
    small: bool = False  # hidden because it is small (else to protect another)

    @property
    def label(self) -> str:
        if self.value is not None:
            return str(self.value)
        return suppressed_label() if self.small else HIDDEN_MARK

    @property
    def export(self) -> int | str:
        return self.value if self.value is not None else self.label


@dataclass(frozen=True)
class Line:
    label: str
    cells: list[Cell]
    total: Cell


@dataclass(frozen=True)
class CountTable:
    key: str
    caption: str
    heading: str  # of the first column
    lines: list[Line]
    totals: list[Cell]
    grand: Cell


@dataclass(frozen=True)
class TrendLine:
    theme: str
    last: Cell
    before: Cell  # the four quarters before, together
    mean_before: float | None  # per quarter; None where hidden
    ratio: float | None
    p_value: float | None  # adjusted; None where a count is hidden
    rising: bool | None  # None: too few to test


@dataclass(frozen=True)
class FewCell:
    count: Cell
    too_few: bool


@dataclass(frozen=True)
class FewLine:
    theme: str
    cells: list[FewCell]


@dataclass(frozen=True)
class Analysis:
    filters: Filters
    quarters: list[Quarter]
    tables: list[CountTable]
    trend_quarters: list[Quarter]
    trend: list[TrendLine]
    few_quarters: list[Quarter]
    municipalities: list[str]
    few: list[FewLine]
    enough: int
    threshold: int
    total: Cell

    @property
    def rising(self) -> list[TrendLine]:
        return [line for line in self.trend if line.rising]

    @property
    def too_few_count(self) -> int:
        return sum(cell.too_few for line in self.few for cell in line.cells)

    @property
    def few_cells(self) -> int:
        return sum(len(line.cells) for line in self.few)


def analysis(filters: Filters) -> Analysis:
    """Every figure of the page for `filters`, with its small numbers hidden."""
    grouped = {name: list(rows) for name, rows in grouped_queries(filters).items()}
    themes = _themes(filters.holder_id, {row["theme"] for row in grouped["theme"]})
    municipalities = _municipalities(
        {row["municipality_id"] for row in grouped["municipality"]}
        | {row["municipality_id"] for row in grouped["recent"]}
    )
    laws: list[tuple[Any, str]] = [(value, str(label)) for value, label in Law.choices]
    if filters.law:
        laws = [(value, label) for value, label in laws if value == filters.law]
    dimensions: dict[str, tuple[list[tuple[Any, str]], str, list[int]]] = {
        "theme": (themes, "theme", filters.window),
        "municipality": (municipalities, "municipality_id", filters.shown),
        "law": (laws, "law", filters.shown),
    }
    figures = Figures()
    for name, (rows, column, quarters) in dimensions.items():
        counts = {
            (row[column], index_of(Quarter(row["iso_year"], row["quarter"]))): row["count"]
            for row in grouped[name]
        }
        _count_table(figures, name, [key for key, _label in rows], quarters, filters, counts)
    recent = {(row["theme"], row["municipality_id"]): row["count"] for row in grouped["recent"]}
    theme_keys = [key for key, _label in themes]
    municipality_keys = [key for key, _label in municipalities]
    _few(figures, theme_keys, municipality_keys, filters, recent)
    last = index_of(filters.last)
    prior = list(range(last - QUARTERS_BEFORE, last))
    for theme in theme_keys:
        before = sum(figures.values[("theme", theme, q)] for q in prior)
        figures.add(("prior", theme), before, total=True)
        figures.tie([("prior", theme)], [("theme", theme, q) for q in prior])
    shown = protect(figures)
    return Analysis(
        filters=filters,
        quarters=[quarter_at(q) for q in filters.shown],
        tables=[
            _table(shown, "theme", _("Signals per theme"), _("Theme"), themes, filters),
            _table(
                shown,
                "municipality",
                _("Signals per municipality"),
                _("Municipality"),
                municipalities,
                filters,
            ),
            _table(shown, "law", _("Signals per law or domain"), _("Law or domain"), laws, filters),
        ],
        trend_quarters=[quarter_at(q) for q in prior],
        trend=_trend_lines(shown, themes, last),
        few_quarters=[quarter_at(q) for q in filters.recent],
        municipalities=[label for _key, label in municipalities if _key is not None],
        few=[
            FewLine(
                theme=label,
                cells=[
                    FewCell(
                        count=_cell(shown, ("few", theme, municipality)),
                        too_few=figures.values[("few", theme, municipality)] < enough_signals(),
                    )
                    for municipality, _name in municipalities
                    if municipality is not None
                ],
            )
            for theme, label in themes
            if theme is not None
        ],
        enough=enough_signals(),
        threshold=threshold(),
        total=_cell(shown, ("all",)),
    )


def _themes(holder_id: int, counted: set[int | None]) -> list[tuple[int | None, str]]:
    """The holder's main categories in use, and any others that hold signals counted, and
    the signals not yet interpreted."""
    mains = (
        Category.objects.filter(holder_id=holder_id)
        .filter(parent__isnull=True)
        .filter(Q(active=True) | Q(pk__in=[pk for pk in counted if pk is not None]))
        .order_by("position", "name")
        .values_list("pk", "name")
    )
    return [*mains, (None, _("Not interpreted yet"))]


def _municipalities(counted: set[int | None]) -> list[tuple[int | None, str]]:
    """The region's municipalities (a municipality nobody wrote about is a finding too), any
    other one signals are about, and signals without one."""
    found = (
        Municipality.objects.filter(
            region_condition() | Q(pk__in=[pk for pk in counted if pk is not None])
        )
        .order_by("name")
        .values_list("pk", "name")
    )
    return [*found, (None, _("Municipality unknown"))]


def _count_table(
    figures: Figures,
    name: str,
    rows: list[Any],
    quarters: list[int],
    filters: Filters,
    counts: dict[tuple[Any, int], int],
) -> None:
    """Cells per row and quarter, row totals over the quarters shown, quarter totals (the
    same for every table: one key) and the grand total, with the sums that tie them."""
    shown_quarters = set(filters.shown)
    for row in rows:
        for quarter in quarters:
            figures.add(
                (name, row, quarter), counts.get((row, quarter), 0), shown=quarter in shown_quarters
            )
        figures.add(
            (f"{name}-row", row),
            sum(counts.get((row, q), 0) for q in filters.shown),
            total=True,
        )
        figures.tie([(f"{name}-row", row)], [(name, row, q) for q in filters.shown])
    for quarter in quarters:
        figures.add(
            ("quarter", quarter),
            sum(counts.get((row, quarter), 0) for row in rows),
            shown=quarter in shown_quarters,
            total=True,
        )
        figures.tie([("quarter", quarter)], [(name, row, quarter) for row in rows])
    figures.tie([("all",)], [(f"{name}-row", row) for row in rows])
    grand = sum(counts.get((row, q), 0) for row in rows for q in filters.shown)
    figures.add(("all",), grand, total=True)
    figures.tie([("all",)], [("quarter", q) for q in filters.shown])


def _few(
    figures: Figures,
    themes: list[int | None],
    municipalities: list[int | None],
    filters: Filters,
    recent: dict[tuple[Any, Any], int],
) -> None:
    """Theme × municipality over the last four quarters; each theme's and each
    municipality's cells add up to the same signals as its quarters in the other tables."""
    for theme in themes:
        for municipality in municipalities:
            figures.add(
                ("few", theme, municipality),
                recent.get((theme, municipality), 0),
                shown=theme is not None and municipality is not None,
            )
        figures.tie(
            [("few", theme, m) for m in municipalities],
            [("theme", theme, q) for q in filters.recent],
        )
    for municipality in municipalities:
        figures.tie(
            [("few", t, municipality) for t in themes],
            [("municipality", municipality, q) for q in filters.recent],
        )


def _cell(shown: Protected, key: Any) -> Cell:
    value = shown.value(key)
    small = value is None and 0 < shown.values.get(key, 0) < threshold()
    return Cell(value=value, small=small)


def _table(
    shown: Protected,
    name: str,
    caption: str,
    heading: str,
    rows: Iterable[tuple[Any, str]],
    filters: Filters,
) -> CountTable:
    return CountTable(
        key=name,
        caption=caption,
        heading=heading,
        lines=[
            Line(
                label=label,
                cells=[_cell(shown, (name, row, q)) for q in filters.shown],
                total=_cell(shown, (f"{name}-row", row)),
            )
            for row, label in rows
        ],
        totals=[_cell(shown, ("quarter", q)) for q in filters.shown],
        grand=_cell(shown, ("all",)),
    )


def _trend_lines(shown: Protected, themes: list[tuple[Any, str]], last: int) -> list[TrendLine]:
    counts = {
        theme: (shown.values[("theme", theme, last)], shown.values[("prior", theme)])
        for theme, _label in themes
        if theme is not None
    }
    tested = trends(counts)
    lines = []
    for theme, label in themes:
        if theme is None:
            continue
        last_cell, before = _cell(shown, ("theme", theme, last)), _cell(shown, ("prior", theme))
        # A p-value or a ratio gives a hidden count away: only where both are shown.
        open_ = last_cell.value is not None and before.value is not None
        # Whether it rises gives no count away, only that the last quarter is well above the
        # ones before: flagged unless a count is small. A count hidden only to protect
        # another ("x") is not small, and with realistic numbers the theme × municipality
        # table hides most quarters that way; tested only where both are shown, the page
        # never flagged a theme (the demo's Mantelzorg, 28 against 6.5 a quarter, was
        # "too few to test").
        testable = not last_cell.small and not before.small
        trend = tested[theme]
        lines.append(
            TrendLine(
                theme=label,
                last=last_cell,
                before=before,
                mean_before=trend.mean_before if before.value is not None else None,
                ratio=trend.ratio if open_ else None,
                p_value=trend.adjusted if open_ else None,
                rising=trend.rising if testable else None,
            )
        )
    return lines
