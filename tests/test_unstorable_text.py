"""Text the database cannot hold, posted through every form of every page of the matrix.

For every row of the permission matrix (tests/permission_matrix.py), every role allowed
there opens the page, and every form on it (found in the HTML, as a browser would: GET
search boxes and POST forms alike, hidden fields included) is sent once as the page fills
it and then once per field with that field made hostile:

- a NUL, which PostgreSQL refuses to store (a 500 there, stored on SQLite);
- an escape character (U+001B), which XML forbids, so that Word and Excel exports of the
  text would fail later;
- 100,000 characters, more than any limited field takes.

Write rows of the matrix (POST) get the same treatment on the data the matrix posts.
Each send runs in a savepoint that is rolled back, so every send starts from the same
database. What must hold:

- never a 500;
- NUL and the escape character change nothing in the database;
- the long text changes nothing, or is stored whole (never cut short);
- a write that the page's own values make succeed, but the hostile value makes fail,
  tells the user: a 4xx page with the form again, or an error message.

Hidden fields are made hostile too: an attacker sends whatever she likes.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests import permission_matrix as pm
from tests.conftest import World, verified_client
from tests.page_forms import PageForm, forms_on, send
from tests.permission_matrix import ROLES, ROWS, Row
from tests.test_permission_matrix import url_for

LONG = "x" * 100_000
HOSTILE = {"NUL": "\x00", "escape": "\x1b", "long": LONG}

# Where to go after a write ("next"): like Django's own sign-in, an address that is not
# one of ours is ignored and the write goes on; only "never a 500" applies to it.
NAVIGATION = {"next"}
# What she saw, posted back beside each field of a versioned record's form (Django's
# `initial-…` inputs, koers.core.forms.RemembersWhatSheSaw): compared, never stored. A
# hostile one can only make its field count as changed, so only "never a 500" applies.
SAW = re.compile(r"(^|-)initial-")
# Forms of the page layout: sent through their own rows, not again on every page.
LAYOUT_ACTIONS = {"set_language", "accounts:logout"}
# The roles that see most forms first; every allowed role is tried, each form sent once.
PREFERENCE = [
    "directeur",
    "bedrijfsvoering",
    "programmacoordinator",
    "medewerker",
    "beheerder",
    "toezicht",
    "opdrachtgever",
    "regio",
    "outsider",
]


def hostile_value(kind: str, current: str, input_type: str) -> str:
    if kind == "long":
        return "https://example.org/" + LONG if input_type == "url" else LONG
    return (current or "Tekst") + HOSTILE[kind]


def check_form(client: Client, form: PageForm, names: list[str]) -> list[str]:
    """Everything wrong with one form, as readable lines."""
    problems: list[str] = []
    where = f"{form.method} {form.action}"
    baseline = send(client, form.method, form.action, form.data(), whole=LONG)
    if baseline.status >= 500:
        return [f"{where}: 500 with the page's own values"]
    accepted = bool(baseline.changed)
    for name in names:
        for kind in HOSTILE:
            value = hostile_value(kind, dict(form.fields).get(name, ""), form.kinds.get(name, ""))
            outcome = send(client, form.method, form.action, form.data(name, value), whole=LONG)
            label = f"{where} field {name!r} with {kind}"
            if outcome.status >= 500:
                problems.append(f"{label}: {outcome.status}")
            elif name in NAVIGATION or SAW.search(name):
                continue
            elif outcome.changed and not (kind == "long" and outcome.stored_whole):
                problems.append(f"{label}: stored (changed {', '.join(outcome.changed)})")
            elif accepted and not outcome.changed and not outcome.told:
                problems.append(f"{label}: refused without a message")
    return problems


def _form_fields(form: PageForm) -> list[str]:
    """The fields to make hostile: all but checkboxes, whose value only says "ticked"."""
    return [n for n in dict.fromkeys(n for n, _ in form.fields) if form.kinds.get(n) != "checkbox"]


@pytest.fixture(autouse=True)
def _quiet_errors() -> Iterator[None]:
    """A 500 is reported by the test, with the field that caused it; the log of each one
    (with 100,000 characters in it) would only bury that."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    yield
    logger.setLevel(level)


@dataclass(frozen=True)
class State:
    """A page in a state the matrix's rows do not reach, where more forms show: a week
    grid with a row, a closed month to correct, an import's confirmation …"""

    what: str
    roles: tuple[str, ...]
    open: Callable[[World, Client], tuple[str, Any]]  # → (page URL, response)
    fill: Callable[[World], dict[str, str]] = lambda world: {}


def _get(url: Callable[[World], str]) -> Callable[[World, Client], tuple[str, Any]]:
    def open_page(world: World, client: Client) -> tuple[str, Any]:
        address = url(world)
        return address, client.get(address)

    return open_page


def _closed_march(world: World) -> str:
    """A staff member's approved March in a closed month: corrections are its only way."""
    import datetime as dt
    from decimal import Decimal

    from koers.work import services
    from koers.work.models import StaffProfile

    staff, operations = world.users["medewerker"], world.users["bedrijfsvoering"]
    StaffProfile.objects.create(user=staff, organisation=world.own)
    week = services.week_save(
        actor=staff,
        organisation_id=world.own.pk,
        monday=dt.date(2021, 3, 1),
        cells=[services.Cell(world.activity, dt.date(2021, 3, 1), Decimal(8), "")],
    )
    services.week_submit(actor=staff, week=week)
    services.week_approve(actor=operations, week=week)
    services.month_close(actor=operations, organisation_id=world.own.pk, month=dt.date(2021, 3, 1))
    return reverse("work:corrections") + "?maand=2021-03"


def _upload(
    url_name: str, data: Callable[[World], dict[str, Any]], name: str, content: bytes
) -> Any:
    def open_page(world: World, client: Client) -> tuple[str, Any]:
        address = reverse(url_name)
        upload = SimpleUploadedFile(name, content)
        return address, client.post(address, {**data(world), "file": upload})

    return open_page


def _page_of(url_name: str, target: Callable[[World], Any]) -> Callable[[World], str]:
    return lambda world: reverse(url_name, args=[target(world).pk])


STATES = [
    State(
        "week grid with a row of hours",
        ("medewerker",),
        _get(lambda w: reverse("work:week", args=["2021-05-03"]) + f"?rij=a{w.activity.pk}"),
        lambda w: {f"h-a{w.activity.pk}-0": "2"},
    ),
    State(
        "weeks to approve",
        ("programmacoordinator",),
        _get(lambda w: (pm.a_submitted_week(w), reverse("work:approvals"))[1]),
    ),
    State(
        "a product to review",
        ("directeur",),
        _get(lambda w: (pm.a_product(w), reverse("work:products", args=[w.activity.pk]))[1]),
    ),
    State(
        "a closed month to correct",
        ("medewerker",),
        _get(_closed_march),
        lambda w: {"hours": "-1", "note": "Dubbel geboekt"},
    ),
    State(
        "member employers",
        ("directeur",),
        _get(lambda w: (pm.a_member(w), reverse("relations:members"))[1]),
    ),
    State(
        "an event with a participant",
        ("directeur",),
        _get(lambda w: reverse("relations:event", args=[pm.a_participant(w).event_id])),
    ),
    State(
        "a contact with an open action",
        ("medewerker",),
        _get(lambda w: reverse("relations:contact", args=[pm.an_action(w).interaction_id])),
    ),
    State(
        "my open actions",
        ("medewerker",),
        _get(lambda w: (pm.an_action(w), reverse("relations:my_actions"))[1]),
    ),
    State(
        "an annual plan under advice",
        ("toezicht",),
        _get(_page_of("plans:annual_plan", pm.under_advice)),
    ),
    State(
        "an amendment to decide",
        ("opdrachtgever",),
        _get(
            lambda w: (
                pm.frozen_with_amendment(w),
                reverse("plans:activity", args=[w.activity.pk]),
            )[1]
        ),
    ),
    State(
        "a signed report",
        ("directeur",),
        _get(_page_of("reports:report", lambda w: pm.a_report(w, until="signed"))),
    ),
    State(
        "an evaluation report",
        ("directeur",),
        _get(_page_of("reports:report", lambda w: pm.a_report(w, kind="evaluation"))),
    ),
    State(
        "a quote sent",
        ("medewerker",),
        _get(_page_of("relations:opportunity", lambda w: pm.an_opportunity(w, status="offerte"))),
    ),
    State(
        "a granted grant with advances",
        ("bedrijfsvoering",),
        _get(_page_of("funding:grant", lambda w: pm.a_grant(w, granted=True))),
    ),
    State(
        "a budget table's dry run",
        ("bedrijfsvoering",),
        _upload(
            "funding:budget_import",
            lambda w: {"shape": "tabel", "title": "Transitieplan", "source": "Plan §6"},
            "tabel.csv",
            b"Kosten;2020;Totaal\nInhuur;100;100\n",
        ),
    ),
    State(
        "a person import's dry run",
        ("medewerker",),
        _upload(
            "directory:person_import",
            lambda w: {
                "holder": w.own.pk,
                "purpose": "Netwerk",
                "lawful_basis": "legitimate_interests",
            },
            "personen.csv",
            b"achternaam;voornaam\nBoer;Fenna\n",
        ),
    ),
]


def _allowed(row: Row, role: str) -> bool:
    code = row.expected[ROLES.index(role)]
    return code in (200, 302)


def _client(world: World, role: str | None) -> Client:
    client = Client(raise_request_exception=False)
    return client if role is None else verified_client(world.users[role], client)


def check_page(
    client: Client, url: str, response: Any, seen: set[Any], fill: dict[str, str], only: str
) -> list[str]:
    """Send every form of a page not sent before (`seen`), with `fill` for its empty
    inputs; the forms of the layout only on their own row (`only`)."""
    problems: list[str] = []
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return problems
    if not response.content.strip():
        return problems  # a search endpoint's empty fragment: no form
    for form in forms_on(response.content, url):
        signature = form.signature()
        if signature in seen or (signature[1] in LAYOUT_ACTIONS and signature[1] != only):
            continue
        seen.add(signature)
        form.fields = [(n, v or fill.get(n, "")) for n, v in form.fields]
        problems += check_form(client, form, _form_fields(form))
    return problems


def problems_of_row(world: World, row: Row) -> list[str]:
    url = url_for(row, world)
    roles: list[str | None] = [role for role in PREFERENCE if _allowed(row, role)]
    if row.public:
        roles.append(None)
    if row.method == "POST":
        if not row.data or not roles:
            return []
        form = PageForm("POST", url, list(row.data.items()))
        return check_form(_client(world, roles[0]), form, list(row.data))
    seen: set[Any] = set()
    problems: list[str] = []
    for role in roles:
        client = _client(world, role)
        problems += check_page(client, url, client.get(url), seen, {}, row.name)
    return problems


@pytest.mark.parametrize("row", ROWS, ids=[f"{r.name}[{r.what}]" for r in ROWS])
def test_every_form_of_the_matrix_refuses_unstorable_text(world: World, row: Row) -> None:
    problems = problems_of_row(world, row)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("state", STATES, ids=[s.what for s in STATES])
def test_every_form_of_more_page_states_refuses_unstorable_text(world: World, state: State) -> None:
    client = _client(world, state.roles[0])
    url, response = state.open(world, client)
    assert response.status_code == 200, f"{state.what}: the page did not open"
    problems = check_page(client, url, response, set(), state.fill(world), "")
    assert not problems, "\n".join(problems)
