"""Progress of an indicator in a year as of a reference date (peildatum), and its status.

The rule, as the help text on every progress page repeats it:

* **Achieved** — the value realised so far is at or above the year's target.
* **Expected by now** — for a target phased over the quarters: what was planned by the
  end of the last completed quarter, plus the part of the current quarter that has
  passed; for a cumulative (summed) indicator without phasing: the target spread evenly
  over the days of the year; for any other indicator: nothing is expected before the
  year ends, and afterwards the whole target.
* **On track** — not achieved, but the realised value is no more than the on-track margin
  (15% of the target) below what is expected by now. After the year ends only
  "achieved" counts: what falls short is behind.
* **Behind** — below that.
* **Open** — not achieved and nothing is expected yet (a percentage or milestone
  measured once, before the year is over).
* **No target** — the indicator has no target for the year.

An activity's computed status is its furthest-behind indicator's: behind when one is
behind, else on track when one is, else open when one is; achieved only when every
indicator with a target is achieved; no target when none has one. The coordinator may
override it for a quarter, with her reason (`ActivityUpdate`).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.core.periods import Quarter, Year

ON_TRACK_MARGIN = Decimal("0.15")


class Status(models.TextChoices):
    ACHIEVED = "achieved", _("Achieved")
    ON_TRACK = "on_track", _("On track")
    BEHIND = "behind", _("Behind")
    OPEN = "open", _("Open")
    NO_TARGET = "no_target", _("No target")


# What a coordinator may set instead of the computed status ("no target" is a fact, not a
# judgement), and the order in which an activity's indicators decide its status.
OVERRIDE_STATUSES = (Status.ACHIEVED, Status.ON_TRACK, Status.BEHIND, Status.OPEN)
_FURTHEST_BEHIND_FIRST = (Status.BEHIND, Status.ON_TRACK, Status.OPEN, Status.ACHIEVED)


def activity_status(statuses: Iterable[str]) -> Status:
    """An activity's computed status from its indicators' statuses (see the module text)."""
    present = set(statuses)  # a Status is its text: they compare and hash alike
    for status in _FURTHEST_BEHIND_FIRST:
        if status in present:
            return status
    return Status.NO_TARGET


class Progress(NamedTuple):
    """A value (a tuple: made for each of thousands of indicators on a portfolio page, where
    a frozen dataclass's making cost a third of the assessment)."""

    target: Decimal | None
    realised: Decimal
    expected: Decimal | None
    status: Status
    measured: bool

    @property
    def percent(self) -> int:
        """Realised as a share of target, 0–100 for drawing (capped)."""
        if not self.target:
            return 100 if self.status == Status.ACHIEVED else 0
        return int(min(Decimal(100), self.realised * 100 / self.target))

    @property
    def expected_percent(self) -> int | None:
        if self.expected is None or not self.target:
            return None
        return int(min(Decimal(100), self.expected * 100 / self.target))


class Assessor:
    """The rule of the module text for one period and reference date, with what depends only
    on them (has the period ended, has it begun, the share of it and of its quarter that has
    passed) worked out once: a portfolio assesses thousands of indicators at one date."""

    __slots__ = ("before", "over", "quarter_fraction", "quarter_index", "year_fraction")

    def __init__(self, year: Year, reference: dt.date) -> None:
        self.over = reference >= year.end
        self.before = reference < year.start
        self.year_fraction = year.elapsed_fraction(reference)
        quarter = Quarter.containing(reference)
        self.quarter_index = quarter.number - 1
        self.quarter_fraction = quarter.elapsed_fraction(reference)

    def expected(
        self,
        target: Decimal,
        phasing: tuple[Decimal, Decimal, Decimal, Decimal] | None,
        cumulative: bool,
    ) -> Decimal | None:
        if self.over:
            return target
        if self.before:
            return Decimal(0)
        if phasing is not None:
            index = self.quarter_index
            planned_before = phasing[index - 1] if index else Decimal(0)
            planned_now = phasing[index]
            return planned_before + (planned_now - planned_before) * self.quarter_fraction
        if cumulative:
            return target * self.year_fraction
        return None

    def __call__(
        self,
        target: Decimal | None,
        phasing: tuple[Decimal, Decimal, Decimal, Decimal] | None,
        cumulative: bool,
        realised: Decimal | None,
    ) -> Progress:
        measured = realised is not None
        value = realised if realised is not None else Decimal(0)
        if target is None:
            return Progress(None, value, None, Status.NO_TARGET, measured)
        expected = self.expected(target, phasing, cumulative)
        if measured and value >= target:
            status = Status.ACHIEVED
        elif self.over:
            status = Status.BEHIND
        elif expected is None:
            status = Status.OPEN
        elif value >= expected - ON_TRACK_MARGIN * target:
            status = Status.ON_TRACK
        else:
            status = Status.BEHIND
        return Progress(target, value, expected, status, measured)


def assessor(year: Year, reference: dt.date) -> Assessor:
    """The assessor of `year` (or a longer span) at `reference`, made once per pair."""
    return _assessor(year.start, year.end, reference, year)


@functools.lru_cache(maxsize=256)
def _assessor(start: dt.date, end: dt.date, reference: dt.date, year: Year) -> Assessor:
    # Keyed by the span's dates as well as the year: a multi-year span compares equal to
    # nothing else, but its dates are what the rule reads.
    return Assessor(year, reference)


def expected_by(
    *,
    target: Decimal,
    phasing: tuple[Decimal, Decimal, Decimal, Decimal] | None,
    cumulative: bool,
    year: Year,
    reference: dt.date,
) -> Decimal | None:
    return assessor(year, reference).expected(target, phasing, cumulative)


def assess(
    *,
    target: Decimal | None,
    phasing: tuple[Decimal, Decimal, Decimal, Decimal] | None,
    cumulative: bool,
    realised: Decimal | None,
    year: Year,
    reference: dt.date,
) -> Progress:
    return assessor(year, reference)(target, phasing, cumulative, realised)
