"""Events and communication items in a real browser: the pages pass axe, and a published
item added by the coordinator moves the communications indicator on the dashboard."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, follow, sign_in

pytestmark = pytest.mark.browser

COMMUNICATIONS = "21 communicatie-uitingen"


def communications_count(page: Any, base: str) -> str:
    page.goto(base + "/")
    return page.locator("li", has_text=COMMUNICATIONS).first.inner_text()


def test_a_published_item_counts_for_the_indicator(page: Any, demo_server: str) -> None:
    sign_in(page, demo_server, "coordinator")
    assert "15 / 21" in communications_count(page, demo_server)
    follow(page, page.get_by_role("link", name="Uitvoering"))  # the section, then its page
    follow(page, page.get_by_role("link", name="Bijeenkomsten").first)
    assert axe_violations(page) == []
    follow(page, page.get_by_role("link", name="Themabijeenkomst sport"))
    expect(page.get_by_text("Sportservice Flevoland").first).to_be_visible()
    assert axe_violations(page) == []
    follow(page, page.get_by_role("link", name="Bijeenkomsten").first)
    follow(page, page.get_by_role("link", name="Communicatie-uitingen").first)
    assert axe_violations(page) == []
    page.get_by_label("Programma").select_option(label="Positieve Gezondheid")
    page.get_by_label("Datum").fill("2021-10-12")
    page.get_by_label("Kanaal").select_option(label="Website")
    page.get_by_label("Titel").fill("Verslag: natuur en gezondheid")
    page.get_by_role("button", name="Toevoegen").click()
    page.get_by_text("De communicatie-uiting is toegevoegd.").wait_for()
    assert "16 / 21" in communications_count(page, demo_server)
