from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.plans.factories import RealisationFactory


@pytest.fixture
def immediate_tasks(settings: Any) -> None:
    """Tasks run when they are enqueued (after the commit), as the design asks of tests."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def realised(world: Any) -> Any:
    """Two meetings of the world's indicator in 2021: Almere in March, Urk in August."""
    from tests.directory.factories import MunicipalityFactory

    almere = MunicipalityFactory(code="GM0034", name="Almere", slug="almere")
    urk = MunicipalityFactory(code="GM0184", name="Urk", slug="urk")
    RealisationFactory(
        indicator=world.indicator, date=dt.date(2021, 3, 18), value=Decimal(1), municipality=almere
    )
    RealisationFactory(
        indicator=world.indicator, date=dt.date(2021, 8, 26), value=Decimal(1), municipality=urk
    )
    return world


def docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def docx_rows(data: bytes) -> list[list[str]]:
    document = Document(io.BytesIO(data))
    return [[c.text for c in row.cells] for t in document.tables for row in t.rows]


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def xlsx_sheets(data: bytes) -> dict[str, list[list[Any]]]:
    """Each sheet's rows, padded to the header's width (empty cells at a row's end are
    not stored)."""
    workbook = load_workbook(io.BytesIO(data), read_only=True)
    found = {}
    for sheet in workbook.worksheets:
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        width = max((len(row) for row in rows), default=0)
        found[sheet.title] = [row + [None] * (width - len(row)) for row in rows]
    return found
