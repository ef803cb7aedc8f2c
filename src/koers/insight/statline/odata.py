"""The folder `cbsodata.download_data(table_id, dir=…)` writes: one JSON file per part of the
table, each a list of objects.

- `TableInfos.json`: one object, the table's identifier, title, summary, period and the
  date CBS last modified it;
- `DataProperties.json`: the columns: dimensions (`Dimension`, `GeoDimension`,
  `TimeDimension`), topics (`Topic`, with unit and decimals) and groups of topics;
- one file per dimension, named by its key (`RegioS.json`, `Perioden.json`): its
  categories, periods with their status (`Voorlopig` is provisional);
- `TypedDataSet.json` (or `UntypedDataSet.json`): the rows.

The rows are read one object at a time: a table of a million values is never held whole.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.utils.dateparse import parse_datetime
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

SOURCE = "CBS StatLine"
LICENCE = "CC BY 4.0 (CBS)"
DATASETS = ("TypedDataSet.json", "UntypedDataSet.json")
KINDS = {
    "GeoDimension": DimensionKind.REGION,
    "TimeDimension": DimensionKind.PERIOD,
    "Dimension": DimensionKind.OTHER,
}
PROVISIONAL = {"voorlopig", "nader voorlopig"}
CHUNK = 1 << 16
SAFE_KEY = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,119}$")


def read_odata_folder(folder: Path) -> Table:
    info = _table_info(_load_part(folder, "TableInfos.json"))
    properties = _load_part(folder, "DataProperties.json")
    topics: list[TopicSpec] = []
    dimensions: list[DimensionSpec] = []
    for prop in properties:
        kind = prop.get("Type")
        if kind == "Topic":
            topics.append(
                TopicSpec(
                    key=str(prop["Key"]),
                    title=str(prop.get("Title") or prop["Key"]).strip(),
                    unit=str(prop.get("Unit") or "").strip(),
                    decimals=int(prop.get("Decimals") or 0),
                    description=str(prop.get("Description") or "").strip(),
                )
            )
        elif kind in KINDS:
            key = str(prop["Key"])
            if not SAFE_KEY.match(key):  # it names a file: never a path out of the folder
                raise TableError(
                    _("DataProperties.json names a dimension %(key)r that is no StatLine key.")
                    % {"key": key[:60]}
                )
            dimension = DimensionSpec(
                key=key, title=str(prop.get("Title") or key), kind=KINDS[kind]
            )
            for category in _load_part(folder, f"{key}.json"):
                status = str(category.get("Status") or "").strip().lower()
                dimension.categories[str(category["Key"]).strip()] = (
                    str(category.get("Title") or category["Key"]).strip(),
                    status in PROVISIONAL,
                )
            dimensions.append(dimension)
    if not topics:
        raise TableError(_("DataProperties.json names no topic (no column with figures)."))
    for kind, name in ((DimensionKind.REGION, _("region")), (DimensionKind.PERIOD, _("period"))):
        if not any(d.kind == kind for d in dimensions):
            raise TableError(
                _("This table has no %(kind)s dimension; Koers reads tables by region and period.")
                % {"kind": name}
            )
    rows_file = next((folder / name for name in DATASETS if (folder / name).is_file()), None)
    if rows_file is None:
        raise TableError(
            _("The download misses its rows: neither TypedDataSet.json nor UntypedDataSet.json.")
        )
    dimension_keys = [d.key for d in dimensions]
    topic_keys = [t.key for t in topics]

    def rows() -> Iterator[Row]:
        for line, item in enumerate(_stream_array(rows_file), start=1):
            if not isinstance(item, dict):
                raise TableError(
                    _("%(file)s: row %(line)s is not an object.")
                    % {"file": rows_file.name, "line": line}
                )
            yield Row(
                line=line,
                dimensions={key: str(item.get(key) or "").strip() for key in dimension_keys},
                values={key: item.get(key) for key in topic_keys},
            )

    return Table(info=info, topics=topics, dimensions=dimensions, rows=rows, file_name=folder.name)


def _table_info(infos: list[dict[str, Any]]) -> TableInfo:
    if not infos:
        raise TableError(
            _("TableInfos.json is empty: the table's identifier and title are missing.")
        )
    first = infos[0]
    table_id = str(first.get("Identifier") or "").strip()
    if not table_id:
        raise TableError(_("TableInfos.json gives no identifier for the table."))
    modified = parse_datetime(str(first.get("Modified") or ""))
    if modified is not None and modified.tzinfo is None:
        modified = modified.replace(tzinfo=dt.UTC)
    return TableInfo(
        source=SOURCE,
        table_id=table_id,
        title=str(first.get("Title") or table_id).strip(),
        description=str(first.get("ShortDescription") or first.get("Summary") or "").strip(),
        licence=LICENCE,
        url=f"https://opendata.cbs.nl/statline/#/CBS/nl/dataset/{table_id}/table",
        period_covered=str(first.get("Period") or "").strip(),
        modified_at_source=modified,
    )


def _load_part(folder: Path, name: str) -> list[dict[str, Any]]:
    """A small part of the download (not the rows), whole."""
    path = folder / name
    if not path.is_file():
        raise TableError(_("The download misses %(name)s.") % {"name": name})
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise TableError(
            _("%(name)s is not readable JSON: %(error)s") % {"name": name, "error": error}
        ) from error
    if not isinstance(data, list):
        raise TableError(_("%(name)s does not hold a list.") % {"name": name})
    return data


def _stream_array(path: Path) -> Iterator[Any]:
    """The items of the JSON list in `path`, one at a time, reading 64 KiB at a time."""
    decoder = json.JSONDecoder()
    with path.open(encoding="utf-8") as file:
        chars = _Chars(file, path.name)
        if chars.next_sign(_("%(name)s is empty.")) != "[":
            raise TableError(_("%(name)s does not hold a list.") % {"name": path.name})
        chars.pos += 1
        if chars.next_sign() == "]":
            return
        while True:
            yield chars.decode(decoder)
            sign = chars.next_sign()
            chars.pos += 1
            if sign == "]":
                return
            if sign != ",":
                raise TableError(_("%(name)s is not readable JSON.") % {"name": path.name})


class _Chars:
    """A file read a chunk at a time, with a position in what has been read: an item is
    decoded where it stands, and the text before it is dropped only when more is read."""

    def __init__(self, file: Any, name: str) -> None:
        self.file, self.name, self.buffer, self.pos = file, name, "", 0

    def _more(self) -> bool:
        chunk = self.file.read(CHUNK)
        if not chunk:
            return False
        self.buffer, self.pos = self.buffer[self.pos :] + chunk, 0
        return True

    def next_sign(self, at_the_end: str = "") -> str:
        """The next character that is not white space (not taken)."""
        while True:
            while self.pos < len(self.buffer) and self.buffer[self.pos].isspace():
                self.pos += 1
            if self.pos < len(self.buffer):
                return self.buffer[self.pos]
            if not self._more():
                message = at_the_end or _("%(name)s ends before its list does.")
                raise TableError(message % {"name": self.name})

    def decode(self, decoder: json.JSONDecoder) -> Any:
        self.next_sign()  # raw_decode takes no white space before the item
        while True:
            try:
                item, self.pos = decoder.raw_decode(self.buffer, self.pos)
                return item
            except json.JSONDecodeError as error:
                if not self._more():
                    raise TableError(
                        _("%(name)s is not readable JSON: %(error)s")
                        % {"name": self.name, "error": error}
                    ) from error
