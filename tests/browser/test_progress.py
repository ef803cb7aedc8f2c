"""The quarter's progress and the funder's questions, in a real browser against `koers serve`."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, follow, sign_in

pytestmark = pytest.mark.browser


def test_the_coordinator_writes_the_quarter_with_an_override_and_its_reason(
    page: Any, demo_server: str
) -> None:
    sign_in(page, demo_server, "coordinator")
    page.goto(demo_server + "/programmas/1/?jaar=2021")
    follow(page, page.get_by_role("link", name="Voortgang van Q4 2021 schrijven"))
    expect(page.locator("h1")).to_have_text(re.compile(r"^\s*Voortgang Q4 2021"))
    assert axe_violations(page) == []
    entry = page.locator("fieldset.progress-entry").first
    entry.get_by_label("Wat er dit kwartaal gebeurde").fill("Vier bijeenkomsten, goed bezocht.")
    entry.get_by_label("Afwijkende status (optioneel)", exact=True).select_option(label="Op koers")
    entry.get_by_role("button", name="Pagina opslaan").click()

    # Refused as a whole, with a summary that links to the field, and her text kept.
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("Geef de reden")
    assert axe_violations(page) == []
    summary.get_by_role("link").first.click()
    expect(page.locator(":focus")).to_have_attribute("name", re.compile(r"-override_reason$"))
    page.keyboard.type("De laatste bijeenkomst is verplaatst naar januari.")
    entry = page.locator("fieldset.progress-entry").first
    happened = entry.get_by_label("Wat er dit kwartaal gebeurde")
    expect(happened).to_have_value(re.compile("Vier bijeenkomsten"))
    entry.get_by_role("button", name="Pagina opslaan").click()
    expect(page.locator(".messages")).to_contain_text("is opgeslagen")
    first_entry = page.locator("fieldset.progress-entry").first
    expect(first_entry).to_contain_text("Geschiedenis (1 keer opgeslagen)")


def test_the_province_asks_and_the_coordinator_sees_and_answers(
    page: Any, browser: Any, demo_server: str
) -> None:
    sign_in(page, demo_server, "provincie")
    page.goto(demo_server + "/activiteiten/1/")
    page.get_by_label("Je vraag of opmerking").fill("Waarom is de opkomst in Urk laag?")
    page.get_by_role("button", name="Plaatsen", exact=True).click()
    # htmx puts the thread in place and says so in the status line outside it.
    page.locator("#comments", has_text="Waarom is de opkomst in Urk laag?").wait_for()
    expect(page.locator("#comments-status")).to_contain_text("geplaatst")
    assert axe_violations(page) == []

    colleague = browser.new_context(locale="nl-NL").new_page()
    sign_in(colleague, demo_server, "coordinator")
    colleague.get_by_role("link", name="wacht op antwoord").first.click()
    colleague.locator("#open-questions").get_by_role("link").first.click()
    thread = colleague.locator("article.thread", has_text="Waarom is de opkomst in Urk laag?")
    expect(thread).to_contain_text("Pieter van Dijk (Provincie Flevoland)")
    thread.get_by_text("Beantwoorden").click()
    thread.get_by_label("Je antwoord").fill("Het was zomervakantie; in oktober komt er een tweede.")
    thread.get_by_role("button", name="Antwoord plaatsen").click()
    colleague.locator("#comments", has_text="in oktober komt er een tweede").wait_for()

    page.reload()
    answer = page.locator("article.thread", has_text="in oktober komt er een tweede")
    expect(answer).to_contain_text("Antwoord van CMO Flevoland")
    expect(answer).not_to_contain_text("Smit")
