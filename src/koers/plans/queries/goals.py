"""Goal trees: who sees which tree, and what contributes to a goal."""

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


def goal_ancestors(goal_ids: set[int]) -> set[int]:
    """The goals and every goal above them."""
    found, frontier = set(goal_ids), set(goal_ids)
    while frontier:
        frontier = set(
            Goal.objects.filter(pk__in=frontier, parent__isnull=False).values_list(
                "parent_id", flat=True
            )
        )
        frontier -= found
        found |= frontier
    return found


# Who sees which goal tree. A goal tree belongs to its funder. The executing organisation's
# staff see every tree their programmes and activities serve (they work towards it); a
# funder's official sees her own organisation's trees, and never another funder's, not even
# where a programme she funds serves it too: that funder's goals, and how its tree is
# built, are not hers to see. The goal pages, the goal list and every link to a goal
# (programme and activity pages) follow the same rule.


def _served_goal_ids(organisation_ids: set[int]) -> set[int]:
    """Goals that a programme or an activity of these organisations contributes to."""
    if not organisation_ids:
        return set()
    by_programme = Goal.objects.filter(programmes__plan__organisation_id__in=organisation_ids)
    by_activity = Goal.objects.filter(
        activities__programme__plan__organisation_id__in=organisation_ids
    )
    return set(by_programme.values_list("pk", flat=True)) | set(
        by_activity.values_list("pk", flat=True)
    )


def _visible_roots(user: Any) -> QuerySet[Goal]:
    own, funding = organisations_with(user, Capability.VIEW_PLANS)
    served = goal_ancestors(_served_goal_ids(own))
    return Goal.objects.filter(parent__isnull=True).filter(
        Q(pk__in=served) | Q(funder_id__in=funding)
    )


def visible_goal_ids(user: Any) -> set[int]:
    """Every goal of the trees the user may see (see the rule above)."""
    return goal_descendants(set(_visible_roots(user).values_list("pk", flat=True)))


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


def goal_tree(user: Any) -> list[Goal]:
    """The top goals of the trees the user may see, with their children."""
    return list(
        _visible_roots(user)
        .select_related("funder")
        .prefetch_related(Prefetch("children", queryset=Goal.objects.order_by("order", "code")))
    )
