"""Goal trees of any depth, linked through programmes or through single activities."""

import pytest
from django.urls import reverse

from koers.plans import queries
from koers.plans.models import Goal
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


# --- who sees which tree: a funder her own organisation's, staff every tree they serve --------


def _served_by_both_funders(world: World) -> object:
    """Regio+'s programme serves the province's goal and a goal of Regio+'s own tree, which
    the province's programme serves as well."""
    regio_root = GoalFactory(funder=world.regio, code="RP", title="Samen Regionaal Sterk")
    regio_goal = GoalFactory(funder=world.regio, code="RP-2", title="Opleiden", parent=regio_root)
    world.unfunded_programme.goals.add(world.goal, regio_goal)
    world.programme.goals.add(regio_goal)
    return regio_goal


def test_a_funder_sees_her_own_trees_and_never_another_funders(world: World) -> None:
    regio_goal = _served_by_both_funders(world)
    unserved = GoalFactory(funder=world.regio, code="RP-9", title="Nog door niemand gediend")
    roots = {role: queries.goal_tree(world.users[role]) for role in ("regio", "opdrachtgever")}
    assert [root.code for root in roots["regio"]] == ["RP", "RP-9"]
    assert [root.code for root in roots["opdrachtgever"]] == ["KS"]
    regio = world.client("regio")
    assert regio.get(reverse("plans:goal", args=[world.goal.pk])).status_code == 404
    assert regio.get(reverse("plans:goal", args=[unserved.pk])).status_code == 200
    province = world.client("opdrachtgever")
    assert province.get(reverse("plans:goal", args=[regio_goal.pk])).status_code == 404


def test_staff_see_every_tree_their_programmes_serve(world: World) -> None:
    regio_goal = _served_by_both_funders(world)
    GoalFactory(funder=world.regio, code="RP-9", title="Nog door niemand gediend")
    assert [root.code for root in queries.goal_tree(world.users["toezicht"])] == ["KS", "RP"]
    page = world.client("directeur").get(reverse("plans:goal", args=[regio_goal.pk]))
    assert page.status_code == 200


def test_programme_and_activity_pages_link_only_goals_she_may_open(world: World) -> None:
    regio_goal = _served_by_both_funders(world)
    activity = ActivityFactory(programme=world.unfunded_programme, year=2021)
    activity.goals.add(world.goal)
    pages = [
        reverse("plans:programme", args=[world.unfunded_programme.pk]),
        reverse("plans:activity", args=[activity.pk]),
    ]
    for role, shown, hidden in [
        ("regio", regio_goal, world.goal),
        ("directeur", regio_goal, None),
        ("directeur", world.goal, None),
    ]:
        for url in pages:
            html = world.client(role).get(url).content.decode()
            assert reverse("plans:goal", args=[shown.pk]) in html, (role, url)
            if hidden is not None:
                assert reverse("plans:goal", args=[hidden.pk]) not in html, (role, url)
                assert hidden.title not in html, (role, url)


def test_a_goal_sits_under_a_goal_of_its_own_funder(world: World) -> None:
    from django.core.exceptions import ValidationError

    stray = Goal(funder=world.regio, code="RP-5", title="Onder de provincie", parent=world.goal)
    with pytest.raises(ValidationError, match="dezelfde opdrachtgever") as refused:
        stray.full_clean()
    assert list(refused.value.message_dict) == ["parent"]
    Goal(funder=world.province, code="KS-1.1", title="Eronder", parent=world.goal).full_clean()
