"""Periods as explicit values: a year and its quarters, never loose ints.

`Year(2021).elapsed_fraction(date)` is what the pacing of cumulative indicators rests on.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, order=True)
class Year:
    value: int

    def __post_init__(self) -> None:
        if not 1900 <= self.value <= 2200:
            raise ValueError(f"Year out of range: {self.value}")

    def __str__(self) -> str:
        return str(self.value)

    # Kept once made (the dataclass is frozen, its fields alone compare): assessing an
    # indicator reads them several times, and a page assesses thousands.
    @functools.cached_property
    def start(self) -> dt.date:
        return dt.date(self.value, 1, 1)

    @functools.cached_property
    def end(self) -> dt.date:
        return dt.date(self.value, 12, 31)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def quarters(self) -> list[Quarter]:
        return [Quarter(self.value, number) for number in range(1, 5)]

    def clamp(self, day: dt.date) -> dt.date:
        return min(max(day, self.start), self.end)

    def elapsed_fraction(self, reference: dt.date) -> Decimal:
        """Share of the year that has passed at the end of `reference` (0 to 1). Read from
        `start` and `end`, which a longer period (plans.queries.multi_year.Span) redefines."""
        return _elapsed_fraction(self.start, self.end, reference)


@functools.lru_cache(maxsize=1024)  # a page assesses thousands of indicators at one date
def _elapsed_fraction(start: dt.date, end: dt.date, reference: dt.date) -> Decimal:
    if reference < start:
        return Decimal(0)
    if reference >= end:
        return Decimal(1)
    return Decimal((reference - start).days + 1) / Decimal((end - start).days + 1)


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int

    def __post_init__(self) -> None:
        if self.number not in (1, 2, 3, 4):
            raise ValueError(f"Quarter number must be 1-4, not {self.number}")

    def __str__(self) -> str:
        return f"Q{self.number} {self.year}"

    @classmethod
    def containing(cls, day: dt.date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> dt.date:
        if self.number == 4:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, 3 * self.number + 1, 1) - dt.timedelta(days=1)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def elapsed_fraction(self, reference: dt.date) -> Decimal:
        if reference < self.start:
            return Decimal(0)
        if reference >= self.end:
            return Decimal(1)
        return Decimal((reference - self.start).days + 1) / Decimal(self.days)
