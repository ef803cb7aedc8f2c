"""Long choices are searchable, and every choice of records is listed by what it shows
(issue 16, item 7).

Every GET row of the permission matrix (tests/permission_matrix.py) and the extra page
states of tests/test_unstorable_text.py are opened, as the roles allowed there, in a world
with 60 more organisations, persons and municipalities than the `world` fixture holds (a
real installation knows all 342 municipalities). On every page:

- no <select> offers more than 50 options: a longer choice uses the searchable widget
  (core.widgets), which renders no select;
- every model choice field of every form the page rendered lists its options by label,
  case-insensitively (the forms are taken from the templates' context).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import lxml.html
import pytest
from django import forms
from django.test import Client
from django.test.signals import template_rendered

from koers.core.models import Municipality
from koers.directory.models import Organisation, Person
from tests.conftest import World, verified_client
from tests.permission_matrix import ROLES, ROWS, Row
from tests.test_permission_matrix import url_for
from tests.test_unstorable_text import STATES

MOST_OPTIONS = 50
EXTRA = 60
# The roles that see most forms first; each allowed one opens the page.
PREFERENCE = ["directeur", "bedrijfsvoering", "programmacoordinator", "medewerker", "beheerder"]
PREFERENCE += ["toezicht", "opdrachtgever"]


@pytest.fixture
def crowded(world: World) -> World:
    """The world with more organisations and persons than a select may offer; names in
    mixed case and with short names, so that an order by a column is not the order shown."""
    Organisation.objects.bulk_create(
        Organisation(
            name=f"{'stichting' if n % 2 else 'Vereniging'} {n:02d}",
            short_name=f"{chr(97 + n % 26)}-{n}" if n % 3 == 0 else "",
            slug=f"drukte-{n}",
            kind="partner",
        )
        for n in range(EXTRA)
    )
    Person.objects.bulk_create(
        Person(
            holder=world.own,
            first_name=("anna" if n % 2 else "Bert"),
            last_name=f"Drukte {n:02d}",
            purpose="Contactpersoon",
        )
        for n in range(EXTRA)
    )
    Municipality.objects.bulk_create(
        Municipality(
            code=f"GM9{n:03d}",
            name=f"{'gemeente' if n % 2 else 'Gemeente'} {n:02d}",
            slug=f"drukte-{n}",
        )
        for n in range(EXTRA)
    )
    return world


def _forms_rendered(client: Client, url: str) -> tuple[Any, list[forms.BaseForm]]:
    seen: list[forms.BaseForm] = []

    def collect(sender: Any, context: Any, **kwargs: Any) -> None:
        for layer in getattr(context, "dicts", [context]):
            for value in layer.values() if isinstance(layer, dict) else []:
                if isinstance(value, forms.BaseForm) and value not in seen:
                    seen.append(value)

    template_rendered.connect(collect)
    try:
        response = client.get(url)
    finally:
        template_rendered.disconnect(collect)
    return response, seen


def problems_of_page(response: Any, rendered: list[forms.BaseForm], where: str) -> list[str]:
    problems: list[str] = []
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return problems
    if not response.content.strip():
        return problems  # a search endpoint's fragment with nothing searched
    for select in lxml.html.fromstring(response.content).xpath("//select"):
        count = len(select.xpath(".//option"))
        if count > MOST_OPTIONS:
            problems.append(f"{where}: <select name={select.get('name')}> offers {count} options")
    for form in rendered:
        for name, field in form.fields.items():
            if not isinstance(field, forms.ModelChoiceField) or field.widget.is_hidden:
                continue
            if getattr(field, "search_fields", None):
                continue  # searchable: its options are the search's, sorted there
            labels = [str(label) for value, label in field.choices if value != ""]
            if labels != sorted(labels, key=str.casefold):
                problems.append(f"{where}: {type(form).__name__}.{name} is not sorted by label")
    return problems


def _roles(row: Row) -> Iterator[str]:
    for role in PREFERENCE:
        if row.expected[ROLES.index(role)] == 200:
            yield role


# The admin site's own forms (Django's widgets) are left out: searching there is Django's
# autocomplete_fields, not this widget (named as a follow-up).
GET_ROWS = [
    row
    for row in ROWS
    if row.method == "GET" and not row.public and not row.name.startswith("admin:")
]


@pytest.mark.parametrize("row", GET_ROWS, ids=[f"{r.name}[{r.what}]" for r in GET_ROWS])
def test_no_page_offers_a_long_select_and_choices_are_sorted(crowded: World, row: Row) -> None:
    url = url_for(row, crowded)
    problems: list[str] = []
    for role in _roles(row):
        client = verified_client(crowded.users[role], Client(raise_request_exception=False))
        response, rendered = _forms_rendered(client, url)
        problems += problems_of_page(response, rendered, f"{url} as {role}")
    assert not problems, "\n".join(dict.fromkeys(problems))


@pytest.mark.parametrize("state", STATES, ids=[s.what for s in STATES])
def test_no_page_state_offers_a_long_select(crowded: World, state: Any) -> None:
    client = verified_client(crowded.users[state.roles[0]], Client(raise_request_exception=False))
    seen: list[forms.BaseForm] = []

    def collect(sender: Any, context: Any, **kwargs: Any) -> None:
        for layer in getattr(context, "dicts", []):
            if isinstance(layer, dict):
                seen.extend(v for v in layer.values() if isinstance(v, forms.BaseForm))

    template_rendered.connect(collect)
    try:
        url, response = state.open(crowded, client)
    finally:
        template_rendered.disconnect(collect)
    problems = problems_of_page(response, seen, f"{state.what} ({url})")
    assert not problems, "\n".join(dict.fromkeys(problems))
