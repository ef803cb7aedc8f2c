"""The rules of hours at and either side of each limit, each refusal by its exact words.

`test_hours.py` and `test_projects.py` show the rules through the services and pages; this
module pins the limits in `koers.work.rules` themselves (24 hours a day, a project's first
and last day, an activity's year, a category no longer in use, the 50% co-financing rule),
so that moving a comparison or a constant fails a test (`make mutation`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from koers.plans.models import Activity
from koers.work.models import Project, TimeCategory
from koers.work.rules import (
    check_co_financing,
    check_day_total,
    check_note,
    check_target_on,
    monday_of,
)


@pytest.fixture(autouse=True)
def _english_messages() -> Iterator[None]:
    """The refusals are matched on their English text (the msgids)."""
    with translation.override("en"):
        yield


def refusal(check: Any, *args: Any, **kwargs: Any) -> str | dict[str, list[str]] | None:
    """What `check` refuses with: its message, its messages per field, or None."""
    try:
        check(*args, **kwargs)
    except ValidationError as error:
        return error.message_dict if hasattr(error, "error_dict") else error.messages[0]
    return None


@pytest.mark.parametrize(
    ("day", "monday"),
    [
        (dt.date(2021, 3, 1), dt.date(2021, 3, 1)),  # a Monday is its own
        (dt.date(2021, 3, 2), dt.date(2021, 3, 1)),
        (dt.date(2021, 3, 7), dt.date(2021, 3, 1)),  # Sunday closes the week
        (dt.date(2021, 3, 8), dt.date(2021, 3, 8)),
        (dt.date(2021, 1, 2), dt.date(2020, 12, 28)),  # across the year
    ],
)
def test_a_week_starts_on_its_monday(day: dt.date, monday: dt.date) -> None:
    assert monday_of(day) == monday


# --- 24 hours a day ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "refused"),
    [
        ("0", None),
        ("23", None),
        ("23.99", None),
        ("24", None),
        ("24.00", None),
        ("24.01", "1 February 2021: 24.01 hours in one day; a day has at most 24."),
        ("25", "1 February 2021: 25 hours in one day; a day has at most 24."),
    ],
)
def test_a_day_holds_at_most_24_hours(total: str, refused: str | None) -> None:
    assert refusal(check_day_total, dt.date(2021, 2, 1), Decimal(total)) == refused


# --- a project between its first and last day -------------------------------------------------

PROJECT = Project(code="P-7", title="Buurtkracht", starts_on=dt.date(2021, 3, 1))
PROJECT.ends_on = dt.date(2021, 6, 30)
OPEN_ENDED = Project(code="P-8", title="Doorlopend", starts_on=dt.date(2021, 3, 1), ends_on=None)


@pytest.mark.parametrize(
    ("project", "day", "refused"),
    [
        (
            PROJECT,
            dt.date(2021, 2, 28),
            "28 February 2021 lies outside project P-7 Buurtkracht (1 March 2021 – 30 June 2021).",
        ),
        (PROJECT, dt.date(2021, 3, 1), None),  # its first day
        (PROJECT, dt.date(2021, 3, 2), None),
        (PROJECT, dt.date(2021, 6, 29), None),
        (PROJECT, dt.date(2021, 6, 30), None),  # its last day
        (
            PROJECT,
            dt.date(2021, 7, 1),
            "1 July 2021 lies outside project P-7 Buurtkracht (1 March 2021 – 30 June 2021).",
        ),
        (
            OPEN_ENDED,
            dt.date(2021, 2, 28),
            "28 February 2021 lies outside project P-8 Doorlopend (1 March 2021 – …).",
        ),
        (OPEN_ENDED, dt.date(2021, 3, 1), None),
        (OPEN_ENDED, dt.date(2030, 12, 31), None),  # no end: any day from its start
    ],
)
def test_hours_on_a_project_fall_between_its_first_and_last_day(
    project: Project, day: dt.date, refused: str | None
) -> None:
    assert refusal(check_target_on, project, day) == refused


# --- an activity in its own year --------------------------------------------------------------

ACTIVITY = Activity(code="A1.2", year=2021)


@pytest.mark.parametrize(
    ("day", "refused"),
    [
        (dt.date(2020, 12, 31), "31 December 2020 is not in 2021, the year of activity A1.2."),
        (dt.date(2021, 1, 1), None),
        (dt.date(2021, 12, 31), None),
        (dt.date(2022, 1, 1), "1 January 2022 is not in 2021, the year of activity A1.2."),
    ],
)
def test_hours_on_an_activity_fall_in_its_year(day: dt.date, refused: str | None) -> None:
    assert refusal(check_target_on, ACTIVITY, day) == refused


# --- categories -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("active", "refused"),
    [(True, None), (False, "The category Overleg is no longer in use.")],
)
def test_a_category_no_longer_in_use_is_refused(active: bool, refused: str | None) -> None:
    category = TimeCategory(name="Overleg", active=active)
    assert refusal(check_target_on, category, dt.date(2021, 2, 1)) == refused


def test_anything_else_is_not_checked_for_a_day() -> None:
    assert refusal(check_target_on, object(), dt.date(1999, 1, 1)) is None


@pytest.mark.parametrize(
    ("needs_note", "note", "refused"),
    [
        (True, "", "Hours on Intervisie need a note."),
        (True, "  \n", "Hours on Intervisie need a note."),
        (True, "Casus besproken", None),
        (False, "", None),
    ],
)
def test_a_category_that_needs_a_note_refuses_hours_without_one(
    needs_note: bool, note: str, refused: str | None
) -> None:
    category = TimeCategory(name="Intervisie", needs_note=needs_note)
    assert refusal(check_note, category, note) == refused


def test_a_note_is_not_asked_on_a_project_or_an_activity() -> None:
    assert refusal(check_note, PROJECT, "") is None
    assert refusal(check_note, ACTIVITY, "") is None


# --- the programme pays at most half ----------------------------------------------------------

PARTNER = object()
BUDGET_MISSING = {
    "hours_budget": ["With a partner, give the hours budget so the 50% rule can be checked."]
}
OVER_BUDGET = {"programme_hours": ["The programme's hours exceed the hours budget."]}


def over_half(limit: str, budget: str, hours: str) -> dict[str, list[str]]:
    return {
        "programme_hours": [
            "The programme may pay at most 50% of the hours on a project with a partner: "
            f"at most {limit} of {budget} hours, not {hours}."
        ]
    }


@pytest.mark.parametrize(
    ("partner", "budget", "hours", "refused"),
    [
        (None, None, "80", None),  # no partner: no rule
        (None, "100", "100", None),
        (PARTNER, None, None, None),  # no programme hours: nothing to check
        (PARTNER, "100", None, None),
        (PARTNER, None, "10", BUDGET_MISSING),
        (PARTNER, "100", "0", None),
        (PARTNER, "100", "49.99", None),
        (PARTNER, "100", "50", None),  # exactly half
        (PARTNER, "100", "50.01", over_half("50.00", "100", "50.01")),
        (PARTNER, "101", "50.50", None),  # half of an odd budget, in cents
        (PARTNER, "101", "50.51", over_half("50.50", "101", "50.51")),
        # Half of an odd number of cents is rounded down: half of 100.03 is 50.015, so 50.01
        # is the most the programme may pay (50.02 was let through when it was rounded up).
        (PARTNER, "100.03", "50.01", None),
        (PARTNER, "100.03", "50.02", over_half("50.01", "100.03", "50.02")),
        (PARTNER, "100.05", "50.02", None),
        (PARTNER, "100.05", "50.03", over_half("50.02", "100.05", "50.03")),
        (PARTNER, "100", "100", over_half("50.00", "100", "100")),  # all of it: over half
        (PARTNER, "100", "100.01", OVER_BUDGET),  # more than the budget says so first
    ],
)
def test_with_a_partner_the_programme_pays_at_most_half_of_the_hours(
    partner: Any, budget: str | None, hours: str | None, refused: Any
) -> None:
    assert (
        refusal(
            check_co_financing,
            partner=partner,
            hours_budget=None if budget is None else Decimal(budget),
            programme_hours=None if hours is None else Decimal(hours),
        )
        == refused
    )
