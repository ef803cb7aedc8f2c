"""Merging two records of one person: every link moves (whatever points at a person), a
contact both were on keeps her once, blank fields are filled, one audit entry; refused
across holders, for colliding registrations and for those who may not edit her; the
privacy app finds the removed record's history and accesses under the kept one."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from koers.accounts.roles import Role
from koers.core.models import AuditEntry
from koers.directory.models import Person, Position
from koers.directory.persons import services
from koers.privacy import queries as privacy_queries
from koers.privacy import services as privacy
from koers.privacy import subjects
from koers.privacy.models import AccessRecord
from koers.relations.models import Event, Interaction, Participant
from tests.accounts.factories import MembershipFactory
from tests.confirming import post_confirmed
from tests.conftest import World
from tests.directory.factories import PersonFactory


@pytest.fixture
def pair(world: World) -> tuple[Person, Person]:
    keep = PersonFactory(
        holder=world.own, first_name="Fenna", last_name="de Boer", email="", phone="", notes="A"
    )
    duplicate = PersonFactory(
        holder=world.own,
        first_name="Fenna",
        last_name="de Boer",
        email="f.deboer@urk.nl",
        phone="0527 123456",
        notes="B",
    )
    return keep, duplicate


def contact(world: World, *persons: Person) -> Interaction:
    interaction = Interaction.objects.create(
        holder=world.own,
        date=dt.date(2021, 5, 3),
        kind="gesprek",
        subject="Netwerk",
        created_by=world.users["medewerker"],
    )
    interaction.persons.set(persons)
    return interaction


def event(world: World, title: str = "Thema sport") -> Event:
    return Event.objects.create(
        holder=world.own, programme=world.programme, title=title, date=dt.date(2021, 6, 10)
    )


def merge(world: World, keep: Person, duplicate: Person, role: str = "medewerker") -> Any:
    return services.person_merge(actor=world.users[role], keep=keep, duplicate=duplicate)


def linked(person_pk: int) -> dict[str, int]:
    """Rows pointing at the person, per relation, counted without the code under test."""
    counts = {}
    for relation in Person._meta.related_objects:
        if relation.many_to_many:
            through: Any = relation.through  # type: ignore[attr-defined]
            column = f"{relation.field.m2m_reverse_field_name()}_id"  # type: ignore[attr-defined]
            counts[relation.name] = through.objects.filter(**{column: person_pk}).count()
        else:
            model: Any = relation.related_model
            counts[relation.name] = model._base_manager.filter(
                **{f"{relation.field.name}_id": person_pk}
            ).count()
    return counts


def test_every_link_moves_and_a_shared_contact_keeps_her_once(
    world: World, pair: tuple[Person, Person]
) -> None:
    keep, duplicate = pair
    Position.objects.create(person=keep, organisation=world.other_org, title="Wethouder")
    Position.objects.create(person=duplicate, organisation=world.province, title="Adviseur")
    shared, own = contact(world, keep, duplicate), contact(world, duplicate)
    Participant.objects.create(event=event(world), person=duplicate, attended=True)
    before = {name: linked(keep.pk)[name] + n for name, n in linked(duplicate.pk).items()}
    moved = merge(world, keep, duplicate)
    assert not Person.objects.filter(pk=duplicate.pk).exists()
    after = linked(keep.pk)
    assert after["interactions"] == before["interactions"] - 1  # the shared contact, once
    assert {k: v for k, v in after.items() if k != "interactions"} == {
        k: v for k, v in before.items() if k != "interactions"
    }
    assert set(shared.persons.all()) == {keep} and set(own.persons.all()) == {keep}
    assert sorted(keep.positions.values_list("title", flat=True)) == ["Adviseur", "Wethouder"]
    assert moved == {
        "directory.position.person": 1,
        "relations.participant.person": 1,
        "relations.interaction.persons": 2,
    }


def test_blank_fields_are_filled_and_notes_joined(
    world: World, pair: tuple[Person, Person]
) -> None:
    keep, duplicate = pair
    merge(world, keep, duplicate)
    keep.refresh_from_db()
    assert (keep.email, keep.phone, keep.notes, keep.version) == (
        "f.deboer@urk.nl",
        "0527 123456",
        "A\n\nB",
        2,
    )


def test_one_audit_entry_in_her_history_keeps_what_the_duplicate_said(
    world: World, pair: tuple[Person, Person]
) -> None:
    keep, duplicate = pair
    duplicate_pk = duplicate.pk
    writes = AuditEntry.objects.count()
    merge(world, keep, duplicate)
    assert AuditEntry.objects.count() == writes + 1
    entry = AuditEntry.objects.get(action="person.merged")
    assert (entry.context, entry.subject_id) == (f"directory.person:{keep.pk}", duplicate_pk)
    assert entry.changes["merged"][0]["email"] == "f.deboer@urk.nl"
    assert entry.changes["email"] == ["", "f.deboer@urk.nl"]
    assert entry.actor == world.users["medewerker"] and entry.organisation_id == world.own.pk


def test_identical_positions_become_one(world: World, pair: tuple[Person, Person]) -> None:
    keep, duplicate = pair
    for person in pair:
        Position.objects.create(person=person, organisation=world.other_org, title="Wethouder")
    merge(world, keep, duplicate)
    assert keep.positions.count() == 1


def test_both_registered_for_one_event_is_refused_naming_it_and_changes_nothing(
    world: World, pair: tuple[Person, Person]
) -> None:
    keep, duplicate = pair
    meeting = event(world)
    for person in pair:
        Participant.objects.create(event=meeting, person=person)
    Position.objects.create(person=duplicate, organisation=world.province)
    with pytest.raises(ValidationError) as refused:
        merge(world, keep, duplicate)
    assert "Thema sport (10 juni 2021)" in refused.value.messages[0]
    assert "deelnemer" in refused.value.messages[0]
    assert Person.objects.filter(pk=duplicate.pk).exists()
    assert duplicate.positions.count() == 1
    keep.refresh_from_db()
    assert (keep.email, keep.version) == ("", 1)
    assert not AuditEntry.objects.filter(action="person.merged").exists()


def test_persons_of_two_holders_are_not_merged(world: World, pair: tuple[Person, Person]) -> None:
    keep, _duplicate = pair
    MembershipFactory(
        user=world.users["medewerker"], organisation=world.other_org, role=Role.MEDEWERKER
    )
    stranger = PersonFactory(holder=world.other_org, first_name="Fenna", last_name="de Boer")
    with pytest.raises(ValidationError, match="dezelfde organisatie"):
        merge(world, keep, stranger)
    assert Person.objects.filter(pk=stranger.pk).exists()


def test_a_person_is_not_merged_with_herself(world: World, pair: tuple[Person, Person]) -> None:
    with pytest.raises(ValidationError, match="Kies twee verschillende personen"):
        merge(world, pair[0], pair[0])


@pytest.mark.parametrize("role", ["toezicht", "opdrachtgever", "outsider"])
def test_who_may_not_edit_her_persons_cannot_merge(
    world: World, pair: tuple[Person, Person], role: str
) -> None:
    with pytest.raises(PermissionDenied):
        merge(world, *pair, role=role)
    assert Person.objects.count() == 2


def test_the_privacy_app_finds_the_removed_record_under_the_kept_one(
    world: World, pair: tuple[Person, Person]
) -> None:
    keep, duplicate = pair
    duplicate_pk = duplicate.pk
    contact(world, duplicate)
    world.client("medewerker").get(reverse("directory:person", args=[duplicate_pk]))
    services.person_update(
        actor=world.users["medewerker"],
        person=duplicate,
        changes={"phone": "0527 654321"},
        expected_version=1,
    )
    duplicate.refresh_from_db()
    exported_before = {links.name: links.export(duplicate) for links in subjects.registered()}
    merge(world, keep, duplicate)
    assert privacy_queries.person_ids(keep.pk) == [keep.pk, duplicate_pk]
    data = privacy.person_export(keep)
    assert any(record["action"] == "view" for record in data["accessed_by"])
    assert [change["action"] for change in data["changes"]] == ["person.updated", "person.merged"]
    for name, records in exported_before.items():  # every app's links moved with her
        assert all(record in data["linked_records"][name] for record in records)
    workbook = world.client("beheerder").post(
        reverse("privacy:person_access", args=[keep.pk]), {"reason": "Inzageverzoek"}
    )
    sheet = load_workbook(io.BytesIO(workbook.content)).active
    assert duplicate_pk in [row[4] for row in sheet.iter_rows(min_row=2, values_only=True)]


def test_erasing_the_kept_person_redacts_the_history_of_both(
    world: World, pair: tuple[Person, Person]
) -> None:
    keep, duplicate = pair
    services.person_update(
        actor=world.users["medewerker"],
        person=duplicate,
        changes={"notes": "Belt liever dan dat ze mailt"},
        expected_version=1,
    )
    duplicate_pk = duplicate.pk
    merge(world, keep, duplicate)
    privacy.person_erase(keep, actor=world.users["beheerder"], remote_addr=None, reason="verzoek")
    about_her = AuditEntry.objects.filter(
        context__in=[f"directory.person:{keep.pk}", f"directory.person:{duplicate_pk}"]
    ).exclude(action="person.erased")
    assert about_her.count() >= 2
    assert all(entry.changes == {} for entry in about_her)
    assert not AuditEntry.objects.filter(changes__icontains="mailt").exists()


# --- the page -----------------------------------------------------------------------------


def url(person: Person) -> str:
    return reverse("directory:person_merge", args=[person.pk])


def test_the_page_offers_her_look_alikes_and_logs_showing_them(
    world: World, pair: tuple[Person, Person]
) -> None:
    keep, duplicate = pair
    PersonFactory(holder=world.own, first_name="Piet", last_name="Visser")
    client = world.client("medewerker")
    detail = client.get(reverse("directory:person", args=[keep.pk])).content.decode()
    assert url(keep) in detail
    response = client.get(url(keep))
    assert response.status_code == 200
    assert response.context["candidates"] == [duplicate]
    assert AccessRecord.objects.filter(subject_id=duplicate.pk, action="list").exists()
    found = client.get(url(keep), {"q": "visser"})
    assert [p.last_name for p in found.context["candidates"]] == ["Visser"]


def test_choosing_shows_both_and_merging_needs_the_confirmation(
    world: World, pair: tuple[Person, Person]
) -> None:
    keep, duplicate = pair
    Position.objects.create(person=duplicate, organisation=world.province)
    client = world.client("medewerker")
    compared = client.get(url(keep), {"dubbel": duplicate.pk})
    assert compared.status_code == 200
    assert "f.deboer@urk.nl" in compared.content.decode()
    assert compared.context["links"] == [("functies", 1)]
    unconfirmed = client.post(url(keep), {"dubbel": duplicate.pk})
    assert unconfirmed.status_code == 400
    assert Person.objects.filter(pk=duplicate.pk).exists()
    asked = client.post(url(keep), {"dubbel": duplicate.pk, "confirm": "on"})
    assert asked.status_code == 200  # the question, with what moves
    assert "Functies: 1 gaat over naar het record dat je houdt." in asked.content.decode()
    assert Person.objects.filter(pk=duplicate.pk).exists()
    done = post_confirmed(client, url(keep), {"dubbel": duplicate.pk, "confirm": "on"})
    assert done.status_code == 302 and done["Location"] == reverse(
        "directory:person", args=[keep.pk]
    )
    assert not Person.objects.filter(pk=duplicate.pk).exists()


def test_a_refused_merge_is_shown_on_the_page(world: World, pair: tuple[Person, Person]) -> None:
    keep, duplicate = pair
    meeting = event(world)
    for person in pair:
        Participant.objects.create(event=meeting, person=person)
    response = post_confirmed(
        world.client("medewerker"), url(keep), {"dubbel": duplicate.pk, "confirm": "on"}
    )
    assert response.status_code == 400
    assert "Thema sport" in response.content.decode()
    assert Person.objects.count() == 2


def test_a_person_of_another_holder_cannot_be_chosen(
    world: World, pair: tuple[Person, Person]
) -> None:
    keep, _duplicate = pair
    stranger = PersonFactory(holder=world.other_org)
    client = world.client("medewerker")
    assert client.get(url(keep), {"dubbel": stranger.pk}).status_code == 404
    assert client.post(url(keep), {"dubbel": stranger.pk, "confirm": "on"}).status_code == 404
    assert Person.objects.filter(pk=stranger.pk).exists()


@pytest.mark.parametrize(
    ("role", "status"), [("toezicht", 403), ("opdrachtgever", 403), ("outsider", 404)]
)
def test_the_page_is_refused_to_who_may_not_edit_her(
    world: World, pair: tuple[Person, Person], role: str, status: int
) -> None:
    keep, duplicate = pair
    client = world.client(role)
    assert client.post(url(keep), {"dubbel": duplicate.pk, "confirm": "on"}).status_code == status
    assert Person.objects.count() == 2


def test_an_anonymous_visitor_is_sent_to_sign_in(world: World, pair: tuple[Person, Person]) -> None:
    keep, duplicate = pair
    response = Client().post(url(keep), {"dubbel": duplicate.pk, "confirm": "on"})
    assert response.status_code == 302
    assert Person.objects.count() == 2
