"""The directory's upkeep in a real browser: the programme filter, an import of
organisations with its dry run, and a person entered twice — warned, added anyway, then
merged from her page."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, choose, follow, sign_in

pytestmark = pytest.mark.browser


def test_the_directory_filters_by_programme(page: Any, demo_server: str) -> None:
    sign_in(page, demo_server, "coordinator")
    page.goto(demo_server + "/organisaties/")
    page.get_by_label("Samengewerkt met programma").select_option(
        label="Positieve Gezondheid (2021–2024)"
    )
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_text("samengewerkt met Positieve Gezondheid").wait_for()
    expect(page.get_by_role("link", name="KunstLink")).to_have_count(1)
    assert axe_violations(page) == []


def test_organisations_are_imported_after_a_dry_run(
    page: Any, demo_server: str, tmp_path: Path
) -> None:
    upload = tmp_path / "organisaties.csv"
    upload.write_text(
        "naam;soort;gemeente;tags\nBuurthuis De Proefrun;Andere partner;Urk;buurt\nKunstLink;;;\n",
        encoding="utf-8",
    )
    sign_in(page, demo_server, "coordinator")
    page.goto(demo_server + "/organisaties/")
    follow(page, page.get_by_role("link", name="Importeren"))
    assert axe_violations(page) == []
    page.get_by_label("Bestand").set_input_files(str(upload))
    follow(page, page.get_by_role("button", name="Bestand controleren"))
    expect(page.get_by_role("cell", name="KunstLink", exact=True)).to_have_count(1)  # look-alike
    assert axe_violations(page) == []
    page.get_by_label("Rijen met problemen overslaan en de andere importeren").check()
    page.get_by_role("button", name="1 regel importeren").click()
    page.get_by_text("1 organisatie geïmporteerd.").wait_for()
    follow(page, page.get_by_role("link", name="Naar de organisaties"))
    page.get_by_label("Naam of sector").fill("Proefrun")
    # Enter sends the search (a GET form): the list is read once its address says so, not
    # on the unfiltered list it replaces.
    page.get_by_label("Naam of sector").press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]q=Proefrun(&|$)"))
    expect(page.get_by_role("link", name="Buurthuis De Proefrun")).to_have_count(1)


def add_person(page: Any, base: str) -> None:
    page.goto(base + "/personen/nieuw/")
    page.get_by_label("Voornaam").fill("Bram")
    page.get_by_label("Achternaam").fill("Dubbelaar")
    choose(page, "Organisatie", "Urk")
    page.get_by_label("Doel").fill("Contactpersoon voor de netwerkbijeenkomsten")
    page.get_by_role("button", name="Opslaan").click()


def test_a_person_entered_twice_is_warned_about_and_merged(page: Any, demo_server: str) -> None:
    sign_in(page, demo_server, "coordinator")
    add_person(page, demo_server)
    page.get_by_text("Bram Dubbelaar is toegevoegd.").wait_for()
    add_person(page, demo_server)
    page.get_by_role("heading", name="Is het een van deze?").wait_for()
    expect(page.get_by_role("link", name="Bram Dubbelaar")).to_have_count(1)
    assert axe_violations(page) == []
    page.get_by_label("Dit is een andere persoon: toch toevoegen").check()
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Bram Dubbelaar is toegevoegd.").wait_for()

    follow(page, page.get_by_role("link", name="Dubbel record samenvoegen"))
    assert axe_violations(page) == []
    look_alikes = page.get_by_role("region", name="Personen die erop lijken")
    follow(page, look_alikes.get_by_role("link", name="Bram Dubbelaar"))
    duplicate = page.get_by_role("columnheader", name="Het dubbele record (wordt verwijderd)")
    expect(duplicate).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label(
        "Alles wat aan het dubbele record hangt naar deze persoon verplaatsen"
    ).check()
    # The comparison is the question: what moves, counted, and the confirming button.
    page.get_by_text("Functies: 1 gaat over naar het record dat je houdt.").wait_for()
    page.get_by_role("button", name="Ja, samenvoegen").click()
    page.get_by_text("Samengevoegd: 1 koppeling verplaatst naar Bram Dubbelaar.").wait_for()
    page.goto(demo_server + "/personen/?q=dubbelaar")
    expect(page.get_by_role("link", name="Bram Dubbelaar")).to_have_count(1)


def test_a_refused_position_shows_the_person_again_with_the_field_marked(
    page: Any, demo_server: str
) -> None:
    """The position form sent empty: the person's page comes back with the form open, the
    error summary focused and linking to the organisation field (it was a redirect with
    the problems as messages)."""
    sign_in(page, demo_server, "coordinator")
    page.goto(demo_server + "/personen/")
    follow(page, page.locator("table tbody a").first)
    page.get_by_text("Functie toevoegen").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Toevoegen", exact=True).click()
    summary = page.locator(".error-summary")
    summary.get_by_text("Er is een probleem").wait_for()
    expect(summary).to_be_focused()
    link = summary.get_by_role("link").first
    target = link.get_attribute("href")
    link.click()
    expect(page.locator(target)).to_be_focused()
    expect(page.locator(target)).to_have_attribute("aria-invalid", "true")
    assert axe_violations(page) == []
