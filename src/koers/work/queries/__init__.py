"""Read-side of work, one module per page or use; every figure aggregated in the database.
Re-exported here: callers use `koers.work.queries`."""

from __future__ import annotations

from koers.work.queries.common import (
    DIRECT,
    ZERO,
    MonthRow,
    YearMonth,
    direct_hours,
    month_start,
    share,
    sum_hours,
    working_days,
)
from koers.work.queries.hours import (
    hours_budgets,
    hours_by_activity,
    weeks_blocking,
)
from koers.work.queries.organisation import (
    Capacity,
    capacity,
    missing_weeks,
    year_totals,
)
from koers.work.queries.person import (
    PersonYear,
    person_year,
)

__all__ = [
    "DIRECT",
    "ZERO",
    "Capacity",
    "MonthRow",
    "PersonYear",
    "YearMonth",
    "capacity",
    "direct_hours",
    "hours_budgets",
    "hours_by_activity",
    "missing_weeks",
    "month_start",
    "person_year",
    "share",
    "sum_hours",
    "weeks_blocking",
    "working_days",
    "year_totals",
]
