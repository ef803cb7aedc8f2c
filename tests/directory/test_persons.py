"""Persons: access logging (NEN 7513), scope, editing with a version check."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.urls import reverse

from koers.core.models import AuditEntry
from koers.directory.models import Person
from koers.privacy.models import AccessAction, AccessRecord
from tests.conftest import World
from tests.directory.factories import PersonFactory


@pytest.fixture
def person(world: World) -> Person:
    return PersonFactory(holder=world.own, first_name="Fenna", last_name="de Boer")


def _records() -> list[AccessRecord]:
    return list(AccessRecord.objects.order_by("id"))


def test_viewing_a_person_adds_exactly_one_access_record(world: World, person: Person) -> None:
    client = world.client("medewerker")
    response = client.get(reverse("directory:person", args=[person.pk]), REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 200
    assert "Fenna de Boer" in response.content.decode()
    [record] = _records()
    assert record.action == AccessAction.VIEW
    assert record.user == world.users["medewerker"]
    assert (record.subject_type, record.subject_id) == ("directory.person", person.pk)
    assert record.organisation_id == world.own.pk
    assert record.roles == "Medewerker"
    assert record.remote_addr == "10.1.2.3"


def test_searching_a_person_adds_exactly_one_access_record(world: World, person: Person) -> None:
    PersonFactory(holder=world.own, first_name="Piet", last_name="Visser")
    response = world.client("medewerker").get(reverse("directory:persons"), {"q": "boer"})
    assert response.status_code == 200
    assert response.context["persons"] == [person]
    [record] = _records()
    assert (record.action, record.subject_id, record.detail) == (
        AccessAction.SEARCH,
        person.pk,
        "boer",
    )


def test_exporting_a_person_adds_exactly_one_access_record(world: World, person: Person) -> None:
    response = world.client("beheerder").post(
        reverse("directory:person_export", args=[person.pk]), {"reason": "Inzageverzoek"}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["person"]["last_name"] == "de Boer"
    [record] = _records()
    assert (record.action, record.subject_id, record.reason) == (
        AccessAction.EXPORT,
        person.pk,
        "Inzageverzoek",
    )


def test_the_list_logs_each_person_shown_once(world: World) -> None:
    PersonFactory.create_batch(3, holder=world.own)
    PersonFactory(holder=world.other_org)
    response = world.client("directeur").get(reverse("directory:persons"))
    assert len(response.context["persons"]) == 3
    records = _records()
    assert len(records) == 3
    assert {r.action for r in records} == {AccessAction.LIST}


@pytest.mark.parametrize(("role", "status"), [("outsider", 404), ("opdrachtgever", 403)])
def test_outside_the_holder_nothing_is_shown_or_logged(
    world: World, person: Person, role: str, status: int
) -> None:
    response = world.client(role).get(reverse("directory:person", args=[person.pk]))
    assert response.status_code == status
    assert "de Boer" not in response.content.decode()
    assert AccessRecord.objects.count() == 0


def test_another_organisations_person_is_404_for_every_person_url(
    world: World, person: Person
) -> None:
    other = PersonFactory(holder=world.other_org)
    client = world.client("beheerder")
    for name in ("person", "person_edit", "person_export", "person_erase"):
        assert client.get(reverse(f"directory:{name}", args=[other.pk])).status_code == 404
    assert client.post(reverse("directory:position_add", args=[other.pk])).status_code == 404
    assert AccessRecord.objects.filter(subject_id=other.pk).count() == 0


def _edit_data(person: Person, **changes: Any) -> dict[str, Any]:
    data = {
        "first_name": person.first_name,
        "infix": person.infix,
        "last_name": person.last_name,
        "email": person.email,
        "phone": person.phone,
        "notes": person.notes,
        "purpose": person.purpose,
        "lawful_basis": person.lawful_basis,
        "consent_given_on": "",
        "version": person.version,
    }
    data.update(changes)
    return data


def test_two_people_editing_one_person_the_second_gets_the_conflict(
    world: World, person: Person
) -> None:
    url = reverse("directory:person_edit", args=[person.pk])
    first, second = world.client("medewerker"), world.client("programmacoordinator")
    form_first = _edit_data(person, phone="0320 123456")
    form_second = _edit_data(person, notes="Belt liever niet")
    assert first.post(url, form_first).status_code == 302
    response = second.post(url, form_second)
    assert response.status_code == 409
    assert "0320 123456" in response.content.decode()  # what the other saved is shown
    person.refresh_from_db()
    assert (person.phone, person.notes, person.version) == ("0320 123456", "", 2)
    # Her input is kept with the new version: saving again is a deliberate choice.
    assert response.context["form"].data["notes"] == "Belt liever niet"
    assert response.context["form"].data["version"] == "2"
    assert second.post(url, response.context["form"].data).status_code == 302
    person.refresh_from_db()
    assert (person.notes, person.version) == ("Belt liever niet", 3)
    assert AuditEntry.objects.filter(action="person.updated").count() == 2


def test_consent_as_the_basis_needs_its_date(world: World, person: Person) -> None:
    url = reverse("directory:person_edit", args=[person.pk])
    response = world.client("medewerker").post(url, _edit_data(person, lawful_basis="consent"))
    assert response.status_code == 400
    assert "consent_given_on" in response.context["form"].errors
    person.refresh_from_db()
    assert person.lawful_basis != "consent"


def test_adding_a_person_and_a_position_is_audited(world: World) -> None:
    client = world.client("medewerker")
    data = _edit_data(
        Person(last_name="Bakker", purpose="Contact voor de netwerkbijeenkomsten"),
        email="K.Bakker@Urk.nl",
    )
    data.pop("version")
    response = client.post(reverse("directory:person_add"), {**data, "holder": world.own.pk})
    assert response.status_code == 302
    person = Person.objects.get()
    assert (person.holder, person.email) == (world.own, "k.bakker@urk.nl")
    response = client.post(
        reverse("directory:position_add", args=[person.pk]),
        {"organisation": world.province.pk, "title": "Beleidsadviseur", "started_on": "2021-01-01"},
    )
    assert response.status_code == 302
    assert person.positions.get().title == "Beleidsadviseur"
    actions = list(
        AuditEntry.objects.filter(context=f"directory.person:{person.pk}").values_list(
            "action", flat=True
        )
    )
    assert sorted(actions) == ["person.created", "position.added"]
    assert set(AuditEntry.objects.values_list("organisation_id", flat=True)) == {world.own.pk}


def test_a_person_cannot_be_added_to_another_organisation(world: World) -> None:
    data = _edit_data(Person(last_name="Bakker", purpose="Contact"))
    data.pop("version")
    response = world.client("medewerker").post(
        reverse("directory:person_add"), {**data, "holder": world.other_org.pk}
    )
    assert response.status_code == 400
    assert not Person.objects.exists()


def test_the_list_costs_the_same_queries_for_many_persons(
    world: World, django_assert_max_num_queries: Any
) -> None:
    client = world.client("medewerker")
    PersonFactory.create_batch(40, holder=world.own)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("directory:persons")).status_code == 200


def test_example_persons_say_so_on_the_list_the_page_and_in_the_export(world: World) -> None:
    example = PersonFactory(holder=world.own, first_name="Sanne", last_name="Visser")
    Person.objects.filter(pk=example.pk).update(is_example=True)
    real = PersonFactory(holder=world.own, first_name="Fenna", last_name="de Boer")
    client = world.client("beheerder")
    listing = client.get(reverse("directory:persons")).content.decode()
    rows = {row.split("</a>")[0].rsplit(">", 1)[-1]: row for row in listing.split("<tr>")[2:]}
    assert "voorbeeldgegevens" in rows["Sanne Visser"]
    assert "voorbeeldgegevens" not in rows["Fenna de Boer"]
    page = client.get(reverse("directory:person", args=[example.pk])).content.decode()
    assert "Voorbeeldgegevens: deze persoon is verzonnen" in page
    other = client.get(reverse("directory:person", args=[real.pk])).content.decode()
    assert "Voorbeeldgegevens" not in other
    url = reverse("directory:person_export", args=[example.pk])
    export = json.loads(client.post(url, {"reason": "Controle"}).content)
    assert export["person"]["is_example"] is True


def test_the_example_flag_cannot_be_set_through_the_form(world: World) -> None:
    from koers.directory.persons.forms import PersonForm

    assert "is_example" not in PersonForm().fields
