"""The key figures' values for some regions: what a dashboard tile, a benchmark and the
monitoring chain's context factors show.

Every value is read in one query for all figures and regions asked (and one for their
denominators, one for the notes), whatever the number of datasets, regions or periods: a
page asks once for the regions it shows and picks from the result.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet

from koers.core.numbers import grouped
from koers.insight.models import FigureNote, KeyFigure, Observation
from koers.insight.note_readers import NoteReader
from koers.insight.queries import MISSING_SIGNS
from koers.insight.regions import COUNTRY, FLEVOLAND
from koers.insight.sources import source_line

COMPARED_WITH = (FLEVOLAND, COUNTRY)
RATE_DECIMALS = 1


@dataclass(frozen=True)
class Value:
    """A figure's value for one region and period, and its rate where the figure is "per"."""

    region: str
    period: str
    value: Decimal | None
    missing: str
    provisional: bool
    rate: Decimal | None = None

    @property
    def shown(self) -> Decimal | None:
        """What the page compares and draws: the rate for a figure "per", else the value."""
        return self.rate if self.rate is not None else self.value


@dataclass
class FigureValues:
    """One key figure's values for the regions asked, by region and period."""

    figure: KeyFigure
    values: dict[tuple[str, str], Value] = field(default_factory=dict)
    notes: dict[tuple[str, str], list[FigureNote]] = field(default_factory=dict)

    @property
    def is_rate(self) -> bool:
        return self.figure.per is not None and self.figure.denominator_id is not None

    @property
    def decimals(self) -> int:
        return RATE_DECIMALS if self.is_rate else self.figure.topic.decimals

    @property
    def source(self) -> str:
        return source_line(self.figure.topic.dataset)

    def periods(self, region: str) -> list[str]:
        return sorted(period for (code, period) in self.values if code == region)

    def latest(self, region: str, *, up_to_year: int | None = None) -> Value | None:
        """The region's value of its latest period with a value (up to a year, when given);
        None when it has none."""
        for period in reversed(self.periods(region)):
            if up_to_year is not None and int(period[:4]) > up_to_year:
                continue
            found = self.values[(region, period)]
            if found.value is not None:
                return found
        return None

    def at(self, region: str, period: str) -> Value | None:
        return self.values.get((region, period))

    def text(self, value: Value | None) -> str:
        """The value as the page writes it: grouped digits, or CBS's sign for a missing one."""
        if value is None:
            return "—"
        if value.shown is None:
            return MISSING_SIGNS.get(value.missing, ".")
        return self.number(value.shown)

    def number(self, number: Decimal) -> str:
        return grouped(number, self.decimals)

    def notes_on(self, region: str, period: str) -> list[FigureNote]:
        return self.notes.get((region, period), [])


def key_figures(figures: QuerySet[KeyFigure] | None = None) -> QuerySet[KeyFigure]:
    chosen = figures if figures is not None else KeyFigure.objects.all()
    return chosen.select_related("topic__dataset", "denominator").order_by("position", "pk")


def values_of(
    figures: Iterable[KeyFigure], regions: Iterable[str] | None, *, reader: NoteReader
) -> list[FigureValues]:
    """The values of `figures` for `regions` (every region when None), with the notes
    `reader` sees (each with `author_shown`: her author, where the reader sees names), in
    three queries."""
    figures = list(figures)
    wanted = None if regions is None else sorted(set(regions))
    found = {figure.pk: FigureValues(figure) for figure in figures}
    if not figures:
        return []
    observed = _observations([(figure.topic_id, figure.breakdown) for figure in figures], wanted)
    denominators = _observations(
        [
            (figure.denominator_id, figure.denominator_breakdown)
            for figure in figures
            if figure.denominator_id is not None
        ],
        wanted,
    )
    for figure in figures:
        per = Decimal(figure.per) if figure.per and figure.denominator_id else None
        for (region, period), row in observed.get((figure.topic_id, figure.breakdown), {}).items():
            rate = None
            if per is not None and row.value is not None:
                base = denominators.get(
                    (figure.denominator_id, figure.denominator_breakdown), {}
                ).get((region, period))
                if base is not None and base.value:
                    rate = row.value / base.value * per
            found[figure.pk].values[(region, period)] = Value(
                region=region,
                period=period,
                value=row.value,
                missing=row.missing,
                provisional=row.provisional,
                rate=rate,
            )
    notes = FigureNote.objects.filter(
        topic_id__in={figure.topic_id for figure in figures},
        organisation_id__in=reader.organisation_ids,
    )
    if wanted is not None:
        notes = notes.filter(region__in=wanted)
    by_topic: dict[int, list[FigureNote]] = defaultdict(list)
    for note in notes.select_related("organisation", "author"):
        reader.shows_author(note)
        by_topic[note.topic_id].append(note)
    for figure in figures:
        for note in by_topic.get(figure.topic_id, []):
            found[figure.pk].notes.setdefault((note.region, note.period), []).append(note)
    return [found[figure.pk] for figure in figures]


@dataclass(frozen=True)
class _Observed:
    value: Decimal | None
    missing: str
    provisional: bool


def _observations(
    asked: list[tuple[int | None, str]], regions: list[str] | None
) -> dict[tuple[int | None, str], dict[tuple[str, str], _Observed]]:
    """{(topic, breakdown): {(region, period): what was observed}} in one query, read as
    tuples (a dashboard reads thousands of values; model instances cost several times more)."""
    if not asked:
        return {}
    wanted = set(asked)
    rows = Observation.objects.filter(
        topic_id__in={topic for topic, _breakdown in wanted},
        breakdown__in={breakdown for _topic, breakdown in wanted},
    )
    if regions is not None:
        rows = rows.filter(region__in=regions)
    found: dict[tuple[int | None, str], dict[tuple[str, str], _Observed]] = defaultdict(dict)
    for topic, breakdown, region, period, value, missing, provisional in rows.values_list(
        "topic_id", "breakdown", "region", "period", "value", "missing", "provisional"
    ).order_by():
        if (topic, breakdown) in wanted:
            found[(topic, breakdown)][(region, period)] = _Observed(value, missing, provisional)
    return found


def figures_for_goals(goal_ids: set[int]) -> QuerySet[KeyFigure]:
    return key_figures(KeyFigure.objects.filter(goals__in=goal_ids).distinct())


def on_dashboard() -> QuerySet[KeyFigure]:
    return key_figures(KeyFigure.objects.filter(on_dashboard=True))
