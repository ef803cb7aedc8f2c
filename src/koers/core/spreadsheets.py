"""Excel downloads: one helper so every export has the same shape — a header row, one
row per record, each value in its own column (amounts as numbers, dates as dates)."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(
    filename: str, sheets: Iterable[tuple[str, Sequence[Any], Iterable[Sequence[Any]]]]
) -> HttpResponse:
    """A workbook with a sheet per (title, header, rows), as an attachment."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for title, header, rows in sheets:
        sheet: Any = workbook.create_sheet(str(title)[:31])
        sheet.append([str(cell) for cell in header])
        for row in rows:
            sheet.append(
                [
                    cell if cell is None or isinstance(cell, int | float) else _plain(cell)
                    for cell in row
                ]
            )
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _plain(value: Any) -> Any:
    import datetime as dt
    from decimal import Decimal

    if isinstance(value, Decimal | dt.date):
        return value
    return str(value)
