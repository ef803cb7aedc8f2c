"""A beheerder manages her own organisation's accounts and nothing beyond them."""

from __future__ import annotations

from typing import Any

from django.test import Client

from koers.accounts.models import Membership, User
from koers.accounts.roles import Role
from koers.core.models import AuditEntry
from tests.accounts.factories import MembershipFactory
from tests.conftest import World, verified_client


def admin_client(world: World) -> Client:
    return world.client("beheerder")


def user_form(user: User, **changes: Any) -> dict[str, Any]:
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "date_joined_0": "2021-01-01",
        "date_joined_1": "10:00:00",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_she_cannot_open_or_change_a_funders_account(world: World) -> None:
    official = world.users["opdrachtgever"]
    client = admin_client(world)
    assert client.get(f"/beheer/accounts/user/{official.pk}/change/").status_code == 302
    response = client.post(
        f"/beheer/accounts/user/{official.pk}/password/",
        {"password1": "een-nieuw-lang-wachtwoord", "password2": "een-nieuw-lang-wachtwoord"},
    )
    assert response.status_code in (302, 404)
    official.refresh_from_db()
    assert not official.check_password("een-nieuw-lang-wachtwoord")


def test_she_cannot_make_anyone_superuser(world: World) -> None:
    colleague = world.users["medewerker"]
    client = admin_client(world)
    response = client.post(
        f"/beheer/accounts/user/{colleague.pk}/change/",
        user_form(colleague, is_superuser="on", is_staff="on"),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    colleague.refresh_from_db()
    assert not colleague.is_superuser and not colleague.is_staff


def test_she_cannot_give_a_membership_of_another_organisation(world: World) -> None:
    colleague = world.users["medewerker"]
    client = admin_client(world)
    response = client.post(
        f"/beheer/accounts/user/{colleague.pk}/change/",
        user_form(
            colleague,
            **{
                "memberships-TOTAL_FORMS": "1",
                "memberships-0-organisation": str(world.province.pk),
                "memberships-0-role": Role.OPDRACHTGEVER,
            },
        ),
    )
    assert response.status_code == 200  # the form comes back with the error
    assert not Membership.objects.filter(user=colleague, organisation=world.province).exists()


def test_her_password_changes_are_audited(world: World) -> None:
    colleague = world.users["medewerker"]
    client = admin_client(world)
    response = client.post(
        f"/beheer/accounts/user/{colleague.pk}/password/",
        {"password1": "een-nieuw-lang-wachtwoord", "password2": "een-nieuw-lang-wachtwoord"},
    )
    assert response.status_code == 302
    assert AuditEntry.objects.filter(
        action="admin.password_change", subject_id=colleague.pk
    ).exists()


def test_the_admin_shows_a_beheerder_only_her_own_organisations_records(world: World) -> None:
    from koers.work.models import TimeCategory

    other_beheerder = MembershipFactory(role=Role.BEHEERDER, organisation=world.other_org).user
    leave = TimeCategory.objects.create(organisation=world.own, name="Verlof")
    client = verified_client(other_beheerder)
    own_rows = {
        "/beheer/plans/plan/": world.plan.pk,
        "/beheer/plans/programme/": world.programme.pk,
        "/beheer/plans/activity/": world.activity.pk,
        "/beheer/work/timecategory/": leave.pk,
    }
    for path, pk in own_rows.items():
        response = client.get(path)
        assert response.status_code == 200, path
        assert pk not in {row.pk for row in response.context["cl"].result_list}, path
    mine = verified_client(world.users["beheerder"]).get("/beheer/plans/programme/")
    shown = {row.pk for row in mine.context["cl"].result_list}
    assert world.programme.pk in shown and world.other_programme.pk not in shown
