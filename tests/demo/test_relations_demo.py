"""The demo's events and communications, and the Positieve Gezondheid indicators they feed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db.models import Count, Q

from koers.demo import builder
from koers.directory.models import Organisation
from koers.plans.measures import get_measure
from koers.plans.models import Indicator, Source
from koers.relations.models import CommunicationItem, Event, Participant


@pytest.fixture
def demo(demo_db: dict[str, int]) -> None:
    """The shared demo (tests/shared_demo.py)."""


def counted(title_start: str) -> tuple[Decimal, list[str]]:
    indicator = Indicator.objects.get(activity__year=2021, title__startswith=title_start)
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


def test_the_active_circle_is_who_co_organised_or_came_besides_ggd_and_municipalities(
    demo: None,
) -> None:
    value, records = counted("Actieve schil")
    co_organisers = {"Jeugdfonds Sport en Cultuur", "KunstLink", "Sportservice Flevoland"}
    came = set(
        Participant.objects.filter(
            attended=True, event__date__lte=builder.REFERENCE_DATE, organisation__isnull=False
        )
        .exclude(organisation__kind__in=["municipality", "province", "own"])
        .exclude(organisation__slug="ggd-flevoland")
        .values_list("organisation__name", flat=True)
    )
    assert co_organisers < set(records)
    assert set(records) == co_organisers | {
        Organisation.objects.get(name=name).short_name or name for name in came
    }
    assert "GGD Flevoland" not in records and not any(r.startswith("Gemeente") for r in records)
    assert value == len(records) == 12


def test_six_of_the_seven_meetings_are_there_two_held_with_attendance(demo: None) -> None:
    """The seventh (natuur) is the one the walkthrough adds."""
    events = Event.objects.order_by("date")
    assert [e.theme for e in events] == [
        "kunst en cultuur",
        "sport",
        "taal en gezondheid",
        "eenzaamheid",
        "mentale gezondheid",
        "digitale gezondheid",
    ]
    rows = events.annotate(
        registered=Count("participants"),
        present=Count("participants", filter=Q(participants__attended=True)),
        unknown=Count("participants", filter=Q(participants__attended__isnull=True)),
    )
    figures = [(e.theme, e.registered, e.present, e.unknown, e.evaluation) for e in rows]
    assert figures == [
        ("kunst en cultuur", 22, 21, 0, Decimal("7.6")),
        ("sport", 28, 21, 0, Decimal("8.2")),
        ("taal en gezondheid", 16, 0, 16, None),
        ("eenzaamheid", 21, 0, 21, None),
        ("mentale gezondheid", 10, 0, 10, None),
        ("digitale gezondheid", 12, 0, 12, None),
    ]
    # Registrations are example persons (with the organisation they work at) and, for each
    # meeting, one organisation that has not named anybody yet.
    participants = Participant.objects.select_related("person", "organisation")
    assert all(p.person.is_example for p in participants if p.person)
    assert participants.filter(person__isnull=True).count() == 6
    for p in participants.filter(person__isnull=False):
        assert p.person.positions.filter(organisation=p.organisation, ended_on__isnull=True)
    assert all(e.co_organisers.filter(slug="ggd-flevoland").exists() for e in events)
    assert events.get(theme="mentale gezondheid").co_organisers.filter(slug="alles-is-gezondheid")


def test_the_national_networks_indicator_counts_the_seeds_three(demo: None) -> None:
    value, records = counted("Zichtbaarheid in tenminste 3")
    assert value == 3
    assert sorted(records) == [
        "Alles is Gezondheid (regionetwerk)",
        "Missie Mentaal",
        "RIVM Netwerk Brede Gezondheidsconcepten (leerregio)",
    ]
