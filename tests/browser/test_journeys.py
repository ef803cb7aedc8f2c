"""The walkthrough of the foundation issue, in a real browser against `koers serve`."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, choose, follow, sign_in

pytestmark = pytest.mark.browser

MEETINGS = "7 thematische netwerkbijeenkomsten"


def meetings_row(page: Any) -> Any:
    return page.locator("li", has_text=MEETINGS).first


def test_coordinator_adds_the_third_meeting_as_an_event_and_the_dashboard_changes(
    page: Any, demo_server: str
) -> None:
    """The meetings indicator counts the events of its activity: the coordinator records the
    natuur meeting of 23 September on the events page, and the dashboard follows."""
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    sign_in(page, demo_server, "coordinator")
    row = meetings_row(page)
    expect(row).to_contain_text("2 / 7")
    expect(row).to_contain_text("Achter")

    follow(page, page.get_by_role("link", name="Uitvoering"))  # the section, then its page
    follow(page, page.get_by_role("link", name="Bijeenkomsten").first)
    held = page.get_by_role("row", name=re.compile("Themabijeenkomst kunst en cultuur"))
    expect(held).to_contain_text(re.compile(r"22\s+21"))  # registered, present
    page.get_by_role("link", name="Bijeenkomst toevoegen").click()
    page.get_by_label("Programma").select_option(label="Positieve Gezondheid")
    page.get_by_label("Activiteit").select_option(
        label="2021 PG-1.1 Versterking verbinding van partners"
    )
    page.get_by_label("Titel").fill("Themabijeenkomst natuur")
    page.get_by_label("Thema").fill("natuur")
    page.get_by_label("Datum").fill("2021-09-23")
    page.get_by_label("Plaats").fill("Natuurcentrum Urk")
    choose(page, "Gemeente", "Urk")
    choose(page, "Mede-organiserende organisaties", "IVN", "Staatsbosbeheer")
    page.get_by_label("Evaluatiecijfer (1–10)").fill("7.9")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De bijeenkomst is toegevoegd.").wait_for()
    expect(page.locator("h1")).to_have_text("Themabijeenkomst natuur")

    # the section opens on the dashboard
    follow(page, page.get_by_role("link", name="Plannen"))
    row = meetings_row(page)
    expect(row).to_contain_text("3 / 7")
    expect(row).to_contain_text("Op koers")
    # htmx and the pages work under the Content-Security-Policy: nothing was refused.
    assert not [text for text in console if "Content Security Policy" in text]


def test_province_official_sees_the_chain_read_only_up_to_krachtige_samenleving(
    page: Any, demo_server: str
) -> None:
    sign_in(page, demo_server, "provincie")
    follow(page, page.get_by_role("link", name="Positieve Gezondheid").first)
    expect(page.get_by_role("columnheader", name="Activiteiten").first).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Gezond|gezond")).first).to_be_visible()
    follow(page, page.locator("th.chain__activity a").first)
    # The activity's page is there (its address says so) before nothing is counted on it.
    expect(page).to_have_url(re.compile(r"/activiteiten/\d+/"))
    expect(page.get_by_text("Realisatie vastleggen")).to_have_count(0)
    expect(page.get_by_role("link", name="Bewerken")).to_have_count(0)


@pytest.mark.parametrize(
    "path",
    ["/", "/programmas/1/?jaar=2021", "/activiteiten/1/", "/doelen/", "/jaarplannen/1/"],
)
def test_main_pages_have_no_serious_accessibility_violations(
    page: Any, demo_server: str, path: str
) -> None:
    sign_in(page, demo_server, "coordinator")
    page.goto(demo_server + path)
    expect(page.locator("h1")).to_have_count(1)
    assert axe_violations(page) == []


@pytest.mark.parametrize("path", ["/account/inloggen/", "/toegankelijkheid/"])
def test_public_pages_have_no_serious_accessibility_violations(
    page: Any, demo_server: str, path: str
) -> None:
    page.goto(demo_server + path)
    assert axe_violations(page) == []


def test_the_realisation_form_is_usable_by_keyboard(page: Any, demo_server: str) -> None:
    sign_in(page, demo_server, "coordinator")
    page.goto(demo_server + "/programmas/1/?jaar=2021")
    follow(page, page.get_by_role("link", name="Informeel Flevoland in Beeld").first)
    summary = page.locator("summary", has_text="Realisatie vastleggen").first
    summary.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_attribute("name", "date")


def test_a_coordinator_adds_a_person_and_the_view_is_logged(page: Any, demo_server: str) -> None:
    sign_in(page, demo_server, "coordinator")
    page.goto(demo_server + "/personen/nieuw/")
    assert axe_violations(page) == []
    page.get_by_label("Achternaam").fill("Bakker")
    page.get_by_label("Voornaam").fill("Kees")
    page.get_by_label("Doel").fill("Contactpersoon voor de thematische netwerkbijeenkomsten")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("h1")).to_have_text("Kees Bakker")
    expect(page.get_by_text("Waarom Koers deze gegevens bewaart")).to_have_count(1)
    assert axe_violations(page) == []
    page.goto(demo_server + "/personen/?q=bakker")
    expect(page.get_by_role("link", name="Kees Bakker")).to_have_count(1)
    assert axe_violations(page) == []
    page.goto(demo_server + "/personen/importeren/")
    assert axe_violations(page) == []


@pytest.mark.parametrize(
    "path", ["/privacy/", "/privacy/logboek/", "/privacy/inzage/", "/privacy/inzage/persoon/1/"]
)
def test_privacy_pages_have_no_serious_accessibility_violations(
    page: Any, demo_server: str, path: str
) -> None:
    sign_in(page, demo_server, "beheerder")
    page.goto(demo_server + path)
    expect(page.locator("h1")).to_have_count(1)
    assert axe_violations(page) == []
