"""Networks: the yearly weighing, who may weigh, and the measure "networks taken part in"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from koers.plans.measures import get_measure
from koers.plans.models import Source
from koers.relations.models import Network, NetworkReview
from koers.relations.networks import services

YEAR = (dt.date(2021, 1, 1), dt.date(2021, 12, 31))


def add(world: Any, name: str, kind: str = "national", **values: Any) -> Network:
    return services.network_save(
        actor=world.users["medewerker"],
        holder_id=world.own.pk,
        values={
            "name": name,
            "kind": kind,
            "role": "deelnemer",
            "programme": world.programme,
            "joined_on": dt.date(2020, 1, 1),
            **values,
        },
        representatives=[world.users["programmacoordinator"]],
    )


def test_the_indicator_counts_the_networks_of_one_kind_taken_part_in(world: Any) -> None:
    indicator = world.indicator
    indicator.source, indicator.measure = Source.DERIVED, "relations.networks_programme"
    indicator.measure_params = {"kind": "national"}
    indicator.save()
    add(world, "Alles is Gezondheid")
    add(world, "Missie Mentaal")
    add(world, "Verlaten netwerk", left_on=dt.date(2020, 12, 31))
    add(world, "WEL in Flevoland", kind="regional")
    measure = get_measure(indicator.measure)
    assert measure.compute(indicator, *YEAR) == 2
    assert [n.name for n in measure.records(indicator, *YEAR)] == [
        "Alles is Gezondheid",
        "Missie Mentaal",
    ]


def test_the_programme_coordinator_weighs_her_networks_once_a_year(world: Any) -> None:
    network = add(world, "Alles is Gezondheid")
    coordinator = world.users["programmacoordinator"]
    services.network_review(
        actor=coordinator,
        network=network,
        year=2021,
        value="high",
        keep=True,
        reason="Veel kennis",
        on=dt.date(2021, 11, 1),
    )
    services.network_review(
        actor=coordinator,
        network=network,
        year=2021,
        value="low",
        keep=False,
        reason="Weinig opbrengst",
        on=dt.date(2021, 12, 1),
    )
    review = NetworkReview.objects.get()
    assert (review.value, review.keep) == ("low", False)
    with pytest.raises(ValidationError, match="Zeg waarom"):
        services.network_review(
            actor=coordinator,
            network=network,
            year=2021,
            value="low",
            keep=False,
            reason="  ",
            on=dt.date(2021, 12, 1),
        )


@pytest.mark.parametrize("role", ["medewerker", "bedrijfsvoering", "toezicht"])
def test_others_do_not_weigh(world: Any, role: str) -> None:
    network = add(world, "Alles is Gezondheid")
    with pytest.raises(PermissionDenied):
        services.network_review(
            actor=world.users[role],
            network=network,
            year=2021,
            value="high",
            keep=True,
            reason="x",
            on=dt.date(2021, 11, 1),
        )


def test_a_coordinator_of_another_programme_does_not_weigh_this_one(world: Any) -> None:
    network = add(world, "Netwerk HR-managers", programme=world.unfunded_programme)
    with pytest.raises(PermissionDenied):
        services.network_review(
            actor=world.users["programmacoordinator"],
            network=network,
            year=2021,
            value="high",
            keep=True,
            reason="x",
            on=dt.date(2021, 11, 1),
        )


def test_only_colleagues_represent_the_organisation(world: Any) -> None:
    with pytest.raises(ValidationError, match="Alleen collega's vertegenwoordigen de organisatie"):
        services.network_save(
            actor=world.users["medewerker"],
            holder_id=world.own.pk,
            values={
                "name": "X",
                "kind": "platform",
                "role": "deelnemer",
                "joined_on": dt.date(2020, 1, 1),
            },
            representatives=[world.users["outsider"]],
        )


def test_the_list_shows_this_years_weighing(world: Any) -> None:
    network = add(world, "Alles is Gezondheid")
    services.network_review(
        actor=world.users["directeur"],
        network=network,
        year=2021,
        value="medium",
        keep=True,
        reason="Nuttig",
        on=dt.date(2021, 11, 1),
    )
    page = world.client("medewerker").get(reverse("relations:networks") + "?jaar=2021")
    [row] = page.context["networks"]
    assert [r.value for r in row.this_year] == ["medium"]
    other_year = world.client("medewerker").get(reverse("relations:networks") + "?jaar=2022")
    assert [r.this_year for r in other_year.context["networks"]] == [[]]
