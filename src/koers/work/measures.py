"""Derived measures of hours, registered with `plans`: an indicator can be "hours spent"
on its activity, its line or its programme, computed from the time entries when shown."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from koers.plans.measures import Measure, register
from koers.work.models import TimeEntry


def _entries(scope: Q, start: dt.date, end: dt.date) -> QuerySet[TimeEntry]:
    return TimeEntry.objects.filter(scope, date__gte=start, date__lte=end)


def _total(entries: QuerySet[TimeEntry]) -> Decimal:
    return entries.aggregate(total=Sum("hours"))["total"] or Decimal(0)


def _activity(indicator: Any) -> Q:
    return Q(activity_id=indicator.activity_id)


def _line(indicator: Any) -> Q:
    line_id = indicator.activity.line_id
    return Q(activity__line_id=line_id) if line_id else Q(activity_id=indicator.activity_id)


def _programme(indicator: Any) -> Q:
    programme_id = indicator.activity.programme_id
    return Q(activity__programme_id=programme_id) | Q(project__programme_id=programme_id)


def _measure(key: str, label: Any, scope: Any) -> Measure:
    return Measure(
        key=key,
        label=label,
        compute=lambda indicator, start, end: _total(_entries(scope(indicator), start, end)),
        records=lambda indicator, start, end: (
            _entries(scope(indicator), start, end)
            .select_related("user", "project", "activity", "category")
            .order_by("date", "id")
        ),
    )


MEASURES = [
    _measure("work.hours_activity", _("Hours spent on the activity"), _activity),
    _measure("work.hours_line", _("Hours spent on the activity's line"), _line),
    _measure(
        "work.hours_programme",
        _("Hours spent on the programme (its activities and projects)"),
        _programme,
    ),
]


def _reviewed_products(indicator: Any, start: dt.date, end: dt.date) -> QuerySet[Any]:
    from koers.work.models import Product, ProductStatus

    return Product.objects.filter(
        activity_id=indicator.activity_id,
        status=ProductStatus.APPROVED,
        reviewed_at__date__gte=start,
        reviewed_at__date__lte=end,
    ).order_by("reviewed_at")


MEASURES.append(
    Measure(
        key="work.reviewed_products",
        label=_("Products of the activity approved by a second person"),
        compute=lambda indicator, start, end: Decimal(
            _reviewed_products(indicator, start, end).count()
        ),
        records=_reviewed_products,
        counts_records=True,
    )
)


def register_all() -> None:
    for measure in MEASURES:
        register(measure)
