"""Hours in a real browser: a week filled by keyboard, submitted, approved by the
coordinator, and the director's capacity page moves."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, sign_in

pytestmark = pytest.mark.browser


def october_direct_hours(page: Any, base: str) -> float:
    """October's direct hours on the capacity page (shown to one decimal)."""
    page.goto(base + "/uren/capaciteit/?peildatum=2021-10-17")  # the whole week counted
    cell = page.locator("tr", has_text="oktober").locator("td").nth(1).inner_text()
    return float(cell.replace(".", "").replace(",", "."))


def test_a_week_filled_by_keyboard_is_submitted_approved_and_counted(
    page: Any, demo_server: str
) -> None:
    sign_in(page, demo_server, "directeur")
    before = october_direct_hours(page, demo_server)
    assert axe_violations(page) == []
    page.get_by_role("button", name="Uitloggen").click()

    sign_in(page, demo_server, "medewerker")
    page.goto(demo_server + "/uren/")
    expect(page).to_have_url(re.compile(r"/uren/week/2021-10-11/"))
    assert axe_violations(page) == []
    # The Saturday of the first activity row, reached and filled by keyboard only.
    saturday = page.locator("input.hours-input[aria-label$='za 16 oktober']").first
    saturday.focus()
    page.keyboard.type("2,5")
    page.keyboard.press("Tab")  # on to Sunday
    page.keyboard.type("1")
    page.get_by_role("button", name="Opslaan en de week indienen").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.get_by_text("Je week is ingediend ter goedkeuring.").wait_for()
    expect(page.locator("input.hours-input[readonly]").first).to_be_visible()
    page.get_by_role("button", name="Uitloggen").click()

    sign_in(page, demo_server, "coordinator")
    page.goto(demo_server + "/uren/goedkeuren/")
    row = page.locator("tr", has_text="Mila de Wit").filter(has_text="41")
    with page.expect_navigation():
        row.get_by_role("button", name=re.compile("^Goedkeuren")).click()
    page.get_by_text("De week is goedgekeurd.").wait_for()
    page.get_by_role("button", name="Uitloggen").click()

    sign_in(page, demo_server, "directeur")
    assert october_direct_hours(page, demo_server) == pytest.approx(before + 3.5)
