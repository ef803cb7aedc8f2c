"""A derived indicator on the activity page lists the records it counted at the page's
reference date ("2 / 7": the two meetings), linked where she may open them; a goal's page
lists its sub-goals (issue 16, item 8)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from koers.plans.models import Indicator, Source
from koers.relations.models import CommunicationItem, Event, Network
from tests.conftest import World
from tests.plans.factories import ActivityFactory, GoalFactory, IndicatorFactory, TargetFactory

PEILDATUM = "2021-06-30"


def activity_url(world: World, peildatum: str = PEILDATUM) -> str:
    return reverse("plans:activity", args=[world.activity.pk]) + f"?peildatum={peildatum}"


def derived(world: World, measure: str, title: str, **params: Any) -> Indicator:
    indicator = IndicatorFactory(
        activity=world.activity,
        title=title,
        source=Source.DERIVED,
        measure=measure,
        measure_params=params,
    )
    TargetFactory(indicator=indicator, value=7)
    return indicator


def meeting(world: World, title: str, day: dt.date, activity: Any = None) -> Event:
    return Event.objects.create(
        holder=world.own,
        programme=world.programme,
        activity=activity or world.activity,
        title=title,
        theme="gezondheid",
        date=day,
    )


@pytest.fixture
def meetings(world: World) -> Indicator:
    """The demo's "7 thematic network meetings": two held by the end of June, one in
    September, and one of another activity of the programme (not this indicator's)."""
    indicator = derived(world, "relations.events_activity", "7 netwerkbijeenkomsten")
    meeting(world, "Netwerk gezond gewicht", dt.date(2021, 3, 11))
    meeting(world, "Netwerk bewegen", dt.date(2021, 6, 30))  # on the reference date
    meeting(world, "Netwerk na de zomer", dt.date(2021, 9, 2))
    other = ActivityFactory(programme=world.programme, line=world.activity.line, year=2021)
    meeting(world, "Bijeenkomst van een andere activiteit", dt.date(2021, 4, 1), activity=other)
    return indicator


def card_of(response: Any, indicator: Indicator) -> Any:
    return next(c for c in response.context["cards"] if c["row"].indicator.pk == indicator.pk)


def test_two_of_seven_lists_exactly_the_two_meetings(world: World, meetings: Indicator) -> None:
    response = world.client("directeur").get(activity_url(world))
    assert response.status_code == 200
    card = card_of(response, meetings)
    assert card["row"].progress.realised == 2
    assert card["counted"].count == 2
    assert [(r.text, r.date) for r in card["counted"].records] == [
        ("Netwerk gezond gewicht", dt.date(2021, 3, 11)),
        ("Netwerk bewegen", dt.date(2021, 6, 30)),
    ]
    html = response.content.decode()
    assert "Geteld tot en met 30 juni 2021: 2 registraties." in html
    for event in Event.objects.filter(date__lte=dt.date(2021, 6, 30), activity=world.activity):
        assert f'<a href="{reverse("relations:event", args=[event.pk])}">{event.title}</a>' in html


def test_a_record_after_the_reference_date_is_not_listed(world: World, meetings: Indicator) -> None:
    june = world.client("directeur").get(activity_url(world)).content.decode()
    assert "Netwerk na de zomer" not in june
    assert "Bijeenkomst van een andere activiteit" not in june
    autumn = world.client("directeur").get(activity_url(world, "2021-10-01"))
    card = card_of(autumn, meetings)
    assert card["row"].progress.realised == card["counted"].count == 3
    assert "Netwerk na de zomer" in autumn.content.decode()


def test_a_funder_sees_the_records_without_links_to_pages_she_may_not_open(
    world: World, meetings: Indicator
) -> None:
    networks = derived(world, "relations.networks_programme", "Netwerken")
    network = Network.objects.create(
        holder=world.own,
        name="Alles is Gezondheid",
        kind="national",
        role="deelnemer",
        programme=world.programme,
        joined_on=dt.date(2020, 1, 1),
    )
    network_url = reverse("relations:network", args=[network.pk])
    staff = world.client("directeur").get(activity_url(world)).content.decode()
    assert f'<a href="{network_url}">Alles is Gezondheid</a>' in staff
    response = world.client("opdrachtgever").get(activity_url(world))
    funder = response.content.decode()
    assert card_of(response, networks)["counted"].count == 1
    assert "Alles is Gezondheid" in funder and network_url not in funder
    assert world.client("opdrachtgever").get(network_url).status_code == 403
    # The meetings' pages she may open (she funds the programme): those stay linked.
    event = Event.objects.get(title="Netwerk bewegen")
    assert world.client("opdrachtgever").get(event.get_absolute_url()).status_code == 200
    assert f'href="{event.get_absolute_url()}"' in funder


def test_records_about_people_are_counted_not_listed(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    from decimal import Decimal

    from koers.directory.models import Person
    from koers.plans import measures
    from tests.directory.factories import PersonFactory

    def records(indicator: Any, start: dt.date, end: dt.date) -> Any:
        return Person.objects.filter(holder=world.own).order_by("pk")

    monkeypatch.setitem(
        measures._registry,
        "tests.persons",
        measures.Measure(
            key="tests.persons",
            label="Personen",
            compute=lambda i, s, e: Decimal(records(i, s, e).count()),
            records=records,
            counts_records=True,
        ),
    )
    indicator = derived(world, "tests.persons", "Bereikte personen")
    PersonFactory(holder=world.own, last_name="Bakker")
    PersonFactory(holder=world.own, last_name="Visser")
    response = world.client("directeur").get(activity_url(world))
    assert card_of(response, indicator)["counted"].count == 2
    assert card_of(response, indicator)["counted"].records == []
    html = response.content.decode()
    assert "Geteld tot en met 30 juni 2021: 2 registraties." in html
    assert "Bakker" not in html and "Visser" not in html


def _four_derived(world: World) -> None:
    derived(world, "relations.events_activity", "Bijeenkomsten van de activiteit")
    derived(world, "relations.events_programme", "Bijeenkomsten van het programma")
    derived(world, "relations.communications_programme", "Berichten")
    derived(world, "relations.networks_programme", "Netwerken")


def _records(world: World, per_kind: int) -> None:
    for number in range(per_kind):
        day = dt.date(2021, 1, 1) + dt.timedelta(days=number % 150)
        meeting(world, f"Bijeenkomst {number}", day)
        CommunicationItem.objects.create(
            holder=world.own, programme=world.programme, date=day, channel="website", title="B"
        )
        Network.objects.create(
            holder=world.own,
            name=f"Netwerk {number}",
            kind="national",
            role="deelnemer",
            programme=world.programme,
            joined_on=dt.date(2020, 1, 1),
        )


def _queries_of_the_page(client: Any, world: World) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(activity_url(world))
    assert response.status_code == 200
    return len(queries)


# The activity page with five indicators, four of them derived and listing what they counted:
# without the lists it costs 23 (staff) and 22 (funder); each list adds one query, and each
# kind of record with a page one more for the links (events and networks for staff; for the
# funder, who may open no network, the networks' check needs none). The multi-year plan beside
# the year adds two (the results of the activity's line and code; the indicators' links); the
# activity's partners one more.
ACTIVITY_PAGE_QUERIES = {"directeur": 32, "opdrachtgever": 30}


@pytest.mark.parametrize("role", ["directeur", "opdrachtgever"])
def test_the_lists_cost_no_query_per_record(
    world: World, role: str, django_assert_max_num_queries: Any
) -> None:
    _four_derived(world)
    client = world.client(role)
    _records(world, per_kind=3)
    few = _queries_of_the_page(client, world)
    _records(world, per_kind=300)
    with django_assert_max_num_queries(ACTIVITY_PAGE_QUERIES[role]):
        many = _queries_of_the_page(client, world)
    assert many == few


# --- a goal lists its sub-goals ---------------------------------------------------------------


@pytest.fixture
def krachtige_samenleving(world: World) -> Any:
    """The demo's Krachtige Samenleving with its four programme lines; KS-1 has an effect
    below it, which is KS-1's sub-goal, not KS's."""
    root = world.goal.parent
    world.goal.title = "Een gezond en veerkrachtig Flevoland"
    world.goal.order = 1
    world.goal.save()
    for order, (code, title) in enumerate(
        [
            ("KS-2", "Leefbaar platteland"),
            ("KS-3", "Toekomstbestendige gezondheidszorg"),
            ("KS-4", "Arbeidsmarkt & participatie"),
        ],
        start=2,
    ):
        GoalFactory(funder=world.province, code=code, title=title, parent=root, order=order)
    GoalFactory(funder=world.province, code="KS-1.1", title="Minder overgewicht", parent=world.goal)
    return root


@pytest.mark.parametrize("role", ["directeur", "opdrachtgever"])
def test_krachtige_samenleving_lists_ks_1_to_ks_4(
    world: World, krachtige_samenleving: Any, role: str
) -> None:
    response = world.client(role).get(reverse("plans:goal", args=[krachtige_samenleving.pk]))
    assert response.status_code == 200
    assert [goal.code for goal in response.context["sub_goals"]] == [
        "KS-1",
        "KS-2",
        "KS-3",
        "KS-4",
    ]
    html = response.content.decode()
    assert "<h2>Subdoelen</h2>" in html
    for goal in response.context["sub_goals"]:
        assert reverse("plans:goal", args=[goal.pk]) in html
    assert "Minder overgewicht" not in html


def test_a_goal_without_sub_goals_has_no_such_section(
    world: World, krachtige_samenleving: Any
) -> None:
    leaf = world.goal.children.get()
    html = world.client("directeur").get(reverse("plans:goal", args=[leaf.pk])).content.decode()
    assert "Subdoelen" not in html


def test_another_funder_does_not_reach_the_sub_goals(
    world: World, krachtige_samenleving: Any
) -> None:
    response = world.client("regio").get(reverse("plans:goal", args=[krachtige_samenleving.pk]))
    assert response.status_code == 404
