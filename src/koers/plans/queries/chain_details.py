"""What surrounds the activities, for the pages: tactical goals, standing tasks, target
dates, partners and milestones."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from koers.plans.models import (
    Activity,
    ActivityPartner,
    Milestone,
    Plan,
    Programme,
    StandingTask,
    TacticalGoal,
    is_overdue,
)


@dataclass(frozen=True)
class DueDate:
    """A target date as shown: its words ("mei 2021") and whether it has passed undone."""

    label: str
    overdue: bool


def programme_due(programme: Programme, reference: dt.date) -> DueDate | None:
    if programme.target_date is None:
        return None
    return DueDate(
        programme.target_when,
        is_overdue(programme.target_date, done=programme.target_met, today=reference),
    )


def activity_due(activity: Activity, reference: dt.date) -> DueDate | None:
    if activity.target_date is None:
        return None
    return DueDate(
        activity.target_when,
        is_overdue(activity.target_date, done=activity.is_done, today=reference),
    )


def tactical_goals(programme: Programme) -> list[TacticalGoal]:
    """The programme's own goals first, then each line's, in the lines' order. One query."""
    return list(
        TacticalGoal.objects.filter(programme=programme)
        .select_related("line")
        .order_by("line__order", "line__code", "order", "id")
    )


def standing_tasks(programme: Programme) -> list[StandingTask]:
    return list(
        StandingTask.objects.filter(programme=programme)
        .select_related("line")
        .order_by("line__order", "line__code", "order", "id")
    )


def activity_partners(activity: Activity) -> list[ActivityPartner]:
    return list(
        ActivityPartner.objects.filter(activity=activity)
        .select_related("organisation")
        .order_by("role", "organisation__name")
    )


def partnerships_of(user: Any, organisation_id: int) -> list[ActivityPartner]:
    """The activities the user may see in which the organisation is a partner, newest year
    first. One query."""
    return list(
        ActivityPartner.objects.filter(
            organisation_id=organisation_id,
            activity__in=Activity.objects.visible_to(user),
        )
        .select_related("activity__programme")
        .order_by("-activity__year", "activity__programme__order", "activity__code")
    )


@dataclass(frozen=True)
class MilestoneRow:
    milestone: Milestone
    overdue: bool
    # The linked activity, when the reader may see it (a funder may not see every programme).
    activity: Activity | None


def plan_milestones(user: Any, plan: Plan, reference: dt.date) -> list[MilestoneRow]:
    """The plan's milestones in date order, each marked overdue when its period has ended
    before `reference` undone. Two queries."""
    milestones = list(
        Milestone.objects.filter(plan=plan).select_related("activity").order_by("date", "id")
    )
    linked = [m.activity_id for m in milestones if m.activity_id]
    visible = (
        set(Activity.objects.visible_to(user).filter(pk__in=linked).values_list("pk", flat=True))
        if linked
        else set()
    )
    return [
        MilestoneRow(
            milestone,
            is_overdue(milestone.date, done=milestone.done, today=reference),
            milestone.activity if milestone.activity_id in visible else None,
        )
        for milestone in milestones
    ]
