"""The main menu in a real browser: on a phone (390 × 844) it folds behind one button that
opens with the keyboard; at 1280 px the grouped sections are in view. axe on every page."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, follow, sign_in

pytestmark = pytest.mark.browser


def test_on_a_phone_the_menu_opens_with_the_keyboard(page: Any, demo_server: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, demo_server, "bedrijfsvoering")
    menu = page.locator("#site-menu")
    button = page.locator(".menu-toggle > summary")
    expect(button).to_be_visible()
    expect(menu).to_be_hidden()
    expect(button).to_have_attribute("aria-expanded", "false")
    assert axe_violations(page) == []

    # Tab from the top of the page until the menu button has the focus, then Enter.
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.menu-toggle > summary')"):
            break
    else:
        pytest.fail("the menu button is not reached with Tab")
    page.keyboard.press("Enter")
    expect(menu).to_be_visible()
    # The <details> element's toggle event, which the script listens to, comes a task later.
    expect(button).to_have_attribute("aria-expanded", "true")
    money = menu.get_by_role("link", name="Financiën")
    expect(money).to_be_visible()
    page.keyboard.press("Tab")
    expect(menu.locator(":focus")).to_have_count(1)
    assert axe_violations(page) == []

    # Space closes it again; the section's own pages are one link away.
    button.focus()
    page.keyboard.press("Space")
    expect(menu).to_be_hidden()
    button.focus()
    page.keyboard.press("Space")
    follow(page, money)
    subnav = page.get_by_role("navigation", name="Financiën")
    expect(subnav.get_by_role("link", name="Financiële positie")).to_be_visible()
    assert axe_violations(page) == []


def test_at_desk_width_the_sections_are_in_view(page: Any, demo_server: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, demo_server, "provincie")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    expect(page.locator(".menu-toggle > summary")).to_be_hidden()
    # Extra handen: a funder sees the pool's figures (re-engagement campaigns' counts);
    # Signalen: the analysis's figures, small counts hidden (VIEW_SIGNAL_FIGURES); Inzicht: the
    # public statistics (VIEW_STATISTICS).
    sections = [
        "Plannen",
        "Uitvoering",
        "Relaties",
        "Atlas",
        "Extra handen",
        "Signalen",
        "Inzicht",
        "Financiën",
        "Rapportages",
    ]
    expect(menu.get_by_role("link")).to_have_text(sections)
    expect(menu.get_by_role("link", name="Plannen")).to_have_attribute("aria-current", "page")
    assert axe_violations(page) == []
    follow(page, menu.get_by_role("link", name="Financiën"))
    expect(page.get_by_role("navigation", name="Kruimelpad")).to_be_visible()
    assert axe_violations(page) == []
