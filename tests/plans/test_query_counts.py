"""Page cost does not grow with data: the same number of queries at 10 and at 1,000 realisations."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from koers.plans.models import Indicator, Realisation
from tests.conftest import World
from tests.plans.factories import ActivityFactory, IndicatorFactory, TargetFactory

# Caps per page; raising one needs a reason in the commit that does it.
# Each includes the one query that checks the session's second factor (django-otp's middleware).
CAPS = {"plans:dashboard": 8, "plans:programme": 13, "plans:activity": 17}


def structure(world: World) -> list[Indicator]:
    """Several activities with output and outcome indicators, as on a real programme page."""
    indicators = [world.indicator]
    for _ in range(4):
        activity = ActivityFactory(programme=world.programme, line=world.activity.line)
        for kind in ("output", "outcome"):
            indicator = IndicatorFactory(activity=activity, kind=kind, is_key=True)
            TargetFactory(indicator=indicator, value=Decimal(50))
            indicators.append(indicator)
    more = IndicatorFactory(activity=world.activity, aggregation="latest", unit="percentage")
    indicators.append(more)
    return indicators


def add_realisations(world: World, indicators: list[Indicator], total: int) -> None:
    start = dt.date(2021, 1, 1)
    Realisation.objects.bulk_create(
        Realisation(
            indicator=indicators[i % len(indicators)],
            date=start + dt.timedelta(days=i % 280),
            value=Decimal(1),
            recorded_by=world.users["medewerker"],
        )
        for i in range(total)
    )


def count_queries(world: World, name: str, attr: str | None) -> int:
    client = world.client("programmacoordinator")
    url = reverse(name, args=[getattr(world, attr).pk]) if attr else reverse(name)
    client.get(url + "?jaar=2021&peildatum=2021-10-15")  # warm the session and caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url + "?jaar=2021&peildatum=2021-10-15")
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    ("name", "attr"),
    [("plans:dashboard", None), ("plans:programme", "programme"), ("plans:activity", "activity")],
)
def test_query_count_is_capped_and_flat(world: World, name: str, attr: str | None) -> None:
    indicators = structure(world)
    add_realisations(world, indicators, 10)
    small = count_queries(world, name, attr)
    add_realisations(world, indicators, 990)
    assert Realisation.objects.count() == 1000
    large = count_queries(world, name, attr)
    assert small == large, f"{name}: {small} queries at 10 rows, {large} at 1,000"
    assert large <= CAPS[name], f"{name}: {large} queries, cap {CAPS[name]}"
