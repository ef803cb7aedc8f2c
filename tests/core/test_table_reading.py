"""Reading an import's table within bounds (koers.core.tables.read_table): CSV line by
line with limits on line length and columns, Excel no wider than the limit, and an
unreadable upload not kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory

from koers.core import imports, tables
from koers.core.tables import MAX_COLUMNS, MAX_LINE_CHARS, read_table
from tests.core.zip_bombs import MAIN, SHEET, repack, workbook


def csv_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "lijst.csv"
    path.write_text(text, encoding="utf-8")
    return path


def refusal(path: Path, max_rows: int = 10) -> str | None:
    try:
        read_table(path, max_rows)
    except ValidationError as error:
        return error.code
    return None


def test_a_long_file_is_read_only_as_far_as_the_import_needs(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "naam;plaats\n" + "Jan;Urk\n" * 1000)
    rows = read_table(path, 10)
    assert len(rows) == 12  # the header, ten rows and one more to show it is longer
    assert tables.longer_than(rows, 10)


def test_a_line_may_be_as_long_as_the_limit(tmp_path: Path) -> None:
    line = "x" * (MAX_LINE_CHARS - 1) + "\n"
    assert refusal(csv_file(tmp_path, "naam\n" + line)) is None
    assert refusal(csv_file(tmp_path, "naam\n" + "x" + line)) == "table_line"


def test_a_row_may_have_as_many_columns_as_the_limit(tmp_path: Path) -> None:
    assert refusal(csv_file(tmp_path, ";".join(["a"] * MAX_COLUMNS) + "\n")) is None
    assert refusal(csv_file(tmp_path, ";".join(["a"] * (MAX_COLUMNS + 1)) + "\n")) == (
        "table_columns"
    )


def test_a_value_the_csv_module_refuses_gets_a_message(tmp_path: Path) -> None:
    # One quoted value of 200,000 characters over short lines: past the csv module's limit.
    value = "\n".join(["y" * 50] * 4000)
    rows = '"naam";"notitie"\n' + '"Jan";"overleg"\n' * 100
    assert refusal(csv_file(tmp_path, f'{rows}"Piet";"{value}"\n'), 200) == "table_unreadable"


def _sheet(tmp_path: Path, dimension: str, cells: str) -> Path:
    sheet = (
        f'<worksheet {MAIN}><dimension ref="{dimension}"/><sheetData>'
        f'<row r="1">{cells}</row><row r="2"><c r="A2"><v>1</v></c></row>'
        "</sheetData></worksheet>"
    )
    path = tmp_path / "blad.xlsx"
    path.write_bytes(repack(workbook(), {SHEET: sheet.encode()}))
    return path


def test_a_sheet_that_declares_excel_s_full_width_is_read_as_wide_as_it_is(
    tmp_path: Path,
) -> None:
    path = _sheet(tmp_path, "A1:XFD2", '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>2</v></c>')
    assert read_table(path, 10) == [["datum", "uren"], ["1", ""]]


def test_a_sheet_may_fill_as_many_columns_as_the_limit(tmp_path: Path) -> None:
    from openpyxl.utils import get_column_letter

    last, past = get_column_letter(MAX_COLUMNS), get_column_letter(MAX_COLUMNS + 1)
    assert refusal(_sheet(tmp_path, "A1:XFD2", f'<c r="{last}1"><v>1</v></c>')) is None
    assert refusal(_sheet(tmp_path, "A1:XFD2", f'<c r="{past}1"><v>1</v></c>')) == ("table_columns")


def test_a_damaged_workbook_gets_a_message(tmp_path: Path) -> None:
    path = tmp_path / "kapot.xlsx"
    path.write_bytes(repack(workbook(), {SHEET: b"<worksheet><sheetData><row>"}))
    assert refusal(path) == "table_unreadable"


@pytest.mark.django_db
def test_an_upload_that_cannot_be_read_is_not_kept(settings: Any, tmp_path: Path) -> None:
    settings.DATA_DIR = tmp_path
    request = RequestFactory().post("/")
    request.session = SessionStore()
    upload = SimpleUploadedFile("lijst.csv", b"naam\n" + b"x" * (MAX_LINE_CHARS + 1))
    with pytest.raises(ValidationError, match="Regel 2 van het bestand is langer dan 100000"):
        imports.receive(request, upload, lambda path: read_table(path, 10))
    assert not any(imports.pending_dir().iterdir())
    assert request.session.get(imports.SESSION_KEY) == []
