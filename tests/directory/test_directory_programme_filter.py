"""The directory's filter by programme: the organisations that worked with it (events,
contacts for those who may see them, project partners), in a flat number of queries."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from koers.directory.models import Organisation, OrganisationKind
from koers.relations.models import Event, Interaction, Participant
from koers.work.models import Project
from tests.conftest import World
from tests.directory.factories import OrganisationFactory


def page(client: Client, programme: Any, **extra: str) -> Any:
    return client.get(reverse("directory:organisations"), {"programma": programme.pk, **extra})


def names(response: Any) -> set[str]:
    return {o.name for o in response.context["organisations"]}


def an_event(programme: Any, holder: Any) -> Event:
    return Event.objects.create(
        holder=holder, programme=programme, title="Thema", date=dt.date(2021, 6, 10)
    )


def a_contact(world: World, programme: Any, *organisations: Organisation) -> Interaction:
    contact = Interaction.objects.create(
        holder=world.own,
        date=dt.date(2021, 5, 3),
        kind="gesprek",
        subject="Overleg",
        programme=programme,
        created_by=world.users["medewerker"],
    )
    contact.organisations.set(organisations)
    return contact


@pytest.fixture
def circle(world: World) -> dict[str, Organisation]:
    found = {
        name: OrganisationFactory(name=name, kind=OrganisationKind.PARTNER)
        for name in ("Mede", "Aanwezig", "Afwezig", "Gesproken", "Projectpartner", "Elders", "Los")
    }
    event = an_event(world.programme, world.own)
    event.co_organisers.add(found["Mede"])
    Participant.objects.create(event=event, organisation=found["Aanwezig"], attended=True)
    Participant.objects.create(event=event, organisation=found["Aanwezig"], attended=True)
    Participant.objects.create(event=event, organisation=found["Afwezig"], attended=False)
    a_contact(world, world.programme, found["Gesproken"])
    Project.objects.create(
        organisation=world.own,
        programme=world.programme,
        title="Samen sporten",
        starts_on=dt.date(2021, 1, 1),
        partner=found["Projectpartner"],
    )
    an_event(world.unfunded_programme, world.own).co_organisers.add(found["Elders"])
    return found


def test_staff_see_who_worked_with_the_programme(world: World, circle: Any) -> None:
    response = page(world.client("medewerker"), world.programme)
    assert response.status_code == 200
    assert names(response) == {"Mede", "Aanwezig", "Gesproken", "Projectpartner"}
    assert response.context["total"] == 4  # attending twice is counted once
    assert "Positieve Gezondheid" in response.content.decode()


def test_the_filter_combines_with_the_others(world: World, circle: Any) -> None:
    circle["Mede"].kind = OrganisationKind.CARE
    circle["Mede"].save()
    response = page(world.client("medewerker"), world.programme, soort="care")
    assert names(response) == {"Mede"}


def test_a_funder_is_not_told_about_the_holders_contacts(world: World, circle: Any) -> None:
    response = page(world.client("opdrachtgever"), world.programme)
    assert response.status_code == 200
    assert names(response) == {"Mede", "Aanwezig", "Projectpartner"}


def test_a_programme_she_cannot_see_filters_nothing(world: World, circle: Any) -> None:
    response = page(world.client("outsider"), world.programme)
    assert response.context["programme"] is None
    assert response.context["total"] == Organisation.objects.count()
    assert world.programme.name not in response.content.decode()


def test_the_filter_is_refused_to_who_has_no_role(world: World) -> None:
    assert page(world.client("no_role"), world.programme).status_code == 403
    anonymous = page(Client(), world.programme)
    assert anonymous.status_code == 302


def test_the_filtered_directory_costs_the_same_queries_for_10_or_500(world: World) -> None:
    event = an_event(world.programme, world.own)
    client = world.client("medewerker")

    def grow_to(count: int) -> int:
        for n in range(Organisation.objects.filter(name__startswith="Partner ").count(), count):
            organisation = OrganisationFactory(name=f"Partner {n}", kind=OrganisationKind.PARTNER)
            if n % 3 == 0:
                event.co_organisers.add(organisation)
            elif n % 3 == 1:
                Participant.objects.create(event=event, organisation=organisation, attended=True)
            else:
                a_contact(world, world.programme, organisation)
        with CaptureQueriesContext(connection) as queries:
            response = page(client, world.programme)
        assert response.context["total"] == count
        return len(queries)

    few = grow_to(10)
    many = grow_to(500)
    assert few == many <= 11
