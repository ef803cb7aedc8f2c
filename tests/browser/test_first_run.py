"""The first run of a real installation, as a new administrator follows the README: `koers
setup` on an empty database, `koers serve`, sign in, enrol two-step verification, open
Beheer, add a colleague. No demo and no waiver; on PostgreSQL when DATABASE_URL is.

Issue 14 found that a real installation could not be started: after `createsuperuser` and
the two-step enrolment, `/` answered 403 and `/beheer/` went round in a redirect loop.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    _database_for_server,
    axe_violations,
    follow,
    served,
    server_environment,
)
from tests.browser.test_two_factor import totp

pytestmark = pytest.mark.browser

ORGANISATION = "Stichting Welzijn Noord"
BEHEERDER = "anna"
PASSWORD = "stevig-wachtwoord-voor-koers"
KOERS = [sys.executable, "-m", "koers.cli"]


def koers(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*KOERS, *args], env=env, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def installation(tmp_path_factory: Any, request: Any) -> Iterator[tuple[str, dict[str, str]]]:
    """A Koers set up with `koers setup` (as automation would: options and the password in
    the environment) and served by `koers serve`; its address and environment."""
    worker_id = getattr(request.config, "workerinput", {}).get("workerid", "main")
    data_dir = tmp_path_factory.mktemp("first-run")
    with _database_for_server(f"{worker_id}_first_run") as database_url:
        env = server_environment(data_dir, database_url)
        for demo_only in ("KOERS_DEMO", "KOERS_TWO_FACTOR_WAIVED", "KOERS_REFERENCE_DATE"):
            env.pop(demo_only, None)
        options = ["--organisation", ORGANISATION, "--username", BEHEERDER]
        options += ["--email", "anna@welzijn-noord.example", "--no-input"]
        first = koers({**env, "KOERS_SETUP_PASSWORD": PASSWORD}, "setup", *options)
        assert first.returncode == 0, first.stderr
        assert "Koers is ingericht" in first.stdout
        again = koers({**env, "KOERS_SETUP_PASSWORD": PASSWORD}, "setup", *options)
        assert again.returncode != 0 and "al ingericht" in again.stderr
        with served(env, data_dir, workers=1) as base:
            yield base, env


def test_the_first_beheerder_enrols_and_adds_a_colleague(
    page: Any, installation: tuple[str, dict[str, str]]
) -> None:
    base, env = installation
    page.goto(f"{base}/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(BEHEERDER)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    # Her role requires two-step verification: she enrols before anything else opens.
    page.wait_for_url("**/account/tweestapsverificatie/instellen/**")
    assert axe_violations(page) == []
    secret = page.locator("#totp-secret").inner_text()
    page.locator("#id_code").fill(totp(secret))
    page.locator("form.form button[type=submit]").click()
    expect(page.locator(".recovery-codes code")).to_have_count(10)
    assert axe_violations(page) == []
    follow(page, page.locator("main a.button"))  # "I have kept them; continue"

    # Her dashboard, empty as yet, with Beheer in the menu.
    expect(page).to_have_url(f"{base}/")
    expect(page.locator("h1")).to_have_count(1)
    assert axe_violations(page) == []
    follow(page, page.locator(".site-header nav a[href='/beheer/']"))
    expect(page).to_have_url(f"{base}/beheer/")
    assert axe_violations(page) == []

    follow(page, page.locator("a[href='/beheer/accounts/user/add/']"))
    assert axe_violations(page) == []
    page.locator("#id_username").fill("bert")
    page.locator("#id_password1").fill("een-ander-stevig-wachtwoord")
    page.locator("#id_password2").fill("een-ander-stevig-wachtwoord")
    page.locator("#id_memberships-0-organisation").select_option(label=ORGANISATION)
    page.locator("#id_memberships-0-role").select_option("medewerker")
    with page.expect_navigation():
        page.locator("input[name=_save]").click()
    expect(page).to_have_url(re.compile(r"/beheer/accounts/user/\d+/change/$"))
    assert axe_violations(page) == []

    # The colleague exists, with her role in the organisation.
    found = koers(
        env,
        "shell",
        "-c",
        "from koers.accounts.models import Membership;"
        "print(list(Membership.objects.filter(user__username='bert')"
        ".values_list('organisation__name', 'role')))",
    )
    assert found.stdout.strip().splitlines()[-1] == f"[('{ORGANISATION}', 'medewerker')]"
