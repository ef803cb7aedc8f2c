"""The progress rule at and either side of each of its limits, with exact values.

`test_progress.py` tells the rule's story case by case; this module pins every limit in it
(the on-track margin, the year's first and last day, each quarter of a phasing, the
target itself) so that moving a comparison or a constant fails a test (`make mutation`).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from koers.core.periods import Year
from koers.plans.progress import Progress, Status, activity_status, assess, expected_by

YEAR = Year(2021)  # 365 days; Q1 has 90 days, Q2 91, Q3 and Q4 92
QUARTERLY = (Decimal(25), Decimal(50), Decimal(75), Decimal(100))
SIX_PLACES = Decimal("0.000001")


def phased(realised: str | None, reference: dt.date, target: str = "100") -> Progress:
    return assess(
        target=Decimal(target),
        phasing=QUARTERLY,
        cumulative=True,
        realised=None if realised is None else Decimal(realised),
        year=YEAR,
        reference=reference,
    )


# --- what is expected by the reference date ---------------------------------------------------


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        (dt.date(2020, 12, 31), "0"),  # the day before the year: nothing yet
        (dt.date(2021, 1, 1), "0.277778"),  # Q1's first day: 25 × 1/90
        (dt.date(2021, 2, 14), "12.5"),  # Q1 half over: 25 × 45/90
        (dt.date(2021, 3, 31), "25"),  # Q1's last day: Q1's plan
        (dt.date(2021, 4, 1), "25.274725"),  # Q2's first day: 25 + 25 × 1/91
        (dt.date(2021, 6, 30), "50"),  # Q2's last day: Q2's plan
        (dt.date(2021, 7, 1), "50.271739"),  # Q3's first day: 50 + 25 × 1/92
        (dt.date(2021, 8, 15), "62.5"),  # Q3 half over: 50 + 25 × 46/92
        (dt.date(2021, 9, 30), "75"),
        (dt.date(2021, 10, 1), "75.271739"),
        (dt.date(2021, 11, 15), "87.5"),
        (dt.date(2021, 12, 30), "99.728261"),  # the day before the last: 75 + 25 × 91/92
        (dt.date(2021, 12, 31), "100"),
        (dt.date(2022, 1, 1), "100"),
    ],
)
def test_a_phased_target_is_expected_quarter_by_quarter(reference: dt.date, expected: str) -> None:
    value = expected_by(
        target=Decimal(100), phasing=QUARTERLY, cumulative=True, year=YEAR, reference=reference
    )
    assert value is not None
    assert value.quantize(SIX_PLACES) == Decimal(expected).quantize(SIX_PLACES)


def test_from_the_last_day_of_the_year_the_whole_target_is_expected_whatever_the_phasing() -> None:
    # A phasing that plans less than the target by Q4: the year's end still expects it all.
    short_phasing = (Decimal(1), Decimal(2), Decimal(3), Decimal(6))
    on = {
        day: expected_by(
            target=Decimal(7), phasing=short_phasing, cumulative=True, year=YEAR, reference=day
        )
        for day in (dt.date(2021, 12, 30), dt.date(2021, 12, 31))
    }
    assert on[dt.date(2021, 12, 31)] == Decimal(7)
    assert on[dt.date(2021, 12, 30)] is not None
    assert on[dt.date(2021, 12, 30)].quantize(SIX_PLACES) == Decimal("5.967391")  # 3 + 3 × 91/92


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        (dt.date(2020, 12, 31), "0"),
        (dt.date(2021, 1, 1), "1"),  # 365 × 1/365: the first day counts as passed
        (dt.date(2021, 7, 2), "183"),
        (dt.date(2021, 12, 30), "364"),
        (dt.date(2021, 12, 31), "365"),
        (dt.date(2022, 6, 1), "365"),
    ],
)
def test_an_unphased_sum_is_expected_day_by_day(reference: dt.date, expected: str) -> None:
    value = expected_by(
        target=Decimal(365), phasing=None, cumulative=True, year=YEAR, reference=reference
    )
    assert value is not None
    assert value.quantize(SIX_PLACES) == Decimal(expected)


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        (dt.date(2020, 12, 31), Decimal(0)),
        (dt.date(2021, 1, 1), None),
        (dt.date(2021, 12, 30), None),
        (dt.date(2021, 12, 31), Decimal(80)),
    ],
)
def test_a_state_indicator_expects_nothing_in_the_year_and_everything_at_its_end(
    reference: dt.date, expected: Decimal | None
) -> None:
    value = expected_by(
        target=Decimal(80), phasing=None, cumulative=False, year=YEAR, reference=reference
    )
    assert value == expected


# --- the status -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("realised", "status"),
    [
        ("35.01", Status.ON_TRACK),
        ("35", Status.ON_TRACK),  # exactly 15% of the target below the 50 expected
        ("34.99", Status.BEHIND),
        ("34", Status.BEHIND),  # what a 16% margin would call on track
        ("36", Status.ON_TRACK),  # what a 14% margin would call behind
        ("0", Status.BEHIND),
        (None, Status.BEHIND),  # nothing measured counts as nothing done
    ],
)
def test_the_on_track_margin_is_fifteen_percent_of_the_target(
    realised: str | None, status: Status
) -> None:
    assert phased(realised, dt.date(2021, 6, 30)).status == status


def test_the_margin_is_a_share_of_the_target_not_of_what_is_expected() -> None:
    # Target 200 with 50 planned by 30 June: the margin is 30 (15% of 200), not 7.5.
    assert phased("20", dt.date(2021, 6, 30), target="200").expected == Decimal(50)
    assert phased("20", dt.date(2021, 6, 30), target="200").status == Status.ON_TRACK
    assert phased("19.99", dt.date(2021, 6, 30), target="200").status == Status.BEHIND


@pytest.mark.parametrize(
    ("realised", "reference", "status"),
    [
        ("100", dt.date(2021, 1, 1), Status.ACHIEVED),  # the target reached: at any time
        ("100.01", dt.date(2021, 6, 30), Status.ACHIEVED),
        ("99.99", dt.date(2021, 6, 30), Status.ON_TRACK),
        ("99.99", dt.date(2021, 12, 30), Status.ON_TRACK),  # 30 December: still running
        ("99.99", dt.date(2021, 12, 31), Status.BEHIND),  # 31 December: the year is over
        ("100", dt.date(2021, 12, 31), Status.ACHIEVED),
        ("99.99", dt.date(2022, 1, 1), Status.BEHIND),
    ],
)
def test_achieved_is_reaching_the_target_and_the_year_ends_on_its_last_day(
    realised: str, reference: dt.date, status: Status
) -> None:
    assert phased(realised, reference).status == status


def test_the_first_day_of_the_year_already_expects_its_first_day() -> None:
    # On 1 January 0.28 of 25 is expected in Q1; 0 done is within the margin (15).
    progress = phased("0", dt.date(2021, 1, 1))
    assert progress.status == Status.ON_TRACK
    assert phased("0", dt.date(2020, 12, 31)).expected == Decimal(0)


def test_a_zero_target_is_achieved_only_once_something_is_measured() -> None:
    def zero(realised: Decimal | None) -> Progress:
        return assess(
            target=Decimal(0),
            phasing=None,
            cumulative=False,
            realised=realised,
            year=YEAR,
            reference=dt.date(2021, 6, 1),
        )

    assert zero(Decimal(0)) == Progress(Decimal(0), Decimal(0), None, Status.ACHIEVED, True)
    assert zero(None) == Progress(Decimal(0), Decimal(0), None, Status.OPEN, False)


@pytest.mark.parametrize(
    ("realised", "expected"),
    [
        (Decimal(3), Progress(None, Decimal(3), None, Status.NO_TARGET, True)),
        (None, Progress(None, Decimal(0), None, Status.NO_TARGET, False)),
    ],
)
def test_without_a_target_the_value_is_kept_and_nothing_is_judged(
    realised: Decimal | None, expected: Progress
) -> None:
    progress = assess(
        target=None,
        phasing=QUARTERLY,
        cumulative=True,
        realised=realised,
        year=YEAR,
        reference=dt.date(2021, 6, 30),
    )
    assert progress == expected


def test_a_progress_carries_every_figure() -> None:
    assert phased("40", dt.date(2021, 6, 30)) == Progress(
        Decimal(100), Decimal(40), Decimal(50), Status.ON_TRACK, True
    )


# --- percentages for drawing ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "realised", "expected", "status", "percent", "expected_percent"),
    [
        ("3", "2", "1", Status.ON_TRACK, 66, 33),  # truncated, not rounded
        ("3", "3", "3", Status.ACHIEVED, 100, 100),
        ("10", "25", "30", Status.ACHIEVED, 100, 100),  # capped at 100
        ("200", "1", "199", Status.BEHIND, 0, 99),
        ("0", "0", "0", Status.ACHIEVED, 100, None),  # no share of nothing
        ("0", "0", "0", Status.OPEN, 0, None),
        (None, "5", None, Status.NO_TARGET, 0, None),
        ("4", "1", None, Status.OPEN, 25, None),
    ],
)
def test_percentages_are_exact_whole_numbers(
    target: str | None,
    realised: str,
    expected: str | None,
    status: Status,
    percent: int,
    expected_percent: int | None,
) -> None:
    progress = Progress(
        None if target is None else Decimal(target),
        Decimal(realised),
        None if expected is None else Decimal(expected),
        status,
        True,
    )
    assert (progress.percent, progress.expected_percent) == (percent, expected_percent)


# --- an activity's status from its indicators' ------------------------------------------------

BEHIND, ON_TRACK, OPEN, ACHIEVED, NONE = (
    Status.BEHIND,
    Status.ON_TRACK,
    Status.OPEN,
    Status.ACHIEVED,
    Status.NO_TARGET,
)


@pytest.mark.parametrize(
    ("statuses", "status"),
    [
        ([], NONE),
        ([NONE], NONE),
        ([NONE, NONE], NONE),
        ([ACHIEVED], ACHIEVED),
        ([ACHIEVED, NONE], ACHIEVED),
        ([ACHIEVED, OPEN], OPEN),
        ([OPEN, ON_TRACK], ON_TRACK),
        ([ON_TRACK, ACHIEVED, NONE], ON_TRACK),
        ([ACHIEVED, BEHIND], BEHIND),
        ([BEHIND, ON_TRACK, OPEN, ACHIEVED, NONE], BEHIND),
        (["achieved", "open"], OPEN),  # stored values, as the database gives them
    ],
)
def test_an_activity_is_as_far_as_its_furthest_behind_indicator(
    statuses: list[str], status: Status
) -> None:
    assert activity_status(statuses) == status
