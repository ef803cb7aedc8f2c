"""Every row of the permission matrix, as every role and as an anonymous visitor."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from django.urls import resolve, reverse

from koers.core.models import AuditEntry
from koers.core.spreadsheets import is_spreadsheet_export
from tests.conftest import World
from tests.exports.reading import is_spreadsheet
from tests.permission_matrix import ROLES, ROWS, Row, render_markdown
from tests.test_url_access import ALL, API

DOC = Path(__file__).resolve().parent.parent / "docs" / "permission-matrix.md"

CASES = [
    pytest.param(row, role, expected, id=f"{row.name}[{row.what}]-{role}")
    for row in ROWS
    for role, expected in zip(ROLES, row.expected, strict=True)
]


def url_for(row: Row, world: World) -> str:
    """The row's URL; building it prepares the object (which may itself write)."""
    return reverse(row.name, args=row.args(world)) + row.query_for(world)


def request(client: Client, row: Row, url: str) -> object:
    if row.method == "POST":
        return client.post(url, row.data)
    return client.get(url)


@pytest.mark.parametrize(("row", "role", "expected"), CASES)
def test_each_role_gets_what_the_matrix_says(
    world: World, row: Row, role: str, expected: int
) -> None:
    client = world.client(role)
    url = url_for(row, world)
    writes_before = AuditEntry.objects.count()
    response = request(client, row, url)
    assert response.status_code == expected  # type: ignore[attr-defined]
    if row.method == "POST" and expected in (403, 404):
        assert AuditEntry.objects.count() == writes_before, "a refused write left a trace"
    if is_spreadsheet(response):
        # An export the formula test cannot find is an export nobody checks.
        assert is_spreadsheet_export(resolve(url.split("?")[0]).func), (
            f"{row.name} answers with a spreadsheet but is not declared a spreadsheet_export"
        )


@pytest.mark.parametrize("row", ROWS, ids=[f"{r.name}[{r.what}]" for r in ROWS])
def test_anonymous_visitors_reach_only_public_rows(world: World, row: Row) -> None:
    response = request(Client(), row, url_for(row, world))
    location = response.get("Location", "")  # type: ignore[attr-defined]
    # The admin's own sign-in page hands over to Koers's (tests/test_url_access.py).
    signed_out = response.status_code == 302 and location.startswith(  # type: ignore[attr-defined]
        (reverse("accounts:login"), reverse("admin:login"))
    )
    assert signed_out != row.public


def test_every_url_has_a_row() -> None:
    # Unnamed patterns cannot be requested by name: the admin's old object address (a
    # redirect to the change page) and its catch-all (not found, or on to sign in).
    # The API's operations have their own matrix (tests/api/matrix.py): they answer keys.
    named = {name for name, _, _ in ALL if not name.endswith(":None") and name not in API}
    assert named == {row.name for row in ROWS}


def test_the_document_is_current() -> None:
    assert DOC.read_text() == render_markdown(), "Run `make docs` and commit the result"


def test_forms_without_a_csrf_token_are_refused(world: World) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["programmacoordinator"])
    response = client.post(
        reverse("plans:realisation_create", args=[world.indicator.pk]),
        {"date": "2021-05-02", "value": "1"},
    )
    assert response.status_code == 403
    assert not world.indicator.realisations.exists()
