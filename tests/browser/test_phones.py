"""Koers on a phone, and forms that fail visibly, in a real browser (issue 16, items 5 and 6).

- At 390 × 844 (a common phone), three roles open every page their header links to: none
  scrolls sideways (wide tables scroll inside their own region, the week grid turns into
  cards) and axe finds nothing serious or critical there.
- A realisation refused through htmx comes back with a red error summary that takes the
  focus and links to the field, and no htmx swap breaks the Content Security Policy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, sign_in

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
# The header's links that are not pages of a section: the admin (Django's own pages) and
# the language switch's and sign-out's forms are no links; the brand is the dashboard.
NOT_SECTIONS = ("/beheer/",)


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="nl-NL", viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def section_pages(page: Any, base: str) -> list[str]:
    """The paths the header links to on the landing page: the main page of every section
    this user may open (the header shows only those)."""
    page.goto(base + "/")
    hrefs = page.eval_on_selector_all("header a[href]", "links => links.map(a => a.href)")
    paths = ["/"]
    for href in hrefs:
        parts = urlsplit(href)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        ours = parts.netloc == urlsplit(base).netloc and not parts.fragment
        if ours and path not in paths and not path.startswith(NOT_SECTIONS):
            paths.append(path)
    return paths


@pytest.mark.parametrize("username", ["coordinator", "medewerker", "provincie"])
def test_no_page_scrolls_sideways_on_a_phone(phone: Any, demo_server: str, username: str) -> None:
    sign_in(phone, demo_server, username)
    pages = section_pages(phone, demo_server)
    # The dashboard, goals, annual plans, events, reports, organisations … at the least.
    assert len(pages) >= 6, pages
    problems: list[str] = []
    for path in pages:
        response = phone.goto(demo_server + path)
        assert response is not None and response.status == 200, f"{path}: {response}"
        widths = phone.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if widths[0] > widths[1]:
            wide = phone.evaluate(
                """() => [...document.querySelectorAll('main *')]
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                    .filter(e => !e.closest('.table-region'))
                    .slice(0, 3).map(e => e.tagName + '.' + e.className)"""
            )
            problems.append(f"{path}: {widths[0]} px wide at {widths[1]} px ({wide})")
        problems += [f"{path}: axe {v}" for v in axe_violations(phone)]
    assert not problems, "\n".join(problems)


def test_wide_tables_scroll_in_a_region_the_keyboard_reaches(phone: Any, demo_server: str) -> None:
    sign_in(phone, demo_server, "coordinator")
    phone.goto(demo_server + "/bijeenkomsten/")
    region = phone.get_by_role("region", name="Bijeenkomsten")
    sizes = region.evaluate("r => [r.scrollWidth, r.clientWidth]")
    assert sizes[0] > sizes[1], "the events table fits a phone: nothing to scroll"
    region.focus()
    phone.keyboard.press("ArrowRight")
    phone.wait_for_function(
        "() => document.querySelector('.table-region').scrollLeft > 0", timeout=5_000
    )


def test_the_week_grid_is_one_card_per_row_on_a_phone(phone: Any, demo_server: str) -> None:
    sign_in(phone, demo_server, "coordinator")
    phone.goto(demo_server + "/uren/")
    first = phone.locator("table.hours tbody tr").first
    cells = first.locator("td input.hours-input")
    expect(cells).to_have_count(7)
    boxes = [cells.nth(i).bounding_box() for i in range(7)]
    assert all(box["x"] + box["width"] <= PHONE["width"] for box in boxes)
    # Days wrap onto more than one line: a card, not a row of a table.
    assert len({round(box["y"]) for box in boxes}) > 1
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => {
  window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || e.sample || ''));
});
"""


def activity_with_entry_form(page: Any, base: str) -> str:
    """The first activity page on which this user may record a realisation (most of the
    demo's indicators are derived from records and take no entries)."""
    for number in range(1, 80):
        page.goto(f"{base}/activiteiten/{number}/")
        if page.locator("details.entry").count():
            return page.url
    raise AssertionError("no activity with a realisation form")


def test_a_refused_realisation_looks_like_an_error_and_breaks_no_csp(
    page: Any, demo_server: str
) -> None:
    page.add_init_script(CSP_LISTENER)
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    sign_in(page, demo_server, "coordinator")
    activity_with_entry_form(page, demo_server)
    card = page.locator("section.indicator-card", has=page.locator("details.entry")).first
    card.locator("details.entry summary").click()
    card.get_by_label("Waarde").fill("abc")
    with page.expect_response(lambda r: "/realisaties/" in r.url) as answer:
        card.get_by_role("button", name="Opslaan").click()
    assert answer.value.status == 422
    summary = card.locator(".error-summary")
    expect(summary).to_have_attribute("role", "alert")
    expect(summary).to_contain_text("Er is een probleem")
    link = summary.get_by_role("link", name="Waarde")
    field_id = link.get_attribute("href").removeprefix("#")
    field = page.locator(f"#{field_id}")
    expect(field).to_have_attribute("aria-invalid", "true")
    described_by = re.compile(rf"(^|\s){re.escape(field_id)}_error(\s|$)")
    expect(field).to_have_attribute("aria-describedby", described_by)
    # htmx moves the focus to the summary (autofocus), as the GOV.UK pattern does.
    expect(summary).to_be_focused()
    link.click()
    expect(field).to_be_focused()
    # The status line under the card is red (the refused style), not the green of success.
    status = card.locator(".card-status")
    expect(status.locator(".card-status__refused")).to_have_count(1)
    expect(status).to_have_css("border-left-color", "rgb(163, 39, 27)")
    assert axe_violations(page) == []
    violations = page.evaluate("window.__cspViolations")
    refused = [text for text in console if "Content Security Policy" in text]
    assert violations == [] and refused == [], (violations, refused)
