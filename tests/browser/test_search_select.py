"""The searchable participant field in a real browser (issue 16, item 7): typing "boe"
shows matching persons in the listbox, the arrow keys move, Enter picks, the registration
saves; axe finds no serious or critical violations with the listbox open."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, sign_in

pytestmark = pytest.mark.browser


def test_a_participant_is_picked_with_the_keyboard(page: Any, demo_server: str) -> None:
    sign_in(page, demo_server, "coordinator")
    page.goto(demo_server + "/bijeenkomsten/")
    page.get_by_role("link", name="Themabijeenkomst sport").click()
    box = page.get_by_role("combobox", name="Persoon")
    box.fill("boe")
    listbox = page.get_by_role("listbox")
    listbox.get_by_role("option").first.wait_for()
    expect(box).to_have_attribute("aria-expanded", "true")
    # The choices; a note ("only the first 20 are shown") is an option that cannot be chosen.
    choices = listbox.locator('[role="option"]:not([aria-disabled="true"])')
    names = choices.all_inner_texts()
    assert names and all("boe" in name.lower() for name in names)
    assert axe_violations(page) == []
    box.press("ArrowDown")
    box.press("ArrowDown")
    second = choices.nth(1)
    expect(second).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", second.get_attribute("id"))
    chosen = second.inner_text().strip()
    box.press("Enter")
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).to_have_value(chosen)
    page.get_by_role("button", name="Aanmelden").click()
    page.get_by_text("De deelnemer is aangemeld.").wait_for()
    registered = page.get_by_role("cell", name=chosen).or_(page.get_by_text(chosen))
    expect(registered.first).to_be_visible()
