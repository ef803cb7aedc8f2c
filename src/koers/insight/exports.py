"""A dataset's table as a file: the figures with their source line, as the page shows them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any

from django.utils.text import slugify
from django.utils.translation import gettext as _

from koers.core.spreadsheets import Sheets
from koers.insight.models import Dataset
from koers.insight.queries import FigureTable


def file_name(dataset: Dataset, table: FigureTable) -> str:
    return slugify(f"{dataset.table_id} {table.topic.key}")[:80] or "statistiek"


def header(table: FigureTable) -> list[str]:
    return [
        _("Region code"),
        _("Region"),
        *(f"{p.label}{' *' if p.provisional else ''}" for p in table.periods),
    ]


def body(table: FigureTable) -> Iterator[Sequence[Any]]:
    places = Decimal(1).scaleb(-table.topic.decimals)  # as many decimals as the topic has
    for row in table.rows:
        yield [
            row.code,
            row.name,
            *(
                ""
                if cell is None
                else cell.text
                if cell.value is None
                else cell.value.quantize(places)
                for cell in row.cells
            ),
        ]


def notes(dataset: Dataset, table: FigureTable) -> list[list[str]]:
    """Where the figures come from, one fact a row (what, value), under the figures."""
    lines = [
        [_("Source"), dataset.source],
        [_("Table"), dataset.table_id],
        [_("Title"), dataset.title],
        [_("Topic"), table.topic.title],
        [_("Unit"), table.topic.unit],
        [_("Period covered"), dataset.period_covered],
        [_("Licence"), dataset.licence],
    ]
    if table.breakdown:
        lines.append([_("Breakdown"), table.breakdown.replace("|", ", ")])
    if dataset.is_example:
        lines.append([_("Example data"), _("not published figures (voorbeelddata)")])
    if table.has_provisional:
        lines.append(["*", _("provisional figures")])
    lines.append([".", _("unknown (CBS's sign)")])
    lines.append(["x", _("secret (CBS's sign)")])
    return [line for line in lines if line[1]]


def rows(dataset: Dataset, table: FigureTable) -> Iterator[Sequence[Any]]:
    yield header(table)
    yield from body(table)
    yield []
    yield from notes(dataset, table)


def sheets(dataset: Dataset, table: FigureTable) -> Sheets:
    return [
        (str(table.topic)[:31], header(table), list(body(table))),
        (_("Source"), [_("What"), _("Value")], notes(dataset, table)),
    ]
