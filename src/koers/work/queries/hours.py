"""Hours per activity for reports, hours budgets, and the weeks that keep a month open."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model

from koers.work.models import (
    HoursBudget,
    TimeEntry,
    Week,
    WeekStatus,
    month_of,
)
from koers.work.queries.common import (
    sum_hours,
)
from koers.work.rules import monday_of


def hours_by_activity(activity_ids: list[int], start: dt.date, end: dt.date) -> dict[int, Decimal]:
    """Hours booked on each activity between `start` and `end`, in one grouped query."""
    return dict(
        TimeEntry.objects.filter(activity_id__in=activity_ids, date__gte=start, date__lte=end)
        .values("activity_id")
        .annotate(hours=sum_hours())
        .order_by()
        .values_list("activity_id", "hours")
    )


def hours_budgets(activity_ids: list[int], year: int) -> dict[int, Decimal]:
    """The hours budgeted for each activity in `year`."""
    return dict(
        HoursBudget.objects.filter(activity_id__in=activity_ids, year=year).values_list(
            "activity_id", "hours"
        )
    )


def weeks_blocking(organisation_id: int, month: dt.date) -> list[Week]:
    """Weeks with hours in `month` that are not approved yet."""
    start = month_of(month)
    end = (start + dt.timedelta(days=32)).replace(day=1)
    users_days = (
        TimeEntry.objects.filter(organisation_id=organisation_id, date__gte=start, date__lt=end)
        .values_list("user_id", "date")
        .distinct()
    )
    keys = {(user_id, monday_of(day)) for user_id, day in users_days}
    if not keys:
        return []
    # A week is one per user and Monday (wherever it was opened), as the week grid finds it.
    weeks = {
        (week.user_id, week.monday): week
        for week in Week.objects.filter(
            user_id__in={user_id for user_id, _monday in keys},
            monday__in={monday for _user, monday in keys},
        ).select_related("user")
    }
    # Hours without a week row: never submitted, so it blocks as a new (unsaved) week.
    users = get_user_model().objects.in_bulk({user_id for user_id, _m in keys - weeks.keys()})
    blocking = []
    for user_id, monday in sorted(keys, key=lambda k: (k[1], k[0])):
        week = weeks.get((user_id, monday)) or Week(
            user=users[user_id], organisation_id=organisation_id, monday=monday
        )
        if week.status != WeekStatus.APPROVED:
            blocking.append(week)
    return blocking
