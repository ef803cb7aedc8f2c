"""Reading uploaded tables (CSV or Excel) and keeping an upload between the dry run and
the import itself.

The upload is kept under the data directory with a random name that only the session
that uploaded it knows, so a token from another session leads nowhere; the retention
task removes what was never imported after a day.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import re
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from koers.core.private_files import private_file
from koers.core.spreadsheets import as_typed, csv_response
from koers.core.text import first_unstorable

SESSION_KEY = "koers_pending_imports"
DONE_KEY = "koers_done_imports"  # imported: no second import, but the report stays readable
TOKEN = re.compile(r"^[0-9a-f]{32}\.(csv|xlsx)$")


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
    required: str,
    max_rows: int,
    report: type[ImportReport] | None = None,
) -> tuple[Any, dict[str, int] | None]:
    """The start of an import's check: its report with the problems of the file as a whole,
    and which column holds which field — None when the rows cannot be read (empty, without
    the `required` column, or longer than `max_rows`)."""
    found = (report or ImportReport)(rows[0] if rows else [], [])
    if not rows:
        found.problems.append(_("The file is empty."))
        return found, None
    header, unknown = header_map(rows[0], columns)
    if required not in header:
        found.problems.append(
            _("The first row must name the columns; a column '%(name)s' is missing.")
            % {"name": columns[required][0]}
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


def pending_dir() -> Path:
    return Path(settings.DATA_DIR) / "pending-imports"


def keep(request: HttpRequest, upload: UploadedFile) -> tuple[str, Path]:
    """Store `upload` for this session; returns its token and path."""
    token = f"{secrets.token_hex(16)}{Path(upload.name or '').suffix.lower()}"
    path = pending_dir() / token
    with private_file(path) as target:  # people's names and addresses: 0600, never 0644
        for chunk in upload.chunks():
            target.write(chunk)
    request.session[SESSION_KEY] = [*request.session.get(SESSION_KEY, [])[-4:], token]
    return token, path


def receive(
    request: HttpRequest, upload: UploadedFile, read: Callable[[Path], Any]
) -> tuple[str, Any]:
    """Keep `upload` for this session and read it with `read` (`read_table` for an
    import); returns its token and what was read. A file that cannot be read raises its
    ValidationError for the form, and is not kept."""
    token, path = keep(request, upload)
    try:
        return token, read(path)
    except ValidationError:
        discard(request, token)
        raise


def kept(request: HttpRequest, token: str, *, done_too: bool = False) -> Path | None:
    """The path of a kept upload, if this session kept it and it is still there."""
    allowed = request.session.get(SESSION_KEY, [])
    if done_too:
        allowed = [*allowed, *request.session.get(DONE_KEY, [])]
    if not TOKEN.match(token) or token not in allowed:
        return None
    path = pending_dir() / token
    return path if path.exists() else None


def discard(request: HttpRequest, token: str) -> None:
    (pending_dir() / token).unlink(missing_ok=True)
    request.session[SESSION_KEY] = [t for t in request.session.get(SESSION_KEY, []) if t != token]


def mark_done(request: HttpRequest, token: str) -> None:
    """The upload was imported: it cannot be imported again; its report can still be read."""
    request.session[SESSION_KEY] = [t for t in request.session.get(SESSION_KEY, []) if t != token]
    request.session[DONE_KEY] = [*request.session.get(DONE_KEY, [])[-4:], token]


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


def report_page(
    request: HttpRequest,
    report: ImportReport,
    *,
    token: str,
    dry_run: bool,
    title: str,
    start_url: str,
    failing_url: str,
    status: int = 200,
    **extra: Any,
) -> HttpResponse:
    """The shared page of a dry run or a finished import (`imports/report.html`); `extra`
    takes the template's optional parts (`facts`, `hidden`, `label_heading`, `done_url`)."""
    context = {
        "report": report,
        "token": token,
        "dry_run": dry_run,
        "title": title,
        "start_url": start_url,
        "failing_url": failing_url,
        **extra,
    }
    return render(request, "imports/report.html", context, status=status)


def failing_download(report: ImportReport, filename: str) -> HttpResponse:
    """The rows with problems as a CSV file, with a column saying what is wrong."""
    return csv_response(filename, report.failing_table())
