"""Duplicate persons: the check when adding one (same e-mail address, or same name at the
same organisation, of the same holder), and the add page that shows the look-alikes and
saves only when she says it is someone else."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from koers.directory.models import Person, Position
from koers.directory.persons import services
from koers.privacy.models import AccessRecord
from tests.conftest import World
from tests.directory.factories import PersonFactory

URL = "directory:person_add"


@pytest.fixture
def known(world: World) -> Person:
    person = PersonFactory(
        holder=world.own, first_name="Renée", infix="de", last_name="Vries", email="r@urk.nl"
    )
    Position.objects.create(person=person, organisation=world.other_org, title="Wethouder")
    return person


def add(world: World, role: str = "medewerker", **values: Any) -> Person:
    return services.person_create(
        actor=world.users[role],
        holder=world.own,
        purpose="Netwerk",
        **{"last_name": "Vries", **values},
    )


def test_the_same_e_mail_address_is_a_look_alike(world: World, known: Person) -> None:
    with pytest.raises(ValidationError, match="personen die erop lijken: Renée de Vries"):
        add(world, first_name="R.", last_name="Visser", email=" R@Urk.nl ")


def test_the_same_name_at_the_same_organisation_is_a_look_alike(
    world: World, known: Person
) -> None:
    with pytest.raises(ValidationError, match="Koers kent personen die erop lijken: Renée"):
        add(world, first_name="renee", infix="De", organisation=world.other_org)
    assert Person.objects.count() == 1


def test_the_same_name_elsewhere_or_another_holders_person_is_not(
    world: World, known: Person
) -> None:
    add(world, first_name="Renée", infix="de", organisation=world.province)
    add(world, first_name="Renée", infix="de")  # no organisation: only the e-mail counts
    twin = PersonFactory(holder=world.other_org, first_name="Kees", last_name="Smit")
    Position.objects.create(person=twin, organisation=world.province)
    add(world, first_name="Kees", last_name="Smit", organisation=world.province)
    assert Person.objects.filter(holder=world.own).count() == 4  # hers and three added


def test_a_look_alike_is_saved_when_she_says_it_is_another(world: World, known: Person) -> None:
    person = add(
        world,
        first_name="Renée",
        infix="de",
        organisation=world.other_org,
        title="Beleidsmedewerker",
        accept_duplicates=True,
    )
    assert person.positions.get().title == "Beleidsmedewerker"


def _post(client: Client, world: World, **extra: str) -> Any:
    data = {
        "holder": world.own.pk,
        "first_name": "Renee",
        "infix": "de",
        "last_name": "Vries",
        "organisation": world.other_org.pk,
        "title": "Wethouder",
        "email": "",
        "purpose": "Netwerk sport",
        "lawful_basis": "legitimate_interests",
        **extra,
    }
    return client.post(reverse(URL), data)


def test_the_add_page_links_the_look_alikes_and_logs_showing_them(
    world: World, known: Person
) -> None:
    client = world.client("medewerker")
    response = _post(client, world)
    assert response.status_code == 400
    assert response.context["duplicates"] == [known]
    page = response.content.decode()
    assert reverse("directory:person", args=[known.pk]) in page
    assert "Is het een van deze?" in page
    assert Person.objects.count() == 1
    assert AccessRecord.objects.filter(subject_id=known.pk, action="list").count() == 1
    response = _post(client, world, accept_duplicates="on")
    assert response.status_code == 302
    added = Person.objects.exclude(pk=known.pk).get()
    assert added.positions.get().organisation == world.other_org


def test_a_person_without_look_alikes_is_added_with_her_position(world: World) -> None:
    response = _post(world.client("programmacoordinator"), world)
    assert response.status_code == 302
    person = Person.objects.get()
    assert (person.holder, person.positions.get().title) == (world.own, "Wethouder")


@pytest.mark.parametrize("role", ["toezicht", "opdrachtgever", "no_role"])
def test_who_keeps_no_persons_adds_none(world: World, role: str) -> None:
    assert _post(world.client(role), world).status_code == 403
    assert not Person.objects.exists()


def test_another_organisations_staff_cannot_add_to_ours(world: World, known: Person) -> None:
    response = _post(world.client("outsider"), world, accept_duplicates="on")
    assert response.status_code == 400
    assert Person.objects.count() == 1
    assert not AccessRecord.objects.exists()  # our look-alike was not shown to her


def test_an_anonymous_visitor_is_sent_to_sign_in(world: World) -> None:
    response = _post(Client(), world)
    assert response.status_code == 302
    assert not Person.objects.exists()


def test_the_way_past_the_check_is_offered_only_with_look_alikes(world: World) -> None:
    page = world.client("medewerker").get(reverse(URL))
    assert "accept_duplicates" not in page.context["form"].fields
