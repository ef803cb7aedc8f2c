"""The money in the admin: only for whom Koers shows the money, her own organisation's, and
never to change. A beheerder as such has no money pages in Koers, and none in the admin."""

from __future__ import annotations

from typing import Any

from koers.accounts.roles import Role
from tests.accounts.factories import MembershipFactory
from tests.conftest import verified_client
from tests.funding.factories import GrantFactory

MONEY = ("grant", "budgetline", "expense", "financialyear", "budgettable")


def test_a_beheerder_sees_no_money_in_the_admin(world: Any) -> None:
    ours = GrantFactory(organisation=world.own, funder=world.province)
    client = verified_client(world.users["beheerder"])
    for model in MONEY:
        assert client.get(f"/beheer/funding/{model}/").status_code == 403, model
    assert client.get(f"/beheer/funding/grant/{ours.pk}/change/").status_code == 403
    assert "/beheer/funding/" not in client.get("/beheer/").content.decode()


def test_operations_who_is_beheerder_too_sees_her_own_grants_read_only(world: Any) -> None:
    ours = GrantFactory(organisation=world.own, funder=world.province)
    theirs = GrantFactory(organisation=world.other_org, funder=world.province)
    operations = world.users["bedrijfsvoering"]
    MembershipFactory(user=operations, organisation=world.own, role=Role.BEHEERDER)
    client = verified_client(operations)
    listing = client.get("/beheer/funding/grant/")
    assert listing.status_code == 200
    assert {row.pk for row in listing.context["cl"].result_list} == {ours.pk}
    assert client.get(f"/beheer/funding/grant/{theirs.pk}/change/").status_code == 404
    response = client.post(f"/beheer/funding/grant/{ours.pk}/change/", {"title": "Anders"})
    assert response.status_code == 403
    ours.refresh_from_db()
    assert ours.title != "Anders"
    assert client.get("/beheer/funding/grant/add/").status_code == 403
    for model in MONEY:
        assert client.get(f"/beheer/funding/{model}/").status_code == 200, model
