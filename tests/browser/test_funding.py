"""Money in a real browser: operations records the decision on a submitted application,
moves it to granted, enters the decision's performance indicator and sees the advances."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, follow, sign_in

pytestmark = pytest.mark.browser


def test_a_submitted_grant_is_granted_with_its_indicator_and_its_advances_appear(
    page: Any, demo_server: str
) -> None:
    sign_in(page, demo_server, "bedrijfsvoering")
    follow(page, page.get_by_role("link", name="Financiën"))
    assert axe_violations(page) == []
    # The pipeline's "Ingediend" narrows the list of grants to the submitted ones.
    pipeline = page.get_by_role("table", name="De pijplijn")
    follow(page, pipeline.get_by_role("link", name="Ingediend"))
    expect(page.get_by_label("Status")).to_have_value("submitted")
    follow(page, page.get_by_role("link", name="Taal en gezondheid in Flevoland"))
    assert axe_violations(page) == []
    planned_later = "De voorschotten worden gepland zodra de subsidie is toegekend."
    expect(page.get_by_text(planned_later)).to_have_count(1)

    # Recording the step before the decision's facts are in is refused with the reason.
    page.get_by_label("Volgende stap").select_option(label="Toegekend")
    page.get_by_label("Datum van deze stap").fill("2021-12-01")
    page.get_by_role("button", name="Stap vastleggen").click()
    page.get_by_text(re.compile("Vul het toegekende bedrag")).wait_for()

    page.get_by_role("link", name="Bewerken", exact=True).click()
    page.get_by_label("Toegekend bedrag (€)").fill("24000")
    page.get_by_label("Datum van de beschikking").fill("2021-12-01")
    page.get_by_label("Kenmerk van de beschikking").fill("VSB-2021-0412")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De subsidie is opgeslagen.").wait_for()

    page.get_by_label("Volgende stap").select_option(label="Toegekend")
    page.get_by_label("Datum van deze stap").fill("2021-12-01")
    page.get_by_role("button", name="Stap vastleggen").click()
    page.get_by_text("De subsidie is nu “Toegekend”.").wait_for()

    advances = page.locator("#advances").locator("xpath=..").locator("tbody tr")
    expect(advances).to_have_count(4)
    expect(advances.filter(has_text="6.000,00")).to_have_count(4)

    page.get_by_label("Indicator", exact=True).select_option(index=1)
    page.get_by_label("Jaar", exact=True).fill("2022")
    page.get_by_label("Met de financier afgesproken streefwaarde").fill("2")
    page.get_by_role("button", name="Afgesproken streefwaarde vastleggen").click()
    page.get_by_text("De afgesproken streefwaarde is vastgelegd.").wait_for()
    indicators = page.locator("#indicators").locator("xpath=..").locator("tbody tr")
    expect(indicators).to_have_count(1)
    expect(indicators.first).to_contain_text("2022")
    assert axe_violations(page) == []


@pytest.mark.parametrize(
    "path",
    ["/begroting/?jaar=2021", "/begroting/tabellen/", "/financien/positie/", "/voorschotten/"],
)
def test_the_money_pages_pass_axe(page: Any, demo_server: str, path: str) -> None:
    sign_in(page, demo_server, "directeur")
    page.goto(demo_server + path)
    expect(page.locator("h1")).to_have_count(1)
    assert axe_violations(page) == []
