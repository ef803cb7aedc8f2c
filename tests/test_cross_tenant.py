"""Another organisation's records are not found: every object URL of the permission matrix,
requested by a user of another organisation in each role Koers has, answers 404.

Generated from the matrix (`tests/permission_matrix.py`): each row that names a record of
the world's own organisation (CMO Flevoland in the `world` fixture) is requested, with its
method and data, by one user per role at `world.other_org`. Whatever the role may do at
home, here the record must not be confirmed to exist (not 403), let alone shown (200) or
changed (302). A record no organisation owns (the shared directory, a funder's goals, the
installation's statistics) is not a tenancy matter: those rows are counted apart and
listed, so a tenant-owned record cannot hide among them.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import resolve

from koers.accounts.roles import Role
from koers.accounts.tenancy import records_named
from koers.core.models import AuditEntry
from koers.core.records import RECORD_KINDS, ROUTE_PART, owner_lookup, owners_of
from tests.accounts.factories import MembershipFactory, UserFactory
from tests.conftest import World, verified_client
from tests.permission_matrix import ROWS, Row
from tests.test_permission_matrix import request, url_for
from tests.test_url_access import ALL

# Records that belong to no organisation: shared for reading, their writes ruled apart.
SHARED_MODELS = {
    "directory.organisation",
    "core.municipality",
    "plans.goal",
    "insight.dataset",
    "insight.keyfigure",
    "insight.topic",
    "atlas.theme",
}

OBJECT_ROWS = [row for row in ROWS if row.target is not None and not row.public]


def _users_of_other_organisation(world: World) -> dict[str, Any]:
    """One user per role Koers has, each a member of the world's other organisation."""
    users = {}
    for role in Role:
        user = UserFactory(username=f"b-{role.value}")
        MembershipFactory(user=user, organisation=world.other_org, role=role)
        users[role.value] = user
    return users


@pytest.mark.parametrize("row", OBJECT_ROWS, ids=[f"{r.name}[{r.what}]" for r in OBJECT_ROWS])
def test_every_role_of_another_organisation_gets_not_found(world: World, row: Row) -> None:
    url = url_for(row, world)
    owners: set[int] = set()
    for model, pk in records_named(resolve(url.split("?")[0])):
        owners |= owners_of(model, pk) or set()
    if not owners:
        pytest.skip(f"{row.name} names no record an organisation holds (shared, or not one)")
    if world.own.pk not in owners:
        pytest.skip(f"{row.name} names a record of the other organisation")
    writes_before = AuditEntry.objects.count()
    outcomes = {}
    for role, user in _users_of_other_organisation(world).items():
        response = request(verified_client(user), row, url)
        outcomes[role] = response.status_code  # type: ignore[attr-defined]
    assert outcomes == dict.fromkeys(outcomes, 404), outcomes
    assert AuditEntry.objects.count() == writes_before, "a refused request left a trace"


def test_the_generated_cases_cover_the_object_rows() -> None:
    # The matrix grows with every view; this keeps the generated set from shrinking to a
    # handful unnoticed (count at the time of writing: see the closing note).
    assert len(OBJECT_ROWS) > 150


# Numbers in URLs that name no organisation's record: a year, a quarter, and the user's own
# session and her own API key (their getters look among hers only).
NOT_RECORDS = {
    ("plans:programme_progress", "year"),
    ("plans:programme_progress", "quarter"),
    ("funding:position_edit", "year"),
    ("accounts:session_end", "pk"),
    ("api_tokens:revoke", "pk"),
}


def test_every_number_in_a_url_names_its_record() -> None:
    # `<int:pk>` would leave the tenancy check blind to whose record the URL names: a
    # record's URL says which (`<activity:pk>`, koers.core.records).
    plain_numbers = {
        (name, part["name"])
        for name, route, _view in ALL
        for part in ROUTE_PART.finditer(route)
        if part["converter"] == "int"
    }
    assert plain_numbers == NOT_RECORDS


@pytest.mark.parametrize("converter", sorted(RECORD_KINDS))
def test_every_record_a_url_names_has_an_owner_or_is_shared(converter: str, db: Any) -> None:
    kind = RECORD_KINDS[converter]
    if kind.shared:
        assert kind.model._meta.label_lower in SHARED_MODELS
        return
    assert owner_lookup(kind.model) is not None, f"{kind.model}: declare TENANT_PATH"
    # The lookup is one the database can answer (a wrong path fails here, not at a refusal).
    assert owners_of(kind.model, 0) == set()
