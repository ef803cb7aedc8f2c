"""The capacity page: the organisation's year of hours, aggregated in the database.

Every figure is one grouped query whatever the number of entries: direct and total hours
per month, hours per programme, per activity and per project, and the weeks not handed in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import (
    Count,
    Max,
    Min,
    Q,
)

from koers.plans.models import Activity, Programme
from koers.work.models import (
    Contract,
    HoursBudget,
    HoursTarget,
    Project,
    StaffProfile,
    TimeCategory,
    TimeEntry,
    Week,
    WeekStatus,
)
from koers.work.queries.common import (
    ZERO,
    MonthRow,
    YearMonth,
    month_start,
    share,
    sum_hours,
    working_days,
)
from koers.work.rules import monday_of


@dataclass
class Capacity:
    year: int
    until: dt.date
    target: HoursTarget | None
    direct: Decimal
    total: Decimal
    elapsed: Decimal  # share of the year's working days behind us, 0..1
    months: list[MonthRow]
    programmes: list[dict[str, Any]]
    projects: list[dict[str, Any]]
    activities: list[dict[str, Any]]
    missing_weeks: list[tuple[Any, list[dt.date]]] = field(default_factory=list)
    # every year of the multi-year plan's hours KPIs: the reference years and the targets
    plan_years: list[HoursTarget] = field(default_factory=list)

    @property
    def share(self) -> Decimal | None:
        return share(self.direct, self.total)

    @property
    def forecast(self) -> Decimal | None:
        """Direct hours at year end if the pace so far holds."""
        if not self.elapsed:
            return None
        return (self.direct / self.elapsed).quantize(Decimal(1))

    @property
    def expected_by_now(self) -> Decimal | None:
        if self.target is None:
            return None
        return (self.target.direct_hours * self.elapsed).quantize(Decimal(1))


def year_totals(organisation_id: int, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """Hours per month × activity × project × category: the one scan of the entries that
    every figure of the capacity page is summed from (a few hundred rows at most)."""
    return list(
        TimeEntry.objects.filter(organisation_id=organisation_id, date__gte=start, date__lte=end)
        .annotate(month=YearMonth("date"))
        .values("month", "activity_id", "project_id", "category_id")
        .annotate(hours=sum_hours())
        .order_by()
    )


def capacity(organisation_id: int, year: int, until: dt.date) -> Capacity:
    start = dt.date(year, 1, 1)
    end = min(until, dt.date(year, 12, 31))
    rows = year_totals(organisation_id, start, end)
    direct_categories = set(
        TimeCategory.objects.filter(organisation_id=organisation_id, direct=True).values_list(
            "pk", flat=True
        )
    )
    per_month: dict[dt.date, list[Decimal]] = {}
    per_activity: dict[int, Decimal] = {}
    per_project: dict[int, Decimal] = {}
    for row in rows:
        is_direct = bool(
            row["activity_id"] or row["project_id"] or row["category_id"] in direct_categories
        )
        month = per_month.setdefault(month_start(row["month"]), [ZERO, ZERO])
        month[1] += row["hours"]
        if is_direct:
            month[0] += row["hours"]
        if row["activity_id"]:
            per_activity[row["activity_id"]] = (
                per_activity.get(row["activity_id"], ZERO) + row["hours"]
            )
        if row["project_id"]:
            per_project[row["project_id"]] = per_project.get(row["project_id"], ZERO) + row["hours"]
    months = [MonthRow(month, d, t) for month, (d, t) in sorted(per_month.items())]
    direct = sum((m.direct for m in months), ZERO)
    total = sum((m.total for m in months), ZERO)
    year_days = working_days(start, dt.date(year, 12, 31))
    elapsed = Decimal(working_days(start, end)) / Decimal(year_days)
    plan_years = list(HoursTarget.objects.filter(organisation_id=organisation_id).order_by("year"))
    target = next((t for t in plan_years if t.year == year and not t.is_reference), None)
    projects = list(
        Project.objects.filter(organisation_id=organisation_id)
        .select_related("programme")
        .order_by("code", "title")
    )
    activities = list(Activity.objects.filter(pk__in=per_activity).select_related("programme"))
    budgets = {
        (b.activity_id, b.project_id): b.hours
        for b in HoursBudget.objects.filter(year=year).filter(
            Q(activity__programme__plan__organisation_id=organisation_id)
            | Q(project__organisation_id=organisation_id)
        )
    }
    return Capacity(
        year=year,
        until=end,
        target=target,
        direct=direct,
        total=total,
        elapsed=elapsed,
        months=months,
        programmes=_programmes(
            organisation_id, year, activities, per_activity, projects, per_project, target, elapsed
        ),
        projects=[
            {
                "project": project,
                "hours": per_project.get(project.pk, ZERO),
                "budget": project.hours_budget,
                "used": share(per_project.get(project.pk, ZERO), project.hours_budget)
                if project.hours_budget
                else None,
                "year_budget": budgets.get((None, project.pk)),
            }
            for project in projects
            if project.pk in per_project or project.status in ("planned", "running")
        ],
        activities=sorted(
            (
                {
                    "activity": a,
                    "hours": per_activity[a.pk],
                    "budget": budgets.get((a.pk, None)),
                    "used": share(per_activity[a.pk], budgets[(a.pk, None)])
                    if budgets.get((a.pk, None))
                    else None,
                }
                for a in activities
            ),
            key=lambda row: (-row["hours"], row["activity"].code),
        ),
        missing_weeks=missing_weeks(organisation_id, start, end),
        plan_years=plan_years,
    )


def _programmes(
    organisation_id: int,
    year: int,
    activities: list[Activity],
    per_activity: dict[int, Decimal],
    projects: list[Project],
    per_project: dict[int, Decimal],
    target: HoursTarget | None,
    elapsed: Decimal,
) -> list[dict[str, Any]]:
    """Hours per programme (on its activities and on its projects) against its FTE."""
    hours: dict[int, Decimal] = {}
    for activity in activities:
        hours[activity.programme_id] = (
            hours.get(activity.programme_id, ZERO) + per_activity[activity.pk]
        )
    for project in projects:
        if project.programme_id and project.pk in per_project:
            hours[project.programme_id] = (
                hours.get(project.programme_id, ZERO) + per_project[project.pk]
            )
    hours_per_fte = target.hours_per_fte if target else Decimal(1872)
    rows = []
    for programme in Programme.objects.filter(
        plan__organisation_id=organisation_id, plan__start_year__lte=year, plan__end_year__gte=year
    ).order_by("order", "code"):
        spent = hours.get(programme.pk, ZERO)
        promised = (programme.fte * hours_per_fte) if programme.fte else None
        rows.append(
            {
                "programme": programme,
                "hours": spent,
                "fte": programme.fte,
                "promised": promised,
                "expected_by_now": (promised * elapsed).quantize(Decimal(1)) if promised else None,
                "fte_so_far": (spent / hours_per_fte / elapsed).quantize(Decimal("0.01"))
                if elapsed
                else None,
            }
        )
    return rows


def missing_weeks(
    organisation_id: int, start: dt.date, end: dt.date
) -> list[tuple[Any, list[dt.date]]]:
    """Per staff member, the past weeks of the period she has not handed in."""
    last_monday = monday_of(end) - dt.timedelta(days=7)  # the current week is still open
    mondays = []
    monday = monday_of(start)
    if monday < start:  # a week that began in the previous year belongs to that year
        monday += dt.timedelta(days=7)
    while monday <= last_monday:
        mondays.append(monday)
        monday += dt.timedelta(days=7)
    handed_in: dict[int, set[dt.date]] = {}
    for user_id, week_monday in Week.objects.filter(
        organisation_id=organisation_id,
        monday__gte=monday_of(start),
        monday__lte=last_monday,
        status__in=[WeekStatus.SUBMITTED, WeekStatus.APPROVED],
    ).values_list("user_id", "monday"):
        handed_in.setdefault(user_id, set()).add(week_monday)
    # Only the weeks she was employed: from her first contract to the end of her last.
    spans: dict[int, tuple[dt.date, dt.date | None]] = {}
    for row in (
        Contract.objects.filter(profile__organisation_id=organisation_id)
        .values("profile_id")
        .annotate(
            first=Min("starts_on"),
            last=Max("ends_on"),
            open=Count("id", filter=Q(ends_on__isnull=True)),
        )
    ):
        spans[row["profile_id"]] = (row["first"], None if row["open"] else row["last"])
    result = []
    for profile in StaffProfile.objects.filter(organisation_id=organisation_id).select_related(
        "user"
    ):
        first, last = spans.get(profile.pk, (None, None))
        missing = [
            m
            for m in mondays
            if m not in handed_in.get(profile.user_id, set())
            and (first is None or m + dt.timedelta(days=6) >= first)
            and (last is None or m <= last)
        ]
        if missing:
            result.append((profile.user, missing))
    return result
