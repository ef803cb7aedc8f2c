"""`Goal.objects.visible_to(user)`: who sees which goal tree, pinned goal by goal.

The rule (plans.managers): staff see every tree their organisation's programmes and
activities serve, from its root down, unserved branches included; a funder's official sees
her own organisation's trees and never another funder's, not even where a programme she
funds serves it. One query, however deep the tree.
"""

from __future__ import annotations

from typing import Any

import pytest

from koers.accounts.models import User
from koers.plans.models import Goal
from tests.conftest import World
from tests.plans.factories import ActivityFactory, GoalFactory


def _visible_codes(user: Any) -> set[str]:
    return set(Goal.objects.visible_to(user).values_list("code", flat=True))


@pytest.fixture
def trees(world: World) -> dict[str, Goal]:
    """The province's KS tree (KS-1 served by the province's programme; KS-1.1 and KS-4
    served by nobody), Regio+'s RP tree (RP-2 served by the programme Regio+ funds, which
    also serves the province's KS-1), Regio+'s unserved RP-9, and a tree of the province's
    that only the other organisation serves."""
    goals = {"KS": world.goal.parent, "KS-1": world.goal}
    goals["KS-1.1"] = GoalFactory(funder=world.province, code="KS-1.1", parent=world.goal)
    goals["KS-4"] = GoalFactory(funder=world.province, code="KS-4", parent=goals["KS"])
    goals["RP"] = GoalFactory(funder=world.regio, code="RP")
    goals["RP-2"] = GoalFactory(funder=world.regio, code="RP-2", parent=goals["RP"])
    goals["RP-9"] = GoalFactory(funder=world.regio, code="RP-9")
    goals["EL"] = GoalFactory(funder=world.province, code="EL")
    goals["EL-1"] = GoalFactory(funder=world.province, code="EL-1", parent=goals["EL"])
    world.unfunded_programme.goals.add(world.goal, goals["RP-2"])
    world.other_programme.goals.add(goals["EL-1"])
    return goals


KS_TREE = {"KS", "KS-1", "KS-1.1", "KS-4"}
RP_TREE = {"RP", "RP-2"}
EL_TREE = {"EL", "EL-1"}


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        # Staff: every tree her programmes serve, root and unserved branches included.
        ("directeur", KS_TREE | RP_TREE),
        ("toezicht", KS_TREE | RP_TREE),
        ("medewerker", KS_TREE | RP_TREE),
        # A coordinator's grant covers her organisation's plans: the same trees.
        ("programmacoordinator", KS_TREE | RP_TREE),
        # Funders: their own trees, served or not; never the other funder's.
        ("regio", RP_TREE | {"RP-9"}),
        ("opdrachtgever", KS_TREE | EL_TREE),
        # The other organisation's staff: only the tree its own programme serves.
        ("outsider", EL_TREE),
        ("no_role", set()),
    ],
)
def test_each_role_sees_exactly_its_trees(
    world: World, trees: dict[str, Goal], role: str, expected: set[str]
) -> None:
    assert _visible_codes(world.users[role]) == expected


def test_a_funder_never_sees_another_funders_tree_her_programme_serves(
    world: World, trees: dict[str, Goal]
) -> None:
    # Regio+ funds the programme that serves the province's KS-1.
    assert world.unfunded_programme.goals.filter(code="KS-1").exists()
    assert not _visible_codes(world.users["regio"]) & KS_TREE


def test_a_goal_served_by_one_activity_shows_its_whole_tree_to_staff(world: World) -> None:
    root = GoalFactory(funder=world.regio, code="W")
    branch = GoalFactory(funder=world.regio, code="W-1", parent=root)
    served = GoalFactory(funder=world.regio, code="W-1.1", parent=branch)
    GoalFactory(funder=world.regio, code="W-2", parent=root)
    ActivityFactory(programme=world.programme, line=world.activity.line).goals.add(served)
    assert {"W", "W-1", "W-1.1", "W-2"} <= _visible_codes(world.users["directeur"])
    assert not {"W", "W-1", "W-1.1", "W-2"} & _visible_codes(world.users["outsider"])


def test_an_inactive_user_sees_no_goal(world: World, trees: dict[str, Goal]) -> None:
    user = world.users["directeur"]
    user.is_active = False
    assert _visible_codes(user) == set()


@pytest.mark.parametrize("depth", [2, 8])
@pytest.mark.parametrize("role", ["directeur", "opdrachtgever"])
def test_one_query_for_the_goals_however_deep_the_tree(
    world: World, django_assert_max_num_queries: Any, depth: int, role: str
) -> None:
    parent = world.goal
    for level in range(depth):
        parent = GoalFactory(funder=world.province, code=f"KS-1.{level}", parent=parent)
    world.programme.goals.set([parent])  # served at the deepest level only
    fresh = User.objects.get(pk=world.users[role].pk)  # her grants not read yet
    with django_assert_max_num_queries(2):  # her grants, then the goals
        codes = _visible_codes(fresh)
    assert {"KS", "KS-1", parent.code} <= codes
    assert len(codes) == depth + 2
