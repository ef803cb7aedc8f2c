"""The directory of organisations: search, the duplicate check, and merging duplicates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from koers.core.models import AuditEntry
from koers.directory.models import Organisation, OrganisationKind, Position
from koers.directory.organisations import services
from koers.relations.models import Event, Interaction
from tests.directory.factories import OrganisationFactory, PersonFactory


def add(world: Any, name: str, **values: Any) -> Organisation:
    return services.organisation_save(
        actor=world.users["medewerker"],
        values={"name": name, "kind": OrganisationKind.PARTNER, **values},
        tags=services.tags_create(values.pop("tag_text", "")) if "tag_text" in values else None,
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Stichting Sportservice Flevoland", "Sportservice Flevoland"),
        ("Gemeente Urk", "URK"),
        ("Huis voor Taal", "Huis vóór taal"),
    ],
)
def test_names_that_compare_equal_are_found_as_duplicates(first: str, second: str) -> None:
    assert services.name_key(first) == services.name_key(second)


def test_a_look_alike_is_refused_unless_she_says_it_is_another(world: Any) -> None:
    add(world, "Sportservice Flevoland", website="https://www.sportserviceflevoland.nl")
    with pytest.raises(ValidationError, match="erop lijken"):
        add(world, "Stichting Sportservice Flevoland")
    with pytest.raises(
        ValidationError, match="Koers kent organisaties die erop lijken: Sportservice"
    ):
        add(world, "Sport Flevoland", website="http://sportserviceflevoland.nl/contact")
    other = services.organisation_save(
        actor=world.users["medewerker"],
        values={"name": "Stichting Sportservice Flevoland", "kind": OrganisationKind.PARTNER},
        accept_duplicates=True,
    )
    assert other.slug != Organisation.objects.get(name="Sportservice Flevoland").slug


def test_the_add_page_shows_the_look_alikes_and_saves_nothing(world: Any) -> None:
    add(world, "KunstLink")
    client = world.client("medewerker")
    response = client.post(
        reverse("directory:organisation_add"), {"name": "Kunstlink", "kind": "partner"}
    )
    assert response.status_code == 400
    assert [o.name for o in response.context["duplicates"]] == ["KunstLink"]
    assert Organisation.objects.filter(name__iexact="kunstlink").count() == 1
    response = client.post(
        reverse("directory:organisation_add"),
        {
            "name": "Kunstlink",
            "kind": "partner",
            "accept_duplicates": "on",
            "tags": "kunst, cultuur",
        },
    )
    assert response.status_code == 302
    created = Organisation.objects.get(name="Kunstlink")
    assert sorted(created.tags.values_list("name", flat=True)) == ["cultuur", "kunst"]


def test_merging_moves_every_link_and_removes_the_duplicate(world: Any) -> None:
    keep = add(world, "Sportservice Flevoland")
    duplicate = OrganisationFactory(name="Sportservice Fl.", kind=OrganisationKind.PARTNER)
    person = PersonFactory(holder=world.own)
    Position.objects.create(person=person, organisation=duplicate)
    contact = Interaction.objects.create(
        holder=world.own,
        date=dt.date(2021, 5, 3),
        kind="gesprek",
        subject="X",
        created_by=world.users["medewerker"],
    )
    contact.organisations.add(duplicate, keep)
    event = Event.objects.create(
        holder=world.own, programme=world.programme, title="Sport", date=dt.date(2021, 6, 10)
    )
    event.co_organisers.add(duplicate)
    event.participants.create(organisation=duplicate, attended=True)
    world.programme.funders.add(duplicate)
    moved = services.organisation_merge(
        actor=world.users["installatiebeheerder"], keep=keep, duplicate=duplicate
    )
    assert not Organisation.objects.filter(pk=duplicate.pk).exists()
    assert person.positions.get().organisation == keep
    assert list(contact.organisations.all()) == [keep]
    assert list(event.co_organisers.all()) == [keep]
    assert event.participants.get().organisation == keep
    assert keep in world.programme.funders.all()
    assert sum(moved.values()) == 5  # position, contact, co-organiser, participant, funder
    entry = AuditEntry.objects.get(action="organisation.merged")
    assert entry.changes["merged"][0]["name"] == "Sportservice Fl."


@pytest.mark.parametrize("depth", [1, 2])
def test_merging_into_an_organisation_below_it_keeps_the_tree_free_of_loops(
    world: Any, depth: int
) -> None:
    top = add(world, "Welzijn Nederland")
    duplicate = add(world, "Welzijn Flevoland", parent=top)
    keep = add(world, "Welzijn Flevoland Noord", parent=duplicate)
    middle = keep
    if depth == 2:
        keep = add(world, "Welzijn Urk", parent=middle)
    services.organisation_merge(
        actor=world.users["installatiebeheerder"], keep=keep, duplicate=duplicate
    )
    keep.refresh_from_db()
    middle.refresh_from_db()
    assert keep.parent == top
    if depth == 2:
        assert middle.parent == keep
    seen, current = set(), Organisation.objects.get(pk=middle.pk)
    while current is not None:
        assert current.pk not in seen
        seen.add(current.pk)
        current = current.parent


def test_an_organisation_working_in_koers_is_not_merged_away(world: Any) -> None:
    with pytest.raises(ValidationError, match="gebruikers of plannen"):
        services.organisation_merge(
            actor=world.users["installatiebeheerder"], keep=world.regio, duplicate=world.own
        )
    assert Organisation.objects.filter(pk=world.own.pk).exists()


def test_a_merge_that_would_make_two_records_one_is_refused_and_changes_nothing(world: Any) -> None:
    from koers.funding.models import FinancialYear

    keep, duplicate = OrganisationFactory(), OrganisationFactory()
    FinancialYear.objects.create(organisation=keep, year=2021, planned_result=Decimal(1))
    FinancialYear.objects.create(organisation=duplicate, year=2021, planned_result=Decimal(2))
    with pytest.raises(ValidationError, match="Beide organisaties hebben een boekjaar die"):
        services.organisation_merge(
            actor=world.users["installatiebeheerder"], keep=keep, duplicate=duplicate
        )
    assert FinancialYear.objects.filter(organisation=duplicate).count() == 1


@pytest.mark.parametrize("role", ["beheerder", "directeur", "medewerker"])
def test_only_the_installation_administrator_merges(world: Any, role: str) -> None:
    duplicate = OrganisationFactory()
    with pytest.raises(PermissionDenied, match="Alleen de installatiebeheerder"):
        services.organisation_merge(actor=world.users[role], keep=world.regio, duplicate=duplicate)
    assert Organisation.objects.filter(pk=duplicate.pk).exists()


def test_an_organisation_cannot_be_its_own_ancestor(world: Any) -> None:
    parent = add(world, "Welzijn Flevoland")
    child = add(world, "Welzijn Urk", parent=parent)
    with pytest.raises(
        ValidationError, match="Een organisatie kan niet haar eigen moederorganisatie"
    ):
        services.organisation_save(
            actor=world.users["medewerker"],
            values={"parent": child},
            organisation=parent,
        )


def test_the_page_shows_people_only_to_staff_of_their_holder(world: Any) -> None:
    partner = add(world, "Bibliotheeknetwerk Flevoland")
    person = PersonFactory(holder=world.own, last_name="Bakker")
    Position.objects.create(person=person, organisation=partner)
    url = reverse("directory:organisation", args=[partner.pk])
    assert "Bakker" in world.client("medewerker").get(url).content.decode()
    assert "Bakker" not in world.client("opdrachtgever").get(url).content.decode()
    assert "Bakker" not in world.client("outsider").get(url).content.decode()


@pytest.mark.parametrize("count", [10, 1000])
def test_the_directory_costs_the_same_queries_for_few_or_many(world: Any, count: int) -> None:
    tags = services.tags_create("netwerk, sport")
    added = Organisation.objects.bulk_create(
        Organisation(name=f"Partner {n}", slug=f"partner-{n}", kind=OrganisationKind.PARTNER)
        for n in range(count)
    )
    through = Organisation.tags.through
    through.objects.bulk_create(
        through(organisation_id=organisation.pk, tag_id=tag.pk)
        for organisation in added
        for tag in tags
    )
    client = world.client("medewerker")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("directory:organisations") + "?soort=partner")
    assert response.status_code == 200
    assert response.context["total"] == count
    assert len(queries) <= 14


def test_the_directory_links_member_employers_for_those_who_see_persons(world: Any) -> None:
    members = reverse("relations:members")
    page = reverse("directory:organisations")
    assert members in world.client("medewerker").get(page).content.decode()
    assert members not in world.client("opdrachtgever").get(page).content.decode()
