"""Import of existing hours from CSV or Excel, with a dry run.

Columns (first row; Dutch or English names, any order, case ignored):

| column | also | required | content |
| --- | --- | --- | --- |
| datum | date | yes | 2021-03-01 or 1-3-2021 |
| medewerker | user, staff | yes | user name or e-mail address of a staff member |
| uren | hours | yes | 0.25 – 24, with a comma or a point |
| project | | one of three | project code |
| activiteit | activity | one of three | activity code (of the date's year) |
| categorie | category | one of three | category name |
| notitie | note | where the category asks for one | |

Every row is checked by the same rules as the week grid (24 hours a day including hours
already registered, project dates, activity year, notes, closed months). Nothing is saved
while any row fails, unless the user chooses to skip failing rows; those can be downloaded.
Every imported row has its own audit entry.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from koers.accounts.policy import Scope, has_capability
from koers.accounts.roles import Capability
from koers.core import tables
from koers.core.audit import audit_write, snapshot
from koers.core.forms import TextLimit
from koers.plans.models import Activity
from koers.work import rules
from koers.work.grid import parse_hours
from koers.work.models import (
    ClosedMonth,
    Project,
    StaffProfile,
    TimeCategory,
    TimeEntry,
    month_of,
)

NOTE_LENGTH = TimeEntry._meta.get_field("note").max_length or 300

COLUMNS = {
    "date": ("datum", "date"),
    "user": ("medewerker", "user", "staff", "gebruiker"),
    "hours": ("uren", "hours"),
    "project": ("project",),
    "activity": ("activiteit", "activity"),
    "category": ("categorie", "category"),
    "note": ("notitie", "note", "toelichting"),
}
MAX_ROWS = 20000
DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")


Row = tables.ImportRow
Report = tables.ImportReport


def _date(text: str) -> dt.date | None:
    for pattern in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


@dataclass
class _Known:
    """What the rows are checked against: the organisation's staff, projects, activities,
    categories and closed months, each read once."""

    organisation_id: int
    staff: dict[str, Any]
    projects: dict[str, Project]
    activities: dict[tuple[str, int], Activity]
    categories: dict[str, TimeCategory]
    closed_months: set[dt.date]


def read(path: Path) -> list[list[str]]:
    """The file's rows, with one more than allowed when it is longer (see `check`)."""
    return tables.read_table(path, MAX_ROWS)


def check(rows: list[list[str]], *, organisation_id: int) -> Report:
    """Validate every row; saves nothing. Each passing row carries its unsaved entry."""
    report, header = tables.begin(
        rows, COLUMNS, required=("date", "user", "hours"), max_rows=MAX_ROWS
    )
    if header is None:
        return report
    known = _Known(
        organisation_id=organisation_id,
        staff=_staff(organisation_id),
        projects={
            p.code.lower(): p
            for p in Project.objects.filter(organisation_id=organisation_id)
            if p.code
        },
        activities={
            (a.code.lower(), a.year): a
            for a in Activity.objects.filter(programme__plan__organisation_id=organisation_id)
        },
        categories={
            c.name.lower(): c for c in TimeCategory.objects.filter(organisation_id=organisation_id)
        },
        # The closed months, once: asking per row made a dry run one query a row.
        closed_months=set(
            ClosedMonth.objects.filter(organisation_id=organisation_id).values_list(
                "month", flat=True
            )
        ),
    )
    day_totals: dict[tuple[int, dt.date], Decimal] = defaultdict(Decimal)
    for line, raw, values in tables.data_rows(rows, header):
        row = Row(line, raw, values)
        report.rows.append(row)
        _check_row(row, known, day_totals)
    _check_day_totals(report, day_totals)
    return report


def _staff(organisation_id: int) -> dict[str, Any]:
    found = {}
    for profile in StaffProfile.objects.filter(organisation_id=organisation_id).select_related(
        "user"
    ):
        found[profile.user.username.lower()] = profile.user
        if profile.user.email:
            found[profile.user.email.lower()] = profile.user
    return found


def _check_row(row: Row, known: _Known, day_totals: dict[tuple[int, dt.date], Decimal]) -> None:
    values, problems = row.values, row.problems
    day = _date(values["date"])
    if day is None:
        problems.append(_("'%(value)s' is not a date.") % {"value": values["date"]})
    user = known.staff.get(values["user"].lower())
    if user is None:
        problems.append(
            _("'%(value)s' is not a staff member of this organisation.") % {"value": values["user"]}
        )
    try:
        hours = parse_hours(values["hours"])
        if hours == 0:
            problems.append(_("Hours missing."))
    except ValueError as error:
        problems.append(str(error))
        hours = Decimal(0)
    named = [n for n in ("project", "activity", "category") if values.get(n)]
    if len(named) != 1:
        problems.append(_("Give exactly one of project, activity and category."))
        return
    kind, name = named[0], values[named[0]]
    target: Any = None
    if kind == "project":
        target = known.projects.get(name.lower())
    elif kind == "category":
        target = known.categories.get(name.lower())
    elif day is not None:
        target = known.activities.get((name.lower(), day.year))
    if target is None:
        problems.append(_("'%(value)s' is not known here.") % {"value": name})
    if problems or day is None or user is None:
        return
    try:
        TextLimit(NOTE_LENGTH)(values.get("note", ""))
    except ValidationError as error:
        problems.extend(_("Note: %(problem)s") % {"problem": text} for text in error.messages)
        return
    try:
        rules.check_target_on(target, day)
        rules.check_note(target, values.get("note", ""))
        if month_of(day) in known.closed_months:
            raise ValidationError(_("%(day)s lies in a closed month.") % {"day": date_format(day)})
    except ValidationError as error:
        problems.extend(error.messages)
        return
    day_totals[(user.pk, day)] += hours
    row.record = TimeEntry(
        user=user,
        organisation_id=known.organisation_id,
        date=day,
        hours=hours,
        note=values.get("note", ""),
        **{kind: target},
    )


def _check_day_totals(report: Report, day_totals: dict[tuple[int, dt.date], Decimal]) -> None:
    """No day over 24 hours, counting what is already registered (one query)."""
    if not day_totals:
        return
    # The file's staff over the file's days, not one condition per day and person: a file
    # of more than a thousand of those made SQLite refuse the query ("expression tree is
    # too large") and took minutes to build. The extra days are left out below.
    users = {user_id for user_id, _day in day_totals}
    days = [day for _user_id, day in day_totals]
    existing = {
        (row["user_id"], row["date"]): row["total"]
        for row in TimeEntry.objects.filter(user_id__in=users, date__range=(min(days), max(days)))
        .values("user_id", "date")
        .annotate(total=Sum("hours"))
    }
    for row in report.passing:
        assert row.record is not None
        key = (row.record.user_id, row.record.date)
        try:
            rules.check_day_total(row.record.date, day_totals[key] + existing.get(key, Decimal(0)))
        except ValidationError as error:
            row.problems.extend(error.messages)
            row.record = None


@transaction.atomic
def apply(report: Report, *, actor: Any, skip_failing: bool, remote_addr: str | None) -> int:
    """Save the passing rows, each with its audit entry; refuses while rows fail unless
    skipping them."""
    report.refuse_unless_importable(skip_failing=skip_failing)
    for organisation_id in {row.record.organisation_id for row in report.passing if row.record}:
        # The rows were checked against this organisation's staff and projects; saving them
        # is closing-the-books work there (the view asks the same, a script must too).
        if not has_capability(
            actor, Capability.CLOSE_PERIOD, Scope(organisation_id=organisation_id)
        ):
            raise PermissionDenied
    for row in report.passing:
        assert row.record is not None
        row.record.save()
        audit_write(
            actor=actor,
            action="time.imported",
            instance=row.record,
            after=snapshot(row.record, ["date", "hours", "note"]),
            remote_addr=remote_addr,
            organisation_id=row.record.organisation_id,
        )
    return len(report.passing)
