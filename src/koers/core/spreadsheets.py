"""Excel downloads: one helper so every export has the same shape — a header row, one
row per record, each value in its own column (amounts as numbers, dates as dates).

Every view that answers with a spreadsheet declares it with `spreadsheet_export`, so the
tests can find every export from the URL patterns (and feed formula-like text into each)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from django.http import HttpResponse

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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


def xlsx_response(filename: str, sheets: Sheets) -> HttpResponse:
    """A workbook with a sheet per (title, header, rows), as an attachment."""
    response = HttpResponse(workbook_bytes(sheets), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def workbook_bytes(sheets: Sheets) -> bytes:
    """A workbook with a sheet per (title, header, rows): the header in bold and frozen,
    each value in its own cell."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    used: set[str] = set()
    for title, header, rows in sheets:
        sheet: Any = workbook.create_sheet(sheet_name(str(title), used))
        sheet.freeze_panes = "A2"
        bold = []
        for cell in header:
            heading = WriteOnlyCell(sheet, value=str(cell))
            heading.font = Font(bold=True)
            bold.append(heading)
        sheet.append(bold)
        for row in rows:
            sheet.append(
                [
                    cell if cell is None or isinstance(cell, int | float) else _plain(sheet, cell)
                    for cell in row
                ]
            )
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


def _plain(sheet: Any, value: Any) -> Any:
    """Dates and amounts as they are; anything else as text. A text that looks like a
    formula (=, +, -, @) is stored as text, never as a formula: exports hold what users and
    imports typed, and a controller opening one must not run it."""
    import datetime as dt
    from decimal import Decimal

    from openpyxl.cell import WriteOnlyCell

    from koers.core.text import xml_safe

    if isinstance(value, Decimal | dt.date):
        return value
    text = xml_safe(str(value))
    if text[:1] in ("=", "+", "-", "@"):
        cell = WriteOnlyCell(sheet, value=text)
        cell.data_type = "s"
        return cell
    return text
