"""Reading uploaded tables (CSV or Excel) into rows, and the report of an import's check
of them: every row with its problems, and the problems of the file as a whole.

The flow around it (upload, dry run, import, the failing rows as CSV) and the keeping of an
upload between the dry run and the import are in `koers.core.imports`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from koers.core.spreadsheets import as_typed
from koers.core.text import first_unstorable

# What a row may hold. An Outlook contacts export, the widest file an import takes, has 92
# columns and rows of a few thousand characters; an Excel cell holds at most 32,767.
MAX_COLUMNS = 200
MAX_LINE_CHARS = 100_000


def read_table(path: Path, max_rows: int) -> list[list[str]]:
    """The file's rows as lists of strings (CSV in UTF-8 or Windows-1252, or Excel): the
    header and at most one row more than an import of `max_rows` takes, so that its check
    can refuse a longer file (`longer_than`) instead of cutting it short. A cell a Koers
    export neutralised comes back as it was typed (`spreadsheets.as_typed`).

    Both are read as a stream and stop after those rows; a file that cannot be read, or
    that is wider or heavier than any import needs, raises a ValidationError for the user
    (see `koers.core.office_xml` for what an Excel file may hold)."""
    return [[as_typed(cell) for cell in row] for row in _read(path, max_rows)]


def _read(path: Path, max_rows: int) -> list[list[str]]:
    if path.suffix.lower() == ".xlsx":
        return _read_workbook(path, max_rows)
    raw = path.read_bytes()  # at most the upload limit (koers.core.uploads)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    # Only the delimiter is guessed, the quote is the double quote every program writes: in
    # a file of neutralised cells ("'=1+1;'-2,5") the sniffer takes the apostrophe for it.
    try:
        delimiter = csv.Sniffer().sniff(text[:4096], delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    rows = []
    reader = csv.reader(_lines(text), delimiter=delimiter)
    try:
        for row in itertools.islice(reader, max_rows + 2):
            if len(row) > MAX_COLUMNS:
                raise _too_wide()
            rows.append(row)
    except csv.Error as error:
        # A value longer than the csv module takes (131,072 characters).
        raise ValidationError(
            _(
                "Koers cannot read line %(line)s of this CSV file: a value in it is too long "
                "or not a text. Check the file and upload it again."
            )
            % {"line": reader.line_num},
            code="table_unreadable",
        ) from error
    return rows


def _lines(text: str) -> Iterator[str]:
    for number, line in enumerate(io.StringIO(text), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise ValidationError(
                _(
                    "Line %(line)s of the file is longer than %(max)s characters, which no "
                    "import needs. Check that it is a CSV file with one row on each line."
                )
                % {"line": number, "max": MAX_LINE_CHARS},
                code="table_line",
            )
        yield line


def _too_wide() -> ValidationError:
    return ValidationError(
        _(
            "The file has more than %(max)s columns; Koers reads at most that many. Remove "
            "the columns the import does not need."
        )
        % {"max": MAX_COLUMNS},
        code="table_columns",
    )


def _read_workbook(path: Path, max_rows: int) -> list[list[str]]:
    from koers.core.office_xml import open_workbook

    try:
        workbook = open_workbook(path)
    except ValidationError:
        raise
    except Exception as error:  # openpyxl raises many kinds for a damaged workbook
        raise _unreadable_workbook() from error
    try:
        sheet = workbook.worksheets[0]
        # Rows are padded to the width the sheet declares, which a file can set to Excel's
        # 16,384 columns: one column past the limit shows a file that is too wide.
        width = min(sheet.max_column or MAX_COLUMNS + 1, MAX_COLUMNS + 1)
        rows = [
            [_cell(value) for value in row]
            for row in sheet.iter_rows(values_only=True, max_row=max_rows + 2, max_col=width)
        ]
    except ValidationError:
        raise
    except Exception as error:
        raise _unreadable_workbook() from error
    finally:
        workbook.close()
    if width <= MAX_COLUMNS:
        return rows
    used = max((_used_width(row) for row in rows), default=0)
    if used > MAX_COLUMNS:
        raise _too_wide()
    return [row[:used] for row in rows]


def _used_width(row: list[str]) -> int:
    """The number of cells up to and including the last one that holds something."""
    for width in range(len(row), 0, -1):
        if row[width - 1]:
            return width
    return 0


def _unreadable_workbook() -> ValidationError:
    return ValidationError(
        _(
            "Koers cannot read this Excel file. Save it again in Excel as .xlsx, or as CSV, "
            "and upload it once more."
        ),
        code="table_unreadable",
    )


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        # Excel stores numbers as binary floats (2023.68 comes back as 2023.6799999999998):
        # ten significant digits restore what was typed, written with the decimal comma the
        # Dutch readers of these files expect, so "1.234" typed as a number is not read as
        # a thousands-separated 1234.
        return f"{value:.10g}".replace(".", ",")
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def header_map(
    header: list[str], columns: dict[str, tuple[str, ...]]
) -> tuple[dict[str, int], list[str]]:
    """Which column holds which field (by any of its names), and the unknown columns."""
    found: dict[str, int] = {}
    unknown: list[str] = []
    for index, title in enumerate(header):
        key = title.strip().lower()
        if not key:
            continue
        for name, aliases in columns.items():
            if key in aliases:
                found[name] = index
                break
        else:
            unknown.append(title.strip())
    return found, unknown


UNKNOWN_NAMED = 8  # an export of Outlook has some ninety columns: name a few, count the rest


def unknown_columns(names: list[str]) -> str:
    """The problem of a file with columns not recognised: a few named, how many more."""
    shown = ", ".join(names[:UNKNOWN_NAMED])
    if len(names) > UNKNOWN_NAMED:
        shown = _("%(names)s and %(count)s more") % {
            "names": shown,
            "count": len(names) - UNKNOWN_NAMED,
        }
    return _("Columns not recognised, ignored: %(names)s.") % {"names": shown}


def longer_than(rows: list[list[str]], max_rows: int) -> bool:
    """Whether `rows`, as `read_table` gives them, hold more than `max_rows` below the header."""
    return len(rows) > max_rows + 1


def too_long(max_rows: int) -> str:
    """The problem of a file with more rows than an import takes (`longer_than`)."""
    return _("At most %(max)s rows at a time; split the file.") % {"max": max_rows}


def begin(
    rows: list[list[str]],
    columns: dict[str, tuple[str, ...]],
    *,
    required: str | tuple[str, ...],
    max_rows: int,
    report: type[ImportReport] | None = None,
) -> tuple[Any, dict[str, int] | None]:
    """The start of an import's check: its report with the problems of the file as a whole,
    and which column holds which field — None when the rows cannot be read (empty, without
    a `required` column, or longer than `max_rows`). One required column is named as the
    one missing; of several, every one missing is listed."""
    found = (report or ImportReport)(rows[0] if rows else [], [])
    if not rows:
        found.problems.append(_("The file is empty."))
        return found, None
    header, unknown = header_map(rows[0], columns)
    if isinstance(required, str):
        if required not in header:
            found.problems.append(
                _("The first row must name the columns; a column '%(name)s' is missing.")
                % {"name": columns[required][0]}
            )
            return found, None
    elif missing := [name for name in required if name not in header]:
        found.problems.append(
            _("Columns missing: %(names)s.")
            % {"names": ", ".join(columns[name][0] for name in missing)}
        )
        return found, None
    if longer_than(rows, max_rows):
        found.problems.append(too_long(max_rows))
        return found, None
    if unknown:
        found.problems.append(unknown_columns(unknown))
    return found, header


def data_rows(
    rows: list[list[str]], header: dict[str, int]
) -> list[tuple[int, list[str], dict[str, str]]]:
    """(line, raw cells, values by field) of every row after the first that says anything."""
    found = []
    for line, raw in enumerate(rows[1:], start=2):
        values = {name: (raw[i].strip() if i < len(raw) else "") for name, i in header.items()}
        if any(values.values()):
            found.append((line, raw, values))
    return found


@dataclass
class ImportRow:
    """One row of an upload: where it was, what it said, what is wrong with it, and the
    unsaved record it becomes when nothing is."""

    line: int
    raw: list[str]
    values: dict[str, str]
    problems: list[str] = field(default_factory=list)
    record: Any = None
    label: str = ""  # what the row is about, for the report ("Fenna de Boer")

    def __post_init__(self) -> None:
        # Every import refuses a cell the database cannot store (a NUL fails on
        # PostgreSQL) or that would break the Word and Excel documents made from it.
        for value in self.values.values():
            found = first_unstorable(value)
            if found is not None:
                column = next((i for i, cell in enumerate(self.raw) if cell.strip() == value), None)
                self.problems.append(unstorable_cell(column, *found))


def column_letter(index: int) -> str:
    """The spreadsheet's name of a column: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def unstorable_cell(index: int | None, position: int, character: str) -> str:
    """The problem of a cell holding a character that cannot be stored."""
    params = {"character": character, "position": position}
    if index is None:
        return (
            _(
                "A cell holds a character that cannot be stored (%(character)s, at position "
                "%(position)s); remove it from the file."
            )
            % params
        )
    return _(
        "Column %(column)s holds a character that cannot be stored (%(character)s, at "
        "position %(position)s); remove it from the file."
    ) % {**params, "column": column_letter(index)}


@dataclass
class ImportReport:
    """The dry run of an import: every row with its problems, and problems of the file."""

    header: list[str]
    rows: list[ImportRow]
    problems: list[str] = field(default_factory=list)

    @property
    def failing(self) -> list[ImportRow]:
        return [row for row in self.rows if row.problems]

    @property
    def passing(self) -> list[ImportRow]:
        return [row for row in self.rows if not row.problems]

    def refuse_unless_importable(self, *, skip_failing: bool) -> None:
        """Raise (saving nothing) when the file cannot be read as a whole, or when rows
        fail and the user did not choose to skip them."""
        if self.problems and not self.rows:
            raise ValidationError(self.problems)
        if self.failing and not skip_failing:
            raise ValidationError(
                _("%(count)s rows have problems; nothing was saved.") % {"count": len(self.failing)}
            )

    def failing_table(self) -> list[list[str]]:
        """The failing rows as they came under the file's header, plus a column with the
        problems."""
        return [
            [*self.header, _("problems")],
            *([*row.raw, " | ".join(row.problems)] for row in self.failing),
        ]
