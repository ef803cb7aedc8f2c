"""Every operation of the API as every role, and without a key."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from koers.api.api import api
from tests.api.conftest import call, make_key
from tests.api.matrix import API_ROWS, ApiRow, render_markdown
from tests.conftest import World
from tests.permission_matrix import ROLES

DOC = Path(__file__).resolve().parents[2] / "docs" / "api-permission-matrix.md"

CASES = [
    pytest.param(row, role, expected, id=f"{row.operation}[{row.what}]-{role}")
    for row in API_ROWS
    for role, expected in zip(ROLES, row.expected, strict=True)
]


@pytest.mark.parametrize(("row", "role", "expected"), CASES)
def test_each_role_gets_what_the_matrix_says(
    world: World, row: ApiRow, role: str, expected: int
) -> None:
    response = call(row.path(world), make_key(world.users[role]))
    assert response.status_code == expected, response.content
    if expected != 200:
        body = json.loads(response.content)
        assert response["Content-Type"] == "application/problem+json"
        assert body["status"] == expected


@pytest.mark.parametrize("row", API_ROWS, ids=[f"{r.operation}[{r.what}]" for r in API_ROWS])
def test_without_a_key_every_operation_answers_401(world: World, row: ApiRow) -> None:
    response = call(row.path(world))
    assert response.status_code == 401
    assert json.loads(response.content)["code"] == "token_missing"
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("row", API_ROWS, ids=[f"{r.operation}[{r.what}]" for r in API_ROWS])
def test_a_session_is_no_key(world: World, row: ApiRow) -> None:
    """The pages' sign-in does not open the API: a browser's cookie is not a key."""
    response = world.client("directeur").get(row.path(world))
    assert response.status_code == 401


def _documented_operations() -> set[str]:
    schema: dict[str, Any] = api.get_openapi_schema(path_prefix="/api/v1/")
    return {
        operation["operationId"]
        for operations in schema["paths"].values()
        for operation in operations.values()
    }


def test_every_documented_operation_has_a_row() -> None:
    assert _documented_operations() == {row.operation for row in API_ROWS}


def test_the_document_is_current() -> None:
    assert DOC.read_text() == render_markdown(), "Run `make docs` and commit the result"
