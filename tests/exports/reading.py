"""Reading an export back: which cells a spreadsheet program would evaluate, and which
carry the text that was fed in."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from typing import Any

from openpyxl import load_workbook

from tests.exports.poison import FORMULA_STARTS

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SPREADSHEET_TYPES = (
    XLSX,
    "text/csv",
    "application/vnd.ms-excel",
    "application/vnd.oasis.opendocument.spreadsheet",
    "text/tab-separated-values",
)
FORMULA_ELEMENT = re.compile(rb"<(?:\w+:)?f[\s>/]")


def is_spreadsheet(response: Any) -> bool:
    return str(response.get("Content-Type", "")).split(";")[0].strip() in SPREADSHEET_TYPES


def body(response: Any) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return bytes(response.content)


def xlsx_findings(data: bytes, payload: str) -> tuple[list[str], int]:
    """(cells a spreadsheet program would evaluate — formulas, error values, text stored as
    anything but text, text beginning like a formula that is not quote-prefixed, so that
    Excel makes it a formula once the cell is edited — and how many cells hold `payload`
    as text)."""
    problems = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and FORMULA_ELEMENT.search(archive.read(name)):
                problems.append(f"{name} holds a formula element")
    workbook = load_workbook(io.BytesIO(data))  # not read-only: the data types as stored
    carried = 0
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                problem = _live(cell)
                if problem:
                    problems.append(f"{sheet.title}!{cell.coordinate} {cell.value!r} {problem}")
                elif cell.value == payload:
                    carried += 1
    return problems, carried


def _live(cell: Any) -> str | None:
    if cell.data_type in ("f", "e"):
        return f"as {cell.data_type}"
    if isinstance(cell.value, str) and cell.data_type != "s":
        return f"text as {cell.data_type}"
    if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
        return None if cell.quotePrefix else "not quote-prefixed"
    return None


def neutralised(payload: str) -> str:
    """`payload` as a CSV cell must hold it: behind a single quote when a spreadsheet program
    would take it for a formula (OWASP's advice), else as it is."""
    return "'" + payload if payload.startswith(FORMULA_STARTS) else payload


def csv_findings(data: bytes, payload: str) -> tuple[list[str], int]:
    """(cells a spreadsheet program opening the file would evaluate, and how many cells
    hold `payload` neutralised)."""
    text = data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    problems = [
        f"row {number} column {column}: {cell!r}"
        for number, row in enumerate(rows, start=1)
        for column, cell in enumerate(row, start=1)
        if cell.startswith(FORMULA_STARTS)
    ]
    carried = sum(cell == neutralised(payload) for row in rows for cell in row)
    return problems, carried
