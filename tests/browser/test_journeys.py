"""The walkthrough of the foundation issue, in a real browser against `koers serve`."""

from __future__ import annotations

import re
from typing import Any

import pytest

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
    assert "2 / 7" in row.inner_text()
    assert "Achter" in row.inner_text()

    follow(page, page.get_by_role("link", name="Uitvoering"))  # the section, then its page
    page.get_by_role("link", name="Bijeenkomsten").first.click()
    held = page.get_by_role("row", name=re.compile("Themabijeenkomst kunst en cultuur"))
    assert re.search(r"22\s+21", held.inner_text())  # registered, present
    page.get_by_role("link", name="Bijeenkomst toevoegen").click()
    page.get_by_label("Programma").select_option(label="Positieve Gezondheid")
    page.get_by_label("Activiteit").select_option(
        label="2021 PG-1.1 Versterking verbinding van partners"
    )
    page.get_by_label("Titel").fill("Themabijeenkomst natuur")
    page.get_by_label("Thema").fill("natuur")
    page.get_by_label("Datum").fill("2021-09-23")
    page.get_by_label("Plaats").fill("Natuurcentrum Urk")
    page.get_by_label("Gemeente").select_option(label="Urk")
    choose(page, "Mede-organiserende organisaties", "IVN", "Staatsbosbeheer")
    page.get_by_label("Evaluatiecijfer (1–10)").fill("7.9")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De bijeenkomst is toegevoegd.").wait_for()
    assert page.locator("h1").inner_text() == "Themabijeenkomst natuur"

    page.get_by_role("link", name="Plannen").click()  # the section opens on the dashboard
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
    page.goto(demo_server + "/programmas/1/?jaar=2021")
    page.get_by_role("link", name="Informeel Flevoland in Beeld").first.click()
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


@pytest.mark.parametrize(
    "path", ["/privacy/", "/privacy/logboek/", "/privacy/inzage/", "/privacy/inzage/persoon/1/"]
)
def test_privacy_pages_have_no_serious_accessibility_violations(
    page: Any, demo_server: str, path: str
) -> None:
    sign_in(page, demo_server, "beheerder")
    page.goto(demo_server + path)
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []
