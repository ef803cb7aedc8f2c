"""Sending the forms of a page as a browser would, and telling what a request stored.

Used by tests/test_unstorable_text.py: `forms_on` finds the forms in a page's HTML with
the values the page fills in; `send` posts (or gets) one, inside a savepoint it rolls back,
and says which tables it changed and whether a text was stored whole.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import lxml.html
from django.apps import apps
from django.contrib.messages import constants as message_levels
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import Resolver404, resolve

# Rows kept as a side effect of reading, not writes: sessions and their records, the
# access log of personal data, sign-in throttling and rate limits.
NOT_WRITES = {
    "sessions.session",
    "accounts.usersession",
    "privacy.accessrecord",
    "axes.accessattempt",
    "axes.accesslog",
    "axes.accessfailurelog",
    "core.ratelimithit",
}
# Values for empty required inputs, so that an add form is sent as a user would fill it.
FILL_BY_TYPE = {
    "date": "2021-05-03",
    "number": "1",
    "email": "iemand@example.org",
    "url": "https://example.org/",
    "tel": "0612345678",
    "month": "2021-05",
}


@dataclass
class PageForm:
    """A form as a browser would send it."""

    method: str
    action: str
    fields: list[tuple[str, str]]  # name, value: as filled on the page
    kinds: dict[str, str] = field(default_factory=dict)  # name → input type

    def signature(self) -> tuple[str, str, frozenset[str]]:
        try:
            name = resolve(urlsplit(self.action).path).view_name
        except Resolver404:
            name = self.action
        return self.method, name, frozenset(n for n, _ in self.fields)

    def data(self, name: str | None = None, value: str = "") -> dict[str, list[str]]:
        sent: dict[str, list[str]] = {}
        replaced = False
        for key, current in self.fields:
            if key == name and not replaced:
                current, replaced = value, True
            sent.setdefault(key, []).append(current)
        return sent


def _fill(element: Any) -> str | None:
    """A plausible value for an empty required input, or None to leave it."""
    kind = (element.get("type") or "text").lower()
    if kind in FILL_BY_TYPE:
        return FILL_BY_TYPE[kind]
    if element.get("inputmode") in ("decimal", "numeric"):
        return "1"
    return "Tekst"


def forms_on(html: bytes, page_url: str) -> Iterator[PageForm]:
    document = lxml.html.fromstring(html)
    for form in document.forms:
        method = (form.get("method") or "get").upper()
        action = form.get("action") or page_url
        fields: list[tuple[str, str]] = []
        kinds: dict[str, str] = {}
        for element in form.inputs:
            name = element.get("name")
            if not name or name == "csrfmiddlewaretoken":
                continue
            tag = element.tag
            kind = (element.get("type") or "text").lower() if tag == "input" else tag
            if kind in ("submit", "button", "image", "reset", "file"):
                continue
            kinds[name] = kind
            if kind in ("checkbox", "radio"):
                if element.checked or (element.get("required") is not None and kind == "checkbox"):
                    fields.append((name, element.get("value") or "on"))
                continue
            if tag == "select":
                values = element.value_options
                chosen = element.value
                if element.multiple:
                    fields.extend((name, value) for value in chosen)
                    continue
                if not chosen and element.get("required") is not None:
                    chosen = next((v for v in values if v), "")
                fields.append((name, chosen or ""))
                continue
            value = element.value or ""
            if not value and element.get("required") is not None:
                value = _fill(element) or ""
            fields.append((name, value))
        radios = {n for n, k in kinds.items() if k == "radio"}
        for name in radios - {n for n, _ in fields}:
            first = form.xpath(f'.//input[@type="radio"][@name="{name}"]')
            if first and first[0].get("required") is not None:
                fields.append((name, first[0].get("value") or "on"))
        # A named button is sent when clicked: the first, as a user would click it.
        buttons = form.xpath(".//button[@name] | .//input[@type='submit'][@name]")
        if buttons and buttons[0].get("name") not in kinds:
            name = buttons[0].get("name")
            kinds[name] = "button"
            fields.append((name, buttons[0].get("value") or ""))
        yield PageForm(method, action, fields, kinds)


def _tables() -> dict[str, Any]:
    return {
        model._meta.db_table: model
        for model in apps.get_models(include_auto_created=True)
        if not model._meta.proxy and model._meta.label_lower not in NOT_WRITES
    }


WRITE_STATEMENT = re.compile(r'^\s*(?:INSERT INTO|UPDATE|DELETE FROM)\s+"([^"]+)"', re.IGNORECASE)


def written_tables(queries: list[dict[str, str]]) -> set[str]:
    """The tables a request wrote to (whether or not the write was kept)."""
    return {m.group(1) for q in queries if (m := WRITE_STATEMENT.match(q["sql"]))}


def snapshot(tables: set[str]) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of `tables`, in order: equal snapshots mean nothing was kept. Only tables
    a request wrote to are compared, which keeps a send cheap."""
    models = _tables()
    return {
        table: list(models[table]._base_manager.order_by("pk").values_list())
        for table in sorted(tables)
        if table in models
    }


def holds_whole(after: dict[str, Any], text: str) -> bool:
    """Whether `text` is stored whole somewhere (a column, or inside a JSON column such as
    the audit trail's changes)."""
    return any(
        text in (value if isinstance(value, str) else json.dumps(value, default=str))
        for rows in after.values()
        for row in rows
        for value in row
        if isinstance(value, str | dict | list)
    )


@dataclass
class Outcome:
    status: int
    changed: list[str]
    stored_whole: bool
    told: bool


def send(
    client: Client, method: str, url: str, data: dict[str, list[str]], *, whole: str
) -> Outcome:
    """Send and roll back: the database is as before afterwards, whatever happened.
    `stored_whole` says whether `whole` is stored in full in what the request wrote."""
    with transaction.atomic():
        with CaptureQueriesContext(connection) as queries:
            response = client.post(url, data) if method == "POST" else client.get(url, data)
        if response.status_code >= 500:
            transaction.set_rollback(True)
            return Outcome(response.status_code, [], False, False)
        touched = written_tables(queries.captured_queries)
        after = snapshot(touched)
        transaction.set_rollback(True)
    before = snapshot(touched)  # rolled back: as it was before the request
    request = response.wsgi_request
    stored = getattr(request, "_messages", [])
    told = response.status_code >= 400 or any(m.level >= message_levels.ERROR for m in stored)
    changed = [table for table in after if after[table] != before[table]]
    return Outcome(response.status_code, changed, holds_whole(after, whole), told)
