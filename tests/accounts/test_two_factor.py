"""Two-step verification: the second step, throttling, recovery codes, the requirement
per role, the demo waiver, enrolment, replacing and removing."""

from __future__ import annotations

import os
import time
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from koers.accounts import services
from koers.accounts.checks import refuse_two_factor_waiver_outside_demo, two_factor_waiver_check
from koers.accounts.roles import Role
from koers.core.models import AuditEntry
from tests.accounts.factories import PASSWORD, MembershipFactory
from tests.conftest import verified_client

DASHBOARD = "/"
VERIFY = "/account/tweestapsverificatie/controleren/"
SETUP = "/account/tweestapsverificatie/instellen/"


def code_for(device: TOTPDevice, steps_ahead: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"


def with_app(role: Role) -> Any:
    user = MembershipFactory(role=role).user
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return user


def sign_in(client: Client, user: Any, next_url: str = "") -> Any:
    url = reverse("accounts:login") + (f"?next={next_url}" if next_url else "")
    return client.post(url, {"username": user.username, "password": PASSWORD})


def is_verified(client: Client) -> bool:
    return client.get(DASHBOARD).status_code == 200


def test_with_an_app_the_password_leads_to_the_second_step(db: Any) -> None:
    user = with_app(Role.BEHEERDER)
    client = Client()
    anonymous = client.session
    anonymous.save()
    client.cookies["sessionid"] = anonymous.session_key
    response = sign_in(client, user, next_url="/doelen/")
    assert response["Location"] == f"{VERIFY}?next=%2Fdoelen%2F"
    assert client.cookies["sessionid"].value != anonymous.session_key  # a new session
    # Not verified yet: every page leads back to the second step.
    assert client.get("/doelen/")["Location"].startswith(VERIFY)
    assert client.get("/beheer/")["Location"].startswith(VERIFY)
    device = TOTPDevice.objects.get(user=user)
    response = client.post(VERIFY, {"code": code_for(device), "next": "/doelen/"})
    assert response["Location"] == "/doelen/"
    assert is_verified(client)
    assert client.get("/beheer/").status_code == 200


def test_a_user_without_a_role_requirement_who_enrolled_also_gets_the_second_step(
    db: Any,
) -> None:
    user = with_app(Role.TOEZICHT)
    client = Client()
    assert sign_in(client, user)["Location"].startswith(VERIFY)
    assert not is_verified(client)


def test_htmx_requests_get_a_client_redirect_to_the_second_step(db: Any) -> None:
    client = Client()
    sign_in(client, with_app(Role.DIRECTEUR))
    response = client.get(DASHBOARD, headers={"HX-Request": "true", "HX-Current-URL": "/doelen/"})
    assert response["HX-Redirect"] == f"{VERIFY}?next=%2Fdoelen%2F"


def test_a_wrong_code_is_refused_and_throttled(db: Any) -> None:
    user = with_app(Role.DIRECTEUR)
    device = TOTPDevice.objects.get(user=user)
    client = Client()
    sign_in(client, user)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    response = client.post(VERIFY, {"code": wrong})
    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert 'aria-describedby="id_code_error"' in response.content.decode()
    # Right after a wrong code, even the right one waits (django-otp's growing delay).
    response = client.post(VERIFY, {"code": code_for(device)})
    assert response.status_code == 200 and not is_verified(client)
    device.refresh_from_db()
    assert device.throttling_failure_count == 1


def test_attempts_per_user_are_limited_even_when_the_delay_has_passed(db: Any) -> None:
    user = with_app(Role.DIRECTEUR)
    device = TOTPDevice.objects.get(user=user)
    for _ in range(services.ATTEMPTS_PER_WINDOW):
        services.second_factor_verify(user=user, code="000000x")
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    check = services.second_factor_verify(user=user, code=code_for(device))
    assert check.device is None and "15" in check.refusal


def test_a_recovery_code_works_once(db: Any) -> None:
    user = with_app(Role.BEDRIJFSVOERING)
    codes = services.recovery_codes_regenerate(user=user, remote_addr=None)
    assert len(codes) == 10 and len(set(codes)) == 10
    client = Client()
    sign_in(client, user)
    response = client.post(VERIFY, {"recovery_code": codes[0].upper().replace("-", " ")})
    assert response.status_code == 302 and is_verified(client)
    client.post(reverse("accounts:logout"))
    sign_in(client, user)
    response = client.post(VERIFY, {"recovery_code": codes[0]})
    assert response.status_code == 200 and not is_verified(client)
    assert response.context["form"].errors["recovery_code"]


def test_recovery_codes_are_stored_only_as_hashes(db: Any) -> None:
    from django_otp.plugins.otp_static.models import StaticToken

    user = with_app(Role.BEHEERDER)
    codes = services.recovery_codes_regenerate(user=user, remote_addr=None)
    stored = set(StaticToken.objects.values_list("token", flat=True))
    assert not stored & set(codes) and not stored & {c.replace("-", "") for c in codes}


@pytest.mark.parametrize(
    "role",
    [Role.BEHEERDER, Role.DIRECTEUR, Role.BEDRIJFSVOERING, Role.COORDINATOR, Role.MEDEWERKER],
)
def test_roles_that_require_it_are_sent_to_enrolment(db: Any, role: Role) -> None:
    client = Client()
    response = sign_in(client, MembershipFactory(role=role).user)
    assert response["Location"].startswith(SETUP)
    assert client.get("/doelen/")["Location"] == f"{SETUP}?next=%2Fdoelen%2F"
    assert client.get(SETUP).status_code == 200  # enrolment itself opens
    assert client.get(reverse("accounts:sessions"))["Location"].startswith(SETUP)


@pytest.mark.parametrize("role", [Role.OPDRACHTGEVER, Role.TOEZICHT])
def test_other_roles_may_work_without_it(db: Any, role: Role) -> None:
    client = Client()
    sign_in(client, MembershipFactory(role=role).user)
    assert is_verified(client)
    assert client.get(reverse("accounts:account")).status_code == 200


def test_the_demo_waiver_lifts_the_requirement_and_says_so(db: Any, settings: Any) -> None:
    settings.TWO_FACTOR_WAIVED = True
    client = Client()
    sign_in(client, MembershipFactory(role=Role.BEHEERDER).user)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    assert 'class="demo-banner" role="note"' in response.content.decode()
    assert client.get("/beheer/").status_code == 200
    # Who enrolled anyway still gets the second step.
    enrolled = Client()
    sign_in(enrolled, with_app(Role.BEHEERDER))
    assert not is_verified(enrolled)


def test_without_the_waiver_there_is_no_banner(world: Any) -> None:
    response = world.client("beheerder").get(DASHBOARD)
    assert 'class="demo-banner" role="note"' not in response.content.decode()


def test_production_settings_refuse_the_waiver(settings: Any) -> None:
    with pytest.raises(ImproperlyConfigured, match="KOERS_TWO_FACTOR_WAIVED"):
        refuse_two_factor_waiver_outside_demo(waived=True, demo=False)
    refuse_two_factor_waiver_outside_demo(waived=True, demo=True)
    refuse_two_factor_waiver_outside_demo(waived=False, demo=False)
    settings.TWO_FACTOR_WAIVED, settings.DEMO_MODE = True, False
    assert [m.id for m in two_factor_waiver_check()] == ["koers.E001"]
    settings.DEMO_MODE = True
    assert two_factor_waiver_check() == []


def test_production_startup_refuses_the_waiver(tmp_path: Any) -> None:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith(("KOERS_", "DJANGO_"))}
    env.update({"KOERS_DATA_DIR": str(tmp_path), "KOERS_TWO_FACTOR_WAIVED": "1"})
    command = [sys.executable, "-m", "koers.cli", "check"]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    assert result.returncode != 0 and "KOERS_TWO_FACTOR_WAIVED" in result.stderr
    env["KOERS_DEMO"] = "1"
    assert subprocess.run(command, env=env, capture_output=True).returncode == 0


def test_the_demo_command_waives_it_unless_told_otherwise(monkeypatch: Any) -> None:
    import django.core.management

    from koers import cli

    for name in ("DATABASE_URL", "KOERS_DEMO", "KOERS_DATA_DIR", "KOERS_REFERENCE_DATE"):
        monkeypatch.setenv(name, "")
    # setenv first, so that monkeypatch restores the variable's absence afterwards: delenv of
    # an absent variable records nothing, and the "1" the demo command sets would outlive the
    # test in this worker's environment.
    monkeypatch.setenv("KOERS_TWO_FACTOR_WAIVED", "")
    monkeypatch.delenv("KOERS_TWO_FACTOR_WAIVED")
    monkeypatch.setattr(django.core.management, "execute_from_command_line", lambda args: None)
    cli.main(["koers", "demo"])
    assert os.environ["KOERS_TWO_FACTOR_WAIVED"] == "1"
    monkeypatch.setenv("KOERS_TWO_FACTOR_WAIVED", "0")
    cli.main(["koers", "demo"])
    assert os.environ["KOERS_TWO_FACTOR_WAIVED"] == "0"


def test_enrolment_shows_a_qr_code_and_confirms_with_a_code(db: Any) -> None:
    user = MembershipFactory(role=Role.BEHEERDER).user
    client = Client()
    sign_in(client, user)
    page = client.get(SETUP).content.decode()
    assert '<svg role="img"' in page and "data:" not in page and "<script>" not in page
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    secret = page.split('id="totp-secret">')[1].split("<")[0].replace(" ", "")
    from base64 import b32decode

    assert b32decode(secret + "=" * (-len(secret) % 8)) == device.bin_key
    assert client.post(SETUP, {"code": "123"}).status_code == 200
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    response = client.post(SETUP, {"code": code_for(device)})
    assert response.status_code == 200
    assert len(response.context["codes"]) == 10
    assert response["Cache-Control"] == "no-store"
    assert TOTPDevice.objects.get(user=user).confirmed
    assert is_verified(client)
    assert AuditEntry.objects.filter(action="account.second_factor_confirmed").count() == 1


def test_replacing_the_app_makes_the_old_one_stop_working(db: Any) -> None:
    user = with_app(Role.DIRECTEUR)
    old = TOTPDevice.objects.get(user=user)
    client = verified_client(user)
    client.get(SETUP)
    new = TOTPDevice.objects.get(user=user, confirmed=False)
    client.post(SETUP, {"code": code_for(new)})
    assert list(TOTPDevice.objects.filter(user=user)) == [new]
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()
    assert is_verified(client)
    assert AuditEntry.objects.filter(action="account.second_factor_replaced").exists()


def test_only_a_user_whose_role_does_not_require_it_may_remove_it(db: Any) -> None:
    board = with_app(Role.TOEZICHT)
    verified_client(board).post(reverse("accounts:two_factor_remove"))
    assert not TOTPDevice.objects.filter(user=board).exists()
    assert AuditEntry.objects.filter(action="account.second_factor_removed").count() == 1
    director = with_app(Role.DIRECTEUR)
    verified_client(director).post(reverse("accounts:two_factor_remove"))
    assert TOTPDevice.objects.filter(user=director).exists()


def test_new_recovery_codes_replace_the_old_ones(db: Any) -> None:
    user = with_app(Role.DIRECTEUR)
    old = services.recovery_codes_regenerate(user=user, remote_addr=None)
    response = verified_client(user).post(reverse("accounts:recovery_codes_regenerate"))
    new = response.context["codes"]
    assert services.second_factor_verify(user=user, code=old[0]).device is None
    StaticDevice.objects.filter(user=user).update(throttling_failure_count=0)  # no delay
    assert services.second_factor_verify(user=user, code=new[0]).device is not None
    assert AuditEntry.objects.filter(action="account.recovery_codes_regenerated").count() == 2


def test_the_admin_is_closed_to_an_unverified_beheerder(db: Any) -> None:
    client = Client()
    client.force_login(with_app(Role.BEHEERDER))
    assert client.get("/beheer/accounts/user/")["Location"].startswith(VERIFY)
