"""A StatLine CSV export: a header row, then one row per region, period and other category,
with a column per topic.

StatLine writes either codes ("GM0034", "2021JJ00", the open-data CSV) or titles ("Almere",
"2021*", the table's "Download as CSV"); both are read. Which column is what:
- the region column is headed "RegioS", "Regio's", "Regio" or "Gemeenten";
- the period column "Perioden", "Periode" or "Jaar";
- "ID" is StatLine's row number and is skipped;
- every other column is a topic when its cells are figures (or CBS's ".", "x", "-") in the
  first rows, and a dimension (age band, sector) otherwise.
A topic's unit is what its header says in brackets at the end: "Bevolking (aantal)".

A CSV does not name its table: the table id and title come with it (`koers import_statline
--table-id … --title …`, or the upload form).
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Iterator
from pathlib import Path

from django.utils.text import slugify
from django.utils.translation import gettext as _

from koers.insight.models import DimensionKind
from koers.insight.statline.table import (
    DimensionSpec,
    Row,
    Table,
    TableError,
    TableInfo,
    TopicSpec,
)
from koers.insight.values import NotAValue, read_value, writes_dutch_numbers

REGION_HEADERS = {"regios", "regio's", "regio", "gemeenten", "gemeente"}
PERIOD_HEADERS = {"perioden", "periode", "jaar"}
SKIPPED_HEADERS = {"id"}
PEEK_ROWS = 200
UNIT = re.compile(r"^(?P<title>.*?)\s*\((?P<unit>[^()]*)\)\s*$")


def read_csv_export(
    path: Path,
    *,
    table_id: str = "",
    title: str = "",
    source: str = "CBS StatLine",
    licence: str = "CC BY 4.0 (CBS)",
    url: str = "",
    period_covered: str = "",
    description: str = "",
) -> Table:
    if not table_id.strip() or not title.strip():
        raise TableError(_("A CSV export does not name its table: give its table id and title."))
    header, dialect = _header(path)
    lowered = [cell.strip().lower() for cell in header]
    region_at = _column(lowered, REGION_HEADERS, _("region"))
    period_at = _column(lowered, PERIOD_HEADERS, _("period"))
    if len(set(lowered)) != len(lowered):
        raise TableError(_("Two columns have the same heading."))
    others = [
        at
        for at, name in enumerate(lowered)
        if at not in (region_at, period_at) and name not in SKIPPED_HEADERS
    ]
    peeked = list(itertools.islice(_data_rows(path, dialect), PEEK_ROWS))
    dutch = writes_dutch_numbers([row[at] for row in peeked for at in others if at < len(row)])
    topic_at = [at for at in others if _holds_figures(peeked, at, dutch=dutch)]
    dimension_at = [at for at in others if at not in topic_at]
    if not topic_at:
        raise TableError(_("No column holds figures: this is not a table of statistics."))
    topics = [_topic(header[at]) for at in topic_at]
    if len({t.key for t in topics}) != len(topics):
        raise TableError(_("Two columns of figures have the same heading."))
    dimensions = [
        DimensionSpec(
            key=header[region_at].strip(),
            title=header[region_at].strip(),
            kind=DimensionKind.REGION,
        ),
        DimensionSpec(
            key=header[period_at].strip(),
            title=header[period_at].strip(),
            kind=DimensionKind.PERIOD,
        ),
        *(
            DimensionSpec(
                key=slugify(header[at]) or f"dim{at}",
                title=header[at].strip(),
                kind=DimensionKind.OTHER,
            )
            for at in dimension_at
        ),
    ]
    dimension_columns = [region_at, period_at, *dimension_at]
    width = len(header)

    def rows() -> Iterator[Row]:
        for line, cells in enumerate(_data_rows(path, dialect), start=1):
            if len(cells) != width:
                raise TableError(
                    _("Row %(line)s has %(found)s columns where the heading has %(expected)s.")
                    % {"line": line, "found": len(cells), "expected": width}
                )
            yield Row(
                line=line,
                dimensions={
                    spec.key: cells[at].strip()
                    for spec, at in zip(dimensions, dimension_columns, strict=True)
                },
                values={topic.key: cells[at] for topic, at in zip(topics, topic_at, strict=True)},
            )

    info = TableInfo(
        source=source.strip(),
        table_id=table_id.strip(),
        title=title.strip(),
        licence=licence.strip(),
        description=description.strip(),
        url=url.strip(),
        period_covered=period_covered.strip(),
    )
    return Table(
        info=info,
        topics=topics,
        dimensions=dimensions,
        rows=rows,
        file_name=path.name,
        dutch_numbers=dutch,
    )


def _header(path: Path) -> tuple[list[str], type[csv.Dialect]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as file:
            first = file.readline()
    except UnicodeDecodeError as error:
        raise TableError(
            _("The file is not UTF-8 text: export it from StatLine again as CSV.")
        ) from error
    if not first.strip():
        raise TableError(_("The file is empty."))
    dialect: type[csv.Dialect] = _Semicolon if first.count(";") >= first.count(",") else csv.excel
    return next(csv.reader([first], dialect)), dialect


class _Semicolon(csv.excel):
    delimiter = ";"


def _data_rows(path: Path, dialect: type[csv.Dialect]) -> Iterator[list[str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as file:
            reader = csv.reader(file, dialect)
            next(reader, None)
            for cells in reader:
                if any(cell.strip() for cell in cells):
                    yield cells
    except UnicodeDecodeError as error:
        raise TableError(
            _("The file is not UTF-8 text: export it from StatLine again as CSV.")
        ) from error


def _column(lowered: list[str], names: set[str], what: str) -> int:
    found = [at for at, name in enumerate(lowered) if name in names]
    if len(found) != 1:
        raise TableError(
            _("The file needs exactly one %(what)s column, headed one of: %(names)s.")
            % {"what": what, "names": ", ".join(sorted(names))}
        )
    return found[0]


def _holds_figures(rows: list[list[str]], at: int, *, dutch: bool) -> bool:
    cells = [row[at] for row in rows if at < len(row) and row[at].strip()]
    if not cells:
        return True  # an empty column of figures: every value unknown
    try:
        for cell in cells:
            read_value(cell, dutch=dutch)
    except NotAValue:
        return False
    return True


def _topic(heading: str) -> TopicSpec:
    text = heading.strip()
    match = UNIT.match(text)
    title, unit = (match["title"], match["unit"].strip()) if match else (text, "")
    return TopicSpec(key=slugify(text)[:120] or "waarde", title=title or text, unit=unit)
