"""The one writer: text that looks like a formula stays text, in a workbook and in CSV, and
a neutralised CSV file reads back as it was typed."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from koers.core.spreadsheets import as_typed, csv_cell, csv_text, workbook_bytes
from koers.core.tables import read_table

LOOKS_LIKE_A_FORMULA = ["=1+1", "+31 6 1234", "-2,5", "@SUM(A1)", "\t=1", "\r=1", "'=1", "''-1"]
PLAIN = ["Fenna de Boer", "1,5", "'t Harde", "", "a=b", " =1", "#N/A", "\n=1"]


@pytest.mark.parametrize("text", LOOKS_LIKE_A_FORMULA)
def test_a_csv_cell_that_looks_like_a_formula_gets_a_quote(text: str) -> None:
    assert csv_cell(text) == "'" + text


@pytest.mark.parametrize("text", PLAIN)
def test_other_csv_cells_stay_as_they_are(text: str) -> None:
    assert csv_cell(text) == text


def test_an_empty_value_is_an_empty_cell() -> None:
    assert csv_cell(None) == ""


@pytest.mark.parametrize("text", LOOKS_LIKE_A_FORMULA + PLAIN)
def test_as_typed_undoes_exactly_what_csv_cell_did(text: str) -> None:
    assert as_typed(csv_cell(text)) == text


def test_a_neutralised_file_reads_back_as_typed(tmp_path: Path) -> None:
    rows = [["naam", "uren", "notitie"], ["=1+1", "-2,5", "'t Harde"], ["@A1", "+1", "\t=1"]]
    path = tmp_path / "rijen.csv"
    path.write_text(csv_text(rows), newline="")
    assert "'=1+1;'-2,5;'t Harde" in path.read_text()
    assert read_table(path, 10) == rows


def test_every_text_in_a_workbook_is_a_text_cell() -> None:
    texts = [*LOOKS_LIKE_A_FORMULA, "#N/A", "#REF!"]
    data = workbook_bytes(
        [("=Blad", ["=kop", *texts[1:]], [[*texts, 3, Decimal("2.50"), dt.date(2021, 3, 1)]])]
    )
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    header, row = list(sheet.iter_rows())
    assert [(c.value, c.data_type) for c in header[: len(texts)]] == [("=kop", "s")] + [
        (t, "s") for t in texts[1:]
    ]
    assert [(c.value, c.data_type) for c in row[: len(texts)]] == [(t, "s") for t in texts]
    assert [c.value for c in row[len(texts) :]] == [3, 2.5, dt.datetime(2021, 3, 1)]


def test_a_text_beginning_like_a_formula_stays_text_when_edited_in_excel() -> None:
    """Excel turns an edited text cell into a formula unless the cell is quote-prefixed,
    as Excel marks "'=1+1" typed in."""
    data = workbook_bytes([("Blad", ["kop"], [["=1+1"], ["-1"], ["Fenna"]])])
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    assert [c.quotePrefix for (c,) in sheet.iter_rows(min_row=2)] == [True, True, False]


def test_amounts_and_dates_stay_numbers_and_dates_with_a_format_excel_localises() -> None:
    """Excel shows "#,##0.00" as 1.069.937,50 to a Dutch user and 1,069,937.50 to an
    English one, and "d mmmm yyyy" as 18 maart 2021 / 18 March 2021: the cell stays a
    number or a date a controller can add up or sort."""
    row = [
        Decimal("1069937.50"),
        Decimal("7"),
        dt.date(2021, 3, 18),
        dt.datetime(2021, 3, 18, 14, 5),
        3,
        Decimal("0.125"),
    ]
    data = workbook_bytes([("Blad", ["a", "b", "c", "d", "e", "f"], [row])])
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    [cells] = list(sheet.iter_rows(min_row=2))
    assert [cell.number_format for cell in cells] == [
        "#,##0.00",
        "#,##0",
        "d mmmm yyyy",
        "d mmmm yyyy hh:mm",
        "General",
        "General",
    ]
    assert cells[0].value == 1069937.5 and cells[2].value == dt.datetime(2021, 3, 18)
