"""`progress_table` (the portfolio's plain rows, one figure per indicator picked in SQL by its
aggregation) gives every indicator the progress `indicator_rows` (model instances, all three
figures, picked in Python) gives it: generated over every aggregation, with and without a
target and a phasing, a derived indicator, and reference dates before, inside and after the
year."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

import pytest

from koers.core.periods import Year
from koers.plans.models import Aggregation, Indicator, Source
from koers.plans.queries.indicators import indicator_rows, progress_table
from koers.relations.models import Event
from tests.conftest import World
from tests.plans.factories import IndicatorFactory, RealisationFactory, TargetFactory

# Realisations in the window and outside it (the year before, after the reference).
DAYS_AND_VALUES = [
    (dt.date(2020, 12, 31), Decimal(50)),
    (dt.date(2021, 2, 1), Decimal("1.5")),
    (dt.date(2021, 5, 15), Decimal(4)),
    (dt.date(2021, 5, 15), Decimal(2)),  # the same day: the later one is the latest
    (dt.date(2021, 9, 30), Decimal(3)),
    (dt.date(2022, 1, 2), Decimal(70)),
]
REFERENCES = [
    dt.date(2020, 12, 1),
    dt.date(2021, 1, 1),
    dt.date(2021, 5, 15),
    dt.date(2021, 10, 15),
    dt.date(2021, 12, 31),
    dt.date(2022, 3, 1),
]
TARGETS = {
    "none": None,
    "plain": (Decimal(8), None),
    "phased": (Decimal(8), (Decimal(1), Decimal(3), Decimal(6))),
}


@pytest.fixture
def indicators(world: World) -> list[Indicator]:
    made = []
    for aggregation, (target_kind, target) in itertools.product(Aggregation, TARGETS.items()):
        indicator = IndicatorFactory(
            activity=world.activity, title=f"{aggregation} {target_kind}", aggregation=aggregation
        )
        if target is not None:
            value, phasing = target
            q1, q2, q3 = phasing or (None, None, None)
            TargetFactory(indicator=indicator, value=value, q1=q1, q2=q2, q3=q3)
        for day, value in DAYS_AND_VALUES:
            RealisationFactory(indicator=indicator, date=day, value=value)
        made.append(indicator)
    derived = IndicatorFactory(
        activity=world.activity,
        title="netwerkbijeenkomsten, geteld",
        source=Source.DERIVED,
        measure="relations.events_activity",
    )
    TargetFactory(indicator=derived, value=Decimal(3))
    for day in (dt.date(2021, 3, 11), dt.date(2021, 6, 30)):
        Event.objects.create(
            holder=world.own,
            programme=world.programme,
            activity=world.activity,
            title="Netwerk",
            theme="gezondheid",
            date=day,
        )
    return [*made, derived]


@pytest.mark.parametrize("reference", REFERENCES, ids=str)
def test_the_plain_rows_assess_every_indicator_as_the_instances_do(
    world: World, indicators: list[Indicator], reference: dt.date
) -> None:
    chosen = Indicator.objects.filter(pk__in=[i.pk for i in indicators]).order_by("pk")
    year = Year(2021)
    expected = {row.indicator.pk: row.progress for row in indicator_rows(chosen, year, reference)}
    table = progress_table(chosen, year, reference)
    assert len(table) == len(indicators) == 10
    assert {row.pk: row.progress for row in table} == expected
    # Not vacuous: the figures differ between the aggregations inside the year.
    if year.start < reference <= year.end:
        realised = {row.title: row.progress.realised for row in table}
        assert len({realised[f"{a} plain"] for a in Aggregation}) == 3
        assert realised["netwerkbijeenkomsten, geteld"] > 0


def test_indicators_with_the_same_figures_share_an_assessment_only_within_an_aggregation(
    world: World,
) -> None:
    """The plain rows assess each (target, figure, aggregation) once: two indicators with the
    same figures agree, and the same figures counted another way are assessed another way
    (a sum is expected to grow through the year; a maximum or latest value is not)."""
    for aggregation, twin in itertools.product(Aggregation, ("a", "b")):
        indicator = IndicatorFactory(
            activity=world.activity, title=f"{aggregation} {twin}", aggregation=aggregation
        )
        TargetFactory(indicator=indicator, value=Decimal(8))
        RealisationFactory(indicator=indicator, date=dt.date(2021, 2, 1), value=Decimal(3))
    chosen = Indicator.objects.filter(activity=world.activity).order_by("pk")
    year, reference = Year(2021), dt.date(2021, 10, 15)
    expected = {row.indicator.pk: row.progress for row in indicator_rows(chosen, year, reference)}
    table = progress_table(chosen, year, reference)
    assert {row.pk: row.progress for row in table} == expected
    status = {row.title: row.progress.status for row in table}
    for aggregation in Aggregation:
        assert status[f"{aggregation} a"] == status[f"{aggregation} b"]
    assert status[f"{Aggregation.SUM} a"] == "behind"
    assert status[f"{Aggregation.MAX} a"] == status[f"{Aggregation.LATEST} a"] == "open"
