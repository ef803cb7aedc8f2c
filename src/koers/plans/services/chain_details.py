"""What surrounds the activities of a plan: tactical goals and standing tasks of a programme
or line, partners of an activity, and the plan's dated milestones.

Each function checks that the actor may edit the plan (milestones: manage the annual plan,
as they belong to the whole plan, not to one programme), validates with messages for the
user, writes in a transaction and records an audit entry; a refusal changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from koers.accounts.roles import Capability
from koers.core.audit import audit_write, context_of, snapshot
from koers.core.versioning import Versioned, lock_for_edit
from koers.directory.models import Organisation
from koers.plans.access import may_manage_milestones, require
from koers.plans.models import (
    Activity,
    ActivityPartner,
    DatePrecision,
    Line,
    Milestone,
    PartnerRole,
    Plan,
    Programme,
    StandingTask,
    TacticalGoal,
    period_end,
)

TACTICAL_GOAL_FIELDS = ["line", "text", "target_year"]
STANDING_TASK_FIELDS = ["line", "title", "role", "description"]
PARTNER_FIELDS = ["organisation", "role", "note"]
MILESTONE_FIELDS = ["title", "date", "precision", "done", "activity"]

# A goal's year may lie beyond the plan's last year (Versterken van Inwoners aims at 2025 in
# a plan for 2021–2024), but not further than this.
YEARS_BEYOND_PLAN = 10


def _check_line(programme: Programme, line: Line | None) -> None:
    if line is not None and line.programme_id != programme.pk:
        raise ValidationError({"line": _("Choose a line of this programme.")})


def _required(value: str, field: str) -> str:
    value = value.strip()
    if not value:
        raise ValidationError({field: _("This field is required.")})
    return value


def _opened(
    existing: Versioned | None,
    new: Callable[[], Versioned],
    expected_version: int | None,
    fields: list[str],
) -> tuple[Versioned, dict[str, Any] | None]:
    """The record to write and its state before: `new()` when there is none yet, else
    `existing` locked for the edit at the version her form was opened with."""
    if existing is None:
        return new(), None
    record = lock_for_edit(existing, expected_version)
    return record, snapshot(record, fields)


def _saved(
    record: Versioned,
    *,
    actor: Any,
    action: str,
    before: dict[str, Any] | None,
    fields: list[str],
    remote_addr: str | None,
    **context: Any,
) -> Versioned:
    """`record` saved, with its audit entry from `before` to now."""
    record.save()
    audit_write(
        actor=actor,
        action=action,
        instance=record,
        before=before,
        after=snapshot(record, fields),
        remote_addr=remote_addr,
        **context,
    )
    return record


def _next_order(queryset: Any) -> int:
    return int(queryset.aggregate(last=Max("order"))["last"] or 0) + 1


@transaction.atomic
def tactical_goal_save(
    *,
    actor: Any,
    programme: Programme,
    line: Line | None,
    text: str,
    target_year: int,
    goal: TacticalGoal | None = None,
    expected_version: int | None = None,
    remote_addr: str | None = None,
) -> TacticalGoal:
    """Add a tactical goal to `programme` (or one of its lines), or change `goal`."""
    require(actor, Capability.EDIT_PLAN, programme)
    _check_line(programme, line)
    text = _required(text, "text")
    plan = programme.plan
    if not plan.start_year <= target_year <= plan.end_year + YEARS_BEYOND_PLAN:
        raise ValidationError(
            {
                "target_year": _("Choose a year from %(start)s to %(end)s.")
                % {"start": plan.start_year, "end": plan.end_year + YEARS_BEYOND_PLAN}
            }
        )
    if goal is not None and goal.programme_id != programme.pk:
        raise PermissionDenied
    record, before = _opened(
        goal,
        lambda: TacticalGoal(
            programme=programme,
            order=_next_order(TacticalGoal.objects.filter(programme=programme, line=line)),
        ),
        expected_version,
        TACTICAL_GOAL_FIELDS,
    )
    record.line, record.text, record.target_year = line, text, target_year
    return _saved(
        record,
        actor=actor,
        action="tactical_goal.save",
        before=before,
        fields=TACTICAL_GOAL_FIELDS,
        remote_addr=remote_addr,
        context=context_of(programme),
    )


@transaction.atomic
def standing_task_save(
    *,
    actor: Any,
    programme: Programme,
    line: Line | None,
    title: str,
    role: str,
    description: str = "",
    task: StandingTask | None = None,
    expected_version: int | None = None,
    remote_addr: str | None = None,
) -> StandingTask:
    """Add a standing task to `programme` (or one of its lines), or change `task`."""
    require(actor, Capability.EDIT_PLAN, programme)
    _check_line(programme, line)
    title, role = _required(title, "title"), _required(role, "role")
    if task is not None and task.programme_id != programme.pk:
        raise PermissionDenied
    record, before = _opened(
        task,
        lambda: StandingTask(
            programme=programme,
            order=_next_order(StandingTask.objects.filter(programme=programme)),
        ),
        expected_version,
        STANDING_TASK_FIELDS,
    )
    record.line, record.title, record.role = line, title, role
    record.description = description.strip()
    return _saved(
        record,
        actor=actor,
        action="standing_task.save",
        before=before,
        fields=STANDING_TASK_FIELDS,
        remote_addr=remote_addr,
        context=context_of(programme),
    )


@transaction.atomic
def activity_partner_add(
    *,
    actor: Any,
    activity: Activity,
    organisation: Organisation,
    role: str,
    note: str = "",
    remote_addr: str | None = None,
) -> ActivityPartner:
    """Name `organisation` as a partner of `activity` in `role` (once per activity)."""
    require(actor, Capability.EDIT_PLAN, activity.programme)
    if role not in PartnerRole.values:
        raise ValidationError({"role": _("Choose one of the roles.")})
    if organisation.pk == activity.programme.plan.organisation_id:
        raise ValidationError(
            {"organisation": _("The organisation that carries out the plan is no partner.")}
        )
    if ActivityPartner.objects.filter(activity=activity, organisation=organisation).exists():
        raise ValidationError(
            {
                "organisation": _("%(organisation)s is already a partner of this activity.")
                % {"organisation": organisation}
            }
        )
    partner = ActivityPartner.objects.create(
        activity=activity, organisation=organisation, role=role, note=note.strip()
    )
    audit_write(
        actor=actor,
        action="activity_partner.add",
        instance=partner,
        context=context_of(activity),
        after=snapshot(partner, PARTNER_FIELDS),
        remote_addr=remote_addr,
        # The record's own `organisation` is the partner's; the entry is the plan's owner's.
        organisation_id=activity.programme.plan.organisation_id,
    )
    return partner


@transaction.atomic
def activity_partner_remove(
    *, actor: Any, partner: ActivityPartner, remote_addr: str | None = None
) -> None:
    activity = partner.activity
    require(actor, Capability.EDIT_PLAN, activity.programme)
    before = snapshot(partner, PARTNER_FIELDS)
    audit_write(
        actor=actor,
        action="activity_partner.remove",
        instance=partner,
        context=context_of(activity),
        before=before,
        remote_addr=remote_addr,
        organisation_id=activity.programme.plan.organisation_id,
    )
    partner.delete()


@transaction.atomic
def milestone_save(
    *,
    actor: Any,
    plan: Plan,
    title: str,
    date: dt.date,
    precision: str,
    done: bool = False,
    activity: Activity | None = None,
    milestone: Milestone | None = None,
    expected_version: int | None = None,
    remote_addr: str | None = None,
) -> Milestone:
    """Add a milestone to `plan`, or change `milestone`. A date known to the month, season
    or year is kept as the last day of that period."""
    if not may_manage_milestones(actor, plan):
        raise PermissionDenied
    title = _required(title, "title")
    if precision not in DatePrecision.values:
        raise ValidationError({"precision": _("Choose how precisely the date is known.")})
    if activity is not None and activity.programme.plan_id != plan.pk:
        raise ValidationError({"activity": _("Choose an activity of this plan.")})
    if milestone is not None and milestone.plan_id != plan.pk:
        raise PermissionDenied
    record, before = _opened(
        milestone, lambda: Milestone(plan=plan), expected_version, MILESTONE_FIELDS
    )
    record.title, record.precision, record.done = title, precision, done
    record.date = period_end(date, precision)
    record.activity = activity
    return _saved(
        record,
        actor=actor,
        action="milestone.save",
        before=before,
        fields=MILESTONE_FIELDS,
        remote_addr=remote_addr,
    )
