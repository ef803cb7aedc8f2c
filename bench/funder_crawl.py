"""Crawl the demo as each funder's official and count what she is shown of what she does not
fund (issue 14, finding 6).

    .venv/bin/python bench/funder_crawl.py            # SQLite in a temporary folder
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/koers_bench \
        .venv/bin/python bench/funder_crawl.py

Builds the demo, signs in as `provincie` and `regioplus` and follows every internal link
(GET only) from the dashboard and from the finance pages that no menu links to, opening
pages and downloads alike. Counted as shown: the name of a programme she does not fund as
the whole text of an element (a heading, a cell; not free text and not a filter option),
the same name anywhere in a download, and a link to a programme, activity or goal outside
her sight (another funder's goal tree). Prints, per funder, the pages and documents opened
and the matches with the pages they are on.
"""

from __future__ import annotations

import html
import os
import re
import sys
import tempfile
from collections import deque
from pathlib import Path

os.environ.setdefault("KOERS_DATA_DIR", tempfile.mkdtemp(prefix="koers-crawl-"))
os.environ["KOERS_DEMO"] = "1"
os.environ["KOERS_REFERENCE_DATE"] = "2021-10-15"
os.environ["KOERS_TWO_FACTOR_WAIVED"] = "1"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koers.settings")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from tests.response_text import shown_text  # noqa: E402

from koers.accounts.models import User  # noqa: E402
from koers.accounts.policy import organisations_with  # noqa: E402
from koers.accounts.roles import Capability  # noqa: E402
from koers.plans.models import Activity, Goal, Programme  # noqa: E402

LIMIT = 3000  # pages per funder; the demo has a few hundred
SKIP = re.compile(r"/(uitloggen|beheer|taal)/|/static/|/media/")


def patterns_for(user: User) -> tuple[list[re.Pattern[str]], list[re.Pattern[str]]]:
    """(on a page, in a download): what shows something she does not fund."""
    _own, funding = organisations_with(user, Capability.VIEW_PLANS)
    not_hers = Programme.objects.exclude(funders__in=funding)
    names = list(not_hers.values_list("name", flat=True))
    links = [reverse("plans:programme", args=[pk]) for pk in not_hers.values_list("pk", flat=True)]
    links += [
        reverse("plans:activity", args=[pk])
        for pk in Activity.objects.filter(programme__in=not_hers).values_list("pk", flat=True)
    ]
    links += [
        reverse("plans:goal", args=[pk])
        for pk in Goal.objects.exclude(funder__in=funding).values_list("pk", flat=True)
    ]
    on_page = [
        re.compile(r"<(?!option)[a-z0-9]+[^>]*>\s*" + re.escape(html.escape(name)) + r"\s*<")
        for name in names
    ]
    on_page += [re.compile(re.escape(f'href="{link}') + r'[?"]') for link in links]
    return on_page, [re.compile(re.escape(name)) for name in names]


def crawl(username: str) -> None:
    user = User.objects.get(username=username)
    on_page, in_document = patterns_for(user)
    client = Client()
    client.force_login(user)
    starts = ["/"] + [reverse(n) for n in ("funding:budget", "funding:budget_tables")]
    queue, seen = deque(starts), set()
    pages = documents = 0
    matches: list[tuple[str, str]] = []
    while queue and len(seen) < LIMIT:
        url = queue.popleft()
        if url in seen or SKIP.search(url):
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200:
            continue
        if "html" in response.get("Content-Type", ""):
            pages += 1
            body = response.content.decode()
            queue.extend(html.unescape(h) for h in re.findall(r'href="(/[^"#]*)"', body))
            found = [p for p in on_page if p.search(body)]
        else:
            documents += 1
            text = shown_text(response)
            found = [p for p in in_document if p.search(text)]
        matches += [(url, p.pattern) for p in found]
    where = sorted({re.sub(r"\d+", "N", url.split("?")[0]) for url, _ in matches})
    distinct = len({url.split("?")[0] for url, _ in matches})
    print(f"{username}: {pages} pages and {documents} documents opened; {len(matches)} matches")
    print(f"  on {distinct} distinct pages: {', '.join(where) or '-'}")


def main() -> None:
    setup_test_environment()
    settings.ALLOWED_HOSTS = ["*"]
    settings.STORAGES = {  # pages link static files by name, with no collectstatic run
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    call_command("migrate", interactive=False, verbosity=0)
    from koers.demo.builder import build

    build()
    for username in ("provincie", "regioplus"):
        crawl(username)


if __name__ == "__main__":
    main()
