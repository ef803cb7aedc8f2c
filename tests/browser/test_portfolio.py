"""The province's portfolio in a real browser against `koers serve` with the demo: the
funder's official opens it from the menu, sees CMO Flevoland and Sportservice Flevoland
under KS-1, follows the goal no one works on, decides Sportservice's amendment on the page
and opens the activities under KS-1; the pages pass axe."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, follow, sign_in

pytestmark = pytest.mark.browser


def test_the_province_steers_two_partners_from_its_portfolio(page: Any, demo_server: str) -> None:
    sign_in(page, demo_server, "provincie")
    follow(page, page.get_by_role("link", name="Plannen", exact=True).first)
    follow(page, page.get_by_role("link", name="Portefeuille", exact=True))
    page.get_by_label("Jaar", exact=True).select_option("2021")
    page.get_by_label("Peildatum", exact=True).fill("2021-10-15")
    follow(page, page.get_by_role("button", name="Tonen"))

    expect(page.locator("h1")).to_have_text("Portefeuille van Provincie Flevoland")
    ks1 = page.locator("article", has=page.get_by_role("heading", name=re.compile(r"^KS-1 ")))
    expect(ks1.get_by_role("table")).to_contain_text("CMO Flevoland")
    expect(ks1.get_by_role("table")).to_contain_text("Sportservice Flevoland")
    meetings = ks1.get_by_role("row", name=re.compile("thematische netwerkbijeenkomsten"))
    expect(meetings).to_contain_text("gedeeld")
    assert axe_violations(page) == []

    # The goal no one works on: from the list of gaps to the goal itself.
    gaps = page.locator("section", has=page.locator("#gaps"))
    gaps.get_by_role("link", name=re.compile(r"^KS-2 ")).click()
    expect(page).to_have_url(re.compile(r"#goal-\d+$"))
    ks2 = page.locator("article", has=page.get_by_role("heading", name=re.compile(r"^KS-2 ")))
    expect(ks2).to_contain_text("Geen programma of activiteit van een partner draagt")

    # Sportservice's amendment, decided here; she comes back to her portfolio.
    amendments = page.locator("section", has=page.locator("#amendments"))
    proposal = amendments.get_by_role("row", name=re.compile("Sportservice Flevoland"))
    expect(proposal).to_contain_text("SB-1.1")
    proposal.get_by_label("Toelichting").fill("Akkoord: samen met de WEL-sportbijeenkomst.")
    follow(page, proposal.get_by_role("button", name="Goedkeuren"))
    expect(page.locator("h1")).to_have_text("Portefeuille van Provincie Flevoland")
    expect(page.get_by_role("status")).to_contain_text("Je besluit is vastgelegd.")
    expect(amendments).to_contain_text("Geen wijziging wacht op uw besluit.")
    assert axe_violations(page) == []

    # The activities under KS-1, each partner's with its status and indicators.
    ks1 = page.locator("article", has=page.get_by_role("heading", name=re.compile(r"^KS-1 ")))
    follow(page, ks1.get_by_role("link", name=re.compile(r"^De activiteiten onder KS-1")))
    expect(page.locator("h1")).to_contain_text("KS-1")
    expect(page.get_by_role("heading", name="Sportservice Flevoland")).to_be_visible()
    expect(page.get_by_role("heading", name="CMO Flevoland")).to_be_visible()
    sport = page.get_by_role("table", name=re.compile("Activiteiten van Sportservice Flevoland"))
    expect(sport).to_contain_text("SB-1.1")
    expect(sport).to_contain_text("thematische netwerkbijeenkomsten")
    assert axe_violations(page) == []
