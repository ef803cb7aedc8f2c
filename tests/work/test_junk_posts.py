"""Every page of work, posted junk by every kind of user, answers without a server error.

Generated from work's own URL patterns, so a new page is covered without anyone thinking
of it: every field name any work form reads gets non-numeric ids, empty values, numbers
too large for the database and dates that are none, and the URL's own ids get the same.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import URLPattern, reverse

from koers.work import forms, urls
from koers.work.models import StaffProfile
from tests.conftest import World

HUGE = "9" * 30  # beyond any database's integer
JUNK = ["abc", "", HUGE, "-1", "2021-13-45", "1e9", "0x1F", "1,5,5", "\x00"]
ROLES = ["medewerker", "programmacoordinator", "bedrijfsvoering", "directeur"]

# What any work page reads: the fields of its forms, and the names of the week grid.
FORM_CLASSES = [value for value in vars(forms).values() if isinstance(value, type)]
FIELD_NAMES = sorted(
    {name for form_class in FORM_CLASSES for name in getattr(form_class, "base_fields", {})}
    | {"rows", "rij", "action", "h-a1-0", "n-a1", "month", "entry", "decision", "file"}
)


def _path_values(pattern: URLPattern, junk: bool) -> dict[str, str]:
    """A value for each of the URL's parameters: a plausible one, or junk its converter
    still lets through (the int converter takes any digits)."""
    values = {}
    for name, converter in pattern.pattern.converters.items():
        if converter.regex == "[0-9]+":  # a number: <int:…> or a record (<project:…>)
            values[name] = HUGE if junk else "1"
        elif name == "monday":
            values[name] = "abc" if junk else "2021-05-03"
        else:
            values[name] = "abc"
    return values


PATTERNS = [pattern for pattern in urls.urlpatterns if isinstance(pattern, URLPattern)]


@pytest.mark.parametrize("pattern", PATTERNS, ids=[str(p.name) for p in PATTERNS])
def test_junk_posted_to_a_work_page_answers_without_a_server_error(
    world: World, pattern: URLPattern
) -> None:
    for role in ("medewerker", "programmacoordinator"):
        StaffProfile.objects.get_or_create(user=world.users[role], organisation=world.own)
    answers: dict[tuple[str, str, bool], int] = {}
    for role in ROLES:
        client = world.client(role)
        for junk_path in (False, True):
            url = reverse(f"work:{pattern.name}", kwargs=_path_values(pattern, junk_path))
            for value in JUNK:
                data: dict[str, Any] = dict.fromkeys(FIELD_NAMES, value)
                response = client.post(f"{url}?maand={value}&medewerker={value}&rij={value}", data)
                answers[(role, value, junk_path)] = response.status_code
    server_errors = {key: status for key, status in answers.items() if status >= 500}
    assert not server_errors
    assert answers  # every pattern was requested
