"""Breadcrumbs everywhere (issue 16, item 1): every page of the permission matrix that a role
may open shows one trail — Start › section › list page › the object › this step — whose
crumbs but the last are links she may follow and whose last names the page she is on.

Generated from the permission matrix: each row, as the first role it answers 200 (a GET that
shows a page, or a POST that asks first), when the answer is a page of the site (not a file, a
fragment, the admin or a page for anonymous visitors, which has no menu to come from)."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest
from django.urls import reverse

from tests.conftest import World
from tests.permission_matrix import ROLES, ROWS, Row

CRUMB_NAV = 'aria-label="Kruimelpad"'


def first_role_shown(row: Row) -> str | None:
    for role, expected in zip(ROLES, row.expected, strict=True):
        if expected == 200:
            return role
    return None


CASES = [
    pytest.param(row, role, id=f"{row.name}[{row.what}]-{role}")
    for row in ROWS
    if not row.public and not row.name.startswith("admin:")
    for role in [first_role_shown(row)]
    if role is not None
]


class Trail(HTMLParser):
    """The crumbs of the breadcrumb navigation: (text, href or None, aria-current)."""

    def __init__(self) -> None:
        super().__init__()
        self.in_nav = False
        self.crumbs: list[list[Any]] = []
        self.title = ""
        self.in_title = False
        self.in_subnav = False
        self.menu_page: str | None = None  # the sub-navigation's link to this very page
        self.in_menu_page = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "nav" and found.get("aria-label") == "Kruimelpad":
            self.in_nav = True
        elif tag == "nav" and found.get("class") == "subnav":
            self.in_subnav = True
        elif self.in_nav and tag == "li":
            self.crumbs.append(["", None, found.get("aria-current")])
        elif self.in_nav and tag == "a" and self.crumbs:
            self.crumbs[-1][1] = found.get("href")
        elif tag == "title":
            self.in_title = True
        elif self.in_subnav and tag == "a" and found.get("aria-current") == "page":
            self.in_menu_page = True
            self.menu_page = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self.in_nav = self.in_subnav = False
        elif tag == "title":
            self.in_title = False
        elif tag == "a":
            self.in_menu_page = False

    def handle_data(self, data: str) -> None:
        if self.in_nav and self.crumbs:
            self.crumbs[-1][0] += data
        elif self.in_title:
            self.title += data
        elif self.in_menu_page:
            self.menu_page = squeeze((self.menu_page or "") + data)


def squeeze(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("row", "role"), CASES)
def test_each_page_has_one_trail_from_start_to_itself(world: World, row: Row, role: str) -> None:
    client = world.client(role)
    path = reverse(row.name, args=row.args(world))
    # A POST that answers 200 is the question of an action that asks first (core/confirm.py).
    send = client.post if row.method == "POST" else client.get
    response: Any = send(path + row.query_for(world), row.data)
    assert response.status_code == 200
    if not response["Content-Type"].startswith("text/html"):
        pytest.skip("a file, not a page")
    html = response.content.decode()
    if 'id="main"' not in html:
        pytest.skip("a fragment, not a page")
    assert html.count(CRUMB_NAV) == 1, "one breadcrumb landmark per page"
    trail = Trail()
    trail.feed(html)
    crumbs = [(squeeze(text), href, current) for text, href, current in trail.crumbs]
    assert crumbs, "no crumbs"
    assert crumbs[0][0] == "Start", crumbs
    if path == reverse("plans:dashboard"):
        assert crumbs == [("Start", None, "page")]  # the landing page is the start
        return
    *before, (last, last_href, last_current) = crumbs
    assert last_current == "page" and last_href is None, crumbs
    # A page of the registry is named as the menu names it; a deeper page as its title does.
    named_as = trail.menu_page if trail.menu_page is not None else squeeze(trail.title)
    assert last and last in named_as, (last, named_as)
    for text, href, current in before:
        assert href and current is None, crumbs
        # Hours (/uren/) opens on this week's sheet, by a redirect.
        assert client.get(href, follow=True).status_code == 200, (text, href)
