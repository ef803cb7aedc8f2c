"""Derived measures of fundraising, registered with `plans`: "applications written" and
"applications granted" for the indicator's programme, counted from the grant pipeline
(a step dated in the period), so the fundraising targets measure themselves."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from koers.funding.models import Grant, GrantStatus
from koers.plans.measures import Measure, count_per_scope, register


def _stepped(status: str, start: dt.date, end: dt.date) -> QuerySet[Grant]:
    """Applications that took the step to `status` in the period."""
    return Grant.objects.applications().filter(
        steps__status=status, steps__on__gte=start, steps__on__lte=end
    )


def _applications(status: str) -> Any:
    def records(indicator: Any, start: dt.date, end: dt.date) -> QuerySet[Grant]:
        return (
            _stepped(status, start, end)
            .filter(programmes=indicator.activity.programme_id)
            .select_related("funder")
            .distinct()
            .order_by("title")
        )

    return records


def _measure(key: str, label: Any, status: str) -> Measure:
    records = _applications(status)
    return Measure(
        key=key,
        label=label,
        compute=lambda indicator, start, end: Decimal(records(indicator, start, end).count()),
        counts_records=True,
        records=records,
        compute_many=lambda indicators, start, end: count_per_scope(
            indicators,
            _stepped(status, start, end),
            scope=lambda indicator: indicator.activity.programme_id,
            scope_field="programmes",
            distinct=True,
        ),
    )


MEASURES = [
    _measure(
        "funding.applications_written",
        _("Grant applications of the programme submitted"),
        GrantStatus.SUBMITTED,
    ),
    _measure(
        "funding.applications_granted",
        _("Grant applications of the programme granted"),
        GrantStatus.GRANTED,
    ),
]


def register_all() -> None:
    for measure in MEASURES:
        register(measure)
