"""The status rule written in koers.plans.progress, case by case."""

import datetime as dt
from decimal import Decimal

from koers.core.periods import Year
from koers.plans.progress import Status, assess

YEAR = Year(2021)
MEETINGS_PHASING = (Decimal(1), Decimal(2), Decimal(3), Decimal(7))


def meetings(realised: int | None, reference: dt.date) -> Status:
    return assess(
        target=Decimal(7),
        phasing=MEETINGS_PHASING,
        cumulative=True,
        realised=None if realised is None else Decimal(realised),
        year=YEAR,
        reference=reference,
    ).status


def test_three_of_seven_phased_meetings_is_on_track_in_mid_october() -> None:
    assert meetings(3, dt.date(2021, 10, 15)) == Status.ON_TRACK


def test_two_of_seven_phased_meetings_is_behind_in_mid_october() -> None:
    assert meetings(2, dt.date(2021, 10, 15)) == Status.BEHIND


def test_reaching_the_target_is_achieved_at_any_time() -> None:
    assert meetings(7, dt.date(2021, 4, 1)) == Status.ACHIEVED


def test_after_year_end_anything_short_is_behind() -> None:
    assert meetings(6, dt.date(2022, 1, 5)) == Status.BEHIND


def test_expected_follows_the_phasing_within_the_quarter() -> None:
    progress = assess(
        target=Decimal(7),
        phasing=MEETINGS_PHASING,
        cumulative=True,
        realised=Decimal(3),
        year=YEAR,
        reference=dt.date(2021, 9, 30),
    )
    assert progress.expected == Decimal(3)


def test_unphased_sum_is_paced_evenly_over_the_year() -> None:
    progress = assess(
        target=Decimal(365),
        phasing=None,
        cumulative=True,
        realised=Decimal(100),
        year=YEAR,
        reference=dt.date(2021, 7, 1),
    )
    assert progress.expected == Decimal(182)
    # 100 is more than 15% of the target (54.75) below 182: behind.
    assert progress.status == Status.BEHIND


def test_within_the_margin_is_on_track() -> None:
    progress = assess(
        target=Decimal(100),
        phasing=None,
        cumulative=True,
        realised=Decimal(40),
        year=Year(2022),
        reference=dt.date(2022, 7, 2),
    )
    assert progress.expected is not None and progress.expected > 50
    assert progress.status == Status.ON_TRACK


def test_a_state_indicator_is_open_until_the_year_ends() -> None:
    progress = assess(
        target=Decimal(80),
        phasing=None,
        cumulative=False,
        realised=Decimal(60),
        year=YEAR,
        reference=dt.date(2021, 6, 1),
    )
    assert (progress.status, progress.expected) == (Status.OPEN, None)


def test_no_target_is_reported_as_such() -> None:
    progress = assess(
        target=None,
        phasing=None,
        cumulative=True,
        realised=Decimal(3),
        year=YEAR,
        reference=dt.date(2021, 6, 1),
    )
    assert progress.status == Status.NO_TARGET


def test_nothing_measured_is_not_achieved_even_for_a_zero_target() -> None:
    progress = assess(
        target=Decimal(0),
        phasing=None,
        cumulative=False,
        realised=None,
        year=YEAR,
        reference=dt.date(2021, 6, 1),
    )
    assert progress.status == Status.OPEN
    assert progress.measured is False


def test_percent_is_capped_for_drawing() -> None:
    progress = assess(
        target=Decimal(10),
        phasing=None,
        cumulative=True,
        realised=Decimal(25),
        year=YEAR,
        reference=dt.date(2021, 6, 1),
    )
    assert (progress.percent, progress.status) == (100, Status.ACHIEVED)
