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
from koers.plans.measures import Measure, register


def _applications(status: str) -> Any:
    def records(indicator: Any, start: dt.date, end: dt.date) -> QuerySet[Grant]:
        return (
            Grant.objects.applications()
            .filter(
                programmes=indicator.activity.programme_id,
                steps__status=status,
                steps__on__gte=start,
                steps__on__lte=end,
            )
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
        records=records,
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
