"""Services refuse what lies outside the actor's scope, whoever calls them (a view, a script,
an import, the admin): they check the object as it is stored and as it will be (issue 14).

The URLs are covered by `tests/test_out_of_scope_writes.py`; these are the service-level
checks that no URL reaches today, or that hold against a caller who got it wrong.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from koers.work import services as work
from koers.work.models import Project
from tests.conftest import World


def _project(world: World, programme: Any) -> Project:
    return Project.objects.create(
        organisation=world.own, programme=programme, title="Netwerk", starts_on=dt.date(2021, 1, 1)
    )


def _move(world: World, role: str, project: Project, programme: Any) -> Project:
    return work.project_save(
        actor=world.users[role],
        organisation_id=world.own.pk,
        values={"programme": programme, "title": project.title, "starts_on": project.starts_on},
        project=project,
    )


def test_a_coordinator_cannot_take_a_colleagues_project_into_her_programme(world: World) -> None:
    project = _project(world, world.unfunded_programme)
    with pytest.raises(PermissionDenied):
        _move(world, "programmacoordinator", project, world.programme)
    project.refresh_from_db()
    assert project.programme == world.unfunded_programme


def test_a_coordinator_cannot_give_her_project_away(world: World) -> None:
    project = _project(world, world.programme)
    with pytest.raises(PermissionDenied):
        _move(world, "programmacoordinator", project, world.unfunded_programme)
    project.refresh_from_db()
    assert project.programme == world.programme


def test_the_check_reads_where_the_project_is_now_not_where_the_caller_saw_it(
    world: World,
) -> None:
    seen = _project(world, world.programme)  # hers when she opened it …
    _move(world, "directeur", seen, world.unfunded_programme)  # … then the director moved it
    with pytest.raises(PermissionDenied):
        _move(world, "programmacoordinator", seen, world.programme)
    seen.refresh_from_db()
    assert seen.programme == world.unfunded_programme


def test_the_director_moves_a_project_between_programmes(world: World) -> None:
    project = _move(world, "directeur", _project(world, world.programme), world.unfunded_programme)
    assert project.programme == world.unfunded_programme


def test_a_coordinator_is_offered_only_her_own_programmes_for_a_project(world: World) -> None:
    colleagues = _project(world, world.unfunded_programme)
    client = world.client("programmacoordinator")
    form = client.get(reverse("work:project_add")).context["form"]
    assert list(form.fields["programme"].queryset) == [world.programme]
    listing = client.get(reverse("work:projects")).content.decode()
    assert reverse("work:project_edit", args=[colleagues.pk]) not in listing
    assert colleagues.title in listing  # she sees it, without the way to change it
