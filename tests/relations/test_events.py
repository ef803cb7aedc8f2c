"""Events, participants and communication items: recorded once, counted by the indicators."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from koers.core.listing import PAGE_SIZE
from koers.core.models import AuditEntry
from koers.directory.models import OrganisationKind, Position
from koers.plans.measures import get_measure
from koers.plans.models import Source
from koers.privacy.models import AccessRecord
from koers.privacy.services import person_erase
from koers.relations.events import services
from koers.relations.models import Event, Participant
from tests.directory.factories import OrganisationFactory, PersonFactory

YEAR = (dt.date(2021, 1, 1), dt.date(2021, 12, 31))


def add_event(world: Any, role: str = "programmacoordinator", **values: Any) -> Event:
    return services.event_save(
        actor=world.users[role],
        programme=world.programme,
        values={"title": "Thema sport", "theme": "sport", "date": dt.date(2021, 6, 10), **values},
    )


def derived(world: Any, measure: str, **params: Any) -> Any:
    indicator = world.indicator
    indicator.source = Source.DERIVED
    indicator.measure = measure
    indicator.measure_params = params
    indicator.save()
    return indicator


def value(indicator: Any) -> Decimal:
    return get_measure(indicator.measure).compute(indicator, *YEAR)


def test_an_event_moves_its_indicator_and_removing_it_moves_it_back(world: Any) -> None:
    indicator = derived(world, "relations.events_programme")
    assert value(indicator) == 0
    event = add_event(world)
    assert value(indicator) == 1
    assert list(get_measure(indicator.measure).records(indicator, *YEAR)) == [event]
    services.event_delete(actor=world.users["programmacoordinator"], event=event)
    assert value(indicator) == 0
    assert AuditEntry.objects.filter(action="event.deleted").count() == 1


def test_an_indicator_can_count_one_theme(world: Any) -> None:
    indicator = derived(world, "relations.events_programme", theme="Sport")
    add_event(world)
    add_event(world, title="Thema natuur", theme="natuur")
    assert value(indicator) == 1


def test_communication_items_count_for_their_programme(world: Any) -> None:
    indicator = derived(world, "relations.communications_programme")
    actor = world.users["medewerker"]
    for day in (dt.date(2021, 2, 1), dt.date(2021, 3, 1), dt.date(2022, 1, 5)):
        services.communication_add(
            actor=actor,
            programme=world.programme,
            values={"date": day, "channel": "website", "title": f"Bericht {day}", "theme": ""},
        )
    assert value(indicator) == 2


def test_active_organisations_are_co_organisers_and_those_present(world: Any) -> None:
    indicator = derived(world, "relations.active_organisations", exclude=["ggd"])
    ggd = OrganisationFactory(slug="ggd", kind=OrganisationKind.CARE)
    library = OrganisationFactory(kind=OrganisationKind.PARTNER)
    sports = OrganisationFactory(kind=OrganisationKind.PARTNER)
    absent = OrganisationFactory(kind=OrganisationKind.PARTNER)
    municipality = OrganisationFactory(kind=OrganisationKind.MUNICIPALITY)
    event = add_event(world)
    event.co_organisers.set([ggd, library, municipality, world.own])
    actor = world.users["programmacoordinator"]
    services.participant_add(actor=actor, event=event, organisation=sports, attended=True)
    services.participant_add(actor=actor, event=event, organisation=absent)
    services.participant_add(actor=actor, event=event, organisation=library, attended=True)
    assert value(indicator) == 2
    counted = get_measure(indicator.measure).records(indicator, *YEAR)
    assert set(counted) == {library, sports}


def test_a_person_registers_with_the_organisation_she_works_at(world: Any) -> None:
    person = PersonFactory(holder=world.own)
    Position.objects.create(
        person=person, organisation=world.other_org, started_on=dt.date(2020, 1, 1)
    )
    event = add_event(world)
    participant = services.participant_add(
        actor=world.users["medewerker"], event=event, person=person
    )
    assert participant.organisation == world.other_org
    with pytest.raises(ValidationError, match="Deze persoon is al aangemeld"):
        services.participant_add(actor=world.users["medewerker"], event=event, person=person)


def test_a_person_of_another_organisation_cannot_be_registered(world: Any) -> None:
    stranger = PersonFactory(holder=world.other_org)
    with pytest.raises(PermissionDenied):
        services.participant_add(
            actor=world.users["medewerker"], event=add_event(world), person=stranger
        )
    assert not Participant.objects.exists()


@pytest.mark.parametrize("role", ["toezicht", "opdrachtgever", "beheerder", "outsider"])
def test_only_those_who_record_the_programme_add_events(world: Any, role: str) -> None:
    with pytest.raises(PermissionDenied):
        add_event(world, role=role)
    assert not Event.objects.exists()


def test_a_coordinator_of_another_programme_cannot_add_an_event_here(world: Any) -> None:
    with pytest.raises(PermissionDenied):
        services.event_save(
            actor=world.users["programmacoordinator"],
            programme=world.unfunded_programme,
            values={"title": "X", "date": dt.date(2021, 1, 1)},
        )


def test_an_activity_of_another_programme_is_refused(world: Any) -> None:
    from tests.plans.factories import ActivityFactory

    elsewhere = ActivityFactory(programme=world.unfunded_programme)
    with pytest.raises(ValidationError, match="De activiteit hoort bij een ander programma"):
        add_event(world, activity=elsewhere)


def test_erasing_a_person_keeps_her_attendance_anonymous_and_the_counts(world: Any) -> None:
    indicator = derived(world, "relations.active_organisations")
    person = PersonFactory(holder=world.own)
    Position.objects.create(person=person, organisation=world.other_org)
    event = add_event(world)
    services.participant_add(
        actor=world.users["medewerker"], event=event, person=person, attended=True
    )
    before = value(indicator)
    person_erase(person, actor=world.users["beheerder"], remote_addr=None, reason="verzoek")
    participant = event.participants.get()
    assert participant.person is None and participant.organisation == world.other_org
    assert value(indicator) == before == 1


def test_the_event_page_shows_names_to_staff_and_counts_to_funders(world: Any) -> None:
    person = PersonFactory(holder=world.own, last_name="Visser")
    event = add_event(world)
    services.participant_add(
        actor=world.users["medewerker"], event=event, person=person, attended=True
    )
    url = reverse("relations:event", args=[event.pk])
    staff = world.client("medewerker").get(url)
    assert "Visser" in staff.content.decode()
    assert AccessRecord.objects.filter(subject_id=person.pk, action="list").count() == 1
    funder = world.client("opdrachtgever").get(url)
    assert funder.status_code == 200
    assert "Visser" not in funder.content.decode()
    assert "1 registered" in funder.content.decode() or "1 aangemeld" in funder.content.decode()


def test_the_attendance_list_is_logged_as_printed(world: Any) -> None:
    person = PersonFactory(holder=world.own)
    event = add_event(world)
    services.participant_add(actor=world.users["medewerker"], event=event, person=person)
    response = world.client("medewerker").get(reverse("relations:attendance_list", args=[event.pk]))
    assert response.status_code == 200
    assert AccessRecord.objects.filter(subject_id=person.pk, action="print").count() == 1


def test_events_are_added_and_changed_through_the_pages_with_a_version_check(world: Any) -> None:
    client = world.client("programmacoordinator")
    response = client.post(
        reverse("relations:event_add"),
        {
            "programme": world.programme.pk,
            "title": "Thema natuur",
            "theme": "natuur",
            "date": "2021-09-16",
            "place": "Urk",
        },
    )
    event = Event.objects.get()
    assert response.status_code == 302
    data = {
        "programme": world.programme.pk,
        "title": "Thema natuur en gezondheid",
        "date": "2021-09-16",
        "version": str(event.version),
    }
    Event.objects.filter(pk=event.pk).update(title="Door een collega", version=event.version + 1)
    stale = client.post(reverse("relations:event_edit", args=[event.pk]), data)
    assert stale.status_code == 409
    event.refresh_from_db()
    assert event.title == "Door een collega"


def test_a_bad_date_changes_nothing(world: Any) -> None:
    response = world.client("programmacoordinator").post(
        reverse("relations:event_add"),
        {"programme": world.programme.pk, "title": "X", "date": "31-02-2021"},
    )
    assert response.status_code == 400
    assert not Event.objects.exists()


def test_the_export_has_counts_not_names(world: Any) -> None:
    import io

    from openpyxl import load_workbook

    person = PersonFactory(holder=world.own, last_name="Visser")
    event = add_event(world)
    services.participant_add(
        actor=world.users["medewerker"], event=event, person=person, attended=True
    )
    response = world.client("directeur").get(reverse("relations:events_export") + "?jaar=2021")
    rows = list(
        load_workbook(io.BytesIO(response.content)).worksheets[0].iter_rows(values_only=True)
    )
    assert len(rows) == 2
    assert rows[1][-3:-1] == (1, 1)
    assert "Visser" not in str(rows)


@pytest.mark.parametrize("count", [10, 1000])
def test_the_events_page_costs_the_same_queries_for_few_or_many(world: Any, count: int) -> None:
    Event.objects.bulk_create(
        Event(holder=world.own, programme=world.programme, title=f"B{n}", date=dt.date(2021, 5, 1))
        for n in range(count)
    )
    client = world.client("medewerker")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("relations:events") + "?jaar=2021")
    assert response.status_code == 200
    # Every event is counted; the page shows the first PAGE_SIZE (it showed all before
    # the list was paged).
    assert response.context["listing"].total == count
    assert len(response.context["events"]) == min(count, PAGE_SIZE)
    assert len(queries) <= 16


def test_a_communication_item_is_added_and_removed_through_the_page(world: Any) -> None:
    client = world.client("medewerker")
    response = client.post(
        reverse("relations:communications"),
        {
            "programme": world.programme.pk,
            "date": "2021-04-01",
            "channel": "newsletter",
            "title": "Nieuwsbrief april",
            "theme": "sport",
            "link": "www.cmoflevoland.nl/april",
        },
    )
    assert response.status_code == 302
    item = world.programme.communication_items.get()
    assert item.link == "https://www.cmoflevoland.nl/april"
    client.post(reverse("relations:communication_remove", args=[item.pk]))
    assert not world.programme.communication_items.exists()


def contact(world: Any, organisations: list[Any], **values: Any) -> Any:
    from koers.relations.contacts.services import interaction_save

    return interaction_save(
        actor=world.users["programmacoordinator"],
        holder_id=world.own.pk,
        values={
            "date": dt.date(2021, 5, 3),
            "kind": "overleg",
            "subject": "Overleg sport",
            "programme": world.programme,
            **values,
        },
        links={"organisations": organisations},
    )


def test_an_organisation_on_enough_contacts_of_the_programme_counts_as_active(
    world: Any,
) -> None:
    from koers.relations.contacts.services import interaction_save

    indicator = derived(world, "relations.active_organisations", min_interactions=2)
    partner = OrganisationFactory(name="Sportclub", kind=OrganisationKind.PARTNER)
    once = OrganisationFactory(name="Bibliotheek", kind=OrganisationKind.PARTNER)
    municipality = OrganisationFactory(kind=OrganisationKind.MUNICIPALITY)
    contact(world, [partner, once, municipality])
    assert value(indicator) == 0
    second = contact(world, [partner, municipality])
    assert value(indicator) == 1
    assert list(get_measure(indicator.measure).records(indicator, *YEAR)) == [partner]
    contact(world, [once], programme=world.unfunded_programme)  # another programme
    contact(world, [once], date=dt.date(2022, 1, 5))  # after the period
    assert value(indicator) == 1
    interaction_save(
        actor=world.users["programmacoordinator"],
        holder_id=world.own.pk,
        values={},
        links={"organisations": [municipality]},
        interaction=second,
        expected_version=second.version,
    )
    assert value(indicator) == 0


def test_contacts_count_with_events_and_each_organisation_once(world: Any) -> None:
    indicator = derived(world, "relations.active_organisations", min_interactions=1)
    partner = OrganisationFactory(kind=OrganisationKind.PARTNER)
    event = add_event(world)
    event.co_organisers.add(partner)
    contact(world, [partner])
    contact(world, [partner])
    assert value(indicator) == 1


def test_without_min_interactions_contacts_do_not_count(world: Any) -> None:
    indicator = derived(world, "relations.active_organisations")
    contact(world, [OrganisationFactory(kind=OrganisationKind.PARTNER)])
    assert value(indicator) == 0


@pytest.mark.parametrize("wrong", ["twee", -1, 1.5, True])
def test_a_minimum_that_is_not_a_whole_number_gives_no_value_rather_than_a_wrong_one(
    world: Any, wrong: Any, caplog: Any
) -> None:
    indicator = derived(world, "relations.active_organisations", min_interactions=wrong)
    add_event(world).co_organisers.add(OrganisationFactory(kind=OrganisationKind.PARTNER))
    assert get_measure(indicator.measure).compute(indicator, *YEAR) is None
    assert not get_measure(indicator.measure).records(indicator, *YEAR).exists()
    assert "min_interactions" in caplog.text
