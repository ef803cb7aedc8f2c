import datetime as dt
from decimal import Decimal

import pytest

from koers.core.periods import Quarter, Year


def test_year_bounds_and_fraction() -> None:
    year = Year(2021)
    assert (year.start, year.end, year.days) == (dt.date(2021, 1, 1), dt.date(2021, 12, 31), 365)
    assert year.elapsed_fraction(dt.date(2020, 12, 31)) == 0
    assert year.elapsed_fraction(dt.date(2021, 1, 1)) == Decimal(1) / Decimal(365)
    assert year.elapsed_fraction(dt.date(2022, 3, 1)) == 1
    assert year.clamp(dt.date(2023, 5, 1)) == dt.date(2021, 12, 31)


def test_quarter_containing_and_bounds() -> None:
    quarter = Quarter.containing(dt.date(2021, 10, 15))
    assert quarter == Quarter(2021, 4)
    assert (quarter.start, quarter.end, quarter.days) == (
        dt.date(2021, 10, 1),
        dt.date(2021, 12, 31),
        92,
    )
    assert Quarter(2021, 1).end == dt.date(2021, 3, 31)
    assert str(quarter) == "Q4 2021"


@pytest.mark.parametrize("bad", [0, 5])
def test_quarter_refuses_bad_numbers(bad: int) -> None:
    with pytest.raises(ValueError, match="Quarter"):
        Quarter(2021, bad)
