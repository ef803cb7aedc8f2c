"""The relations journey in a real browser: a coordinator records a contact with a
follow-up action for herself, finds it under "My actions" and marks it done."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, choose, follow, sign_in

pytestmark = pytest.mark.browser


def test_a_contact_with_a_follow_up_is_done_from_my_actions(page: Any, demo_server: str) -> None:
    sign_in(page, demo_server, "coordinator")
    follow(page, page.get_by_role("link", name="Relaties"))
    follow(page, page.get_by_role("link", name="Contacten").first)
    assert axe_violations(page) == []
    page.get_by_role("link", name="Contact vastleggen").click()
    page.get_by_label("Datum", exact=True).fill("2021-10-14")
    page.get_by_label("Soort").select_option(label="Overleg")
    page.get_by_label("Onderwerp").fill("Overleg met de gemeente Urk over de themabijeenkomst")
    choose(page, "Organisaties", "Urk")
    page.get_by_label("Programma").select_option(label="Positieve Gezondheid")
    first = page.get_by_role("group", name="Opvolgactie 1")
    first.get_by_label("Opvolgactie").fill("Zaal reserveren in Urk")
    first.get_by_label("Voor").select_option(label="Carla Smit")
    first.get_by_label("Uiterlijk").fill("2021-10-20")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Het contact is vastgelegd.").wait_for()
    expect(page.get_by_role("cell", name="Zaal reserveren in Urk", exact=True)).to_have_count(1)

    follow(page, page.get_by_role("link", name="Mijn acties").first)
    assert axe_violations(page) == []
    item = page.locator("li", has_text="Zaal reserveren in Urk")
    item.get_by_role("button", name="Afgerond").click()
    # Counted only once the answer is there: before it, the item is still on the page.
    page.get_by_text("De actie is afgerond.").wait_for()
    expect(page.locator("li", has_text="Zaal reserveren in Urk")).to_have_count(0)


def test_the_directory_pages_pass_axe(page: Any, demo_server: str) -> None:
    sign_in(page, demo_server, "coordinator")
    follow(page, page.get_by_role("link", name="Relaties"))  # its first page: organisations
    assert axe_violations(page) == []
    page.get_by_label("Soort").select_option(label="Andere partner")
    follow(page, page.get_by_role("button", name="Zoeken"))
    follow(page, page.get_by_role("link", name="KunstLink"))
    events = page.get_by_role("region", name="Bijeenkomsten")
    expect(events.get_by_role("link", name="Themabijeenkomst kunst en cultuur")).to_have_count(1)
    # the demo's contacts with KunstLink about the meeting are listed too
    retrospective = page.get_by_role("link", name="Terugblik themabijeenkomst kunst en cultuur")
    expect(retrospective.first).to_be_visible()
    assert axe_violations(page) == []
    follow(page, page.get_by_role("link", name="Bewerken", exact=True))
    assert axe_violations(page) == []


def test_the_coordinator_weighs_a_network(page: Any, demo_server: str) -> None:
    sign_in(page, demo_server, "coordinator")
    page.goto(demo_server + "/netwerken/?jaar=2021")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Missie Mentaal").click()
    page.get_by_label("Waarde voor ons werk").select_option(label="Middel")
    page.get_by_label("Besluit").select_option(label="Blijven")
    page.get_by_label("Waarom").fill("Goede ingang voor het thema mentale gezondheid.")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Weging vastleggen").click()
    page.get_by_text("De weging is vastgelegd.").wait_for()
    expect(page.get_by_role("cell", name="Middel", exact=True)).to_have_count(1)
