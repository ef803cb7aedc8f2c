"""A beheerder manages her own organisation's accounts and nothing beyond them."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from koers.accounts.models import Membership, User
from koers.accounts.roles import Role
from koers.core.models import AuditEntry
from tests.accounts.factories import MembershipFactory, UserFactory
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
    assert client.get(f"/beheer/accounts/user/{official.pk}/change/").status_code == 404
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


def accounts_listed(client: Client) -> set[int]:
    response = client.get("/beheer/accounts/user/")
    assert response.status_code == 200
    return {user.pk for user in response.context["cl"].result_list}


def test_she_sees_exactly_the_accounts_of_her_organisations(world: World) -> None:
    """Every account of the world, one without any membership, and one of another
    organisation's beheerder: listed, and opened, only with a membership in hers."""
    memberless = UserFactory(username="nieuw-elders")
    elsewhere = MembershipFactory(organisation=world.other_org, role=Role.BEHEERDER).user
    ours = set(Membership.objects.filter(organisation=world.own).values_list("user", flat=True))
    client = admin_client(world)
    listed = accounts_listed(client)
    for user in [*world.users.values(), memberless, elsewhere]:
        assert (user.pk in listed) == (user.pk in ours), user.username
        status = client.get(f"/beheer/accounts/user/{user.pk}/change/").status_code
        assert status == (200 if user.pk in ours else 404), user.username


def test_a_superuser_sees_every_account_also_without_a_membership(world: World) -> None:
    memberless = UserFactory(username="nieuw")
    client = verified_client(UserFactory(is_superuser=True, is_staff=True))
    assert accounts_listed(client) >= {memberless.pk, *(u.pk for u in world.users.values())}


def new_account(**changes: Any) -> dict[str, Any]:
    data = {
        "username": "nieuwe-collega",
        "usable_password": "true",
        "password1": "een-nieuw-lang-wachtwoord",
        "password2": "een-nieuw-lang-wachtwoord",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_an_account_she_adds_needs_a_role_in_her_organisation(world: World) -> None:
    client = admin_client(world)
    response = client.post("/beheer/accounts/user/add/", new_account())
    assert response.status_code == 200
    assert "rol in je organisatie" in response.content.decode()
    assert not User.objects.filter(username="nieuwe-collega").exists()


def test_an_account_she_adds_with_a_role_stays_in_her_sight(world: World) -> None:
    client = admin_client(world)
    response = client.post(
        "/beheer/accounts/user/add/",
        new_account(
            **{
                "memberships-TOTAL_FORMS": "1",
                "memberships-0-organisation": str(world.own.pk),
                "memberships-0-role": Role.MEDEWERKER,
            }
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    colleague = User.objects.get(username="nieuwe-collega")
    assert Membership.objects.filter(
        user=colleague, organisation=world.own, role=Role.MEDEWERKER
    ).exists()
    assert client.get(response["Location"]).status_code == 200
    assert AuditEntry.objects.filter(action="admin.add", subject_id=colleague.pk).exists()


def test_the_programmes_she_can_give_are_her_organisations(world: World) -> None:
    response = admin_client(world).get("/beheer/accounts/user/add/")
    choices = response.context["inline_admin_formsets"][0].formset.empty_form.fields["programmes"]
    shown = set(choices.queryset.values_list("pk", flat=True))
    assert world.programme.pk in shown and world.other_programme.pk not in shown


# --- an account that works for two organisations ------------------------------------------------


def _shared_account(world: World) -> User:
    """A colleague who also sits on the other partner's board."""
    shared = UserFactory(username="gedeeld", first_name="Gea", email="gea@example.org")
    MembershipFactory(user=shared, organisation=world.own, role=Role.MEDEWERKER)
    MembershipFactory(user=shared, organisation=world.other_org, role=Role.TOEZICHT)
    return shared


def test_an_account_of_two_organisations_is_not_one_beheerders_to_change(world: World) -> None:
    shared = _shared_account(world)
    client = admin_client(world)
    base = f"/beheer/accounts/user/{shared.pk}"
    page = client.get(f"{base}/change/")
    assert page.status_code == 200
    assert 'name="email"' not in page.content.decode()  # shown, not editable
    client.post(f"{base}/change/", user_form(shared, email="ander@example.org", first_name="X"))
    shared.refresh_from_db()
    assert (shared.email, shared.first_name) == ("gea@example.org", "Gea")

    password = client.post(
        f"{base}/password/",
        {"password1": "een-nieuw-lang-wachtwoord", "password2": "een-nieuw-lang-wachtwoord"},
    )
    assert password.status_code == 403
    assert "werkt ook voor een andere organisatie" in password.content.decode()
    assert client.post(f"{base}/delete/", {"post": "yes"}).status_code == 403
    shared.refresh_from_db()
    assert not shared.check_password("een-nieuw-lang-wachtwoord")
    assert User.objects.filter(pk=shared.pk).exists()


def test_she_still_changes_the_shared_accounts_role_in_her_own_organisation(
    world: World,
) -> None:
    shared = _shared_account(world)
    mine = Membership.objects.get(user=shared, organisation=world.own)
    response = admin_client(world).post(
        f"/beheer/accounts/user/{shared.pk}/change/",
        user_form(
            shared,
            **{
                "memberships-TOTAL_FORMS": "1",
                "memberships-INITIAL_FORMS": "1",
                "memberships-0-id": str(mine.pk),
                "memberships-0-user": str(shared.pk),
                "memberships-0-organisation": str(world.own.pk),
                "memberships-0-role": Role.COORDINATOR,
            },
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    mine.refresh_from_db()
    assert mine.role == Role.COORDINATOR
    theirs = Membership.objects.get(user=shared, organisation=world.other_org)
    assert theirs.role == Role.TOEZICHT


def test_her_own_colleagues_account_stays_hers_to_change(world: World) -> None:
    colleague = world.users["medewerker"]
    response = admin_client(world).post(
        f"/beheer/accounts/user/{colleague.pk}/change/",
        user_form(colleague, email="nieuw@example.org"),
    )
    assert response.status_code == 302
    colleague.refresh_from_db()
    assert colleague.email == "nieuw@example.org"


# --- one organisation to work for ---------------------------------------------------------------


def test_a_staff_role_beside_one_in_another_organisation_is_refused_with_the_reason(
    world: World,
) -> None:
    shared = _shared_account(world)  # works for CMO, on the other partner's board
    second = Membership(user=shared, organisation=world.other_org, role=Role.MEDEWERKER)
    with pytest.raises(ValidationError) as refused:
        second.full_clean()
    # Refused with the reason, without naming where she works: whoever adds the role may be
    # the other organisation's beheerder.
    assert "werkt al voor een andere organisatie" in str(refused.value)
    assert str(world.own) not in str(refused.value)
    # A role that registers no hours may come besides; so may a staff role in her own.
    Membership(user=shared, organisation=world.province, role=Role.OPDRACHTGEVER).full_clean()
    Membership(user=shared, organisation=world.own, role=Role.COORDINATOR).full_clean()


def test_a_beheerder_of_two_organisations_cannot_give_staff_roles_in_both(world: World) -> None:
    beheerder = world.users["beheerder"]
    MembershipFactory(user=beheerder, organisation=world.other_org, role=Role.BEHEERDER)
    colleague = world.users["medewerker"]
    mine = Membership.objects.get(user=colleague, organisation=world.own)
    response = verified_client(beheerder).post(
        f"/beheer/accounts/user/{colleague.pk}/change/",
        user_form(
            colleague,
            **{
                "memberships-TOTAL_FORMS": "2",
                "memberships-INITIAL_FORMS": "1",
                "memberships-0-id": str(mine.pk),
                "memberships-0-user": str(colleague.pk),
                "memberships-0-organisation": str(world.own.pk),
                "memberships-0-role": Role.MEDEWERKER,
                "memberships-1-user": str(colleague.pk),
                "memberships-1-organisation": str(world.other_org.pk),
                "memberships-1-role": Role.MEDEWERKER,
            },
        ),
    )
    assert response.status_code == 200
    assert "werkt al voor" in response.content.decode()
    assert not Membership.objects.filter(user=colleague, organisation=world.other_org).exists()


# --- roles over the whole installation ------------------------------------------------------


def test_she_cannot_give_the_installation_administrators_role(world: World) -> None:
    """It answers for every organisation's shared records (the directory's merges, the
    statistics' keepers): not offered to a beheerder, and refused when posted anyway."""
    client = admin_client(world)
    page = client.get("/beheer/accounts/user/add/").content.decode()
    assert 'value="medewerker"' in page
    assert 'value="installatiebeheerder"' not in page
    response = client.post(
        "/beheer/accounts/user/add/",
        new_account(
            **{
                "memberships-TOTAL_FORMS": "1",
                "memberships-0-organisation": str(world.own.pk),
                "memberships-0-role": Role.INSTALLATIEBEHEERDER,
            }
        ),
    )
    assert response.status_code == 200
    assert not User.objects.filter(username="nieuwe-collega").exists()
    assert (
        not Membership.objects.filter(role=Role.INSTALLATIEBEHEERDER, organisation=world.own)
        .exclude(user=world.users["installatiebeheerder"])
        .exists()
    )


def test_the_formset_refuses_the_role_to_whoever_may_not_give_it(world: World) -> None:
    """The check behind the choices: a formset that is not the installation's refuses it
    with the reason."""
    from django.forms import inlineformset_factory

    from koers.accounts.admin import INSTALLATION_ROLE_REFUSED, MembershipFormSet

    colleague = UserFactory(username="collega")
    formset_class = inlineformset_factory(
        User, Membership, formset=MembershipFormSet, fields=["organisation", "role"], extra=1
    )
    data = {
        "memberships-TOTAL_FORMS": "1",
        "memberships-INITIAL_FORMS": "0",
        "memberships-0-organisation": str(world.own.pk),
        "memberships-0-role": Role.INSTALLATIEBEHEERDER,
    }
    refused = formset_class(data, instance=colleague, prefix="memberships")
    assert not refused.is_valid()
    assert str(INSTALLATION_ROLE_REFUSED) in refused.non_form_errors()
    formset_class.may_grant_installation = True
    assert formset_class(data, instance=colleague, prefix="memberships").is_valid()
