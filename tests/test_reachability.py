"""No dead ends: every page a role may open is reachable from her landing page by links.

For every demo account whose role has a column in the permission matrix, the pages the matrix
lets that role open (GET rows answering 200, not the public pages of the signed-out and not
downloads) are the pages she must be able to find. The crawler signs in as her, starts on the
page the sign-in leads to, follows every `<a href>` inside the site (and the redirects they
answer with), and fails on each allowed URL pattern it never reached. Object pages count once
one instance of their pattern is reached; a few instances of each pattern are opened, taken
from different pages (see `spread`), so a link found only on some objects is found.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve, reverse

from koers.accounts.models import User
from tests.conftest import verified_client
from tests.permission_matrix import ROLES, ROWS
from tests.shared_demo import SharedDemo

# The matrix's roles as the demo's accounts. `outsider` (a director of another organisation)
# and `no_role` have no demo account. A coordinator's pages of "her" programme are found by
# the coordinators of two programmes together: `coordinator` coordinates Positieve
# Gezondheid, and client support (its cases, kinds and volunteers) is Versterken van
# Inwoners's, whose coordinator is `coordinator-vi`.
DEMO_ACCOUNTS: dict[str, tuple[str, ...]] = {
    "beheerder": ("beheerder",),
    "directeur": ("directeur",),
    "bedrijfsvoering": ("bedrijfsvoering",),
    "programmacoordinator": ("coordinator", "coordinator-vi"),
    "medewerker": ("medewerker",),
    "toezicht": ("toezicht",),
    "opdrachtgever": ("provincie",),
    "regio": ("regioplus",),
}

# Files, not pages: reached when a page links to them, never required (a report's document
# exists only once someone made it). The crawler checks this list both ways: a listed name
# that answers with a page, or an unlisted one that answers with a file, fails.
DOWNLOADS = frozenset(
    {
        "atlas:network_graphml",
        "funding:advance_invoice",
        "funding:export",
        "funding:grant_document",
        "plans:realisation_evidence",
        "atlas:collaborations_export",
        "atlas:collaborations_geojson",
        "relations:events_export",
        "relations:quote_document",
        "relations:quote_preview",
        "relations:quote_template_document",
        "reports:document_download",
        "reports:report_document",
        "work:export",
        "work:product_document",
        # The admin's script of translations and the look-ups of its autocomplete fields.
        "admin:jsi18n",
        "admin:autocomplete",
        # The API's description (JSON), linked from her API keys' page.
        "api:openapi-json",
        # The atlas's filtered initiatives as Excel, CSV and GeoJSON.
        "atlas:map_export_xlsx",
        "atlas:map_export_csv",
        "atlas:map_export_geojson",
        # The analysis of signals as Excel, small numbers hidden as on the page.
        "signals:analysis_export",
        # A statistics table's figures as CSV or Excel, with its source; the dashboards' too.
        "insight:dataset_export",
        "insight:area_export",
        "insight:benchmark_export",
        "insight:chain_export",
        # The funder's portfolio as Excel.
        "portfolio:export",
    }
)

# Pages the application sends a person to, rather than a link: asking for her password again
# before a sensitive step; the progress of a document she asked to be made (a form's POST).
REACHED_BY_REDIRECT = frozenset({"accounts:reauthenticate", "reports:document_status"})

# Pages linked only while a record is in a state the demo's 2021 does not have, or on the
# few records that have it: its annual plan is adopted (frozen), so no activity, target or
# indicator is added or changed any more; three of its sixty activities carry a go/no-go
# decision, more than the crawler's few instances of a pattern find. The seeds give tactical
# goals only to Versterken van Inwoners, so the demo coordinator of Positieve Gezondheid has
# none to change (she can add one: tactical_goal_create is reached). Likewise the demo's
# multi-year results and targets are Arbeidsmarkt en Onderwijs's only (seed 001 §3's
# tables), a programme page the crawler's few instances do not open; the add pages, linked
# from every programme page, are reached.
LINKED_ONLY_IN_OTHER_STATES = frozenset(
    {
        "plans:multi_year_result_edit",
        "plans:multi_year_target_edit",
        "plans:activity_create",
        "plans:target_edit",
        "plans:indicator_measurement",
        "plans:indicator_create",
        "plans:activity_decision",
        "plans:tactical_goal_edit",
        # "Close the case" and "Hand over" are on open cases only; the crawler's few case
        # pages are of cases closed before the reference date (tests/signals/
        # test_cases_views.py follows them).
        "signals:case_close",
        "signals:case_hand_over",
    }
)

# Parts of a page that its own script asks for (htmx, the map's script), not pages: the
# look-ups of the searchable choices (core/widgets.py) and the map's points and boundaries
# (GeoJSON, fetched from the page's data attributes). No <a href> links to them.
FRAGMENTS = frozenset(
    {
        "directory:municipality_search",
        "directory:person_search",
        "directory:organisation_search",
        "atlas:initiative_search",
        "atlas:map_data",
        "atlas:boundaries",
    }
)


INSTANCES_PER_PATTERN = 3


def allowed_pages(role: str) -> set[str]:
    """The URL names the permission matrix lets `role` open as a page."""
    column = ROLES.index(role)
    return (
        {
            row.name
            for row in ROWS
            if row.method == "GET" and not row.public and row.expected[column] == 200
        }
        - DOWNLOADS
        - REACHED_BY_REDIRECT
        - LINKED_ONLY_IN_OTHER_STATES
        - FRAGMENTS
    )


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def links_in(html: str, base: str) -> Iterator[str]:
    """The site's own addresses the page links to, without fragments."""
    parser = _Links()
    parser.feed(html)
    for href in parser.hrefs:
        parts = urlsplit(urljoin(base, href))
        if parts.scheme in ("", "http") and parts.netloc in ("", "testserver"):
            yield parts.path + (f"?{parts.query}" if parts.query else "")


@dataclass
class Crawl:
    reached: set[str] = field(default_factory=set)  # URL names
    refused: dict[str, str] = field(default_factory=dict)  # linked URL → the page linking it
    wrong_kind: list[str] = field(default_factory=list)  # downloads answering pages, or back


def url_name(path: str) -> str | None:
    try:
        return resolve(urlsplit(path).path).view_name
    except Resolver404:
        return None


def crawl(client: Client, start: str) -> Crawl:
    result = Crawl()
    opened: Counter[str] = Counter()
    queue: deque[tuple[str, str]] = deque([(start, "")])
    seen: set[str] = set()
    while queue:
        url, referrer = queue.popleft()
        name = url_name(url)
        if url in seen or name is None or opened[name] >= INSTANCES_PER_PATTERN:
            continue
        seen.add(url)
        opened[name] += 1
        result.reached.add(name)
        response: Any = client.get(url)
        if response.status_code in (301, 302):
            queue.appendleft((urljoin(url, response["Location"]), url))
            continue
        if response.status_code != 200:
            result.refused[url] = f"{response.status_code} from {referrer}"
            continue
        is_page = response.get("Content-Type", "").startswith("text/html")
        if is_page == (name in DOWNLOADS):
            result.wrong_kind.append(name)
        if is_page:
            queue.extend((link, url) for link in spread(links_in(response.content.decode(), url)))
    return result


def spread(links: Iterator[str]) -> list[str]:
    """The first and the last link of each pattern on a page: a list of sixty activities adds
    two, so the few instances opened of a pattern come from different pages (programmes,
    organisations) rather than the top of one list."""
    by_pattern: dict[str | None, list[str]] = {}
    for link in links:
        by_pattern.setdefault(url_name(link), []).append(link)
    return [link for found in by_pattern.values() for link in dict.fromkeys([found[0], found[-1]])]


def a_project_of_positive_health() -> None:
    """The demo's projects are all in Versterken van Inwoners, and its events all in Positieve
    Gezondheid: one project there too, so one coordinator has both to edit."""
    from koers.plans.models import Programme
    from koers.work.services import project_save

    programme = Programme.objects.select_related("plan").get(code="PG")
    project_save(
        actor=User.objects.get(username="coordinator"),
        organisation_id=programme.plan.organisation_id,
        values={
            "programme": programme,
            "title": "Wijkgesprekken positieve gezondheid",
            "starts_on": dt.date(2021, 3, 1),
            "status": "running",
        },
    )


@pytest.fixture(scope="module")
def built_demo(shared_demo: SharedDemo, django_db_blocker: Any) -> Iterator[Path]:
    """The shared demo with a project of positive health, added in a savepoint rolled back at
    the module's end; yields the folder holding the files the demo made (its quotes)."""
    with django_db_blocker.unblock(), transaction.atomic():
        a_project_of_positive_health()
        yield shared_demo.media
        transaction.set_rollback(True)


@pytest.mark.parametrize("role", list(DEMO_ACCOUNTS))
def test_every_allowed_page_is_reachable_by_links(
    built_demo: Path, db: Any, settings: Any, role: str
) -> None:
    settings.MEDIA_ROOT = built_demo
    # As `koers demo` serves it: the lists open on 2021, the demo's year, not on today's.
    settings.REFERENCE_DATE = "2021-10-15"
    result = Crawl()
    for username in DEMO_ACCOUNTS[role]:
        client = verified_client(User.objects.get(username=username))
        hers = crawl(client, reverse(settings.LOGIN_REDIRECT_URL))
        result.reached |= hers.reached
        result.refused.update(hers.refused)
        result.wrong_kind += hers.wrong_kind
    unreachable = sorted(allowed_pages(role) - result.reached)
    assert (result.wrong_kind, result.refused, unreachable) == ([], {}, []), (
        f"answers with the other kind of response than DOWNLOADS says: {result.wrong_kind}; "
        f"links that refuse her: {result.refused}; "
        f"{role} may open these pages but no link leads there: {unreachable}"
    )
