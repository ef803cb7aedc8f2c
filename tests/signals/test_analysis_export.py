"""The analysis as Excel (signals:analysis_export): the page's figures, hidden where the page
hides them, for whoever sees the page and nobody else."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.conftest import verified_client
from tests.signals.analysis_data import LAST, analysis_data

pytestmark = pytest.mark.django_db
URL = reverse("signals:analysis_export")


def workbook(world: Any, role: str, query: str = LAST) -> Any:
    response = verified_client(world.users[role]).get(URL + query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "signalen-analyse-2021-K4.xlsx" in response["Content-Disposition"]
    return load_workbook(io.BytesIO(response.content), read_only=True)


def rows_of(book: Any, index: int) -> list[tuple[Any, ...]]:
    return list(book.worksheets[index].iter_rows(values_only=True))


def test_it_holds_the_explanation_and_a_sheet_per_table(world: Any) -> None:
    analysis_data(world.own)
    book = workbook(world, "directeur")
    assert len(book.worksheets) == 6
    explanation = {row[0]: row[1] for row in rows_of(book, 0)}
    assert explanation.get("Signalen van") == "CMO Flevoland"
    assert explanation.get("Kwartalen") == "2021 K1 – 2021 K4"
    themes = rows_of(book, 1)
    assert themes[0][1:5] == ("2021 K1", "2021 K2", "2021 K3", "2021 K4")
    wachtlijsten = next(row for row in themes if row[0] == "Wachtlijsten")
    assert wachtlijsten[1:] == (15, 15, 15, 35, 80)
    assert themes[-1][-1] == 3 * 36 + 3 + 62  # the grand total


def test_the_hidden_counts_are_hidden_in_the_workbook_too(world: Any) -> None:
    analysis_data(world.own)
    book = workbook(world, "opdrachtgever", LAST + f"&houder={world.own.pk}")
    header, *few = rows_of(book, 5)
    eenzaamheid = next(row for row in few if row[0] == "Eenzaamheid")
    almere = header.index("Almere")
    assert eenzaamheid[almere] == "< 5 (te weinig)"
    assert eenzaamheid[header.index("Dronten")] == "x"
    trend = {row[0]: row for row in rows_of(book, 4)}
    assert trend["Wachtlijsten"][-1] == "ja"
    assert trend["Mantelzorg"][-1] == "nee"


@pytest.mark.parametrize("role", ["no_role", "beheerder", "zorgvrager"])
def test_roles_without_signal_figures_are_refused(world: Any, role: str) -> None:
    assert verified_client(world.users[role]).get(URL).status_code == 403


def test_an_anonymous_visitor_is_sent_to_sign_in(client: Any, world: Any) -> None:
    assert client.get(URL).status_code == 302


def test_another_organisation_gets_only_her_own_empty_figures(world: Any) -> None:
    analysis_data(world.own)
    response = verified_client(world.users["outsider"]).get(URL + f"?houder={world.own.pk}")
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    cells = [
        value
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
    ]
    assert "Wachtlijsten" not in cells
    assert "CMO Flevoland" not in cells
