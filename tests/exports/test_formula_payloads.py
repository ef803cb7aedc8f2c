"""Every export × formula-like text: no cell a spreadsheet program would evaluate.

The exports are found from the URL patterns (views declared with `spreadsheet_export`);
each is fed every payload in every free-text field of every record of the demo (the
failing-row downloads: in every column of the uploaded file), asked for as a user who may,
and read back: an Excel file holds no formula and no error value and keeps the payload as
text (quote-prefixed where it begins like a formula, so editing it in Excel keeps it text);
a CSV file holds no cell beginning with a formula character and keeps the payload
behind a single quote.
"""

from __future__ import annotations

import pytest

from koers.core.spreadsheets import is_spreadsheet_export
from tests.exports.poison import JSON_NOT_TEXT, JSON_TEXT_LISTS, PAYLOADS, json_fields, poison
from tests.exports.reading import body, csv_findings, is_spreadsheet, xlsx_findings
from tests.exports.recipes import EXPORTS, Demo, Export
from tests.test_url_access import ALL

DECLARED = {name for name, _route, callback in ALL if is_spreadsheet_export(callback)}

CASES = [
    pytest.param(export, payload, id=f"{export.id}-{payload!r}")
    for export in EXPORTS
    for payload in PAYLOADS
]


def test_every_declared_export_has_a_recipe() -> None:
    assert {export.name for export in EXPORTS} == DECLARED


def test_the_declared_exports_are_found() -> None:
    """The walk finds the exports of every app that has one (a broken walk finds none)."""
    apps = {name.split(":")[0] for name in DECLARED}
    assert apps == {
        "work",
        "privacy",
        "directory",
        "relations",
        "funding",
        "reports",
        "atlas",
        "signals",
        "insight",
        "portfolio",
        "open_data",
    }


def test_every_json_field_is_poisoned_or_said_to_hold_no_text() -> None:
    assert json_fields() == JSON_TEXT_LISTS | set(JSON_NOT_TEXT)


@pytest.mark.parametrize(("export", "payload"), CASES)
def test_formula_payloads_come_out_as_text(demo: Demo, export: Export, payload: str) -> None:
    prepared = export.prepare(demo)
    assert poison(payload) > 0
    response = export.fetch(demo, prepared, payload)
    assert response.status_code == 200
    assert is_spreadsheet(response), response.get("Content-Type")
    data = body(response)
    if response["Content-Type"].startswith("text/csv"):
        problems, carried = csv_findings(data, payload)
    else:
        problems, carried = xlsx_findings(data, payload)
    assert not problems, f"{len(problems)} live cells, the first: {problems[:10]}"
    if export.writes_text:
        assert carried > 0, "the payload did not reach the export: the case tests nothing"
