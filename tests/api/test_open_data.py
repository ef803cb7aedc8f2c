"""Open data: off until the installation opts in; then the chosen programmes' indicators per
quarter as CSV and JSON, with the licence, small counts suppressed, no one named; chosen by
the organisation's administrator, audited."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from koers.api.models import PublishedProgramme
from koers.core.models import AuditEntry
from koers.core.spreadsheets import as_typed
from tests.conftest import World
from tests.plans.factories import (
    ActivityFactory,
    IndicatorFactory,
    ProgrammeFactory,
    RealisationFactory,
    TargetFactory,
)

PUBLIC = ("open_data:index", "open_data:csv", "open_data:json")


@pytest.fixture
def opened(settings: Any) -> None:
    settings.OPEN_DATA = True
    settings.OPEN_DATA_MIN_COUNT = 5
    settings.REFERENCE_DATE = "2021-05-15"


def _release() -> dict[str, Any]:
    response = Client().get(reverse("open_data:json"))
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    return json.loads(response.content)


@pytest.mark.parametrize("name", PUBLIC)
def test_nothing_is_published_until_the_installation_opts_in(world: World, name: str) -> None:
    PublishedProgramme.objects.create(programme=world.programme)
    assert Client().get(reverse(name)).status_code == 404


def test_the_chosen_programmes_per_quarter_small_counts_hidden(world: World, opened: None) -> None:
    # world.indicator: a count with target 7 in 2021; 3 realised by February (small: hidden).
    RealisationFactory(indicator=world.indicator, date=dt.date(2021, 2, 1), value=Decimal(3))
    large = IndicatorFactory(activity=world.activity, title="Bereikte inwoners", order=5)
    TargetFactory(indicator=large, year=2021, value=Decimal(100))
    RealisationFactory(indicator=large, date=dt.date(2021, 4, 2), value=Decimal(40))
    IndicatorFactory(activity=world.other_activity, title="Niet gepubliceerd")
    PublishedProgramme.objects.create(programme=world.programme)

    body = _release()
    assert (body["licence"], body["counted_to"]) == ("CC BY 4.0", "2021-05-15")
    rows = body["rows"]
    assert {row["programme"] for row in rows} == {world.programme.name}
    assert [(r["quarter"], r["counted_to"]) for r in rows if r["indicator"] == large.title] == [
        (1, "2021-03-31"),
        (2, "2021-05-15"),
    ]
    by = {(r["indicator"], r["quarter"]): r for r in rows}
    assert by[(large.title, 1)]["realised"] == "0"
    second = by[(large.title, 2)]
    assert (second["target"], second["realised"], second["suppressed"]) == ("100", "40", False)
    small = by[(world.indicator.title, 1)]
    assert (small["realised"], small["status"], small["suppressed"]) == (None, None, True)
    assert small["target"] is not None


def test_a_small_change_between_quarters_is_hidden_too(
    world: World, opened: None, settings: Any
) -> None:
    """6 shown for Q1 and 8 for Q2 would tell of 2 in Q2: Q2 is hidden; Q3's 14 is shown
    (8 more than the 6 last shown)."""
    settings.REFERENCE_DATE = "2021-09-30"
    for month, value in ((2, 6), (5, 2), (8, 6)):
        RealisationFactory(
            indicator=world.indicator, date=dt.date(2021, month, 1), value=Decimal(value)
        )
    PublishedProgramme.objects.create(programme=world.programme)
    shown = [
        (row["quarter"], row["realised"], row["suppressed"])
        for row in _release()["rows"]
        if row["indicator"] == world.indicator.title
    ]
    assert shown == [(1, "6", False), (2, None, True), (3, "14", False)]


def test_hours_are_not_published(world: World, opened: None) -> None:
    hours = IndicatorFactory(activity=world.activity, title="Uren coaching", unit="hours")
    RealisationFactory(indicator=hours, date=dt.date(2021, 2, 1), value=Decimal(40))
    PublishedProgramme.objects.create(programme=world.programme)
    assert hours.title not in {row["indicator"] for row in _release()["rows"]}


def test_portals_may_keep_the_files_for_an_hour(world: World, opened: None) -> None:
    for name in ("open_data:csv", "open_data:json"):
        assert Client().get(reverse(name))["Cache-Control"] == "public, max-age=3600"


def test_the_csv_holds_the_same_rows(world: World, opened: None) -> None:
    PublishedProgramme.objects.create(programme=world.programme)
    response = Client().get(reverse("open_data:csv"))
    assert response.status_code == 200
    lines = response.content.decode().splitlines()
    header = [as_typed(cell) for cell in lines[0].split(";")]
    assert header[:3] == ["organisation", "programme_code", "programme"]
    assert len(lines) - 1 == len(_release()["rows"]) > 0


def test_the_page_states_the_licence_and_names_no_one(world: World, opened: None) -> None:
    world.programme.coordinator = world.users["programmacoordinator"]
    world.programme.save()
    PublishedProgramme.objects.create(programme=world.programme)
    page = Client().get(reverse("open_data:index")).content.decode()
    assert "CC BY 4.0" in page and world.programme.name in page
    everything = page + json.dumps(_release())
    for user in world.users.values():
        assert user.get_full_name() not in everything


def test_the_release_costs_the_same_queries_for_more_programmes(world: World, opened: None) -> None:
    PublishedProgramme.objects.create(programme=world.programme)
    with CaptureQueriesContext(connection) as few:
        _release()
    for _ in range(3):
        programme = ProgrammeFactory(plan=world.plan)
        indicator = IndicatorFactory(activity=ActivityFactory(programme=programme))
        RealisationFactory(indicator=indicator, date=dt.date(2021, 1, 5), value=Decimal(9))
        PublishedProgramme.objects.create(programme=programme)
    with CaptureQueriesContext(connection) as many:
        _release()
    assert len(many) == len(few)


def test_her_administrator_chooses_and_each_change_is_audited(world: World) -> None:
    client = world.client("beheerder")
    url = reverse("open_data:choose")
    offered = client.get(url).context["form"].fields["programmes"].queryset
    assert world.programme in offered and world.other_programme not in offered

    assert client.post(url, {"programmes": [world.programme.pk]}).status_code == 302
    assert list(PublishedProgramme.objects.values_list("programme", flat=True)) == [
        world.programme.pk
    ]
    assert client.post(url, {}).status_code == 302
    assert not PublishedProgramme.objects.exists()
    actions = list(
        AuditEntry.objects.filter(action__startswith="open_data.")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["open_data.published", "open_data.withdrawn"]


def test_another_organisations_programme_is_no_choice(world: World) -> None:
    response = world.client("beheerder").post(
        reverse("open_data:choose"), {"programmes": [world.other_programme.pk]}
    )
    assert response.status_code == 400
    assert "programmes" in response.context["form"].errors
    assert not PublishedProgramme.objects.exists()
