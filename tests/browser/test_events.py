"""Events and communication items in a real browser: the pages pass axe, and a published
item added by the coordinator moves the communications indicator on the dashboard."""

from __future__ import annotations

from typing import Any

import pytest

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
    page.get_by_role("link", name="Themabijeenkomst sport").click()
    assert page.get_by_text("Sportservice Flevoland").count() >= 1
    assert axe_violations(page) == []
    page.get_by_role("link", name="Bijeenkomsten").first.click()
    follow(page, page.get_by_role("link", name="Communicatie-uitingen").first)
    assert axe_violations(page) == []
    page.get_by_label("Programma").select_option(label="Positieve Gezondheid")
    page.get_by_label("Datum").fill("2021-10-12")
    page.get_by_label("Kanaal").select_option(label="Website")
    page.get_by_label("Titel").fill("Verslag: natuur en gezondheid")
    page.get_by_role("button", name="Toevoegen").click()
    page.get_by_text("De communicatie-uiting is toegevoegd.").wait_for()
    assert "16 / 21" in communications_count(page, demo_server)
