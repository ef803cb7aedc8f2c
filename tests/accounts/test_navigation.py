"""The navigation registry: what the menu offers each role, what it marks current, the
breadcrumbs, and the header's controls (one-click language switch, favicon, demo line)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from koers.accounts.navigation import SECTIONS, may_open
from tests.conftest import World
from tests.permission_matrix import ROLES

REGISTRY_PAGES = [page.url_name for section in SECTIONS for page in section.pages]


def menu_links(html: str) -> set[str]:
    """The addresses in the main menu and the section's sub-navigation."""
    navs = re.findall(r'<nav class="(?:site-nav|subnav)".*?</nav>', html, re.S)
    return {href for nav in navs for href in re.findall(r'href="([^"]+)"', nav)}


@pytest.mark.parametrize("role", ROLES)
def test_the_menu_offers_exactly_the_pages_that_open_for_her(world: World, role: str) -> None:
    """Every page of the registry, as every role of the permission matrix: offered in the menu
    (`may_open`) if and only if requesting it does not refuse her (403/404)."""
    client = world.client(role)
    user = world.users[role]
    for name in REGISTRY_PAGES:
        status = client.get(reverse(name)).status_code
        assert may_open(user, name) == (status in (200, 302)), (name, status)


@pytest.mark.parametrize("role", ["opdrachtgever", "toezicht"])
def test_funders_and_the_board_see_no_contacts_nor_my_actions(world: World, role: str) -> None:
    html = world.client(role).get(reverse("plans:dashboard")).content.decode()
    assert reverse("relations:contacts") not in html
    assert reverse("relations:my_actions") not in html


def test_the_current_section_and_page_are_marked_and_the_section_has_its_pages(
    world: World,
) -> None:
    html = world.client("bedrijfsvoering").get(reverse("funding:budget")).content.decode()
    site_nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S)
    subnav = re.search(r'<nav class="subnav".*?</nav>', html, re.S)
    assert site_nav and subnav
    assert re.search(r'href="/subsidies/"\s+aria-current="true">Financiën<', site_nav.group())
    assert re.search(r'href="/begroting/"\s+aria-current="page">', subnav.group())
    # Financiën leads to the programme budget and the financial position (issue 16).
    assert {"/begroting/", "/financien/positie/", "/begroting/tabellen/"} <= menu_links(html)


def test_a_page_gets_its_breadcrumbs_from_the_registry(world: World) -> None:
    client = world.client("directeur")
    html = client.get(reverse("funding:advances")).content.decode()
    crumbs = re.search(r'<nav aria-label="Kruimelpad" class="breadcrumb">.*?</nav>', html, re.S)
    assert crumbs, "no breadcrumbs"
    assert re.findall(r'href="([^"]+)"', crumbs.group()) == [
        "/",
        "/subsidies/",
    ]


def test_the_language_switch_is_one_button_naming_the_other_language(world: World) -> None:
    client = world.client("medewerker")
    html = client.get(reverse("plans:dashboard")).content.decode()
    assert re.search(r'name="language"\s+value="en"\s+lang="en"[^>]*>English</button>', html)
    assert "<select" not in html.split("</header>")[0]
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("plans:dashboard")).content.decode()
    assert re.search(r'value="nl"\s+lang="nl"[^>]*>Nederlands</button>', html)


def test_the_favicon_is_linked_and_favicon_ico_answers_with_it() -> None:
    response: Any = Client().get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith("koers/favicon.svg")
    login = Client().get(reverse("accounts:login")).content.decode()
    assert 'rel="icon" href="/static/koers/favicon.svg" type="image/svg+xml"' in login


def test_the_demo_says_so_in_one_line_with_its_details_below(world: World, settings: Any) -> None:
    settings.DEMO_MODE = True
    settings.TWO_FACTOR_WAIVED = True
    html = world.client("directeur").get(reverse("plans:dashboard")).content.decode()
    assert html.count('class="demo-banner"') == 1
    assert 'href="#demo-details"' in html
    details = html.split('id="demo-details"')[1]
    assert "realisaties zijn voorbeeldgegevens" in details
    assert "Tweestapsverificatie is uitgeschakeld voor deze demo" in details
