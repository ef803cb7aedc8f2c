"""What the hours queries share: the month of a date in SQL, summing hours in the database,
working days and shares."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import (
    Case,
    CharField,
    DecimalField,
    F,
    Func,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce

ZERO = Decimal(0)
DIRECT = Q(project__isnull=False) | Q(activity__isnull=False) | Q(category__direct=True)


class YearMonth(Func):
    """'2021-03' from a date, in native SQL on both databases.

    Django's TruncMonth is a Python function on SQLite, called once per row: on a year of
    an organisation's entries that alone took four times the rest of the query.
    """

    output_field = CharField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(compiler, connection, template="substr(%(expressions)s, 1, 7)", **extra)

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler, connection, template="to_char(%(expressions)s, 'YYYY-MM')", **extra
        )


def month_start(year_month: str) -> dt.date:
    return dt.date(int(year_month[:4]), int(year_month[5:7]), 1)


def sum_hours(expression: Any = None) -> Any:
    return Coalesce(
        Sum(expression if expression is not None else "hours"),
        Value(ZERO),
        output_field=DecimalField(max_digits=12, decimal_places=2),
    )


def direct_hours() -> Any:
    return sum_hours(Case(When(DIRECT, then=F("hours")), default=Value(ZERO)))


def working_days(start: dt.date, end: dt.date) -> int:
    """Monday to Friday from `start` to `end`, both included."""
    if end < start:
        return 0
    days = (end - start).days + 1
    weeks, rest = divmod(days, 7)
    extra = sum(1 for n in range(rest) if (start.weekday() + n) % 7 < 5)
    return weeks * 5 + extra


def share(part: Decimal, whole: Decimal) -> Decimal | None:
    return (part * 100 / whole).quantize(Decimal("0.1")) if whole else None


@dataclass
class MonthRow:
    month: dt.date
    direct: Decimal
    total: Decimal

    @property
    def share(self) -> Decimal | None:
        return share(self.direct, self.total)
