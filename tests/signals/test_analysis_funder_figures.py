"""No view or export of signals shown to a funder's official or the board reveals a count
below 5. The pages are not picked by hand: every URL of the `signals` namespace in the
permission matrix that these roles reach (200, GET) is fetched with signals behind it that
hold small counts, and every count in it is read — the tables' cells of a page, the numeric
cells of a workbook. New signal pages and exports funders may see are checked as they come."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from django.urls import reverse
from lxml import html
from openpyxl import load_workbook

from koers.signals.suppression import threshold
from tests.conftest import verified_client
from tests.permission_matrix import ROLES, ROWS
from tests.signals.analysis_data import analysis_data

pytestmark = pytest.mark.django_db

OUTSIDE_STAFF = ("opdrachtgever", "regio", "toezicht")
LEADING_COUNT = re.compile(r"^\s*(\d+)(?:\s|$)")


def reached(role: str) -> list[Any]:
    column = ROLES.index(role)
    return [
        row
        for row in ROWS
        if row.name.startswith("signals:")
        and row.method == "GET"
        and not row.public
        and row.expected[column] == 200
    ]


def small_counts_in_page(content: bytes) -> list[str]:
    """Table cells (and definition values) whose text starts with a count from 1 to 4."""
    tree = html.fromstring(content)
    found = []
    for cell in tree.xpath("//td | //dd"):
        text = " ".join(cell.text_content().split())
        match = LEADING_COUNT.match(text)
        if match and 0 < int(match.group(1)) < threshold():
            found.append(text)
    return found


def small_counts_in_workbook(content: bytes) -> list[str]:
    """Cells of every sheet holding a count from 1 to 4: a whole number shown without
    decimals (a mean, ratio or p-value is written with its places: "1.00" is no count), or a
    text starting with one."""
    workbook = load_workbook(io.BytesIO(content), read_only=True)
    found = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, bool) or value is None:
                    continue
                if isinstance(value, int | float) and "." not in str(cell.number_format):
                    if value == int(value) and 0 < value < threshold():
                        found.append(f"{sheet.title}: {value}")
                elif isinstance(value, str):
                    match = LEADING_COUNT.match(value)
                    if match and 0 < int(match.group(1)) < threshold():
                        found.append(f"{sheet.title}: {value!r}")
    return found


def test_the_reading_finds_a_small_count() -> None:
    """The checks can fail: a cell holding 3 is found, in a page and in a workbook."""
    from koers.core.spreadsheets import workbook_bytes

    assert small_counts_in_page(
        b"<table><tr><td>3</td><td>12</td><td>&lt; 5</td></tr></table>"
    ) == ["3"]
    assert small_counts_in_page(b"<table><tr><td>3 te weinig</td></tr></table>") == ["3 te weinig"]
    assert small_counts_in_workbook(workbook_bytes([("Blad", ["a", "b"], [[3, "< 5"]])]))


@pytest.mark.parametrize("role", OUTSIDE_STAFF)
def test_no_signal_page_or_export_shown_outside_staff_reveals_a_small_count(
    world: Any, role: str
) -> None:
    analysis_data(world.own)  # with 3 signals on a theme in a municipality, among others
    rows = reached(role)
    assert {"signals:analysis", "signals:analysis_export"} <= {row.name for row in rows}
    client = verified_client(world.users[role])
    hidden_seen = 0
    for row in rows:
        url = reverse(row.name, args=row.args(world)) + row.query_for(world)
        response = client.get(url)
        assert response.status_code == 200, url
        kind = response.get("Content-Type", "")
        if "spreadsheetml" in kind:
            leaks = small_counts_in_workbook(response.content)
            hidden_seen += sum(
                "< 5" in str(value)
                for sheet in load_workbook(io.BytesIO(response.content)).worksheets
                for line in sheet.iter_rows(values_only=True)
                for value in line
            )
        else:
            leaks = small_counts_in_page(response.content)
            hidden_seen += sum(
                " ".join(cell.text_content().split()) == "< 5"
                for cell in html.fromstring(response.content).xpath("//td")
            )
        assert leaks == [], f"{row.name} shows {leaks[:5]}"
    assert hidden_seen > 0, "no small count was hidden: the data tests nothing"
