"""The walkthrough of the foundation issue, in a real browser against `koers serve`."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.conftest import axe_violations, sign_in

pytestmark = pytest.mark.browser

MEETINGS = "7 thematische netwerkbijeenkomsten"


def meetings_row(page: Any) -> Any:
    return page.locator("li", has_text=MEETINGS).first


def test_coordinator_records_the_third_meeting_and_the_dashboard_changes(
    page: Any, demo_server: str
) -> None:
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    sign_in(page, demo_server, "coordinator")
    row = meetings_row(page)
    assert "2 / 7" in row.inner_text()
    assert "Achter" in row.inner_text()

    row.get_by_role("link", name=MEETINGS).click()
    card = page.locator("section.indicator-card", has_text=MEETINGS)
    card.get_by_text("Realisatie vastleggen").click()
    card.get_by_label("Datum", exact=True).fill("2021-09-23")
    card.get_by_label("Waarde", exact=True).fill("1")
    card.get_by_label("Gemeente").select_option(label="Urk")
    card.get_by_label("Link naar bewijs").fill("https://www.cmoflevoland.nl/verslag-natuur")
    card.get_by_label("Toelichting").fill("Thema natuur")
    card.get_by_role("button", name="Opslaan").click()

    # htmx swaps the card in place: the progress is updated without a reload.
    card = page.locator("section.indicator-card", has_text=MEETINGS)
    card.get_by_text("3 / 7").wait_for()
    assert "Op koers" in card.inner_text()
    # The status line (a live region that stays in place) says what happened, and the
    # keyboard focus is back on the Save button rather than lost to the page.
    assert "De realisatie is vastgelegd" in card.get_by_role("status").inner_text()
    assert page.evaluate("document.activeElement.id").endswith("-save")

    page.get_by_role("link", name="Dashboard").first.click()
    row = meetings_row(page)
    assert "3 / 7" in row.inner_text()
    assert "Op koers" in row.inner_text()
    # htmx and the pages work under the Content-Security-Policy: nothing was refused.
    assert not [text for text in console if "Content Security Policy" in text]


def test_province_official_sees_the_chain_read_only_up_to_krachtige_samenleving(
    page: Any, demo_server: str
) -> None:
    sign_in(page, demo_server, "provincie")
    page.get_by_role("link", name="Positieve Gezondheid").first.click()
    assert page.get_by_role("columnheader", name="Activiteiten").count() >= 1
    assert page.get_by_role("link", name=re.compile("Gezond|gezond")).count() >= 1
    page.get_by_role("link", name=MEETINGS).count()
    page.locator("th.chain__activity a").first.click()
    assert page.get_by_text("Realisatie vastleggen").count() == 0
    assert page.get_by_role("link", name="Bewerken").count() == 0


@pytest.mark.parametrize(
    "path",
    ["/", "/programmas/1/?jaar=2021", "/activiteiten/1/", "/doelen/", "/jaarplannen/1/"],
)
def test_main_pages_have_no_serious_accessibility_violations(
    page: Any, demo_server: str, path: str
) -> None:
    sign_in(page, demo_server, "coordinator")
    page.goto(demo_server + path)
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []


@pytest.mark.parametrize("path", ["/account/inloggen/", "/toegankelijkheid/"])
def test_public_pages_have_no_serious_accessibility_violations(
    page: Any, demo_server: str, path: str
) -> None:
    page.goto(demo_server + path)
    assert axe_violations(page) == []


def test_the_realisation_form_is_usable_by_keyboard(page: Any, demo_server: str) -> None:
    sign_in(page, demo_server, "coordinator")
    page.goto(demo_server + "/activiteiten/1/")
    summary = page.locator("summary", has_text="Realisatie vastleggen").first
    summary.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.name")
    assert focused == "date"


def test_a_coordinator_adds_a_person_and_the_view_is_logged(page: Any, demo_server: str) -> None:
    sign_in(page, demo_server, "coordinator")
    page.goto(demo_server + "/personen/nieuw/")
    assert axe_violations(page) == []
    page.get_by_label("Achternaam").fill("Bakker")
    page.get_by_label("Voornaam").fill("Kees")
    page.get_by_label("Doel").fill("Contactpersoon voor de thematische netwerkbijeenkomsten")
    page.get_by_role("button", name="Opslaan").click()
    assert page.locator("h1").inner_text() == "Kees Bakker"
    assert page.get_by_text("Waarom Koers deze gegevens bewaart").count() == 1
    assert axe_violations(page) == []
    page.goto(demo_server + "/personen/?q=bakker")
    assert page.get_by_role("link", name="Kees Bakker").count() == 1
    assert axe_violations(page) == []
    page.goto(demo_server + "/personen/importeren/")
    assert axe_violations(page) == []


@pytest.mark.parametrize("path", ["/privacy/", "/privacy/logboek/", "/privacy/inzage/"])
def test_privacy_pages_have_no_serious_accessibility_violations(
    page: Any, demo_server: str, path: str
) -> None:
    sign_in(page, demo_server, "beheerder")
    page.goto(demo_server + path)
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []
