"""The advance schedule at its edges: periods that begin or end on a quarter's first or last
day, that cross a year, and splits where rounding down matters (`make mutation`)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from koers.funding.schedule import Instalment, quarterly, split

D = dt.date


@pytest.mark.parametrize(
    ("total", "weights", "parts"),
    [
        ("1.00", [2, 1], ["0.66", "0.34"]),  # rounded down; the cent left goes to the last
        ("0.02", [1, 2], ["0.00", "0.02"]),
        ("1.00", [1, 1, 1], ["0.33", "0.33", "0.34"]),
        ("10.00", [1], ["10.00"]),
        ("0.00", [3, 1], ["0.00", "0.00"]),
        ("7.00", [0, 1], ["0.00", "7.00"]),  # a weight of nothing gets nothing
    ],
)
def test_split_rounds_down_and_gives_the_rest_to_the_last_part(
    total: str, weights: list[int], parts: list[str]
) -> None:
    assert split(Decimal(total), weights) == [Decimal(part) for part in parts]


@pytest.mark.parametrize("weights", [[], [0], [0, 0], [1, -1], [-1]])
def test_split_refuses_weights_that_add_up_to_nothing(weights: list[int]) -> None:
    with pytest.raises(ValueError, match=r"^weights must be positive$"):
        split(Decimal("1.00"), weights)


@pytest.mark.parametrize(
    ("starts_on", "ends_on", "periods"),
    [
        # A quarter's first and last day.
        (D(2021, 1, 1), D(2021, 3, 31), [(D(2021, 1, 1), D(2021, 3, 31))]),
        # Ending on a quarter's first day: that day is a quarter of its own.
        (
            D(2021, 1, 1),
            D(2021, 4, 1),
            [(D(2021, 1, 1), D(2021, 3, 31)), (D(2021, 4, 1), D(2021, 4, 1))],
        ),
        # Starting on a quarter's last day.
        (
            D(2021, 3, 31),
            D(2021, 4, 30),
            [(D(2021, 3, 31), D(2021, 3, 31)), (D(2021, 4, 1), D(2021, 4, 30))],
        ),
        # One day.
        (D(2021, 5, 5), D(2021, 5, 5), [(D(2021, 5, 5), D(2021, 5, 5))]),
        # Across a year: Q4 is followed by Q1 of the next year.
        (
            D(2021, 12, 31),
            D(2023, 1, 1),
            [
                (D(2021, 12, 31), D(2021, 12, 31)),
                (D(2022, 1, 1), D(2022, 3, 31)),
                (D(2022, 4, 1), D(2022, 6, 30)),
                (D(2022, 7, 1), D(2022, 9, 30)),
                (D(2022, 10, 1), D(2022, 12, 31)),
                (D(2023, 1, 1), D(2023, 1, 1)),
            ],
        ),
    ],
)
def test_one_instalment_per_quarter_touched_due_on_its_first_day(
    starts_on: dt.date, ends_on: dt.date, periods: list[tuple[dt.date, dt.date]]
) -> None:
    advances = quarterly(Decimal("600.00"), starts_on, ends_on)
    assert [(a.period_start, a.period_end) for a in advances] == periods
    assert [a.due_on for a in advances] == [start for start, _ in periods]
    assert [a.number for a in advances] == list(range(1, len(periods) + 1))


@pytest.mark.parametrize(
    ("starts_on", "ends_on", "amounts"),
    [
        # Months covered: Mar (1) and Apr (1).
        (D(2021, 3, 31), D(2021, 4, 30), ["300.00", "300.00"]),
        # Nov–Dec (2), Q1 (3), Apr (1).
        (D(2021, 11, 1), D(2022, 4, 1), ["200.00", "300.00", "100.00"]),
        # Dec 2021 (1) and Q1 2022 (3): the months of a quarter across a year.
        (D(2021, 12, 15), D(2022, 3, 31), ["150.00", "450.00"]),
        # Feb–Mar (2), Q2 (3), Q3 (3), Oct (1).
        (D(2021, 2, 1), D(2021, 10, 31), ["133.33", "200.00", "200.00", "66.67"]),
    ],
)
def test_a_quarters_share_is_by_the_months_it_covers(
    starts_on: dt.date, ends_on: dt.date, amounts: list[str]
) -> None:
    advances = quarterly(Decimal("600.00"), starts_on, ends_on)
    assert [a.amount for a in advances] == [Decimal(amount) for amount in amounts]


def test_an_instalment_is_numbered_dated_and_due_at_its_start() -> None:
    assert quarterly(Decimal("90.00"), D(2021, 2, 10), D(2021, 4, 20)) == [
        Instalment(1, D(2021, 2, 10), D(2021, 3, 31), D(2021, 2, 10), Decimal("60.00")),
        Instalment(2, D(2021, 4, 1), D(2021, 4, 20), D(2021, 4, 1), Decimal("30.00")),
    ]
