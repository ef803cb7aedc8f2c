"""One staff member's year of hours, for herself and her coordinator."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from koers.work.models import (
    Contract,
    TimeEntry,
    Week,
)
from koers.work.queries.common import (
    ZERO,
    MonthRow,
    YearMonth,
    direct_hours,
    month_start,
    share,
    sum_hours,
)


@dataclass
class PersonYear:
    user: Any
    year: int
    until: dt.date
    norm: Decimal | None
    months: list[MonthRow]
    targets: list[dict[str, Any]]
    weeks: list[Week]

    @property
    def direct(self) -> Decimal:
        return sum((m.direct for m in self.months), ZERO)

    @property
    def total(self) -> Decimal:
        return sum((m.total for m in self.months), ZERO)

    @property
    def share(self) -> Decimal | None:
        return share(self.direct, self.total)


def person_year(user: Any, year: int, until: dt.date) -> PersonYear:
    """One staff member's year: per month, per project/activity/category, her weeks."""

    end = min(until, dt.date(year, 12, 31))
    entries = TimeEntry.objects.filter(user=user, date__gte=dt.date(year, 1, 1), date__lte=end)
    months = [
        MonthRow(month_start(row["month"]), row["direct"], row["total"])
        for row in entries.annotate(month=YearMonth("date"))
        .values("month")
        .annotate(direct=direct_hours(), total=sum_hours())
        .order_by("month")
    ]
    targets = list(
        entries.values(
            "project__code", "project__title", "activity__code", "activity__title", "category__name"
        )
        .annotate(hours=sum_hours())
        .order_by("-hours")
    )
    contract = (
        Contract.objects.filter(profile__user=user, starts_on__lte=end)
        .order_by("-starts_on")
        .first()
    )
    return PersonYear(
        user=user,
        year=year,
        until=end,
        norm=contract.direct_norm if contract else None,
        months=months,
        targets=targets,
        weeks=list(Week.objects.filter(user=user, monday__year=year).select_related("decided_by")),
    )


# --- for reports --------------------------------------------------------------------------
