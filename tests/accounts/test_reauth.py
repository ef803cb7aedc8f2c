"""Recent authentication before the password, the second factor and roles change."""

from __future__ import annotations

import time
from typing import Any

from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from koers.accounts.models import Membership
from koers.accounts.reauth import AUTHENTICATED_AT
from koers.accounts.roles import Role
from tests.accounts.factories import PASSWORD
from tests.accounts.test_admin_scope import user_form
from tests.conftest import World

CONFIRM = "/account/bevestigen/"


def long_ago(client: Client) -> Client:
    session = client.session
    session[AUTHENTICATED_AT] = int(time.time()) - 6 * 60
    session.save()
    return client


def code(user: Any) -> str:
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    return f"{TOTP(device.bin_key, drift=device.drift).token():06d}"


def test_changing_the_password_asks_to_confirm_and_comes_back(world: World) -> None:
    client = long_ago(world.client("directeur"))
    url = reverse("accounts:password_change")
    response = client.get(url)
    assert response["Location"] == f"{CONFIRM}?next=%2Faccount%2Fwachtwoord-wijzigen%2F"
    page = client.get(response["Location"])
    assert set(page.context["form"].fields) == {"password", "code", "recovery_code"}
    response = client.post(
        CONFIRM, {"password": PASSWORD, "code": code(world.users["directeur"]), "next": url}
    )
    assert response["Location"] == url
    assert client.get(url).status_code == 200


def test_a_wrong_password_or_code_is_not_enough(world: World) -> None:
    client = long_ago(world.client("directeur"))
    response = client.post(CONFIRM, {"password": "fout", "code": code(world.users["directeur"])})
    assert response.status_code == 200 and response.context["form"].errors["password"]
    response = client.post(CONFIRM, {"password": PASSWORD, "code": "000000"})
    assert response.status_code == 200 and response.context["form"].errors["code"]
    assert client.get(reverse("accounts:password_change")).status_code == 302


def test_without_a_second_factor_the_password_suffices_and_next_stays_on_site(
    world: World,
) -> None:
    user = world.users["opdrachtgever"]
    client = Client()
    client.force_login(user)  # no app: a password sign-in
    long_ago(client)
    assert set(client.get(CONFIRM).context["form"].fields) == {"password"}
    response = client.post(CONFIRM, {"password": PASSWORD, "next": "https://evil.example/"})
    assert response["Location"] == reverse("accounts:account")


def test_two_factor_changes_need_it_too(world: World) -> None:
    client = long_ago(world.client("toezicht"))
    for name in ("accounts:two_factor_remove", "accounts:recovery_codes_regenerate"):
        assert client.post(reverse(name))["Location"].startswith(CONFIRM)
    assert client.get(reverse("accounts:two_factor_setup"))["Location"].startswith(CONFIRM)
    assert TOTPDevice.objects.filter(user=world.users["toezicht"]).exists()


def test_changing_roles_in_the_admin_needs_it(world: World) -> None:
    colleague = world.users["medewerker"]
    membership = Membership.objects.get(user=colleague)
    client = long_ago(world.client("beheerder"))
    url = f"/beheer/accounts/user/{colleague.pk}/change/"
    data = user_form(
        colleague,
        **{
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "1",
            "memberships-0-id": str(membership.pk),
            "memberships-0-user": str(colleague.pk),
            "memberships-0-organisation": str(world.own.pk),
            "memberships-0-role": Role.DIRECTEUR,
        },
    )
    response = client.post(url, data, headers={"Referer": f"http://testserver{url}"})
    assert (
        response["Location"]
        == f"{CONFIRM}?next=%2Fbeheer%2Faccounts%2Fuser%2F{colleague.pk}%2Fchange%2F"
    )
    membership.refresh_from_db()
    assert membership.role == Role.MEDEWERKER
    for path in (
        url,
        "/beheer/accounts/user/add/",
        f"/beheer/accounts/user/{colleague.pk}/delete/",
    ):
        assert client.get(path)["Location"].startswith(CONFIRM)
    client.post(CONFIRM, {"password": PASSWORD, "code": code(world.users["beheerder"])})
    assert client.post(url, data).status_code == 302
    membership.refresh_from_db()
    assert membership.role == Role.DIRECTEUR
