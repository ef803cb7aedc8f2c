"""Counting what a parser is handed (koers.core.office_xml): each limit at its value and
one past it, and that openpyxl really reads through the count."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from koers.core import office_xml
from koers.core.office_xml import XmlBudget, XmlLimits, check_word_document, open_workbook
from koers.relations.opportunities import quotes
from tests.core.zip_bombs import MAIN, SHEET, repack, wide_row, workbook

LIMITS = XmlLimits(total=50, whole_part=10, item=5)


def refusal(xml: str, *, whole: bool, limits: XmlLimits = LIMITS) -> str | None:
    counter = XmlBudget(limits).counter(whole=whole)
    try:
        counter.feed(xml.encode(), final=True)
    except ValidationError as error:
        return error.code
    return None


def elements(count: int, name: str = "x") -> str:
    return f"<{name}/>" * count


def test_a_part_read_whole_may_hold_its_limit_of_elements() -> None:
    assert refusal(f"<r>{elements(9)}</r>", whole=True) is None  # the root and 9
    assert refusal(f"<r>{elements(10)}</r>", whole=True) == "xml_part"


def test_a_streamed_part_is_held_to_items_not_to_the_whole_part_limit() -> None:
    rows = "".join(f"<row>{elements(4, 'c')}</row>" for _ in range(8))
    assert refusal(f"<worksheet><sheetData>{rows}</sheetData></worksheet>", whole=False) is None


def test_an_item_may_hold_its_limit_of_elements() -> None:
    # A row with itself and 4 cells is 5 elements; one more cell passes the item limit.
    assert (
        refusal(f"<w><sheetData><row>{elements(4, 'c')}</row></sheetData></w>", whole=False) is None
    )
    assert (
        refusal(f"<w><sheetData><row>{elements(5, 'c')}</row></sheetData></w>", whole=False)
        == "xml_item"
    )
    # Outside sheetData an item is any element below the root (a list of formats).
    assert refusal(f"<s><cellXfs>{elements(5, 'xf')}</cellXfs></s>", whole=False) == "xml_item"


def test_the_total_counts_every_part_of_the_file() -> None:
    budget = XmlBudget(XmlLimits(total=6, whole_part=100))
    for _ in range(3):
        budget.counter(whole=True).feed(b"<r><x/></r>", final=True)  # 6 elements in all
    with pytest.raises(ValidationError) as refused:
        budget.counter(whole=True).feed(b"<r/>", final=True)
    assert refused.value.code == "xml_total"


def test_a_doctype_is_refused_before_its_entities() -> None:
    xml = '<!DOCTYPE r [<!ENTITY a "lol">]><r>&a;</r>'
    assert refusal(xml, whole=True) == "xml_doctype"


def test_what_is_not_xml_is_left_to_the_parser() -> None:
    assert refusal("\x89PNG not xml at all", whole=True) is None


def rows_of(path: Path) -> list[list[object]]:
    book = open_workbook(path)
    try:
        return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()


def test_openpyxl_reads_through_the_count(tmp_path: Path) -> None:
    """The rows come out as openpyxl reads them; a row over the limit stops it while it
    reads (a sheet without a stated size is read through once on opening), which shows the
    archive it reads is the counting one."""
    path = tmp_path / "echt.xlsx"
    path.write_bytes(workbook())
    assert rows_of(path) == [["datum", "medewerker", "uren"], ["2021-03-01", "medewerker", 8]]
    path.write_bytes(wide_row())
    with pytest.raises(ValidationError) as refused:
        rows_of(path)
    assert refused.value.code == "xml_item"


def test_a_workbook_of_dates_and_numbers_reads_as_before(tmp_path: Path) -> None:
    from openpyxl import Workbook, load_workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["datum", "uren", "notitie"])
    sheet.append([dt.date(2021, 3, 1), 7.5, "overleg"])
    sheet.append([dt.datetime(2021, 3, 2, 9, 30), 8, None])
    path = tmp_path / "uren.xlsx"
    book.save(path)
    plain = load_workbook(path, read_only=True, data_only=True)
    counted = open_workbook(path)
    assert list(counted.worksheets[0].values) == list(plain.worksheets[0].values)
    plain.close()
    counted.close()


def test_the_standard_quote_template_is_well_within_the_word_limit() -> None:
    check_word_document(io.BytesIO(quotes.standard_template()))


def test_a_word_document_is_counted_over_all_its_parts() -> None:
    per_part = office_xml.WORD_DOCUMENT.total // 2  # two parts under, together over
    body = f"<w:document {MAIN}>{elements(per_part, 'p')}</w:document>".encode()
    parts = {"word/glossary/a.xml": body, "word/glossary/b.xml": body}
    with pytest.raises(ValidationError) as refused:
        check_word_document(io.BytesIO(repack(quotes.standard_template(), parts)))
    assert refused.value.code == "xml_total"


def test_a_sheet_part_refused_by_the_count_is_refused_for_the_import(tmp_path: Path) -> None:
    from koers.core.tables import read_table

    path = tmp_path / "breed.xlsx"
    row = "".join(f"<c><v>{n}</v></c>" for n in range(40_000))
    sheet = f'<worksheet {MAIN}><sheetData><row r="1">{row}</row></sheetData></worksheet>'
    path.write_bytes(repack(workbook(), {SHEET: sheet.encode()}))
    with pytest.raises(ValidationError) as refused:
        read_table(path, 10)
    assert refused.value.code == "xml_item"
