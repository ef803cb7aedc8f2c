"""A refused form says so at the top, and points at each field it refused (issue 16, item 5).

The forms are found, not listed: every page of the permission matrix (tests/permission_matrix.py)
is opened by a role allowed there, and every form on it that posts (tests/page_forms.py reads
them as a browser would) is sent once with its visible fields made invalid: dates and numbers
"abc", text and choices emptied. Forms that post through htmx are sent a second time as htmx
sends them, and the fragment that comes back is held to the same rules. Each send is rolled
back. When the page answers with the form again (a 4xx), it must follow the GOV.UK / NL Design
System pattern:

- an error summary (role="alert") with a title, at the top of the form;
- each of its messages about a field a link to that field (href="#<id>"), and the field
  there, marked aria-invalid="true" and described (aria-describedby) by an element that
  holds its message;
- every field marked aria-invalid is in the summary.

A form that redirects back with its messages flashed cannot mark a field on a page it no longer
shows, so it fails here too, unless its view is listed in FLASHES_WITH_REASON (a form whose only
refusal is not about a field, e.g. a permission or a state).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import lxml.html
import pytest
from django.contrib.messages import constants as message_levels
from django.db import transaction
from django.test import Client
from django.urls import resolve

from tests.conftest import World
from tests.page_forms import PageForm, forms_on
from tests.permission_matrix import ROWS, Row
from tests.test_permission_matrix import url_for
from tests.test_unstorable_text import LAYOUT_ACTIONS, PREFERENCE, _allowed, _client

INVALID_BY_KIND = {
    "date": "abc",
    "month": "abc",
    "number": "abc",
    "time": "abc",
    "datetime-local": "abc",
}
EMPTIED = {"text", "textarea", "select", "email", "url", "tel", "search", "password"}


def invalid_data(form: PageForm) -> dict[str, list[str]]:
    """The form as a careless user might send it: hidden fields as the page set them
    (they carry versions and ids), every visible field wrong or empty."""
    sent: dict[str, list[str]] = {}
    for name, value in form.fields:
        kind = form.kinds.get(name, "text")
        if kind in INVALID_BY_KIND:
            value = INVALID_BY_KIND[kind]
        elif kind in EMPTIED:
            value = ""
        elif kind == "checkbox":
            continue
        sent.setdefault(name, []).append(value)
    return sent


@dataclass
class Outcome:
    status: int
    html: bytes
    flashed_errors: list[str] = field(default_factory=list)
    flashed_other: list[str] = field(default_factory=list)


def send(client: Client, form: PageForm, *, htmx: bool) -> Outcome:
    headers = {"HX-Request": "true"} if htmx else {}
    with transaction.atomic():
        response = client.post(form.action, invalid_data(form), headers=headers)
        transaction.set_rollback(True)
    stored = list(getattr(response.wsgi_request, "_messages", []))
    return Outcome(
        response.status_code,
        response.content if "html" in response.get("Content-Type", "") else b"",
        [str(m) for m in stored if m.level >= message_levels.ERROR],
        [str(m) for m in stored if m.level < message_levels.ERROR],
    )


def summary_problems(html: bytes) -> list[str]:
    """What is wrong with the error summary of a refused form's page (or fragment)."""
    document = lxml.html.fromstring(html)
    invalid = document.xpath('//*[@aria-invalid="true"]')
    summaries = document.xpath('//*[@role="alert"][.//*[contains(@class, "error-summary__title")]]')
    problems: list[str] = []
    if not summaries:
        shown = [e.text_content().strip() for e in document.xpath('//*[@role="alert"]')]
        if invalid or any(shown):
            problems.append(f"no error summary with a title (alerts: {shown or 'none'})")
        return problems
    linked: set[str] = set()
    for link in (a for summary in summaries for a in summary.xpath(".//a")):
        target_id = (link.get("href") or "").removeprefix("#")
        targets = document.xpath(f'//*[@id="{target_id}"]') if target_id else []
        if not targets:
            problems.append(f"summary link {link.get('href')!r} points at no element")
            continue
        target = targets[0]
        linked.add(target_id)
        if target.get("aria-invalid") != "true":
            problems.append(f"#{target_id} is in the summary but not aria-invalid")
        # A radio button or checkbox of a group is described by its fieldset.
        describer = next(
            (e for e in [target, *target.iterancestors()] if e.get("aria-describedby")), target
        )
        described = (describer.get("aria-describedby") or "").split()
        texts = [
            e.text_content().strip() for d in described for e in document.xpath(f'//*[@id="{d}"]')
        ]
        if not any(texts):
            problems.append(f"#{target_id} is not described by its error ({described})")
    for element in invalid:
        if element.get("id") not in linked and element.get("type") not in ("radio", "checkbox"):
            problems.append(f"#{element.get('id')} is aria-invalid but not in the summary")
    if not any(s.xpath(".//a | .//li") for s in summaries):
        problems.append("the summary lists nothing")
    return problems


# Views that may still answer a refused form with a redirect and flashed messages, and why.
# Keyed by URL name; every other form page must show its form again (a 4xx) when it refuses.
# Each of these forms has no field a user could correct: only a tampered or stale request
# fails its form (the service's refusals, about the record's state, stay messages).
_ONLY_TAMPERED = "its only fields are hidden or buttons with fixed values"
FLASHES_WITH_REASON: dict[str, str] = {
    "relations:participant_attendance": "a select of three fixed values, the empty one valid",
    "relations:action_finish": "buttons with fixed statuses, the empty one valid",
    "work:month_close": _ONLY_TAMPERED,
    "funding:obligation_done": _ONLY_TAMPERED,
    "reports:report_review": _ONLY_TAMPERED + " (the version read)",
    "reports:report_sign": _ONLY_TAMPERED + " (the version read)",
    "reports:report_send": _ONLY_TAMPERED + " (the version read)",
    "plans:annual_plan_transition": "the step is the button pressed; the comment is optional",
    "plans:amendment_decide": "approve or reject is the button pressed; the note is optional",
}


def url_name(path: str) -> str:
    match = resolve(path.split("?")[0])
    return f"{match.namespace}:{match.url_name}" if match.namespace else str(match.url_name)


@dataclass
class Tally:
    refused_on_page: int = 0
    flashed: int = 0
    accepted: int = 0


def check_page(client: Client, url: str, seen: set[Any], only: str, tally: Tally) -> list[str]:
    response = client.get(url)
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return []
    if not response.content.strip():  # a search fragment with no matches
        return []
    problems: list[str] = []
    document = lxml.html.fromstring(response.content)
    htmx_actions = {f.get("hx-post") for f in document.forms if f.get("hx-post")}
    for form in forms_on(response.content, url):
        signature = form.signature()
        if form.method != "POST" or signature in seen or signature[1] in LAYOUT_ACTIONS:
            continue
        if signature[1] == only and only in LAYOUT_ACTIONS:
            continue
        seen.add(signature)
        where = f"POST {form.action}"
        outcome = send(client, form, htmx=False)
        if 400 <= outcome.status < 500 and outcome.html:
            tally.refused_on_page += 1
            problems += [f"{where}: {p}" for p in summary_problems(outcome.html)]
        elif outcome.status in (301, 302, 303):
            if outcome.flashed_errors:
                tally.flashed += 1
                if url_name(form.action) not in FLASHES_WITH_REASON:
                    problems.append(
                        f"{where} ({url_name(form.action)}): redirects with its errors flashed "
                        f"instead of showing the form again: {outcome.flashed_errors}"
                    )
            else:
                tally.accepted += 1
        elif outcome.status >= 500:
            problems.append(f"{where}: {outcome.status}")
        for hx_action in (a for a in htmx_actions if a and a.split("?")[0] == form.action):
            hx_form = PageForm(form.method, hx_action, form.fields, form.kinds)
            fragment = send(client, hx_form, htmx=True)
            if 400 <= fragment.status < 500 and fragment.html:
                problems += [f"htmx {where}: {p}" for p in summary_problems(fragment.html)]
    return problems


GET_ROWS = [row for row in ROWS if row.method == "GET" and not row.name.startswith("admin:")]


def problems_of_row(world: World, row: Row, tally: Tally) -> list[str]:
    roles = [role for role in PREFERENCE if _allowed(row, role)]
    url = url_for(row, world)
    seen: set[Any] = set()
    problems: list[str] = []
    for role in roles:
        problems += check_page(_client(world, role), url, seen, row.name, tally)
    return problems


@pytest.mark.parametrize("row", GET_ROWS, ids=[f"{r.name}[{r.what}]" for r in GET_ROWS])
def test_a_refused_form_shows_an_error_summary_linked_to_its_fields(world: World, row: Row) -> None:
    tally = Tally()
    problems = problems_of_row(world, row, tally)
    assert not problems, "\n".join(problems)
    if not (tally.refused_on_page or tally.flashed):
        pytest.skip("no form on this page that refuses invalid input")


def test_every_view_allowed_to_flash_exists() -> None:
    """The list of exceptions names real URLs, so that a renamed view leaves no stale pass."""
    from django.urls import NoReverseMatch, reverse

    for name in FLASHES_WITH_REASON:
        for args in ((), (1,)):
            try:
                reverse(name, args=args)
                break
            except NoReverseMatch:
                continue
        else:
            pytest.fail(f"{name} is no URL name")
