"""The money in the admin: a beheerder looks up her own organisation's records, changes none."""

from __future__ import annotations

from typing import Any

from koers.accounts.roles import Role
from tests.accounts.factories import MembershipFactory
from tests.conftest import verified_client
from tests.funding.factories import GrantFactory


def test_a_beheerder_sees_her_own_grants_read_only(world: Any) -> None:
    ours = GrantFactory(organisation=world.own, funder=world.province)
    theirs = GrantFactory(organisation=world.other_org, funder=world.province)
    client = verified_client(world.users["beheerder"])
    listing = client.get("/beheer/funding/grant/")
    assert listing.status_code == 200
    assert {row.pk for row in listing.context["cl"].result_list} == {ours.pk}
    assert client.get(f"/beheer/funding/grant/{theirs.pk}/change/").status_code in (302, 404)
    response = client.post(f"/beheer/funding/grant/{ours.pk}/change/", {"title": "Anders"})
    assert response.status_code == 403
    ours.refresh_from_db()
    assert ours.title != "Anders"
    assert client.get("/beheer/funding/grant/add/").status_code == 403


def test_every_money_list_in_the_admin_renders(world: Any) -> None:
    beheerder = MembershipFactory(role=Role.BEHEERDER, organisation=world.own).user
    client = verified_client(beheerder)
    for model in ("grant", "budgetline", "expense", "financialyear", "budgettable"):
        assert client.get(f"/beheer/funding/{model}/").status_code == 200, model
