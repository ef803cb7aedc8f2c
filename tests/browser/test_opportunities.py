"""The sales side in a real browser: a coordinator records an opportunity for the
municipality of Urk, sends the quote, finds it numbered in the pipeline, and records it
won, which creates the project."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, choose, follow, sign_in

pytestmark = pytest.mark.browser


def test_an_opportunity_is_quoted_and_won(page: Any, demo_server: str) -> None:
    sign_in(page, demo_server, "coordinator")
    page.goto(demo_server + "/kansen/")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Kans toevoegen").click()
    choose(page, "Opdrachtgever", "Urk")
    page.get_by_label("Onderwerp").fill("Procesbegeleiding Informeel Urk in Beeld")
    page.get_by_role("combobox", name="Programma").select_option(label="Positieve Gezondheid")
    page.get_by_label("Wat we bieden").fill("Drie bijeenkomsten met initiatieven en een kaart.")
    page.get_by_label("Uren (optioneel)", exact=True).fill("48")
    page.get_by_label("Waarvan betaald door het programma").fill("24")
    page.get_by_label("Bedrag excl. btw (€)").fill("5040")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De kans is toegevoegd.").wait_for()
    assert axe_violations(page) == []

    send = page.get_by_role("group", name="Offerte versturen")
    send.get_by_label("Verzonden op").fill("2021-10-01")
    send.get_by_role("button", name="Offerte versturen").click()
    page.get_by_role("heading", name="De offerte voor Procesbegeleiding", level=1).wait_for()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Ja, versturen").click()
    page.get_by_text("De offerte is verstuurd").wait_for()
    number = page.get_by_role("cell").filter(has_text="2021-").first.inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="Offerte zoals verstuurd (Word)").click()
    assert download.value.suggested_filename.startswith(f"offerte-{number}")

    relations = page.get_by_role("navigation", name="Relaties")
    follow(page, relations.get_by_role("link", name="Kansen en offertes"))
    expect(page.get_by_text(number)).to_have_count(1)
    follow(page, page.get_by_role("link", name="Procesbegeleiding Informeel Urk in Beeld"))
    won = page.get_by_role("group", name="Gegund: de opdrachtgever heeft aanvaard")
    won.get_by_label("Aanvaard op").fill("2021-10-12")
    won.get_by_label("Projectcode").fill("PG-URK")
    won.get_by_role("button", name="Gegund: project aanmaken").click()
    page.get_by_text("De offerte is gegund en het project is aangemaakt.").wait_for()
    assert axe_violations(page) == []
    follow(page, page.get_by_role("link", name="Procesbegeleiding Informeel Urk in Beeld"))
    expect(page.get_by_label("Urenbudget")).to_have_value(re.compile(r"^48([.,]00)?$"))
