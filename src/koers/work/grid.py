"""The week grid: which rows a week shows, and hours as people type them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from koers.plans.models import Activity
from koers.work.models import Project, TimeCategory, TimeEntry

KINDS = {"p": Project, "a": Activity, "c": TimeCategory}


def key_of(target: Any) -> str:
    kind = {Project: "p", Activity: "a", TimeCategory: "c"}[type(target)]
    return f"{kind}{target.pk}"


@dataclass
class Row:
    key: str
    target: Any
    hours: list[Decimal | None]
    note: str = ""
    errors: list[str] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((h for h in self.hours if h), Decimal(0))


def options(user: Any, organisation_id: int, monday: dt.date) -> dict[str, list[Any]]:
    """What she can write hours on in this week."""
    sunday = monday + dt.timedelta(days=6)
    return {
        "projects": list(
            Project.objects.filter(organisation_id=organisation_id, starts_on__lte=sunday)
            .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=monday))
            .exclude(status__in=["finished", "cancelled"])
            .order_by("code", "title")
        ),
        "activities": list(
            Activity.objects.filter(
                programme__plan__organisation_id=organisation_id,
                year__in={monday.year, sunday.year},
            )
            .select_related("programme")
            .order_by("programme__name", "code")
        ),
        "categories": list(
            TimeCategory.objects.filter(organisation_id=organisation_id, active=True)
        ),
    }


def rows_for(
    user: Any, monday: dt.date, extra: list[str], available: dict[str, list[Any]]
) -> list[Row]:
    """Her entries of this week, the rows of last week (so a week starts like the last)
    and any rows she added, each once, in a stable order."""
    days = [monday + dt.timedelta(days=n) for n in range(7)]
    entries = TimeEntry.objects.filter(
        user=user,
        date__gte=monday - dt.timedelta(days=7),
        date__lte=days[-1],
        corrects__isnull=True,
    ).select_related("project", "activity", "category")
    rows: dict[str, Row] = {}
    for entry in entries:
        key = key_of(entry.target)
        row = rows.setdefault(key, Row(key, entry.target, [None] * 7))
        if entry.date >= monday:
            row.hours[(entry.date - monday).days] = entry.hours
            row.note = row.note or entry.note
    by_key = {key_of(t): t for group in available.values() for t in group}
    for key in extra:
        if key in by_key and key not in rows:
            rows[key] = Row(key, by_key[key], [None] * 7)
    order = {Project: 0, Activity: 1, TimeCategory: 2}
    return sorted(rows.values(), key=lambda r: (order[type(r.target)], str(r.target)))


def parse_hours(text: str) -> Decimal:
    """'1,5', '1.5', '' → Decimal; ValueError with a Dutch message otherwise."""
    text = text.strip().replace(",", ".")
    if not text:
        return Decimal(0)
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(_("'%(text)s' is not a number of hours.") % {"text": text}) from None
    if value < 0 or value > 24 or value.as_tuple().exponent < -2:  # type: ignore[operator]
        raise ValueError(
            _("'%(text)s': enter between 0 and 24 hours, at most two decimals.") % {"text": text}
        )
    return value


def parse_signed_hours(text: str) -> Decimal:
    """A correction's hours: '-1,5' or '2'; between -24 and 24, at most two decimals."""
    text = text.strip().replace(",", ".")
    negative = text.startswith("-")
    value = parse_hours(text.lstrip("-+"))
    return -value if negative else value
