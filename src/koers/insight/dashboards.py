"""The dashboards: an area's key figures as tiles (its latest value, against Flevoland and the
Netherlands, its recent periods as a small multiple, the notes on it), the labour market of
care and welfare by its four flows, and the benchmark of Flevoland's municipalities on one
figure. Every tile and row carries its source line and period (`FigureValues.source`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from koers.insight.figures import (
    COMPARED_WITH,
    FigureValues,
    Value,
    key_figures,
    on_dashboard,
    values_of,
)
from koers.insight.models import FigureNote, KeyFigure, LabourFlow, Observation
from koers.insight.note_readers import NoteReader
from koers.insight.queries import period_label, region_names
from koers.insight.regions import COUNTRY, FLEVOLAND

SMALL_MULTIPLE_PERIODS = 8


SPARK_HEIGHT = 40  # the small multiple's height in its own units; a bar is 10 wide


@dataclass(frozen=True)
class Bar:
    index: int
    label: str
    text: str
    height: int  # percent of the tallest bar of the tile
    provisional: bool

    @property
    def x(self) -> int:
        return self.index * 10 + 1

    @property
    def drawn(self) -> float:
        return round(self.height * SPARK_HEIGHT / 100, 1)

    @property
    def top(self) -> float:
        return round(SPARK_HEIGHT - self.drawn, 1)


@dataclass(frozen=True)
class Comparison:
    code: str
    name: str
    text: str


@dataclass
class Tile:
    figure: FigureValues
    value: Value
    text: str
    period: str
    comparisons: list[Comparison]
    bars: list[Bar]
    notes: list[FigureNote]

    @property
    def label(self) -> str:
        return self.figure.figure.label

    @property
    def unit(self) -> str:
        return "" if self.figure.is_rate else self.figure.figure.topic.unit

    @property
    def source(self) -> str:
        return self.figure.source

    @property
    def spark_width(self) -> int:
        return len(self.bars) * 10

    @property
    def bars_summary(self) -> str:
        return "; ".join(f"{bar.label}: {bar.text}" for bar in self.bars)

    @property
    def spark_bars(self) -> SafeString:
        """The small multiple's bars as SVG, each with its period and value as its title.
        Written here rather than in the template: a dashboard of fifty tiles draws hundreds
        of bars, and a template loop costs several times more per bar."""
        return format_html_join(
            "",
            '<rect x="{}" y="{}" width="8" height="{}"{}><title>{}: {}</title></rect>',
            (
                (
                    bar.x,
                    f"{bar.top:.1f}",
                    f"{bar.drawn:.1f}",
                    format_html(' class="{}"', "spark__provisional") if bar.provisional else "",
                    bar.label,
                    bar.text,
                )
                for bar in self.bars
            ),
        )


def tile(
    figure: FigureValues, region: str, names: dict[str, str], *, up_to_year: int | None = None
) -> Tile | None:
    """The figure's tile for `region`: None when the region has no value for it."""
    latest = figure.latest(region, up_to_year=up_to_year)
    if latest is None:
        return None
    comparisons = [
        Comparison(code, names.get(code, code), figure.text(figure.at(code, latest.period)))
        for code in COMPARED_WITH
        if code != region and figure.at(code, latest.period) is not None
    ]
    periods = [p for p in figure.periods(region) if p <= latest.period][-SMALL_MULTIPLE_PERIODS:]
    return Tile(
        figure=figure,
        value=latest,
        text=figure.text(latest),
        period=period_label(latest.period),
        comparisons=comparisons,
        bars=_bars(figure, region, periods),
        notes=figure.notes_on(region, latest.period),
    )


def _bars(figure: FigureValues, region: str, periods: list[str]) -> list[Bar]:
    values = [figure.values[(region, period)] for period in periods]
    tallest = max((abs(v.shown) for v in values if v.shown is not None), default=0)
    if len(values) < 2 or not tallest:
        return []
    return [
        Bar(
            index=index,
            label=period_label(value.period),
            text=figure.text(value),
            height=round(abs(value.shown) / tallest * 100) if value.shown is not None else 0,
            provisional=value.provisional,
        )
        for index, value in enumerate(values)
    ]


@dataclass
class AreaDashboard:
    code: str
    name: str
    tiles: list[Tile]
    without_figures: list[KeyFigure] = field(default_factory=list)


def area_dashboard(
    code: str, *, reader: NoteReader, figures: list[KeyFigure] | None = None
) -> AreaDashboard:
    """Every key figure on the dashboards for the area: its tiles, and the figures it has no
    value for (named, so an empty dashboard explains itself). Four queries."""
    names = region_names()
    chosen = figures if figures is not None else list(on_dashboard())
    found = values_of(chosen, [code, *COMPARED_WITH], reader=reader)
    tiles, without = [], []
    for values in found:
        made = tile(values, code, names)
        if made is None:
            without.append(values.figure)
        else:
            tiles.append(made)
    return AreaDashboard(
        code=code, name=names.get(code, code), tiles=tiles, without_figures=without
    )


@dataclass
class FlowSection:
    flow: LabourFlow
    tiles: list[Tile]
    without_figures: list[KeyFigure]


def labour_market(reader: NoteReader, region: str = FLEVOLAND) -> list[FlowSection]:
    """The key figures of the labour market of care and welfare, by flow, for `region`."""
    figures = list(key_figures(KeyFigure.objects.filter(flow__in=LabourFlow.values)))
    dashboard = area_dashboard(region, reader=reader, figures=figures)
    return [
        FlowSection(
            flow=flow,
            tiles=[t for t in dashboard.tiles if t.figure.figure.flow == flow],
            without_figures=[f for f in dashboard.without_figures if f.flow == flow],
        )
        for flow in LabourFlow
    ]


# --- the benchmark of the municipalities ---------------------------------------------------


def municipal(codes: list[str]) -> list[str]:
    """Of `flevoland_codes()`, the municipalities (without the province and the country)."""
    return [code for code in codes if code not in (FLEVOLAND, COUNTRY)]


@dataclass(frozen=True)
class BenchmarkRow:
    code: str
    name: str
    value: Value | None
    text: str
    width: int  # percent of the widest bar
    is_municipality: bool
    notes: list[FigureNote]


@dataclass
class Benchmark:
    figure: FigureValues
    period: str  # code
    periods: list[str]
    rows: list[BenchmarkRow]

    @property
    def period_label(self) -> str:
        return period_label(self.period) if self.period else ""

    @property
    def provisional(self) -> bool:
        return any(row.value is not None and row.value.provisional for row in self.rows)

    def municipal_values(self) -> dict[str, Any]:
        return {
            row.code: row.value.shown
            for row in self.rows
            if row.is_municipality and row.value is not None and row.value.shown is not None
        }


def comparable_figures(municipalities: list[str]) -> QuerySet[KeyFigure]:
    """The key figures some of `municipalities` have a value for: those a benchmark of the
    municipalities can show (a figure for the province alone cannot)."""
    # An index seek per figure (topic, region …), not a join over all of a table's values.
    observed = Observation.objects.filter(
        topic_id=OuterRef("topic_id"), region__in=municipalities, value__isnull=False
    )
    return key_figures(KeyFigure.objects.filter(Exists(observed)))


def benchmark(
    figure: KeyFigure, codes: list[str], period: str = "", *, reader: NoteReader
) -> Benchmark:
    """The municipalities of `codes` (`flevoland_codes()`: Flevoland's, then the province and
    the country) on `figure` for `period` (the latest any municipality has, when not given or
    not there), with the province and the country below them."""
    (values,) = values_of([figure], codes, reader=reader)
    municipalities = municipal(codes)
    periods = sorted({p for (code, p) in values.values if code in municipalities})
    chosen = period if period in periods else (periods[-1] if periods else "")
    names = region_names()
    shown = [values.at(code, chosen) for code in codes]
    widest = max((abs(v.shown) for v in shown if v is not None and v.shown is not None), default=0)
    rows = [
        BenchmarkRow(
            code=code,
            name=names.get(code, code),
            value=value,
            text=values.text(value),
            width=round(abs(value.shown) / widest * 100)
            if widest and value is not None and value.shown is not None
            else 0,
            is_municipality=code in municipalities,
            notes=values.notes_on(code, chosen),
        )
        for code, value in zip(codes, shown, strict=True)
    ]
    return Benchmark(figure=values, period=chosen, periods=periods, rows=rows)
