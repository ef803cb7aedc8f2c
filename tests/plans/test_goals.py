"""Goal trees of any depth, linked through programmes or through single activities."""

from django.urls import reverse

from koers.plans import queries
from tests.conftest import World
from tests.plans.factories import ActivityFactory, GoalFactory


def test_a_third_level_goal_is_reached_from_its_root(world: World) -> None:
    effect = GoalFactory(
        funder=world.province, code="KS-1.1", title="Minder overgewicht", parent=world.goal
    )
    world.programme.goals.set([effect])
    roots = queries.goal_tree(world.users["directeur"])
    assert [root.code for root in roots] == ["KS"]
    contribution = queries.goal_contribution(world.users["directeur"], world.goal.parent, 2021)
    assert world.programme in contribution.programmes
    assert world.activity in contribution.activities
    page = world.client("directeur").get(reverse("plans:goal", args=[effect.pk]))
    assert page.status_code == 200


def test_a_goal_served_by_one_activity_only_is_visible_and_traced(world: World) -> None:
    regio_goal = GoalFactory(funder=world.regio, code="RP-2", title="Opleiden")
    activity = ActivityFactory(programme=world.programme, line=world.activity.line)
    activity.goals.add(regio_goal)
    roots = {root.code for root in queries.goal_tree(world.users["directeur"])}
    assert roots == {"KS", "RP-2"}
    response = world.client("directeur").get(
        reverse("plans:goal", args=[regio_goal.pk]) + "?jaar=2021"
    )
    assert response.status_code == 200
    assert activity.title in response.content.decode()


def test_goals_outside_her_work_are_not_found(world: World) -> None:
    stray = GoalFactory(funder=world.province, code="KS-4", title="Arbeidsmarkt")
    response = world.client("regio").get(reverse("plans:goal", args=[stray.pk]))
    assert response.status_code == 404
