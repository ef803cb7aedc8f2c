"""A signal's time as an ISO week: the day it came in is turned into its week on entry and
never stored. The quarter of a week is the quarter of its Thursday, as ISO 8601 places a week
in the year of its Thursday."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class IsoWeek:
    year: int
    week: int

    @classmethod
    def of(cls, day: dt.date) -> IsoWeek:
        year, week, _weekday = day.isocalendar()
        return cls(year, week)

    @property
    def thursday(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.week, 4)

    @property
    def quarter(self) -> int:
        return (self.thursday.month - 1) // 3 + 1

    @property
    def label(self) -> str:
        return f"{self.year}-W{self.week:02d}"

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int

    def previous(self, count: int = 1) -> Quarter:
        index = self.year * 4 + (self.number - 1) - count
        return Quarter(index // 4, index % 4 + 1)

    @classmethod
    def of_week(cls, week: IsoWeek) -> Quarter:
        return cls(week.thursday.year, week.quarter)

    @property
    def label(self) -> str:
        return f"{self.year} K{self.number}"

    def __str__(self) -> str:
        return self.label
