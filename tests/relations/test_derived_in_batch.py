"""Derived indicators on a page or in a report are computed per measure, not per indicator:
the values are those each indicator's own computation gives, and more derived indicators
cost no more queries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

from koers.core.periods import Year
from koers.plans.measures import get_measure
from koers.plans.models import Indicator, Source
from koers.plans.queries import indicator_rows
from koers.relations.models import CommunicationItem, Event, Network
from tests.plans.factories import ActivityFactory, IndicatorFactory, ProgrammeFactory

YEAR = Year(2021)
REFERENCE = dt.date(2021, 10, 15)
# (measure, parameters): programme-wide, narrowed by theme or kind, and per activity
SET_UPS = [
    ("relations.events_programme", {}),
    ("relations.events_programme", {"theme": "Sport"}),
    ("relations.events_programme", {"theme": "natuur"}),
    ("relations.events_activity", {}),
    ("relations.communications_programme", {}),
    ("relations.communications_programme", {"theme": "sport"}),
    ("relations.networks_programme", {}),
    ("relations.networks_programme", {"kind": "national"}),
]


def records(world: Any) -> Any:
    """Events, communications and networks spread over two programmes of the plan."""
    second = ProgrammeFactory(plan=world.programme.plan)
    activities = [world.activity, ActivityFactory(programme=world.programme), None]
    for programme, activity, theme, day in [
        (world.programme, activities[0], "sport", dt.date(2021, 3, 1)),
        (world.programme, activities[0], "Sport", dt.date(2021, 6, 1)),
        (world.programme, activities[1], "natuur", dt.date(2021, 9, 1)),
        (world.programme, activities[1], "sport", dt.date(2021, 11, 1)),  # after the reference
        (second, None, "sport", dt.date(2021, 4, 1)),
    ]:
        Event.objects.create(
            holder=world.own,
            programme=programme,
            activity=activity,
            title=f"{theme} {day}",
            theme=theme,
            date=day,
        )
        CommunicationItem.objects.create(
            holder=world.own,
            programme=programme,
            date=day,
            channel="website",
            title=f"Bericht {day}",
            theme=theme,
        )
    for programme, kind, joined, left in [
        (world.programme, "national", dt.date(2019, 1, 1), None),
        (world.programme, "regional", dt.date(2021, 2, 1), dt.date(2021, 5, 1)),
        (world.programme, "regional", dt.date(2018, 1, 1), dt.date(2020, 12, 31)),  # left before
        (second, "national", dt.date(2020, 1, 1), None),
    ]:
        Network.objects.create(
            holder=world.own,
            name=f"{kind} {joined}",
            kind=kind,
            role="member",
            programme=programme,
            joined_on=joined,
            left_on=left,
        )
    return second, activities


def derived_indicators(world: Any, copies: int) -> list[Indicator]:
    second, activities = records(world)
    indicators = []
    for _ in range(copies):
        for activity in (activities[0], activities[1], ActivityFactory(programme=second)):
            for measure, params in SET_UPS:
                indicators.append(
                    IndicatorFactory(
                        activity=activity,
                        source=Source.DERIVED,
                        measure=measure,
                        measure_params=params,
                    )
                )
    return indicators


def rows_of(indicators: list[Indicator]) -> dict[int, Decimal]:
    queryset = Indicator.objects.filter(pk__in=[i.pk for i in indicators])
    return {
        row.indicator.pk: row.progress.realised for row in indicator_rows(queryset, YEAR, REFERENCE)
    }


def test_each_value_is_what_the_indicators_own_computation_gives(world: Any) -> None:
    indicators = derived_indicators(world, copies=1)
    batched = rows_of(indicators)
    single = {
        indicator.pk: get_measure(indicator.measure).compute(indicator, YEAR.start, REFERENCE)
        for indicator in indicators
    }
    assert batched == single
    first = world.activity
    by_set_up = {
        (i.measure, str(i.measure_params)): batched[i.pk] for i in indicators if i.activity == first
    }
    assert by_set_up == {
        ("relations.events_programme", "{}"): 3,  # the fourth is after the reference
        ("relations.events_programme", "{'theme': 'Sport'}"): 2,  # sport and Sport
        ("relations.events_programme", "{'theme': 'natuur'}"): 1,
        ("relations.events_activity", "{}"): 2,
        ("relations.communications_programme", "{}"): 3,
        ("relations.communications_programme", "{'theme': 'sport'}"): 2,
        ("relations.networks_programme", "{}"): 2,  # one left before the year
        ("relations.networks_programme", "{'kind': 'national'}"): 1,
    }


def test_more_derived_indicators_cost_no_more_queries(world: Any) -> None:
    few = derived_indicators(world, copies=1)
    with CaptureQueriesContext(connection) as first:
        rows_of(few)
    many = few + [
        IndicatorFactory(
            activity=i.activity,
            source=Source.DERIVED,
            measure=i.measure,
            measure_params=i.measure_params,
        )
        for i in few * 3
    ]
    with CaptureQueriesContext(connection) as second:
        rows_of(many)
    assert len(many) == 4 * len(few) == 96
    assert len(second) == len(first)
