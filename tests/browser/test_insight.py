"""The province's monitoring chain and an area's figures, in a real browser against
`koers serve` with the demo: the funder's official opens the chain of KS-1 for 2021 and finds
its input, activities, outputs, outcomes and context; the tables and tiles pass axe."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, follow, sign_in

pytestmark = pytest.mark.browser


def test_the_funder_opens_the_monitoring_chain_of_ks1_for_2021(page: Any, demo_server: str) -> None:
    sign_in(page, demo_server, "provincie")
    page.goto(demo_server + "/inzicht/")
    chains = page.get_by_role("region", name="Monitoringsketens")
    follow(page, chains.get_by_role("link", name=re.compile(r"^KS-1 ")))
    page.get_by_label("Jaar", exact=True).select_option("2021")
    page.get_by_label("Peildatum", exact=True).fill("2021-12-31")
    follow(page, page.get_by_role("button", name="Tonen"))

    expect(page.locator("h1")).to_contain_text("KS-1")
    for heading in ("Input", "Throughput: activiteiten in 2021", "Output", "Outcome"):
        expect(page.get_by_role("heading", name=heading, exact=True).last).to_be_visible()
    input_section = page.locator("section", has=page.locator("#input-title"))
    expect(input_section).to_contain_text("Geschreven uren")
    activities = page.get_by_role("table", name=re.compile("Activiteiten in 2021"))
    expect(activities.get_by_role("row")).not_to_have_count(1)
    context = page.locator("section", has=page.locator("#context-title"))
    expect(context.locator(".tile").first).to_contain_text("Bron:")
    expect(context.locator(".tile").first).to_contain_text("2021")
    assert axe_violations(page) == []

    # The same from the keyboard: the download is a link she can reach.
    download = page.get_by_role("link", name="Downloaden als Excel")
    download.focus()
    expect(download).to_be_focused()


def test_a_municipality_s_figures_and_the_benchmark_map_pass_axe(
    page: Any, demo_server: str
) -> None:
    sign_in(page, demo_server, "directeur")
    page.goto(demo_server + "/inzicht/gebied/GM0034/")
    expect(page.locator("h1")).to_have_text("Almere")
    expect(page.locator(".tile").first).to_contain_text("Bron:")
    expect(page.locator(".work-counts")).to_contain_text("Activiteiten in deze gemeente")
    assert axe_violations(page) == []
    page.goto(demo_server + "/inzicht/vergelijken/")
    expect(page.locator("svg.choropleth path")).to_have_count(6)
    expect(page.get_by_role("table")).to_contain_text("Almere")
    assert axe_violations(page) == []
