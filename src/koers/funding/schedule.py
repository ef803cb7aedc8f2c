"""The default advance schedule: a quarter's share at the start of each quarter.

A quarter's share is by months covered, so a calendar-year grant gives four equal
advances; cents that do not divide go to the last advance, so the advances always add
up to the amount granted exactly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from koers.core.periods import Quarter

CENT = Decimal("0.01")


def split(total: Decimal, weights: list[int]) -> list[Decimal]:
    """`total` in parts proportional to `weights`, in cents, adding up to `total` exactly."""
    if not weights or sum(weights) <= 0:
        raise ValueError("weights must be positive")
    whole = sum(weights)
    parts = [(total * weight / whole).quantize(CENT, rounding=ROUND_DOWN) for weight in weights]
    parts[-1] += total - sum(parts)
    return parts


@dataclass(frozen=True)
class Instalment:
    number: int
    period_start: dt.date
    period_end: dt.date
    due_on: dt.date
    amount: Decimal


def _months(start: dt.date, end: dt.date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def quarterly(total: Decimal, starts_on: dt.date, ends_on: dt.date) -> list[Instalment]:
    """One instalment per calendar quarter the period touches, due at its start."""
    quarters: list[tuple[dt.date, dt.date]] = []
    quarter = Quarter.containing(starts_on)
    while quarter.start <= ends_on:
        quarters.append((max(quarter.start, starts_on), min(quarter.end, ends_on)))
        quarter = (
            Quarter(quarter.year, quarter.number + 1)
            if quarter.number < 4
            else Quarter(quarter.year + 1, 1)
        )
    amounts = split(total, [_months(start, end) for start, end in quarters])
    return [
        Instalment(number, start, end, start, amount)
        for number, ((start, end), amount) in enumerate(zip(quarters, amounts, strict=True), 1)
    ]
