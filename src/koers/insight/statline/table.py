"""A statistics table as the import reads it, whatever file it came from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field


class TableError(Exception):
    """The file or folder cannot be read as a table at all (a part missing, columns that do
    not match); the message says what, in the user's language."""


@dataclass(frozen=True)
class TableInfo:
    source: str
    table_id: str
    title: str
    description: str = ""
    licence: str = ""
    url: str = ""
    period_covered: str = ""
    modified_at_source: dt.datetime | None = None


@dataclass(frozen=True)
class TopicSpec:
    key: str
    title: str
    unit: str = ""
    decimals: int = 0
    description: str = ""


@dataclass
class DimensionSpec:
    key: str
    title: str
    kind: str  # DimensionKind
    # key → (title, provisional)
    categories: dict[str, tuple[str, bool]] = field(default_factory=dict)


@dataclass(frozen=True)
class Row:
    line: int  # where it is in the file, for the report (1 = the first data row)
    dimensions: dict[str, str]  # dimension key → category key as the file writes it
    values: dict[str, object]  # topic key → the cell as the file writes it


@dataclass
class Table:
    info: TableInfo
    topics: list[TopicSpec]
    dimensions: list[DimensionSpec]
    # Read again on every call: the rows are streamed from the file, never held whole.
    rows: Callable[[], Iterator[Row]]
    file_name: str = ""
    dutch_numbers: bool = False  # 1.234,5 (a CSV export); an OData download writes 1234.5

    def dimension(self, kind: str) -> DimensionSpec | None:
        return next((d for d in self.dimensions if d.kind == kind), None)
