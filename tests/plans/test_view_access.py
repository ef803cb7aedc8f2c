"""Who gets what on every plans page: one table, every role, anonymous and outsiders.

Columns: the roles of the `world` fixture. 200 = shown, 403 = visible but not hers to do,
404 = out of her scope (existence not confirmed).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import World

ROLES = [
    "beheerder",
    "directeur",
    "bedrijfsvoering",
    "programmacoordinator",
    "medewerker",
    "toezicht",
    "opdrachtgever",
    "regio",
    "outsider",
    "no_role",
]

# page name, the world attribute whose pk goes in the URL (or None), expected per role
MATRIX: list[tuple[str, str | None, list[int]]] = [
    ("plans:dashboard", None, [200, 200, 200, 200, 200, 200, 200, 200, 200, 403]),
    ("plans:goals", None, [200, 200, 200, 200, 200, 200, 200, 200, 200, 403]),
    ("plans:annual_plans", None, [200, 200, 200, 200, 200, 200, 200, 200, 200, 403]),
    ("plans:programme", "programme", [200, 200, 200, 200, 200, 200, 200, 404, 404, 403]),
    ("plans:programme", "unfunded_programme", [200, 200, 200, 200, 200, 200, 404, 200, 404, 403]),
    ("plans:programme", "other_programme", [404, 404, 404, 404, 404, 404, 200, 404, 200, 403]),
    ("plans:activity", "activity", [200, 200, 200, 200, 200, 200, 200, 404, 404, 403]),
    ("plans:activity", "other_activity", [404, 404, 404, 404, 404, 404, 200, 404, 200, 403]),
    ("plans:activity_edit", "activity", [403, 200, 403, 200, 403, 403, 403, 403, 404, 403]),
    ("plans:activity_decision", "activity", [403, 200, 403, 200, 403, 403, 403, 403, 404, 403]),
    ("plans:target_edit", "indicator", [403, 200, 403, 200, 403, 403, 403, 403, 404, 403]),
    ("plans:amendment_create", "activity", [403, 200, 403, 200, 403, 403, 403, 403, 404, 403]),
    ("plans:activity_create", "programme", [403, 200, 403, 200, 403, 403, 403, 403, 404, 403]),
    (
        "plans:activity_create",
        "unfunded_programme",  # not hers to coordinate
        [403, 200, 403, 403, 403, 403, 403, 403, 404, 403],
    ),
    ("plans:indicator_create", "activity", [403, 200, 403, 200, 403, 403, 403, 403, 404, 403]),
    ("plans:goal", "goal", [200, 200, 200, 200, 200, 200, 200, 404, 404, 403]),
    ("plans:annual_plan", "annual_plan", [200, 200, 200, 200, 200, 200, 200, 200, 404, 403]),
]

CASES = [
    pytest.param(name, attr, role, expected, id=f"{name}[{attr}]-{role}")
    for name, attr, row in MATRIX
    for role, expected in zip(ROLES, row, strict=True)
]


def url_of(world: World, name: str, attr: str | None) -> str:
    if attr is None:
        return reverse(name)
    return reverse(name, args=[getattr(world, attr).pk])


@pytest.mark.parametrize(("name", "attr", "role", "expected"), CASES)
def test_page_access(world: World, name: str, attr: str | None, role: str, expected: int) -> None:
    response = world.client(role).get(url_of(world, name, attr))
    assert response.status_code == expected


@pytest.mark.parametrize(("name", "attr"), sorted({(n, a) for n, a, _ in MATRIX}, key=str))
def test_anonymous_users_are_sent_to_sign_in(world: World, name: str, attr: Any) -> None:
    response = Client().get(url_of(world, name, attr))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
