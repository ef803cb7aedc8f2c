"""Target dates as the seeds give them: a day ("30 april 2023"), a month ("in mei 2021"), a
season ("in het voorjaar van 2021") or a year ("eind 2023", "in 2025").

A date with a precision is stored as the last day of its period, so "passed" is one
comparison whatever the precision; the precision says how to show it.
"""

from __future__ import annotations

import calendar
import datetime as dt

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    SEASON = "season", _("Season")
    YEAR = "year", _("Year")


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


# The meteorological seasons: spring March–May, summer June–August, autumn
# September–November, winter December–February (named after the year it ends in).
_SEASON_LAST_MONTH = {3: 5, 4: 5, 5: 5, 6: 8, 7: 8, 8: 8, 9: 11, 10: 11, 11: 11, 1: 2, 2: 2}


def period_end(day: dt.date, precision: str) -> dt.date:
    """The last day of the period of `precision` that holds `day`."""
    if precision == DatePrecision.YEAR:
        return dt.date(day.year, 12, 31)
    if precision == DatePrecision.MONTH:
        return _month_end(day.year, day.month)
    if precision == DatePrecision.SEASON:
        if day.month == 12:
            return _month_end(day.year + 1, 2)
        return _month_end(day.year, _SEASON_LAST_MONTH[day.month])
    return day


def period_label(day: dt.date | None, precision: str) -> str:
    """The date as the seeds would write it: "30 april 2023", "mei 2021", "voorjaar 2021",
    "2023"."""
    if day is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(day.year)
    if precision == DatePrecision.MONTH:
        return date_format(day, "YEAR_MONTH_FORMAT")
    if precision == DatePrecision.SEASON:
        last = period_end(day, precision)
        names = {
            5: gettext("spring %(year)s"),
            8: gettext("summer %(year)s"),
            11: gettext("autumn %(year)s"),
            2: gettext("winter %(year)s"),
        }
        return names[last.month] % {"year": last.year}
    return date_format(day, "DATE_FORMAT")


def is_overdue(day: dt.date | None, *, done: bool, today: dt.date) -> bool:
    """A date is overdue when its period has ended before `today` and the work is not done."""
    return day is not None and not done and day < today
