"""Writes to her week: saving the grid's cells, submitting, approving and returning."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from koers.accounts.policy import Scope, has_capability
from koers.accounts.roles import Capability
from koers.core.audit import audit_write, snapshot
from koers.plans.models import Activity, Programme
from koers.work import rules
from koers.work.access import may_approve
from koers.work.models import (
    Project,
    TimeCategory,
    TimeEntry,
    Week,
    WeekStatus,
    is_closed,
)

Target = Project | Activity | TimeCategory


@dataclass(frozen=True)
class Cell:
    """One cell of the week grid: hours on a target on a day (0 removes the entry)."""

    target: Target
    day: dt.date
    hours: Decimal
    note: str = ""


def _target_fields(target: Target) -> dict[str, Any]:
    if isinstance(target, Project):
        return {"project": target}
    if isinstance(target, Activity):
        return {"activity": target}
    return {"category": target}


def _organisation_of(target: Target, owners: dict[int, int]) -> int:
    """The organisation whose project, activity or category `target` is."""
    if isinstance(target, Activity):
        if target.programme_id not in owners:
            owners[target.programme_id] = Programme.objects.values_list(
                "plan__organisation_id", flat=True
            ).get(pk=target.programme_id)
        return owners[target.programme_id]
    return target.organisation_id


def _week_for(user: Any, organisation_id: int, monday: dt.date, *, lock: bool = False) -> Week:
    week, _created = Week.objects.get_or_create(
        user=user, monday=monday, defaults={"organisation_id": organisation_id}
    )
    if lock:
        week = Week.objects.select_for_update().get(pk=week.pk)
    return week


@transaction.atomic
def week_save(
    *,
    actor: Any,
    organisation_id: int,
    monday: dt.date,
    cells: list[Cell],
    remote_addr: str | None = None,
) -> Week:
    """Set the hours of the cells of her own week, all or nothing.

    Every problem is collected and raised together so the grid can show them all. A cell
    on a project, activity or category of another organisation is refused outright
    (PermissionDenied): the grid never offers one.
    """
    if not has_capability(actor, Capability.RECORD_HOURS, Scope(organisation_id=organisation_id)):
        raise PermissionDenied
    week = _week_for(actor, organisation_id, monday, lock=True)
    if not week.editable:
        raise ValidationError(_("This week has been submitted; it can no longer be changed."))
    days = {monday + dt.timedelta(days=n) for n in range(7)}
    problems: list[str] = []
    existing = {
        (entry.project_id, entry.activity_id, entry.category_id, entry.date): entry
        for entry in TimeEntry.objects.select_for_update().filter(
            user=actor, date__in=days, corrects__isnull=True
        )
    }
    changes: list[tuple[Cell, TimeEntry | None]] = []
    owners: dict[int, int] = {}  # programme → organisation, read once per programme
    for cell in cells:
        if cell.day not in days:
            problems.append(_("%(day)s is not in this week.") % {"day": date_format(cell.day)})
            continue
        if cell.hours < 0:
            problems.append(_("Hours cannot be negative."))
            continue
        if _organisation_of(cell.target, owners) != organisation_id:
            # The grid offers only the organisation's own; anything else was forged.
            raise PermissionDenied
        key = (
            cell.target.pk if isinstance(cell.target, Project) else None,
            cell.target.pk if isinstance(cell.target, Activity) else None,
            cell.target.pk if isinstance(cell.target, TimeCategory) else None,
            cell.day,
        )
        entry = existing.get(key)
        if entry is not None and entry.hours == cell.hours and entry.note == cell.note:
            continue
        if entry is None and cell.hours == 0:
            continue
        if is_closed(organisation_id, cell.day):
            problems.append(
                _("%(day)s lies in a closed month; enter a correction instead.")
                % {"day": date_format(cell.day)}
            )
            continue
        try:
            if cell.hours:
                rules.check_target_on(cell.target, cell.day)
                rules.check_note(cell.target, cell.note)
        except ValidationError as error:
            problems.extend(error.messages)
            continue
        changes.append((cell, entry))
    if problems:
        raise ValidationError(problems)
    for cell, entry in changes:
        if cell.hours == 0 and entry is not None:
            audit_write(
                actor=actor,
                action="time.removed",
                instance=entry,
                before=snapshot(entry, ["date", "hours", "note"]),
                remote_addr=remote_addr,
                organisation_id=organisation_id,
            )
            entry.delete()
        elif entry is not None:
            before = snapshot(entry, ["hours", "note"])
            entry.hours, entry.note = cell.hours, cell.note
            entry.save()
            audit_write(
                actor=actor,
                action="time.changed",
                instance=entry,
                before=before,
                after=snapshot(entry, ["hours", "note"]),
                remote_addr=remote_addr,
                organisation_id=organisation_id,
            )
        else:
            entry = TimeEntry.objects.create(
                user=actor,
                organisation_id=organisation_id,
                date=cell.day,
                hours=cell.hours,
                note=cell.note,
                **_target_fields(cell.target),
            )
            audit_write(
                actor=actor,
                action="time.recorded",
                instance=entry,
                after=snapshot(entry, ["date", "hours", "note"]),
                remote_addr=remote_addr,
                organisation_id=organisation_id,
            )
    totals = (
        TimeEntry.objects.filter(user=actor, date__in=days)
        .values("date")
        .annotate(total=Sum("hours"))
    )
    for row in totals:
        try:
            rules.check_day_total(row["date"], row["total"])
        except ValidationError as error:
            problems.extend(error.messages)
    if problems:
        raise ValidationError(problems)  # rolls the whole week back
    return week


def _decide(actor: Any, week: Week, status: str, action: str, remark: str, ip: str | None) -> Week:
    before = snapshot(week, ["status", "remark"])
    week.status = status
    week.remark = remark
    week.decided_by = actor if status in (WeekStatus.APPROVED, WeekStatus.RETURNED) else None
    week.decided_at = timezone.now() if week.decided_by else None
    week.save()
    audit_write(
        actor=actor,
        action=action,
        instance=week,
        before=before,
        after=snapshot(week, ["status", "remark"]),
        remote_addr=ip,
        organisation_id=week.organisation_id,
    )
    return week


@transaction.atomic
def week_submit(*, actor: Any, week: Week, remote_addr: str | None = None) -> Week:
    week = Week.objects.select_for_update().get(pk=week.pk)
    if week.user_id != actor.pk:
        raise PermissionDenied
    if not week.editable:
        raise ValidationError(_("This week has already been submitted."))
    week.submitted_at = timezone.now()
    return _decide(actor, week, WeekStatus.SUBMITTED, "week.submitted", "", remote_addr)


@transaction.atomic
def week_approve(*, actor: Any, week: Week, remote_addr: str | None = None) -> Week:
    week = Week.objects.select_for_update().get(pk=week.pk)
    if not may_approve(actor, week):
        raise PermissionDenied
    if week.status != WeekStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted week can be approved."))
    return _decide(actor, week, WeekStatus.APPROVED, "week.approved", "", remote_addr)


@transaction.atomic
def week_return(*, actor: Any, week: Week, remark: str, remote_addr: str | None = None) -> Week:
    week = Week.objects.select_for_update().get(pk=week.pk)
    if not may_approve(actor, week):
        raise PermissionDenied
    if week.status not in (WeekStatus.SUBMITTED, WeekStatus.APPROVED):
        raise ValidationError(_("Only a submitted or approved week can be returned."))
    if not remark.strip():
        raise ValidationError({"remark": _("Say what needs to change.")})
    if any(is_closed(week.organisation_id, week.monday + dt.timedelta(days=n)) for n in range(7)):
        raise ValidationError(
            _("This week lies (partly) in a closed month; it cannot be returned.")
        )
    return _decide(actor, week, WeekStatus.RETURNED, "week.returned", remark.strip(), remote_addr)
