"""A stale copy never overwrites a colleague's save, on every form of a versioned record.

Generated from the permission matrix: every page a role may open (tests/permission_matrix.py)
is opened as the first role allowed there, and every form on it that edits a versioned
record (it posts a `version`) goes through what two people editing at once do:

1. she opens the form (her copy);
2. a colleague saves a change to one of its text fields;
3. she saves her copy, in which she changed nothing: refused with 409, her form shown again;
4. the form shown again holds the colleague's text in that field, not her stale one;
5. she saves it as shown: the colleague's text is what the record then holds.

Before forms remembered the value she saw (koers.core.forms.RemembersWhatSheSaw), step 4
showed her stale text and step 5 wrote it over the colleague's work on every such form.
"""

from __future__ import annotations

from typing import Any

from django.test import Client

from tests.conftest import World
from tests.page_forms import PageForm, forms_on
from tests.permission_matrix import ROLES, ROWS, Row
from tests.test_permission_matrix import url_for

THEIRS = "Aangevuld door een collega"
# The roles that may change most first; the first allowed on a page opens it.
PREFERENCE = ["directeur", "programmacoordinator", "bedrijfsvoering", "medewerker", "beheerder"]


def _role_for(row: Row) -> str | None:
    allowed = {role for role, status in zip(ROLES, row.expected, strict=True) if status == 200}
    return next((role for role in PREFERENCE if role in allowed), None)


def _is_versioned(form: PageForm) -> bool:
    """A form that changes a versioned record that exists (an add form posts version 0)."""
    versions = [
        value for name, value in form.fields if name == "version" or name.endswith("-version")
    ]
    return form.method == "POST" and any(value not in ("", "0") for value in versions)


def _text_field(form: PageForm) -> str | None:
    """A free-text field of the form for the colleague to change: its first textarea."""
    return next((name for name, _ in form.fields if form.kinds.get(name) == "textarea"), None)


def _fields(form: PageForm) -> dict[str, str]:
    """The form's values as a browser posts them: a textarea's first newline (which Django
    writes after the tag and the HTML parser of a browser drops) is not part of it."""
    return {
        name: value[1:] if form.kinds.get(name) == "textarea" and value[:1] == "\n" else value
        for name, value in form.fields
    }


def _same_form(html: bytes, url: str, action: str) -> PageForm:
    [form] = [form for form in forms_on(html, url) if form.action == action and _is_versioned(form)]
    return form


def _post(client: Client, form: PageForm, **changes: str) -> Any:
    return client.post(form.action, _fields(form) | changes)


def _check(client: Client, url: str, form: PageForm, field: str) -> list[str]:
    where = f"{form.action} ({field})"
    their_value = (_fields(form)[field] + " " + THEIRS).strip()
    colleague = _post(client, form, **{field: their_value})
    if colleague.status_code != 302:
        return [f"{where}: the colleague's save answered {colleague.status_code}"]
    problems = []
    stale = _post(client, form)  # her copy, as she opened it
    if stale.status_code == 409:
        again = _same_form(stale.content, url, form.action)
        shown = _fields(again)[field]
        if shown != their_value:
            problems.append(f"{where}: shown again with {shown!r}")
        saved = _post(client, again)
        if saved.status_code != 302:
            return [*problems, f"{where}: saving the form as shown answered {saved.status_code}"]
    elif stale.status_code != 302:  # 302: nothing she changed, so nothing saved
        return [f"{where}: her copy answered {stale.status_code}"]
    kept = _fields(_same_form(client.get(url).content, url, form.action))[field]
    if kept != their_value:
        problems.append(f"{where}: the record holds {kept!r} after she saved")
    return problems


def test_no_stale_copy_overwrites_a_colleagues_save(world: World) -> None:
    checked: list[str] = []
    problems: list[str] = []
    for row in ROWS:
        role = _role_for(row)
        if row.method != "GET" or role is None:
            continue
        client = world.client(role)
        url = url_for(row, world)
        page: Any = client.get(url)
        if page.status_code != 200 or "text/html" not in page.get("Content-Type", ""):
            continue
        if not page.content.strip():
            continue  # an htmx fragment with nothing to show
        for form in filter(_is_versioned, forms_on(page.content, url)):
            field = _text_field(form)
            if field is not None:
                checked.append(form.action)
                problems += _check(client, url, form, field)
    assert not problems, "\n".join(problems)
    # The forms of activities, decisions, persons, grants, events, contacts, networks and
    # opportunities; fewer means the walk stopped finding them.
    assert len(set(checked)) >= 8, sorted(set(checked))
