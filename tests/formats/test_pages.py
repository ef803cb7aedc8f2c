"""Representative pages of the demo — dashboard, activity, Financiën, budget, advances,
events, an event, a grant, hours — read in Dutch and in English: every date written as
"18 maart 2021" / "18 March 2021" (no 18-03-2021, no "18 mrt"), every amount with the
language's separators and the euro sign bound to it."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse

from koers.accounts.models import User
from koers.funding.models import Grant
from koers.plans.models import Activity
from koers.relations.models import Event
from tests.conftest import verified_client

NBSP = "\u00a0"

MONTHS = {
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "en": "January February March April May June July August September October November December",
}
SHORT_MONTHS = {
    "nl": "jan feb mrt apr jun jul aug sep sept okt nov dec",
    "en": "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec",
}
# What the pages wrote before: 18-03-2021 (or 18-3), 2021-03-18 in the text, "18 mrt 2021".
NUMERIC_DATE = re.compile(r"\b\d{1,2}-\d{1,2}-\d{4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}-\d{1,2}\b")


def long_date(language: str) -> re.Pattern[str]:
    return re.compile(rf"\b\d{{1,2}} ({'|'.join(MONTHS[language].split())}) 20\d\d\b")


def short_month(language: str) -> re.Pattern[str]:
    return re.compile(rf"\b\d{{1,2}} ({'|'.join(SHORT_MONTHS[language].split())})\b\.?")


# The amount after the sign: thousands grouped, two decimals or none.
AMOUNT = {
    "nl": re.compile(rf"€{NBSP}-?\d{{1,3}}(\.\d{{3}})*(,\d\d)?(?![\d]|[.,]\d)"),
    "en": re.compile(r"€-?\d{1,3}(,\d{3})*(\.\d\d)?(?![\d]|[.,]\d)"),
}


class ShownText(HTMLParser):
    """The text a person sees or hears: the text of the page outside scripts and styles,
    and the labels given to screen readers (aria-label, title, alt)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.hidden += 1
        self.parts += [v for k, v in attrs if k in ("aria-label", "title", "alt") and v]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def shown(html: str) -> str:
    reader = ShownText()
    reader.feed(html)
    return re.sub(r"[ \t\r\n]+", " ", " ".join(reader.parts))


def institutional_grant() -> Grant:
    return Grant.objects.get(title="Instellingssubsidie CMO Flevoland 2021")


def first_event() -> Event:
    return Event.objects.filter(date__year=2021).order_by("date", "pk").first()  # type: ignore[return-value]


# (name, address, shows money)
PAGES: list[tuple[str, Callable[[], str], bool]] = [
    ("dashboard", lambda: reverse("plans:dashboard") + "?jaar=2021", False),
    (
        "activity",
        lambda: reverse("plans:activity", args=[Activity.objects.get(code="PG-1.1", year=2021).pk]),
        False,
    ),
    ("financien", lambda: reverse("funding:grants") + "?jaar=2021", True),
    ("grant", lambda: reverse("funding:grant", args=[institutional_grant().pk]), True),
    ("budget", lambda: reverse("funding:budget") + "?jaar=2021", True),
    ("advances", lambda: reverse("funding:advances") + "?jaar=2021", True),
    ("events", lambda: reverse("relations:events") + "?jaar=2021", False),
    ("event", lambda: reverse("relations:event", args=[first_event().pk]), False),
    ("week", lambda: reverse("work:week", args=["2021-10-11"]), False),
    ("capacity", lambda: reverse("work:capacity"), False),
]


@pytest.fixture(params=["nl", "en"])
def language(request: Any) -> str:
    return str(request.param)


@pytest.mark.parametrize(("name", "address", "money"), PAGES, ids=[p[0] for p in PAGES])
def test_the_page_writes_dates_and_money_the_languages_way(
    demo: None, language: str, name: str, address: Callable[[], str], money: bool
) -> None:
    client = verified_client(User.objects.get(username="directeur"))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(address())
    assert response.status_code == 200
    text = shown(response.content.decode())

    assert NUMERIC_DATE.findall(text) == []
    assert [m.group(0) for m in short_month(language).finditer(text)] == []
    if name == "week":  # the days of the week: "11 oktober", the year in the heading
        day = re.compile(rf"\b\d{{1,2}} ({'|'.join(MONTHS[language].split())})\b")
        assert len(day.findall(text)) >= 7
    else:
        assert long_date(language).search(text), "the page shows no date to check"

    signs = [text[i : i + 20] for i in (m.start() for m in re.finditer("€", text))]
    typed = " ".join(Grant.objects.values_list("note", flat=True))  # stays as people typed it
    unbound = [
        s
        for s in signs
        if not AMOUNT[language].match(s) and not s.startswith("€)") and s not in typed
    ]
    assert unbound == [], "an amount not in the language's format, or a sign apart from it"
    if money:
        assert len(signs) >= 3
