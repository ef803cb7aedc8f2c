"""The advance schedule and the splitting of money: parts always add up to the whole."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from koers.funding.schedule import quarterly, split

amounts = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False)


@given(
    total=amounts,
    weights=st.lists(st.integers(min_value=1, max_value=1000), min_size=1, max_size=12),
)
def test_split_parts_add_up_to_the_total_under_any_weights(
    total: Decimal, weights: list[int]
) -> None:
    parts = split(total, weights)
    assert sum(parts) == total
    assert len(parts) == len(weights)
    assert all(part >= 0 for part in parts)
    assert all(part == part.quantize(Decimal("0.01")) for part in parts)


@given(
    total=amounts,
    start=st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 12, 31)),
    days=st.integers(min_value=0, max_value=5 * 366),
)
def test_quarterly_advances_add_up_to_the_amount_granted(
    total: Decimal, start: dt.date, days: int
) -> None:
    end = start + dt.timedelta(days=days)
    advances = quarterly(total, start, end)
    assert sum(a.amount for a in advances) == total
    assert advances[0].period_start == start
    assert advances[-1].period_end == end
    for earlier, later in itertools.pairwise(advances):
        assert later.period_start == earlier.period_end + dt.timedelta(days=1)
    assert [a.number for a in advances] == list(range(1, len(advances) + 1))


def test_a_calendar_year_gives_four_equal_advances_at_the_start_of_each_quarter() -> None:
    advances = quarterly(Decimal("1069937.00"), dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    assert [a.due_on for a in advances] == [
        dt.date(2021, 1, 1),
        dt.date(2021, 4, 1),
        dt.date(2021, 7, 1),
        dt.date(2021, 10, 1),
    ]
    assert [a.amount for a in advances] == [Decimal("267484.25")] * 4


def test_cents_that_do_not_divide_go_to_the_last_advance() -> None:
    advances = quarterly(Decimal("100.00"), dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    assert [a.amount for a in advances] == [Decimal("25.00")] * 4
    advances = quarterly(Decimal("100.01"), dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    assert [a.amount for a in advances] == [Decimal("25.00")] * 3 + [Decimal("25.01")]


def test_a_period_starting_mid_quarter_gets_a_share_by_months_covered() -> None:
    advances = quarterly(Decimal("9000.00"), dt.date(2021, 9, 1), dt.date(2022, 2, 28))
    assert [(a.period_start, a.amount) for a in advances] == [
        (dt.date(2021, 9, 1), Decimal("1500.00")),
        (dt.date(2021, 10, 1), Decimal("4500.00")),
        (dt.date(2022, 1, 1), Decimal("3000.00")),
    ]
