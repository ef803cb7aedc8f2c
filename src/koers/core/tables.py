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
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from koers.core.text import first_unstorable

SESSION_KEY = "koers_pending_imports"
DONE_KEY = "koers_done_imports"  # imported: no second import, but the report stays readable
TOKEN = re.compile(r"^[0-9a-f]{32}\.(csv|xlsx)$")


def read_table(path: Path, max_rows: int) -> list[list[str]]:
    """The file's rows as lists of strings (CSV in UTF-8 or Windows-1252, or Excel): the
    header and at most one row more than an import of `max_rows` takes, so that its check
    can refuse a longer file (`longer_than`) instead of cutting it short."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            return [
                [_cell(value) for value in row]
                for row in sheet.iter_rows(values_only=True, max_row=max_rows + 2)
            ]
        finally:
            workbook.close()
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(io.StringIO(text), dialect))[: max_rows + 2]


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
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as target:
        for chunk in upload.chunks():
            target.write(chunk)
    request.session[SESSION_KEY] = [*request.session.get(SESSION_KEY, [])[-4:], token]
    return token, path


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

    def failing_csv(self) -> str:
        """The failing rows as they came, plus a column with the problems."""
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";")
        writer.writerow([*self.header, _("problems")])
        for row in self.failing:
            writer.writerow([*row.raw, " | ".join(row.problems)])
        return out.getvalue()


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
    response = HttpResponse(report.failing_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
