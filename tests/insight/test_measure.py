"""An indicator read from a statistic (`insight.statistic`): the latest value in the window's
years, never a zero for CBS's "x", one query for many indicators."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from koers.core.periods import Year
from koers.insight.measures import KEY, compute_many
from koers.insight.models import Dataset, Missing, Observation, Topic
from koers.plans.models import Indicator
from koers.plans.queries.indicators import indicator_rows
from tests.conftest import World
from tests.plans.factories import IndicatorFactory, TargetFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lonely(db: object) -> Topic:
    dataset = Dataset.objects.create(
        source="CBS StatLine", table_id="85496NED", title="Gezondheid", imported_at=timezone.now()
    )
    topic = Topic.objects.create(dataset=dataset, key="Eenzaam_27", title="Eenzaam", unit="%")
    for region, period, value, missing in (
        ("PV24", "2020JJ00", Decimal("45.1"), ""),
        ("PV24", "2022JJ00", Decimal("47.3"), ""),
        ("GM0184", "2022JJ00", None, Missing.SECRET),
    ):
        Observation.objects.create(
            dataset=dataset, topic=topic, region=region, period=period, value=value, missing=missing
        )
    return topic


def reading(world: World, **params: str) -> Indicator:
    indicator = IndicatorFactory(
        activity=world.activity,
        kind="outcome",
        unit="percentage",
        aggregation="latest",
        source="derived",
        measure=KEY,
        measure_params={"table": "85496NED", "topic": "Eenzaam_27", **params},
    )
    TargetFactory(indicator=indicator, year=2022, value=Decimal(40))
    return indicator


def test_the_indicator_reads_the_latest_value_of_its_year_and_shows_progress(
    world: World, lonely: Topic
) -> None:
    indicator = reading(world)
    year = Year(2022)
    (row,) = indicator_rows(Indicator.objects.filter(pk=indicator.pk), year, dt.date(2022, 12, 31))
    assert row.progress.realised == Decimal("47.3")
    assert row.progress.measured
    earlier = compute_many([indicator], dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    assert earlier == {indicator.pk: None}  # 2021 has no figure: not the 2020 one, not zero


def test_a_secret_value_or_a_table_koers_lacks_is_no_value(world: World, lonely: Topic) -> None:
    secret = reading(world, region="GM0184")
    unknown = reading(world, table="00000NED")
    empty = reading(world, topic="")
    window = (dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    assert compute_many([secret, unknown, empty], *window) == {
        secret.pk: None,
        unknown.pk: None,
        empty.pk: None,
    }


def test_many_indicators_cost_one_query(world: World, lonely: Topic) -> None:
    indicators = [reading(world, region=region) for region in ("PV24", "GM0184", "NL01")] * 3
    with CaptureQueriesContext(connection) as queries:
        values = compute_many(indicators, dt.date(2020, 1, 1), dt.date(2022, 12, 31))
    assert len(queries) == 1
    assert values[indicators[0].pk] == Decimal("47.3")
