"""The demo's events and communications, and the Positieve Gezondheid indicators they feed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from koers.demo import builder
from koers.plans.measures import get_measure
from koers.plans.models import Indicator, Source
from koers.relations.models import CommunicationItem, Event


@pytest.fixture
def demo(db: Any) -> None:
    builder.build(hours=False)


def counted(title_start: str) -> tuple[Decimal, list[str]]:
    indicator = Indicator.objects.get(title__startswith=title_start)
    assert indicator.source == Source.DERIVED
    measure = get_measure(indicator.measure)
    period = (dt.date(2021, 1, 1), builder.REFERENCE_DATE)
    return measure.compute(indicator, *period), [
        str(r) for r in measure.records(indicator, *period)
    ]


def test_the_communications_indicator_counts_the_items_published_so_far(demo: None) -> None:
    value, records = counted("21 communicatie")
    assert value == CommunicationItem.objects.filter(date__lte=builder.REFERENCE_DATE).count() == 15
    assert len(records) == 15


def test_the_active_circle_is_the_partners_who_co_organised_besides_the_ggd(demo: None) -> None:
    value, records = counted("Actieve schil")
    assert sorted(records) == ["Jeugdfonds Sport en Cultuur", "KunstLink", "Sportservice Flevoland"]
    assert value == 3


def test_every_demo_event_and_item_is_marked_as_example_data(demo: None) -> None:
    assert Event.objects.count() == 5
    assert not Event.objects.filter(is_example=False).exists()
    assert not CommunicationItem.objects.filter(is_example=False).exists()


def test_the_national_networks_indicator_counts_the_seeds_three(demo: None) -> None:
    value, records = counted("Zichtbaarheid in tenminste 3")
    assert value == 3
    assert sorted(records) == [
        "Alles is Gezondheid (regionetwerk)",
        "Missie Mentaal",
        "RIVM Netwerk Brede Gezondheidsconcepten (leerregio)",
    ]
