"""The quarter's progress and the funder's questions, in a real browser against `koers serve`."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import axe_violations, sign_in

pytestmark = pytest.mark.browser


def test_the_coordinator_writes_the_quarter_with_an_override_and_its_reason(
    page: Any, demo_server: str
) -> None:
    sign_in(page, demo_server, "coordinator")
    page.goto(demo_server + "/programmas/1/?jaar=2021")
    page.get_by_role("link", name="Voortgang van Q4 2021 schrijven").click()
    assert page.locator("h1").inner_text().startswith("Voortgang Q4 2021")
    assert axe_violations(page) == []
    entry = page.locator("fieldset.progress-entry").first
    entry.get_by_label("Wat er dit kwartaal gebeurde").fill("Vier bijeenkomsten, goed bezocht.")
    entry.get_by_label("Afwijkende status (optioneel)", exact=True).select_option(label="Op koers")
    entry.get_by_role("button", name="Pagina opslaan").click()

    # Refused as a whole, with a summary that links to the field, and her text kept.
    summary = page.locator("#error-summary")
    assert "Geef de reden" in summary.inner_text()
    assert axe_violations(page) == []
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.name").endswith("-override_reason")
    page.keyboard.type("De laatste bijeenkomst is verplaatst naar januari.")
    entry = page.locator("fieldset.progress-entry").first
    assert "Vier bijeenkomsten" in entry.get_by_label("Wat er dit kwartaal gebeurde").input_value()
    entry.get_by_role("button", name="Pagina opslaan").click()
    assert "is opgeslagen" in page.locator(".messages").inner_text()
    assert (
        "Geschiedenis (1 keer opgeslagen)"
        in page.locator("fieldset.progress-entry").first.inner_text()
    )


def test_the_province_asks_and_the_coordinator_sees_and_answers(
    page: Any, browser: Any, demo_server: str
) -> None:
    sign_in(page, demo_server, "provincie")
    page.goto(demo_server + "/activiteiten/1/")
    page.get_by_label("Je vraag of opmerking").fill("Waarom is de opkomst in Urk laag?")
    page.get_by_role("button", name="Plaatsen", exact=True).click()
    # htmx puts the thread in place and says so in the status line outside it.
    page.locator("#comments", has_text="Waarom is de opkomst in Urk laag?").wait_for()
    assert "geplaatst" in page.locator("#comments-status").inner_text()
    assert axe_violations(page) == []

    colleague = browser.new_context(locale="nl-NL").new_page()
    sign_in(colleague, demo_server, "coordinator")
    colleague.get_by_role("link", name="wacht op antwoord").first.click()
    colleague.locator("#open-questions").get_by_role("link").first.click()
    thread = colleague.locator("article.thread", has_text="Waarom is de opkomst in Urk laag?")
    assert "Pieter van Dijk (Provincie Flevoland)" in thread.inner_text()
    thread.get_by_text("Beantwoorden").click()
    thread.get_by_label("Je antwoord").fill("Het was zomervakantie; in oktober komt er een tweede.")
    thread.get_by_role("button", name="Antwoord plaatsen").click()
    colleague.locator("#comments", has_text="in oktober komt er een tweede").wait_for()

    page.reload()
    answer = page.locator("article.thread", has_text="in oktober komt er een tweede").inner_text()
    assert "Antwoord van CMO Flevoland" in answer and "Smit" not in answer
