"""Quarter reports: what was written for a quarter, the latest one, and the quarter page."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from koers.core.models import AuditEntry
from koers.core.periods import Quarter, Year
from koers.plans.models import (
    Activity,
    Indicator,
    Programme,
    QuarterReport,
)
from koers.plans.progress import Status, activity_status
from koers.plans.queries.indicators import IndicatorRow, indicator_rows

# --- quarterly progress: narratives and status overrides ----------------------------------

# The audit trail is append-only, so entries written before the model was renamed from
# ActivityUpdate keep its old label: a report's history reads both.
QUARTER_REPORT_SUBJECT_TYPES = [QuarterReport._meta.label_lower, *QuarterReport.former_labels]


def quarter_reports(activity_ids: list[int], year: int, quarter: int) -> dict[int, QuarterReport]:
    """The progress written for `quarter` of `year`, per activity id, in one query; an
    activity without it is absent. Each report has its activity and writer loaded."""
    return {
        report.activity_id: report
        for report in QuarterReport.objects.filter(
            activity_id__in=activity_ids, activity__year=year, quarter=quarter
        ).select_related("activity", "updated_by")
    }


def latest_quarter_report(activity: Activity, up_to: dt.date) -> QuarterReport | None:
    """The progress of the latest quarter of `activity` that began by `up_to`."""
    if up_to.year < activity.year:
        return None
    last = 4 if up_to.year > activity.year else Quarter.containing(up_to).number
    return (
        activity.quarter_reports.filter(quarter__lte=last)
        .select_related("updated_by")
        .order_by("-quarter")
        .first()
    )


@dataclass
class ProgressEntry:
    """One activity on the quarter page: its computed status with the indicators behind it,
    what was written for the quarter, and the history of what was written."""

    activity: Activity
    computed: Status
    rows: list[IndicatorRow]
    report: QuarterReport | None
    history: list[AuditEntry]


def quarter_progress(
    programme: Programme, quarter: Quarter, reference: dt.date
) -> list[ProgressEntry]:
    """The programme's activities of the quarter's year with their status as of
    `reference`, the quarter's reports and their history, in a fixed number of queries."""
    activities = list(
        Activity.objects.filter(programme=programme, year=quarter.year)
        .select_related("line")
        .order_by("line__order", "line__code", "order", "code")
    )
    rows: dict[int, list[IndicatorRow]] = defaultdict(list)
    indicators = Indicator.objects.filter(activity__in=activities).order_by("kind", "order", "id")
    for row in indicator_rows(indicators, Year(quarter.year), reference):
        rows[row.indicator.activity_id].append(row)
    reports = quarter_reports([a.pk for a in activities], quarter.year, quarter.number)
    history: dict[int, list[AuditEntry]] = defaultdict(list)
    entries = AuditEntry.objects.filter(
        subject_type__in=QUARTER_REPORT_SUBJECT_TYPES,
        subject_id__in=[report.pk for report in reports.values()],
    ).select_related("actor")
    for entry in entries.order_by("-at", "-id"):
        history[entry.subject_id].append(entry)
    return [
        ProgressEntry(
            activity=activity,
            computed=activity_status(row.progress.status for row in rows[activity.pk]),
            rows=rows[activity.pk],
            report=reports.get(activity.pk),
            history=history[reports[activity.pk].pk] if activity.pk in reports else [],
        )
        for activity in activities
    ]
