"""The read side of trajectories: what she may see, and the counts per kind of a filtered
list, counted in the database."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404

from koers.accounts.policy import Scope, has_capability
from koers.accounts.roles import Capability
from koers.matching.models import Trajectory, TrajectoryKind


def trajectories_for(user: Any) -> QuerySet[Trajectory]:
    return Trajectory.objects.visible_to(user).select_related("person", "employer")


def get_trajectory_for_user(user: Any, pk: int) -> Trajectory:
    """A trajectory of a pool she keeps as staff; any other: 404."""
    return get_object_or_404(trajectories_for(user).select_related("created_by"), pk=pk)


def counts_per_kind(rows: QuerySet[Trajectory]) -> list[tuple[str, int]]:
    """(kind's label, how many) for every kind, in the kinds' order, zeros included."""
    counted = dict(
        rows.order_by().values_list("kind").annotate(n=Count("pk")).values_list("kind", "n")
    )
    return [(str(label), counted.get(kind, 0)) for kind, label in TrajectoryKind.choices]


def may_manage_trajectories(user: Any, holder_id: int) -> bool:
    return has_capability(user, Capability.MANAGE_MATCHING, Scope(organisation_id=holder_id))
