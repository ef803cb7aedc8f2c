"""Project pages: adding with the co-financing rule shown, editing with a version check."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from koers.work.models import Project
from tests.conftest import World


def _data(world: World, **values: Any) -> dict[str, Any]:
    data = {
        "title": "Eenzaamheid Lelystad",
        "code": "EENZ",
        "programme": world.programme.pk,
        "partner": world.other_org.pk,
        "starts_on": "2021-02-01",
        "hours_budget": "400",
        "programme_hours": "200",
        "status": "running",
    }
    data.update(values)
    return data


def test_a_project_breaking_the_50_percent_rule_is_refused_with_the_figures(world: World) -> None:
    client = world.client("programmacoordinator")
    refused = client.post(reverse("work:project_add"), _data(world, programme_hours="250"))
    assert refused.status_code == 400
    text = refused.content.decode()
    assert "200,00" in text or "200.00" in text
    assert not Project.objects.exists()
    assert client.post(reverse("work:project_add"), _data(world)).status_code == 302
    project = Project.objects.get()
    assert (project.code, project.programme_hours) == ("EENZ", 200)
    listing = client.get(reverse("work:projects"))
    assert "Eenzaamheid Lelystad" in listing.content.decode()


def test_two_people_editing_a_project_the_second_gets_the_conflict(world: World) -> None:
    world.client("directeur").post(reverse("work:project_add"), _data(world))
    project = Project.objects.get()
    url = reverse("work:project_edit", args=[project.pk])
    first, second = world.client("directeur"), world.client("bedrijfsvoering")
    assert first.post(url, _data(world, title="Eerste", version=1)).status_code == 302
    conflict = second.post(url, _data(world, title="Tweede", version=1))
    assert conflict.status_code == 409
    project.refresh_from_db()
    assert (project.title, project.version) == ("Eerste", 2)


def test_a_coordinator_cannot_put_a_project_in_another_programme(world: World) -> None:
    response = world.client("programmacoordinator").post(
        reverse("work:project_add"), _data(world, programme=world.unfunded_programme.pk)
    )
    assert response.status_code == 400  # the form offers her own programmes only
    assert "programme" in response.context["form"].errors
    assert not Project.objects.exists()
