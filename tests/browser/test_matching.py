"""Extra hands in a real browser against `koers serve` and its worker: a care organisation's
contact asks for a carer for the evening of the reference date, the GGD/GHOR's official sets
its priority, the coordinator has the matcher propose (in the worker), reads why, confirms;
the pool's counter of available carers and the plan's derived indicator ("Tenminste 10
beschikbare verzorgenden") both drop by one. axe finds nothing serious on the way."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, choose, follow

pytestmark = pytest.mark.browser

CARERS = "Tenminste 10 beschikbare verzorgenden"


def sign_in_as(page: Any, base: str, username: str) -> None:
    """Sign in and wait for the page she lands on (not always the dashboard: the GGD/GHOR's
    official and a care contact have no plans to see)."""
    page.context.clear_cookies()
    page.goto(f"{base}/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("koers-demo-2021")
    follow(page, page.get_by_role("button", name="Inloggen"))


def carers_available(page: Any, base: str) -> int:
    page.goto(f"{base}/extra-handen/")
    row = page.get_by_role("row", name=re.compile("^Verzorgende"))
    return int(row.get_by_role("cell").first.inner_text())


def carers_on_dashboard(page: Any, base: str) -> Any:
    page.goto(f"{base}/")
    return page.locator("li", has_text=CARERS).first


def test_a_request_is_proposed_for_confirmed_and_the_pool_moves(
    page: Any, demo_server: str
) -> None:
    base = demo_server
    # The care organisation's contact lands on her requests and asks for a carer for the evening.
    sign_in_as(page, base, "zorgvrager")
    expect(page.locator("h1")).to_have_text("Hulpvragen")
    follow(page, page.get_by_role("link", name="Extra handen vragen"))
    page.get_by_label("Rol").select_option(label="Verzorgende IG")
    choose(page, "Gemeente", "Lelystad")
    page.get_by_role("textbox", name=re.compile("^Diensten")).fill("15-10-2021 15:00-23:00")
    assert axe_violations(page) == []
    follow(page, page.get_by_role("button", name="Opslaan"))
    request_url = page.url
    assert re.search(r"/hulpvragen/\d+/$", request_url), request_url

    # The GGD/GHOR's official makes it urgent.
    sign_in_as(page, base, "ggd-ghor")
    page.goto(request_url)
    follow(page, page.get_by_role("link", name="Prioriteit vaststellen"))
    page.get_by_label("Urgent").check()
    page.get_by_label("Reden voor de prioriteit").fill("Uitval avonddienst")
    follow(page, page.get_by_role("button", name="Opslaan"))
    expect(page.get_by_text("Urgent").first).to_be_visible()

    # The coordinator: the pool and the indicator before.
    sign_in_as(page, base, "coordinator-ao")
    before = carers_available(page, base)
    expect(carers_on_dashboard(page, base)).to_contain_text(f"{before} / 10")

    # The matcher proposes in the worker; the proposals page shows who and why.
    page.goto(f"{base}/extra-handen/rondes/")
    follow(page, page.get_by_role("button", name="Ronde starten"))
    request_id = request_url.rstrip("/").rsplit("/", 1)[1]
    proposals = f"{base}/extra-handen/voorstellen/?request={request_id}"
    deadline = time.monotonic() + 90
    confirm = page.get_by_role("button", name=re.compile("^Bevestigen"))
    while True:
        page.goto(proposals)
        if confirm.count() or time.monotonic() > deadline:
            break
        time.sleep(2)
    expect(confirm.first).to_be_visible()
    expect(page.get_by_text(re.compile("Kan werken als verzorgende")).first).to_be_visible()
    assert axe_violations(page) == []
    follow(page, confirm.first)
    expect(page.get_by_role("status")).to_contain_text("is geplaatst")

    # She is booked that evening: one carer fewer today, on the pool and on the dashboard.
    assert carers_available(page, base) == before - 1
    expect(carers_on_dashboard(page, base)).to_contain_text(f"{before - 1} / 10")
