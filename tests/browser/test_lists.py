"""A long list in a real browser: it says how many, a column header sorts it, and the page
links keep the sort, all by keyboard; axe finds nothing on the way."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, sign_in

pytestmark = pytest.mark.browser


def test_the_persons_list_counts_sorts_and_pages_by_keyboard(page: Any, demo_server: str) -> None:
    sign_in(page, demo_server, "coordinator")
    page.goto(demo_server + "/personen/")
    # The count as Dutch writes it: "1.002" (a thousands separator since the demo grew).
    first = re.fullmatch(r"1–50 van ([\d.]+)", page.locator(".list-count").inner_text().strip())
    assert first, "the list does not say how many"
    total = first.group(1)
    assert int(total.replace(".", "")) > 100
    assert axe_violations(page) == []

    email = page.get_by_role("columnheader", name=re.compile("E-mailadres"))
    email.get_by_role("link").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"sort=email"))
    email = page.get_by_role("columnheader", name=re.compile("E-mailadres"))
    expect(email).to_have_attribute("aria-sort", "ascending")

    pages = page.get_by_role("navigation", name="Pagina's")
    pages.get_by_role("link", name="Volgende").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"pagina=2"))
    expect(page).to_have_url(re.compile(r"sort=email"))
    expect(page.locator(".list-count")).to_have_text(f"51–100 van {total}")
    second = page.get_by_role("link", name=re.compile("^Pagina 2$"))
    expect(second).to_have_attribute("aria-current", "page")
    assert axe_violations(page) == []
