"""Goal trees: what contributes to a goal, and the trees a user sees (who sees which tree is
`Goal.objects.visible_to`, in plans.managers)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Prefetch,
    Q,
    QuerySet,
)

from koers.accounts.policy import organisations_with
from koers.accounts.roles import Capability
from koers.plans.models import (
    Activity,
    Goal,
    Programme,
    TacticalGoal,
)

# --- goal contribution -------------------------------------------------------------------


@dataclass
class GoalContribution:
    goal: Goal
    programmes: list[Programme]
    activities: list[Activity]


def goal_descendants(goal_ids: set[int]) -> set[int]:
    """The goals and every goal below them, one query per level of the tree."""
    found, frontier = set(goal_ids), set(goal_ids)
    while frontier:
        frontier = set(Goal.objects.filter(parent__in=frontier).values_list("pk", flat=True))
        frontier -= found
        found |= frontier
    return found


def goals_shown(user: Any, goals: QuerySet[Goal], organisation_id: int) -> QuerySet[Goal]:
    """Of `goals`, served by a programme or an activity of `organisation_id`, those the user
    may open: all of them for the organisation's own people, only her own organisation's
    goals for a funder's official. No query of its own (the grants are read once)."""
    own, funding = organisations_with(user, Capability.VIEW_PLANS)
    if organisation_id in own:
        return goals
    return goals.filter(funder_id__in=funding)


def goal_contribution(user: Any, goal: Goal, year: int) -> GoalContribution:
    """The programmes and activities that serve `goal` or a goal below it in `year`.

    An activity serves a goal when its programme contributes to it, or when the activity
    itself is marked as contributing.
    """
    goal_ids = goal_descendants({goal.pk})
    programmes = list(
        Programme.objects.visible_to(user)
        .running_in(year)
        .filter(goals__in=goal_ids)
        .distinct()
        .select_related("plan", "coordinator")
        .prefetch_related(
            Prefetch(
                "tactical_goals",
                queryset=TacticalGoal.objects.select_related("line").order_by(
                    "line__order", "line__code", "order", "id"
                ),
            )
        )
        .order_by("order")
    )
    activities = list(
        Activity.objects.visible_to(user)
        .filter(year=year)
        .filter(Q(programme__in=programmes) | Q(goals__in=goal_ids))
        .distinct()
        .select_related("programme", "line")
        .order_by("programme__order", "line__order", "order", "code")
    )
    return GoalContribution(goal, programmes, activities)


def sub_goals(user: Any, goal: Goal) -> list[Goal]:
    """The goals directly below `goal` that the user may see, in the tree's order."""
    return list(Goal.objects.visible_to(user).filter(parent=goal).order_by("order", "code"))


def goal_tree(user: Any) -> list[Goal]:
    """The top goals of the trees the user may see, with their children."""
    return list(
        Goal.objects.visible_to(user)
        .filter(parent__isnull=True)
        .select_related("funder")
        .prefetch_related(Prefetch("children", queryset=Goal.objects.order_by("order", "code")))
    )
