"""Enrolling an authenticator app and signing in with it, in a real browser."""

from __future__ import annotations

import time
from base64 import b32decode
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, sign_in

pytestmark = pytest.mark.browser


def totp(secret: str, steps_ahead: int = 0) -> str:
    from django_otp.oath import TOTP

    compact = secret.replace(" ", "")
    generator = TOTP(b32decode(compact + "=" * (-len(compact) % 8)))
    generator.time = time.time() + 30 * steps_ahead
    return f"{generator.token():06d}"


def test_she_enrols_an_app_and_signs_in_with_a_code(page: Any, demo_server: str) -> None:
    # regioplus is used by no other browser test: enrolling changes how she signs in.
    sign_in(page, demo_server, "regioplus")
    expect(page.locator(".demo-banner[role=note]")).to_be_visible()  # the waiver is announced
    # Selectors by address and id: the Dutch texts of these pages are translated later.
    page.locator(".site-header a[href='/account/']").click()
    page.locator("a[href='/account/tweestapsverificatie/']").click()
    page.locator("main a[href='/account/tweestapsverificatie/instellen/']").click()
    expect(page.locator("svg.qr-code")).to_be_visible()
    assert axe_violations(page) == []
    secret = page.locator("#totp-secret").inner_text()
    page.locator("#id_code").fill(totp(secret))
    page.locator("form.form button[type=submit]").click()
    expect(page.locator(".recovery-codes code")).to_have_count(10)
    page.get_by_role("button", name="Uitloggen").click()

    page.goto(f"{demo_server}/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("regioplus")
    page.get_by_label("Wachtwoord").fill("koers-demo-2021")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/tweestapsverificatie/controleren/**")
    # The code of the next time step: the one used to enrol cannot be used twice.
    page.locator("#id_code").fill(totp(secret, steps_ahead=1))
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(f"{demo_server}/")
