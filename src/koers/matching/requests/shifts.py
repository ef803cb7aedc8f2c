"""A request's shifts as typed: one line per shift ("12-03-2021 22:00-07:00"), or one period
from–until. A night shift ends the next morning: an end time at or before the start time
means the next day. The lines are read here, in one place, for the form and the tests."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

MAX_SHIFTS = 200

_LINE = re.compile(
    r"^\s*(?P<date>\d{1,2}-\d{1,2}-\d{4}|\d{4}-\d{1,2}-\d{1,2})\s+"
    r"(?P<start>\d{1,2}[:.]\d{2})\s*(?:-|–|—|tot)\s*(?P<end>\d{1,2}[:.]\d{2})\s*$"
)


@dataclass(frozen=True, order=True)
class ShiftTime:
    starts_at: dt.datetime
    ends_at: dt.datetime


def _date(text: str) -> dt.date:
    parts = [int(p) for p in text.split("-")]
    year, month, day = parts if parts[0] > 31 else (parts[2], parts[1], parts[0])
    return dt.date(year, month, day)


def _time(text: str) -> dt.time:
    hours, minutes = (int(p) for p in re.split(r"[:.]", text))
    return dt.time(hours, minutes)


def aware(day: dt.date, time: dt.time) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, time))


def shift_of(day: dt.date, start: dt.time, end: dt.time) -> ShiftTime:
    """A shift on `day` from `start` until `end`; an end at or before the start is the
    next morning (a night shift)."""
    ends_on = day if end > start else day + dt.timedelta(days=1)
    return ShiftTime(aware(day, start), aware(ends_on, end))


def parse_shift_lines(text: str) -> list[ShiftTime]:
    """The shifts in `text`, one per non-empty line, sorted; each wrong line is named in
    the one ValidationError raised (nothing is taken from a text with a wrong line)."""
    shifts: list[ShiftTime] = []
    problems: list[str] = []
    lines = [line for line in text.splitlines() if line.strip()]
    for number, line in enumerate(lines, start=1):
        found = _LINE.match(line)
        try:
            if not found:
                raise ValueError(line)
            shift = shift_of(_date(found["date"]), _time(found["start"]), _time(found["end"]))
        except ValueError:
            problems.append(
                _(
                    "Line %(number)s is not a shift: write a date and two times, "
                    "for example 12-03-2021 22:00-07:00."
                )
                % {"number": number}
            )
            continue
        if shift in shifts:
            problems.append(_("Line %(number)s repeats a shift.") % {"number": number})
            continue
        shifts.append(shift)
    if problems:
        raise ValidationError(problems)
    if len(shifts) > MAX_SHIFTS:
        raise ValidationError(
            _("At most %(limit)s shifts in one request; split it up.") % {"limit": MAX_SHIFTS}
        )
    return sorted(shifts)


def shift_lines(shifts: list[ShiftTime]) -> str:
    """The shifts as lines the form reads back (to open the edit form)."""
    lines = []
    for shift in shifts:
        start = timezone.localtime(shift.starts_at)
        end = timezone.localtime(shift.ends_at)
        # The form's own input syntax (day-month-year, as typed), not a date shown to read.
        day = f"{start.day:02}-{start.month:02}-{start.year}"
        lines.append(f"{day} {start:%H:%M}-{end:%H:%M}")
    return "\n".join(lines)
