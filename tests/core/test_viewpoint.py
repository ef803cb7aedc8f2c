"""The year and reference date of a progress page come from its query string through a form:
each of ?jaar= and ?peildatum= counts on its own, and a wrong value is passed over, never a
server error."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import RequestFactory

from koers.core.reference import viewpoint

YEARS = range(2021, 2025)
D = dt.date


@pytest.fixture(autouse=True)
def _reference_date(settings: Any) -> None:
    settings.REFERENCE_DATE = "2021-10-15"


@pytest.mark.parametrize(
    ("query", "year", "reference", "explicit"),
    [
        ("", 2021, D(2021, 10, 15), False),
        ("jaar=2022&peildatum=2022-03-31", 2022, D(2022, 3, 31), True),
        ("jaar=2021&peildatum=2022-03-31", 2021, D(2021, 12, 31), True),  # moved into the year
        ("jaar=2023", 2023, D(2023, 1, 1), False),
        ("peildatum=2022-06-30", 2022, D(2022, 6, 30), True),
        ("jaar=abc&peildatum=2022-06-30", 2022, D(2022, 6, 30), True),
        ("jaar=2022&peildatum=junk", 2022, D(2022, 1, 1), False),
        ("peildatum=2022-13-01", 2021, D(2021, 10, 15), False),
        ("peildatum=15-10-2022", 2021, D(2021, 10, 15), False),
        ("jaar=99999999999999999999", 2021, D(2021, 10, 15), False),
        ("jaar=1899", 2021, D(2021, 10, 15), False),
        ("jaar=2201", 2021, D(2021, 10, 15), False),
        ("jaar=2030", 2024, D(2024, 1, 1), False),  # beyond the plan's years: its last
        ("jaar=1900", 2021, D(2021, 10, 15), False),  # before them: its first
        ("jaar=%00&peildatum=%00", 2021, D(2021, 10, 15), False),
    ],
)
def test_each_part_of_the_query_counts_on_its_own(
    query: str, year: int, reference: dt.date, explicit: bool
) -> None:
    seen = viewpoint(RequestFactory().get(f"/?{query}"), years=YEARS)
    assert (seen.year.value, seen.reference, seen.explicit) == (year, reference, explicit)


def test_without_a_range_any_year_of_the_form_is_taken() -> None:
    seen = viewpoint(RequestFactory().get("/?jaar=1950"))
    assert (seen.year.value, seen.reference) == (1950, D(1950, 12, 31))
