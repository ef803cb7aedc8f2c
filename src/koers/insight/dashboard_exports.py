"""The dashboards as files: an area's tiles, a benchmark and a monitoring chain, each figure
with its period and source line, as the pages show them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _

from koers.core.spreadsheets import Sheets
from koers.insight.chain import MonitoringChain
from koers.insight.dashboards import Benchmark, Tile
from koers.insight.figures import COMPARED_WITH
from koers.insight.queries import region_names
from koers.plans.progress import Status


def _tile_header() -> list[str]:
    names = region_names()
    return [
        _("Figure"),
        _("Unit"),
        _("Period"),
        _("Value"),
        *(names.get(code, code) for code in COMPARED_WITH),
        _("Provisional"),
        _("Source"),
    ]


def _tile_body(tiles: list[Tile]) -> Iterator[Sequence[Any]]:
    for tile in tiles:
        compared = {c.code: c.text for c in tile.comparisons}
        yield [
            tile.label,
            tile.unit,
            tile.period,
            tile.value.shown if tile.value.shown is not None else tile.text,
            *(compared.get(code, "") for code in COMPARED_WITH),
            _("yes") if tile.value.provisional else "",
            tile.source,
        ]


def tile_rows(tiles: list[Tile]) -> Iterator[Sequence[Any]]:
    yield _tile_header()
    yield from _tile_body(tiles)


def tile_sheets(title: str, tiles: list[Tile]) -> Sheets:
    return [(title[:31] or _("Key figures"), _tile_header(), list(_tile_body(tiles)))]


def _benchmark_header(found: Benchmark) -> list[str]:
    return [_("Region code"), _("Region"), f"{found.figure.figure.label} ({found.period_label})"]


def _benchmark_body(found: Benchmark) -> Iterator[Sequence[Any]]:
    for row in found.rows:
        value = row.value.shown if row.value is not None else None
        yield [row.code, row.name, value if value is not None else row.text]


def _benchmark_notes(found: Benchmark) -> list[list[str]]:
    return [[_("Source"), found.figure.source], [_("Period"), found.period_label]]


def benchmark_rows(found: Benchmark) -> Iterator[Sequence[Any]]:
    yield _benchmark_header(found)
    yield from _benchmark_body(found)
    yield []
    yield from _benchmark_notes(found)


def benchmark_sheets(found: Benchmark) -> Sheets:
    return [
        (_("Comparison"), _benchmark_header(found), list(_benchmark_body(found))),
        (_("Source"), [_("What"), _("Value")], _benchmark_notes(found)),
    ]


# --- the monitoring chain ------------------------------------------------------------------


def _chain_header() -> list[str]:
    return [
        _("Link of the chain"),
        _("Code"),
        _("What"),
        _("Value"),
        _("Target"),
        _("Status"),
        _("Period"),
        _("Source"),
    ]


def _chain_body(chain: MonitoringChain) -> Iterator[Sequence[Any]]:
    given = chain.input
    inputs: list[tuple[str, Any]] = []
    if given.money is not None:
        inputs += [
            (_("Budgeted income"), given.money.income),
            (_("Budgeted costs"), given.money.costs),
            (_("Spent besides hours"), given.money.spent),
        ]
    inputs.append((_("Hours written"), given.hours))
    if given.fte is not None:
        inputs.append((_("Capacity (FTE)"), given.fte))
    for what, value in inputs:
        yield [_("Input"), "", what, value, "", "", "", ""]
    for activity in chain.activities:
        status = activity.get_status_display()
        yield [_("Throughput"), activity.code, activity.title, "", "", status, "", ""]
    for link, rows in ((_("Output"), chain.outputs), (_("Outcome"), chain.outcomes)):
        for row in rows:
            progress = row.progress
            yield [
                link,
                row.indicator.activity.code,
                row.indicator.title,
                progress.realised if progress.measured else "",
                progress.target if progress.target is not None else "",
                Status(progress.status).label,
                "",
                "",
            ]
    for tile in chain.context:
        value = tile.value.shown if tile.value.shown is not None else tile.text
        yield [_("Context"), "", tile.label, value, "", "", tile.period, tile.source]


def _chain_notes(chain: MonitoringChain) -> list[list[str]]:
    return [
        [_("Goal"), str(chain.goal)],
        [_("Year"), str(chain.year)],
        [_("Reference date"), formats.date_format(chain.reference, "DATE_FORMAT")],
        [
            _("Note"),
            _("A programme that serves several goals counts whole under each of them."),
        ],
    ]


def chain_rows(chain: MonitoringChain) -> Iterator[Sequence[Any]]:
    yield _chain_header()
    yield from _chain_body(chain)
    yield []
    yield from _chain_notes(chain)


def chain_sheets(chain: MonitoringChain) -> Sheets:
    return [
        (_("Monitoring chain"), _chain_header(), list(_chain_body(chain))),
        (_("About"), [_("What"), _("Value")], _chain_notes(chain)),
    ]
