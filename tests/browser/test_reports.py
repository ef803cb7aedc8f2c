"""The reporting journey in a real browser: the director prepares the 2021 Q3 progress
report, operations reviews it, the director signs and sends it; the province's official
reads it as sent and asks a question on an activity; the coordinator finds the question."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, follow, sign_in

pytestmark = pytest.mark.browser

TITLE = "Voortgangsrapportage Q3 2021"
QUESTION = "Waarom schuift de bijeenkomst over natuur naar november?"


def new_page(browser: Any) -> Any:
    page = browser.new_context(locale="nl-NL").new_page()
    page.set_default_timeout(15_000)
    return page


def test_a_progress_report_is_sent_read_and_questioned(
    page: Any, browser: Any, demo_server: str
) -> None:
    sign_in(page, demo_server, "directeur")
    follow(page, page.get_by_role("link", name="Rapportages").first)
    assert axe_violations(page) == []
    page.get_by_label("Meerjarenplan").select_option(index=1)
    page.get_by_label("Soort rapportage").select_option(label="Voortgangsrapportage")
    page.get_by_label("Jaar", exact=True).fill("2021")
    page.get_by_label("Kwartaal").select_option(label="Q3")
    page.get_by_role("button", name="Opstellen").click()
    page.get_by_text("De rapportage is opgesteld.").wait_for()
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_have_count(1)
    charts = page.locator("figure.report-chart", has_text="Positieve Gezondheid: gerealiseerd")
    expect(charts.first).to_be_visible()
    # The chart has loaded (complete) before its width says whether it is a picture at all.
    chart = charts.first.locator("img")
    expect(chart).to_have_js_property("complete", True)
    assert chart.evaluate("img => img.naturalWidth") > 0
    assert axe_violations(page) == []
    with page.expect_download() as download:
        page.get_by_role("link", name="Downloaden (PDF)").click()
    assert download.value.suggested_filename.endswith("-concept.pdf")
    report_url = page.url

    operations = new_page(browser)
    sign_in(operations, demo_server, "bedrijfsvoering")
    operations.goto(report_url)
    operations.get_by_role("button", name="Beoordeeld: de cijfers en teksten kloppen").click()
    operations.get_by_text("De rapportage is beoordeeld.").wait_for()
    operations.context.close()

    page.reload()
    page.get_by_role("button", name="Ondertekenen als directeur").click()
    page.get_by_text("De rapportage is ondertekend.").wait_for()
    page.get_by_role("button", name="Versturen aan Provincie Flevoland").click()
    page.get_by_text("Provincie Flevoland ontvangt de rapportage").wait_for()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Ja, versturen").click()
    page.get_by_text("De rapportage is verstuurd").wait_for()
    documents = page.locator("#documents + ul li")
    documents.filter(has_text="Downloaden").nth(2).wait_for(timeout=60_000)  # the worker
    expect(documents).to_have_count(3)

    province = new_page(browser)
    sign_in(province, demo_server, "provincie")
    province.get_by_role("link", name="Rapportages").first.click()
    province.get_by_role("link", name=TITLE).click()
    province.get_by_text("Zoals verstuurd aan Provincie Flevoland").wait_for()
    unchanged = "Niets: de cijfers van vandaag zijn die die verstuurd zijn."
    expect(province.get_by_text(unchanged)).to_have_count(1)
    assert axe_violations(province) == []
    province.get_by_role("link", name="PG-1.1", exact=False).first.click()
    province.get_by_label("Je vraag of opmerking").fill(QUESTION)
    province.get_by_role("button", name="Plaatsen").click()
    province.locator("#comments").get_by_text(QUESTION, exact=True).wait_for()
    province.context.close()

    coordinator = new_page(browser)
    sign_in(coordinator, demo_server, "coordinator")
    coordinator.get_by_role("link", name="1 vraag van een opdrachtgever wacht op antwoord").click()
    asked = coordinator.locator("#open-questions li", has_text=QUESTION)
    asked.get_by_role("link").click()
    coordinator.locator("#comments").get_by_text(QUESTION, exact=True).wait_for()
    coordinator.context.close()
