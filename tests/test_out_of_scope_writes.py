"""No one changes what lies outside her scope: every URL that accepts a post, as every role
of the permission matrix, against an object outside that role's scope (issue 14).

The URLs come from the URL patterns: every view whose allowed methods include POST. One
that takes an object id is requested with the object the matrix builds for its row, made
in a placement outside the attacker's scope (`tests/placements.py`): as GET (where the view
has one) it answers 403 or 404; posted with valid data — the page's own form as an editor
of the object sees it, its scope fields (programme, activity, …) pointed at the attacker's
own scope, where she would move it to — it answers 403 or 404 and no row of any table
changes (`tests/database_snapshot.py`). One without an id that names a scope in its form
(adding a project to a programme) is posted with valid data naming the placement's scope:
refused (400, 403 or 404) and nothing changes.

So no case passes on data the view would refuse anyway, the same post then comes from an
editor of the object, and must change records. A URL added later is tested without
anything written here, or fails `test_every_write_url_has_a_recipe` until it is decided.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from koers.accounts.roles import PROGRAMME_SCOPED
from koers.core.access import declared_access
from koers.core.confirm import is_asking_first
from tests import placements
from tests.confirming import post_confirmed
from tests.conftest import World, verified_client
from tests.database_snapshot import EXCLUDED, changed_tables, snapshot
from tests.forms_on_pages import form_posting_to
from tests.permission_matrix import ROLES, ROWS, Row
from tests.scope_recipes import CHECKS_ONLY, OWN_ONLY, RECIPES, SHARED, Recipe
from tests.test_url_access import ALL

REFUSAL_LOGGED = "privacy.accessrecord"
OBJECT_ID = re.compile(r"<\w+:(pk|\w+_pk|\w+_id)>")  # <int:…> or a record (<activity:pk>)
EDITORS = ["directeur", "bedrijfsvoering", "programmacoordinator", "medewerker", "beheerder"]
EDITORS += ["toezicht", "opdrachtgever"]
CHANGED = " (bijgewerkt)"
# Form fields that say where a record belongs: what an attacker points elsewhere.
SCOPE_FIELDS = ["programme", "programmes", "activity", "activities", "indicator", "plan"]
SCOPE_FIELDS += ["holder", "entry"]


def allowed_methods(view: Callable[..., Any]) -> frozenset[str] | None:
    """The methods a view's `require_http_methods` (or require_POST, …) lets through; None
    for a view without one. Read from the decorator's closure along the `__wrapped__` chain."""
    current: Any = view
    while current is not None:
        for cell in getattr(current, "__closure__", None) or ():
            value = cell.cell_contents
            if (
                isinstance(value, list | tuple)
                and value
                and all(isinstance(v, str) and v.isupper() for v in value)
            ):
                return frozenset(value)
        current = getattr(current, "__wrapped__", None)
    return None


@dataclass(frozen=True)
class WriteUrl:
    name: str
    route: str
    view: Callable[..., Any]

    @property
    def takes_object(self) -> bool:
        return bool(OBJECT_ID.search(self.route))

    @property
    def methods(self) -> frozenset[str]:
        return allowed_methods(self.view) or frozenset()


def write_urls() -> Iterator[WriteUrl]:
    """Every URL whose view declares that it accepts POST (views that declare no methods
    are the read pages and the account pages of Django and Koers)."""
    for name, route, view in ALL:
        if name.startswith("admin:") or name in SHARED:
            continue
        if "POST" in (allowed_methods(view) or ()):
            yield WriteUrl(name, route, view)


WRITE_URLS = list(write_urls())
FIRST_ROW: dict[str, Row] = {}
for _row in ROWS:
    FIRST_ROW.setdefault(_row.name, _row)


def twin_of(url: WriteUrl) -> str | None:
    """The edit URL served by the same view as the create URL `url`."""
    recipe = RECIPES.get(url.name, Recipe())
    if recipe.twin:
        return recipe.twin
    twins = [w.name for w in WRITE_URLS if w.view is url.view and w.takes_object]
    return twins[0] if twins else None


TESTED = [u for u in WRITE_URLS if u.takes_object or twin_of(u) or u.name in RECIPES]
CASES = [pytest.param(url, role, id=f"{url.name}-{role}") for url in TESTED for role in ROLES]


def test_every_write_url_has_a_recipe() -> None:
    """An URL that takes an object has a matrix row that builds one; one that does not
    names a scope (a create recipe or a twin) or is declared to act on her own only."""
    undecided = [
        u.name
        for u in WRITE_URLS
        if (u.takes_object and (u.name not in FIRST_ROW or FIRST_ROW[u.name].target is None))
        or (not u.takes_object and not twin_of(u) and u.name not in RECIPES | OWN_ONLY)
    ]
    assert undecided == []
    assert not set(OWN_ONLY) & {u.name for u in TESTED}, "a URL is both tested and excused"
    writes = {u.name for u in WRITE_URLS}
    assert set(RECIPES) | set(OWN_ONLY) <= writes, "a recipe for a URL that is gone"
    names = {name for name, _route, _view in ALL}
    assert not SHARED - names, "a shared URL that is gone"
    assert set(CHECKS_ONLY) <= {u.name for u in TESTED}, "a check-only URL that is not tested"


def test_the_snapshot_leaves_out_only_the_session_bookkeeping() -> None:
    assert set(EXCLUDED) == {"sessions.session", "accounts.usersession"}


@dataclass
class Case:
    url: str
    path: str
    attacker: Client
    editor: Client
    data: dict[str, Any]  # valid as the editor posts it
    attack: dict[str, Any]  # the same, scope fields moved to the attacker's own scope
    refused: frozenset[int]
    get_too: bool


def _editor_of(row: Row, recipe: Recipe, url: WriteUrl) -> str:
    if recipe.editor:
        return recipe.editor
    # A post to an action that asks first answers 200 with the question; one whose form the
    # matrix sends incomplete reaches the page and is refused there (400).
    done = {200} if row.method == "GET" or is_asking_first(url.view) else {302, 400}
    return next(r for r in EDITORS if row.expected[ROLES.index(r)] in done)


def _page_form(editor: Client, path: str, query: str) -> dict[str, Any]:
    """The page's form as the editor sees it, with one free-text field changed so that
    saving it is a change."""
    page = editor.get(path + query)
    assert page.status_code == 200, f"{path}: the editor cannot open the form"
    form = form_posting_to(page.content.decode(), path)
    data = form.data()
    texts = form.text_fields()
    if texts:
        data[texts[0]] = (data[texts[0]] + CHANGED).strip()
    return data


def prepare(world: World, url: WriteUrl, role: str) -> Case:
    recipe = RECIPES.get(url.name, Recipe())
    declared = declared_access(url.view)
    scoped = recipe.programme_scoped
    if scoped is None:
        scoped = declared in {c.value for c in PROGRAMME_SCOPED}
    placed = placements.build(world, placements.placement_for(role, programme_scoped=scoped))
    twin = None if url.takes_object else twin_of(url)
    row = FIRST_ROW[url.name]
    editor = verified_client(placed.users[_editor_of(row, recipe, url)])
    builder = recipe.target or (FIRST_ROW[twin].target if twin else row.target)
    target = builder(placed) if builder else None
    query = recipe.query(placed, target) if recipe.query else ""
    if url.takes_object:
        args = list(target) if isinstance(target, tuple) else [target.pk]
        path = reverse(url.name, args=args)
        data = _page_form(editor, path, query) if "GET" in url.methods else dict(row.data)
    else:
        path = reverse(url.name)
        if twin:
            data = _page_form(editor, reverse(twin, args=[target.pk]), "")
            data.pop("version", None)
        else:
            data = _page_form(editor, path, query)
    data.update(recipe.values(placed, target))
    if not url.takes_object:
        assert any(data.get(name) for name in SCOPE_FIELDS), f"{url.name}: the post names no scope"
    own = placements.own_scope(world, role) if url.takes_object else {}
    return Case(
        url=url.name,
        path=path + query,
        attacker=world.client(role),
        editor=editor,
        data=data,
        attack={**data, **{name: value for name, value in own.items() if name in data}},
        refused=frozenset({403, 404} if url.takes_object else {400, 403, 404}),
        get_too=url.takes_object and "GET" in url.methods,
    )


@pytest.mark.parametrize(("url", "role"), CASES)
def test_nothing_outside_her_scope_changes(world: World, url: WriteUrl, role: str) -> None:
    case = prepare(world, url, role)
    before = snapshot()
    if case.get_too:
        assert case.attacker.get(case.path).status_code in (403, 404), "the form opens"
    response = case.attacker.post(case.path, case.attack)
    after = snapshot()
    changed = changed_tables(before, after)
    if response.status_code == 404 and changed == (REFUSAL_LOGGED,):
        # A refused attempt on a client support case is itself logged (NEN 7513): that
        # access record is the only change allowed (koers.signals.access).
        changed = ()
    assert (response.status_code, changed) in {(code, ()) for code in case.refused}
    if url.name in CHECKS_ONLY:
        return  # writes nothing by itself (see CHECKS_ONLY)
    # The post was valid: from an editor of the object, the same data changes records
    # (confirmed, where the action asks first).
    post_confirmed(case.editor, case.path, case.data)
    assert changed_tables(after, snapshot()), "the editor's post changed nothing: not valid"
