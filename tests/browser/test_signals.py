"""Signals in a real browser against `koers serve` (issue 20): a client supporter raises a
signal from an open case with a name and a phone number in its text, and the case shows it
scrubbed; the coordinator of Versterken van Inwoners sees Mantelzorg flagged as rising and
the new signal counted in the theme's figures; she bundles it into an agenda item from the
list of signals and takes the item along its route to "teruggekoppeld"; the signal's own
page then shows its whole route. axe finds nothing serious on the new pages."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, follow

pytestmark = pytest.mark.browser

TOLD = "Mevrouw Jansen (06-12345678) krijgt geen respijtzorg voor haar man in Lelystad."
# The analysis up to the quarter the demo's reference date (2021-10-15) falls in, where the
# new signal lands.
ANALYSIS_TO_Q4 = "/signalen/analyse/?tot=2021-4"
MEETING = "Overleg Wmo-adviesraad Lelystad"


def sign_in_as(page: Any, base: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("koers-demo-2021")
    follow(page, page.get_by_role("button", name="Inloggen"))


def mantelzorg_in_q4(page: Any) -> Any:
    """Mantelzorg's cell for 2021 K4 (the last of the eight quarters shown) in "Signalen per
    thema"."""
    table = page.locator("section", has=page.get_by_role("heading", name="Signalen per thema"))
    row = table.get_by_role("row", name=re.compile("^Mantelzorg"))
    expect(table.get_by_role("columnheader").nth(8)).to_have_text("2021 K4")
    return row.get_by_role("cell").nth(7)


def test_a_signal_from_a_case_is_scrubbed_analysed_bundled_and_fed_back(
    page: Any, demo_server: str
) -> None:
    base = demo_server

    # The coordinator's figures before: Mantelzorg is the theme that rose in 2021 Q3.
    sign_in_as(page, base, "coordinator-vi")
    page.goto(f"{base}/signalen/analyse/")
    expect(page.locator("h1")).to_have_text("Analyse van signalen")
    expect(page.locator("#rising-summary")).to_contain_text("Mantelzorg")
    trend = page.locator("section", has=page.get_by_role("heading", name="Wat stijgt"))
    expect(
        trend.get_by_role("row", name=re.compile("^Mantelzorg")).get_by_role("cell").last
    ).to_have_text("stijgend")
    assert axe_violations(page) == []
    # Up to the quarter the new signal will land in: the demo's signals of October 2021 are
    # not yet interpreted, so none counts for Mantelzorg yet.
    page.goto(f"{base}{ANALYSIS_TO_Q4}")
    expect(mantelzorg_in_q4(page)).to_have_text("0")

    # The supporter raises a signal from one of her open cases.
    sign_in_as(page, base, "medewerker")
    page.goto(f"{base}/signalen/clientondersteuning/")
    page.get_by_label("Stand").select_option(label="Open")
    follow(page, page.get_by_role("button", name="Tonen"))
    assert axe_violations(page) == []
    cases = page.get_by_role("table", name="Dossiers cliëntondersteuning")
    follow(page, cases.locator("tbody tr").first.get_by_role("link"))
    follow(page, page.get_by_role("link", name="Signaal melden"))
    page.get_by_label("Categorie").select_option(label="Mantelzorg › Respijtzorg")
    page.get_by_label("Wat er gebeurde").fill(TOLD)
    assert axe_violations(page) == []
    follow(page, page.get_by_role("button", name="Opslaan"))
    expect(page.get_by_role("status")).to_contain_text("zonder de cliënt")
    raised = page.get_by_role("table", name="Signalen gemeld uit dit dossier")
    told = raised.get_by_role("row", name=re.compile("respijtzorg voor haar man"))
    expect(told).to_contain_text("[naam]")
    expect(told).to_contain_text("[telefoonnummer]")
    expect(told).to_contain_text("Mantelzorg › Respijtzorg")
    expect(page.locator("main")).not_to_contain_text("Jansen")
    expect(page.locator("main")).not_to_contain_text("12345678")
    assert axe_violations(page) == []

    # The coordinator sees it counted for Mantelzorg in the quarter it came in, as a small
    # number: hidden, never shown as "1".
    sign_in_as(page, base, "coordinator-vi")
    page.goto(f"{base}{ANALYSIS_TO_Q4}")
    expect(mantelzorg_in_q4(page)).to_have_text("< 5")

    # Today's meeting with the municipality, where she will take it.
    page.goto(f"{base}/signalen/vergaderingen/")
    follow(page, page.get_by_role("link", name="Overleg toevoegen"))
    page.get_by_label("Soort overleg").select_option(label="Overleg met een gemeente")
    page.get_by_label("Titel").fill(MEETING)
    page.get_by_label("Datum").fill("2021-10-15")
    assert axe_violations(page) == []
    follow(page, page.get_by_role("button", name="Opslaan"))
    expect(page.get_by_role("cell", name=MEETING)).to_be_visible()

    # She ticks it on the list of signals and bundles it into a new agenda item.
    page.goto(f"{base}/signalen/")
    row = page.get_by_role("row").filter(has_text="[telefoonnummer]")
    expect(row).to_have_count(1)
    expect(row).not_to_contain_text("Jansen")
    signal_url = base + row.get_by_role("link").first.get_attribute("href")
    row.get_by_role("checkbox").check()
    assert axe_violations(page) == []
    follow(page, page.get_by_role("button", name="Bundelen in een agendapunt"))
    expect(page).to_have_url(re.compile(r"/signalen/agenda/nieuw/\?signals=\d+$"))
    page.get_by_label("Titel").fill("Geen respijtzorg voor mantelzorgers")
    page.get_by_label("Voorgestelde vraag of aanbeveling").fill(
        "Wij vragen de provincie respijtzorg in alle gemeenten bereikbaar te maken."
    )
    page.get_by_label("Overleg").select_option(label=MEETING)
    assert axe_violations(page) == []
    follow(page, page.get_by_role("button", name="Opslaan"))
    expect(page.locator("h1")).to_have_text("Geen respijtzorg voor mantelzorgers")

    # Along its route: geduid, geagendeerd, teruggekoppeld.
    follow(page, page.get_by_role("button", name="Vastleggen: Geduid"))
    follow(page, page.get_by_role("button", name="Vastleggen: Geagendeerd"))
    page.get_by_label("Wat is teruggekoppeld").fill(
        "De provincie neemt respijtzorg op in de regiovisie mantelzorg."
    )
    page.get_by_label("Teruggekoppeld aan").fill("Cliëntenraden Flevoland")
    assert axe_violations(page) == []
    follow(page, page.get_by_role("button", name="Vastleggen: Teruggekoppeld"))
    expect(page.get_by_text("Dit punt is teruggekoppeld: de route is compleet.")).to_be_visible()

    # The signal's own page: received, interpreted, on the agenda, fed back.
    page.goto(signal_url)
    expect(page.locator("ol.route > li")).to_have_text(
        [
            re.compile(r"^\s*Ontvangen"),
            re.compile(r"^\s*Geduid"),
            re.compile(r"^\s*Gebundeld in een agendapunt"),
            re.compile(r"^\s*Agendapunt geduid"),
            re.compile(r"^\s*Geagendeerd"),
            re.compile(r"^\s*Teruggekoppeld.*Cliëntenraden Flevoland", re.DOTALL),
        ]
    )
    expect(page.locator("main")).not_to_contain_text("Jansen")
    assert axe_violations(page) == []
