"""The parts every report is built from: programmes with their lines, activities and
indicators (target, realised, status, the coordinator's override and narrative), hours,
and the programme budget.

Content is plain data — strings, numbers as strings, lists and dicts — so it is stored as
it is in a snapshot when a report is sent, compared with today's figures for the
differences, and rendered the same way on the page, in Word, in PDF and in Excel. Labels
are translated when the content is built, in the language of the person building it.

Every figure is read through the apps' read-side queries, aggregated in the database:
one query per kind of record for the whole report, not per activity.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db.models import F, Max, QuerySet, Sum
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from koers.core.periods import Year
from koers.plans.measures import get_measure, lists_records
from koers.plans.models import (
    Activity,
    ActivityPhase,
    ActivityRole,
    Aggregation,
    Indicator,
    IndicatorKind,
    Programme,
    Realisation,
    Source,
    Unit,
)
from koers.plans.progress import Status
from koers.plans.queries import indicator_rows, quarter_reports

NO_MUNICIPALITY = "—"


def num(value: Decimal | int | None) -> str | None:
    """A number as content: a plain decimal string (exact), or None."""
    if value is None:
        return None
    return format(Decimal(value).normalize(), "f") if value != 0 else "0"


def day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def long_date(value: dt.date) -> str:
    return date_format(value)


def programmes_for(plan_id: int, recipient_id: int) -> QuerySet[Programme]:
    """The programmes of the plan that the recipient funds, in the plan's order."""
    return Programme.objects.filter(plan_id=plan_id, funders=recipient_id).order_by("order", "code")


def _status_label(status: str) -> str:
    return str(Status(status).label) if status else ""


def _by_municipality(indicators: list[Any], year: Year, until: dt.date) -> dict[int, dict]:
    """Realised per municipality for each hand-entered indicator (its own columns in Excel):
    the sum for summed indicators, else the highest value. One grouped query."""
    rows = (
        Realisation.objects.filter(
            indicator__in=[i.pk for i in indicators if i.source == Source.MANUAL],
            date__gte=year.start,
            date__lte=until,
        )
        .values("indicator_id", "municipality__name")
        .annotate(total=Sum("value"), highest=Max("value"))
        .order_by()
    )
    aggregation = {i.pk: i.aggregation for i in indicators}
    found: dict[int, dict[str, str | None]] = defaultdict(dict)
    for row in rows:
        value = row["total"] if aggregation[row["indicator_id"]] == Aggregation.SUM else None
        if value is None:
            value = row["highest"]
        found[row["indicator_id"]][row["municipality__name"] or NO_MUNICIPALITY] = num(value)
    return found


def _evidence(indicators: list[Any], year: Year, until: dt.date) -> dict[int, list[dict]]:
    """What each figure rests on: the realisations entered (date, value, place, note, the
    evidence's name or link), or the records a derived measure counted (only their number
    where they are about people). Never who entered them: reports go to funders, who see
    aggregates only."""
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    manual = [i.pk for i in indicators if i.source == Source.MANUAL]
    for realisation in (
        Realisation.objects.filter(indicator__in=manual, date__gte=year.start, date__lte=until)
        .select_related("municipality")
        .order_by("indicator_id", "date", "id")
    ):
        found[realisation.indicator_id].append(
            {
                "date": day(realisation.date),
                "value": num(realisation.value),
                "municipality": realisation.municipality.name if realisation.municipality else "",
                "note": realisation.note,
                "source": realisation.evidence_url
                or (
                    realisation.evidence_file.name.rsplit("/", 1)[-1]
                    if realisation.evidence_file
                    else ""
                ),
                "example": realisation.is_example,
            }
        )
    for indicator in indicators:
        if indicator.source != Source.DERIVED:
            continue
        measure = get_measure(indicator.measure)
        if measure is None or measure.records is None:
            continue
        records = measure.records(indicator, year.start, until)
        if not lists_records(records.model):  # about people: counted, never listed
            found[indicator.pk].append(
                {
                    "date": None,
                    "value": num(records.count()),
                    "municipality": "",
                    "note": _("records counted"),
                    "source": str(measure.label),
                    "example": False,
                }
            )
            continue
        for record in records:
            found[indicator.pk].append(
                {
                    "date": day(getattr(record, "date", None)),
                    "value": None,
                    "municipality": "",
                    "note": record.evidence_text()
                    if hasattr(record, "evidence_text")
                    else str(record),
                    "source": str(measure.label),
                    "example": bool(getattr(record, "is_example", False)),
                }
            )
    return found


def indicator_content(
    rows: list[Any],
    year: Year,
    until: dt.date,
    *,
    overrides: dict[int, Any],
    agreed: dict[int, Decimal] | None = None,
    with_evidence: bool = False,
) -> dict[int, list[dict[str, Any]]]:
    """Each indicator row (from `plans.queries.indicator_rows`) as content, per activity."""
    indicators = [row.indicator for row in rows]
    places = _by_municipality(indicators, year, until)
    evidence = _evidence(indicators, year, until) if with_evidence else {}
    per_activity: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        indicator, progress = row.indicator, row.progress
        written = overrides.get(indicator.activity_id)
        override = getattr(written, "status_override", "") or ""
        per_activity[indicator.activity_id].append(
            {
                "id": indicator.pk,
                "kind": indicator.kind,
                "kind_label": str(IndicatorKind(indicator.kind).label),
                "title": indicator.title,
                "unit": indicator.unit,
                "unit_label": str(Unit(indicator.unit).label),
                "aggregation": indicator.aggregation,
                "derived": indicator.source == Source.DERIVED,
                "verification": indicator.verification,
                "target": num(progress.target),
                "agreed_target": num(agreed.get(indicator.pk)) if agreed is not None else None,
                "realised": num(progress.realised) if progress.measured else None,
                "expected": num(progress.expected),
                "status": str(progress.status),
                "status_label": _status_label(progress.status),
                "override": override,
                "override_label": _status_label(override),
                "override_reason": getattr(written, "override_reason", "") if override else "",
                "shown_status": override or str(progress.status),
                "shown_status_label": _status_label(override or progress.status),
                "by_municipality": places.get(indicator.pk, {}),
                "evidence": evidence.get(indicator.pk, []),
            }
        )
    return per_activity


def reports_of_period(activity_ids: list[int], year: int, quarter: int | None) -> dict[int, Any]:
    """The coordinator's narrative, risks and status override per activity for the quarter
    (for a whole year: the fourth quarter's), read in one query."""
    return quarter_reports(activity_ids, year, quarter or 4)


def programme_sections(
    programmes: list[Programme],
    year: Year,
    reference: dt.date,
    *,
    quarter: int | None = None,
    indicators: QuerySet[Indicator] | None = None,
    agreed: dict[int, Decimal] | None = None,
    with_progress: bool = True,
    with_evidence: bool = False,
) -> list[dict[str, Any]]:
    """Per programme: its lines, activities and indicators for `year` as of `reference`,
    with the narrative and hours per activity. `indicators` narrows the indicators (a
    grant's), `agreed` adds the target a funder agreed beside the plan's own."""
    from koers.work.queries import hours_budgets, hours_by_activity

    until = min(reference, year.end)
    activities = list(
        Activity.objects.filter(programme__in=programmes, year=year.value)
        .select_related("line", "programme")
        .order_by(
            F("line__order").asc(nulls_last=True),
            F("line__code").asc(nulls_last=True),
            "order",
            "code",
        )
    )
    activity_ids = [a.pk for a in activities]
    # A grant's report narrows the indicators: it shows only the activities they belong to.
    keep_all = indicators is None
    if indicators is None:
        indicators = Indicator.objects.filter(activity__in=activity_ids)
    rows = indicator_rows(
        indicators.select_related("activity__programme__plan").order_by("kind", "order", "id"),
        year,
        until,
    )
    written = reports_of_period(activity_ids, year.value, quarter) if with_progress else {}
    figures = indicator_content(
        rows, year, until, overrides=written, agreed=agreed, with_evidence=with_evidence
    )
    hours = hours_by_activity(activity_ids, year.start, until) if with_progress else {}
    budgets = hours_budgets(activity_ids, year.value)
    sections = []
    for programme in programmes:
        lines: list[dict[str, Any]] = []
        roles: set[str] = set()
        counts: dict[str, int] = defaultdict(int)
        for activity in (a for a in activities if a.programme_id == programme.pk):
            items = figures.get(activity.pk, [])
            if not items and not keep_all:
                continue
            quarter_report = written.get(activity.pk)
            roles.add(str(ActivityRole(activity.role).label))
            for item in items:
                counts[item["shown_status"]] += 1
            line_title = activity.line.title if activity.line else ""
            if not lines or lines[-1]["title"] != line_title:
                lines.append(
                    {
                        "code": activity.line.code if activity.line else "",
                        "title": line_title,
                        "activities": [],
                    }
                )
            lines[-1]["activities"].append(
                {
                    "id": activity.pk,
                    "code": activity.code,
                    "title": activity.title,
                    "description": activity.description,
                    "outcome": activity.outcome,
                    "role": str(ActivityRole(activity.role).label),
                    "phase": str(ActivityPhase(activity.phase).label),
                    "status": activity.get_status_display(),
                    "decision": activity.get_decision_display() if activity.decision else "",
                    "decision_reason": activity.decision_reason,
                    "narrative": getattr(quarter_report, "narrative", "") if quarter_report else "",
                    "risks": getattr(quarter_report, "risks", "") if quarter_report else "",
                    "hours": num(hours.get(activity.pk)) if with_progress else None,
                    "hours_budget": num(budgets.get(activity.pk)),
                    "outputs": [i for i in items if i["kind"] == IndicatorKind.OUTPUT],
                    "outcomes": [i for i in items if i["kind"] == IndicatorKind.OUTCOME],
                }
            )
        sections.append(
            {
                "id": programme.pk,
                "code": programme.code,
                "name": programme.name,
                "strategic_goal": programme.strategic_goal,
                "introduction": programme.introduction,
                "fte": num(programme.fte),
                "roles": sorted(roles),
                "counts": dict(counts),
                "lines": lines,
                "budget": None,
            }
        )
    return sections


def period_values(
    programmes: list[Programme], year: Year, until: dt.date, indicator_ids: list[int] | None = None
) -> dict[str, dict[str, Any]]:
    """Realised, status and per-municipality values of each indicator up to `until`, for
    a row per indicator per period in Excel. Keyed by the indicator's id as text, as the
    content is stored as JSON."""
    indicators = Indicator.objects.filter(
        activity__programme__in=programmes, activity__year=year.value
    )
    if indicator_ids is not None:
        indicators = indicators.filter(pk__in=indicator_ids)
    rows = indicator_rows(indicators.select_related("activity"), year, until)
    places = _by_municipality([row.indicator for row in rows], year, until)
    return {
        str(row.indicator.pk): {
            "realised": num(row.progress.realised) if row.progress.measured else None,
            "expected": num(row.progress.expected),
            "status_label": _status_label(row.progress.status),
            "by_municipality": places.get(row.indicator.pk, {}),
        }
        for row in rows
    }
