"""Writes to hours: the week grid, submission and approval, closing months, corrections,
projects. Each runs in a transaction and leaves an audit entry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.accounts.policy import Scope, has_capability
from koers.accounts.roles import Capability
from koers.core.audit import audit_write, snapshot
from koers.core.versioning import lock_for_edit
from koers.plans.models import Activity, Programme
from koers.work import rules
from koers.work.access import may_approve, may_manage
from koers.work.models import (
    ClosedMonth,
    Project,
    TimeCategory,
    TimeEntry,
    Week,
    WeekStatus,
    is_closed,
    month_of,
)
from koers.work.queries import weeks_blocking
from koers.work.validators import validate_project

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
            problems.append(_("%(day)s is not in this week.") % {"day": cell.day})
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
                % {"day": cell.day.strftime("%d-%m-%Y")}
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


@transaction.atomic
def month_close(
    *, actor: Any, organisation_id: int, month: dt.date, remote_addr: str | None = None
) -> ClosedMonth:
    """Close a month; refused, with the weeks named, while any week in it is not approved."""
    if not has_capability(actor, Capability.CLOSE_PERIOD, Scope(organisation_id=organisation_id)):
        raise PermissionDenied
    month = month_of(month)
    if ClosedMonth.objects.filter(organisation_id=organisation_id, month=month).exists():
        raise ValidationError(_("This month is already closed."))
    earlier_open = (
        TimeEntry.objects.filter(organisation_id=organisation_id, date__lt=month)
        .exclude(date__gte=month)
        .dates("date", "month")
    )
    closed = set(
        ClosedMonth.objects.filter(organisation_id=organisation_id).values_list("month", flat=True)
    )
    unclosed_before = [m for m in earlier_open if m not in closed]
    if unclosed_before:
        raise ValidationError(
            _("Close the earlier months first: %(months)s.")
            % {"months": ", ".join(m.strftime("%m-%Y") for m in unclosed_before)}
        )
    blocking = weeks_blocking(organisation_id, month)
    if blocking:
        raise ValidationError(
            [_("Not every week of this month is approved:")]
            + [
                _("%(user)s, week %(week)s (%(status)s)")
                % {
                    "user": week.user,
                    "week": week.monday.strftime("%V"),
                    "status": week.get_status_display(),
                }
                for week in blocking
            ]
        )
    closed_month = ClosedMonth.objects.create(
        organisation_id=organisation_id, month=month, closed_by=actor
    )
    audit_write(
        actor=actor,
        action="month.closed",
        instance=closed_month,
        remote_addr=remote_addr,
        organisation_id=organisation_id,
    )
    return closed_month


@transaction.atomic
def entry_correct(
    *,
    actor: Any,
    entry: TimeEntry,
    day: dt.date,
    hours: Decimal,
    note: str,
    remote_addr: str | None = None,
) -> TimeEntry:
    """A signed correction of an entry in a closed month, entered in an open month."""
    if (
        not has_capability(
            actor, Capability.CLOSE_PERIOD, Scope(organisation_id=entry.organisation_id)
        )
        and actor.pk != entry.user_id
    ):
        raise PermissionDenied
    if not is_closed(entry.organisation_id, entry.date):
        raise ValidationError(_("This entry is in an open month; change it in the week instead."))
    if is_closed(entry.organisation_id, day):
        raise ValidationError({"day": _("A correction goes in an open month.")})
    if hours == 0:
        raise ValidationError({"hours": _("A correction of 0 hours changes nothing.")})
    if not note.strip():
        raise ValidationError({"note": _("Say why the hours are corrected.")})
    corrected = entry.hours + (
        entry.corrections.aggregate(total=Sum("hours"))["total"] or Decimal(0)
    )
    if corrected + hours < 0:
        raise ValidationError({"hours": _("The correction would take the entry below zero hours.")})
    correction = TimeEntry.objects.create(
        user=entry.user,
        organisation_id=entry.organisation_id,
        date=day,
        hours=hours,
        note=note.strip(),
        corrects=entry,
        project=entry.project,
        activity=entry.activity,
        category=entry.category,
    )
    audit_write(
        actor=actor,
        action="time.corrected",
        instance=correction,
        after=snapshot(correction, ["date", "hours", "note", "corrects"]),
        remote_addr=remote_addr,
        organisation_id=entry.organisation_id,
    )
    return correction


PROJECT_FIELDS = [
    "programme",
    "handover_by",
    "code",
    "title",
    "funder",
    "partner",
    "municipality",
    "starts_on",
    "ends_on",
    "hours_budget",
    "programme_hours",
    "money_budget",
    "status",
]


@transaction.atomic
def project_save(
    *,
    actor: Any,
    organisation_id: int,
    values: dict[str, Any],
    project: Project | None = None,
    expected_version: int | None = None,
    remote_addr: str | None = None,
) -> Project:
    """Add a project to `organisation_id` or change one. The actor must manage projects
    where the project goes (its programme in `values`) and, for a change, where it is now:
    a coordinator cannot take a colleague's project into her programme, nor give hers away.
    A stale `expected_version` raises ConflictError with the current record."""
    programme = values.get("programme", project.programme if project else None)
    scope = Scope(organisation_id=organisation_id, programme_id=programme.pk if programme else None)
    if not has_capability(actor, Capability.MANAGE_PROJECTS, scope):
        raise PermissionDenied
    if programme is not None and programme.plan.organisation_id != organisation_id:
        raise PermissionDenied
    before = None
    if project is None:
        project = Project(organisation_id=organisation_id)
    else:
        # Where the project is as stored now (locked), not as the caller loaded it.
        current = Project.objects.select_for_update().get(pk=project.pk)
        if current.organisation_id != organisation_id or not may_manage(actor, current):
            raise PermissionDenied
        project = lock_for_edit(current, expected_version)
        before = snapshot(project, PROJECT_FIELDS)
    for name, value in values.items():
        setattr(project, name, value)
    validate_project(project)
    project.full_clean(exclude=["activities"])
    project.save()
    audit_write(
        actor=actor,
        action="project.saved" if before else "project.created",
        instance=project,
        before=before,
        after=snapshot(project, PROJECT_FIELDS),
        remote_addr=remote_addr,
    )
    return project


@transaction.atomic
def product_register(
    *,
    actor: Any,
    activity: Activity,
    title: str,
    kind: str,
    document: Any = None,
    link: str = "",
    remote_addr: str | None = None,
) -> Any:
    """Register an outgoing product of an activity; it awaits a second person's review."""
    from koers.plans.access import require
    from koers.work.models import Product

    require(actor, Capability.RECORD_REALISATION, activity.programme)
    if not document and not link:
        raise ValidationError(_("Attach the document or give a link to it."))
    product = Product(activity=activity, title=title, kind=kind, link=link, registered_by=actor)
    if document:
        product.document = document
    product.full_clean()
    product.save()
    audit_write(
        actor=actor,
        action="product.registered",
        instance=product,
        context=f"plans.activity:{activity.pk}",
        after=snapshot(product, ["title", "kind", "document", "link"]),
        remote_addr=remote_addr,
    )
    return product


@transaction.atomic
def product_review(
    *, actor: Any, product: Any, approve: bool, remark: str = "", remote_addr: str | None = None
) -> Any:
    """A second person approves the product or sends it back with a remark."""
    from koers.plans.access import require
    from koers.work.models import Product, ProductStatus

    product = (
        Product.objects.select_for_update().select_related("activity__programme").get(pk=product.pk)
    )
    require(actor, Capability.RECORD_REALISATION, product.activity.programme)
    if actor.pk == product.registered_by_id:
        raise ValidationError(_("A product is reviewed by someone other than who registered it."))
    if product.status != ProductStatus.IN_REVIEW:
        raise ValidationError(_("This product has already been reviewed."))
    if not approve and not remark.strip():
        raise ValidationError({"remark": _("Say what needs to change.")})
    before = snapshot(product, ["status", "remark"])
    product.status = ProductStatus.APPROVED if approve else ProductStatus.REJECTED
    product.reviewed_by = actor
    product.reviewed_at = timezone.now()
    product.remark = remark.strip()
    product.save()
    audit_write(
        actor=actor,
        action="product.approved" if approve else "product.sent_back",
        instance=product,
        context=f"plans.activity:{product.activity_id}",
        before=before,
        after=snapshot(product, ["status", "remark"]),
        remote_addr=remote_addr,
    )
    return product
