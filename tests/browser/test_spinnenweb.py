"""The public spinnenweb in a real browser, as a resident without an account uses it: with
the keyboard only, the six sliders and her municipality, the initiatives that fit with their
reasons, her request to be contacted; axe on every page; no cookie but CSRF."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import _database_for_server, axe_violations, served, server_environment

pytestmark = pytest.mark.browser

KOERS = [sys.executable, "-m", "koers.cli"]
# Two municipalities, three public initiatives and one that is not public.
SEED = """
from django.utils import timezone
from koers.atlas.models import Initiative
from koers.core.models import Municipality
from koers.directory.models import Organisation

holder = Organisation.objects.create(name="CMO Flevoland", slug="cmo-flevoland")
lelystad = Municipality.objects.create(code="GM0995", name="Lelystad", slug="lelystad")
almere = Municipality.objects.create(code="GM0034", name="Almere", slug="almere")
for name, place, serves, public in (
    ("Samen Koken Lelystad", lelystad, {"serves_participation": 2}, True),
    ("Beweegclub Lelystad", lelystad, {"serves_body": 2}, True),
    ("Buurtkamer Almere", almere, {"serves_participation": 2}, True),
    ("Intern overleg Lelystad", lelystad, {"serves_participation": 2}, False),
):
    Initiative.objects.create(
        holder=holder, name=name, kind="bewonersinitiatief", municipality=place,
        is_public=public, confirmed_on=timezone.localdate(), **serves,
    )
"""


@pytest.fixture(scope="module")
def public_site(tmp_path_factory: Any, request: Any) -> Iterator[str]:
    worker_id = getattr(request.config, "workerinput", {}).get("workerid", "main")
    data_dir = tmp_path_factory.mktemp("spinnenweb")
    with _database_for_server(f"{worker_id}_spinnenweb") as database_url:
        env = server_environment(data_dir, database_url, KOERS_PUBLIC_SPINNENWEB="1")
        for demo_only in ("KOERS_DEMO", "KOERS_TWO_FACTOR_WAIVED", "KOERS_REFERENCE_DATE"):
            env.pop(demo_only, None)
        for command in (["migrate", "--no-input"], ["shell", "-c", SEED]):
            done = subprocess.run([*KOERS, *command], env=env, capture_output=True, text=True)
            assert done.returncode == 0, done.stderr
        with served(env, data_dir, workers=1) as base:
            yield base


def _tab_to(page: Any, selector: str, presses: int = 40) -> None:
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    pytest.fail(f"{selector} is not reached with Tab")


def test_a_resident_scores_and_asks_to_be_contacted_with_the_keyboard(
    page: Any, public_site: str
) -> None:
    from playwright.sync_api import expect

    page.goto(f"{public_site}/atlas/spinnenweb/")
    expect(page.get_by_role("heading", name="Uw spinnenweb")).to_be_visible()
    assert axe_violations(page) == []
    meedoen = page.get_by_role("slider", name="Meedoen")
    expect(meedoen).to_have_value("5")
    # The value shows beside the slider once the script runs.
    expect(page.locator("output[for=id_participation]")).to_have_text("5")

    # With the keyboard: Tab to Meedoen, three steps down; Tab to the municipality.
    _tab_to(page, "#id_participation")
    for _ in range(3):
        page.keyboard.press("ArrowLeft")
    expect(meedoen).to_have_value("2")
    expect(page.locator("output[for=id_participation]")).to_have_text("2")
    _tab_to(page, "#id_municipality")
    page.keyboard.press("L")  # a closed select picks the option that starts with L
    expect(page.get_by_label("Uw gemeente")).to_have_value("GM0995")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Initiatieven die bij u passen")).to_be_visible()
    results = page.locator("ol.matches > li")
    expect(results.first.get_by_role("heading")).to_have_text("Samen Koken Lelystad")
    expect(results.first).to_contain_text("U scoorde laag op Meedoen")
    expect(results.first).to_contain_text("In uw gemeente")
    expect(page.locator("ol.matches")).not_to_contain_text("Intern overleg")
    assert axe_violations(page) == []

    # Without consent she is told what to do, and nothing is sent.
    page.get_by_label("Uw naam").fill("Fatima de Vries")
    page.get_by_label("Uw e-mailadres").fill("fatima@example.org")
    page.get_by_role("button", name="Vraag om contact").click()
    expect(page.get_by_role("alert").filter(has_text="Vink aan dat u akkoord gaat")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("Samen Koken Lelystad").check()
    page.get_by_label("Ik ga akkoord").check()
    page.get_by_role("button", name="Vraag om contact").click()
    expect(page.get_by_role("status").filter(has_text="Dank u wel")).to_be_visible()
    assert axe_violations(page) == []
    names = {cookie["name"] for cookie in page.context.cookies()}
    assert names <= {"csrftoken"}, names
