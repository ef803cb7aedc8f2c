"""Searchable choices (issue 16, item 7): the search endpoints answer only what the user may
see, at most 20, in a fixed number of queries; the fields never take a posted id on trust;
without JavaScript a typed text is a search whose matches the form shows to choose from."""

from __future__ import annotations

import lxml.html
import pytest
from django.urls import reverse

from koers.core.choices import MAX_RESULTS
from koers.privacy.models import AccessRecord
from koers.relations.events.forms import ParticipantForm
from tests import permission_matrix as pm
from tests.conftest import World
from tests.directory.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def _options(response: object) -> list[str]:
    html = response.content.decode()  # type: ignore[attr-defined]
    if not html.strip():
        return []
    items = lxml.html.fragments_fromstring(html)
    return [
        item.text_content().strip()
        for item in items
        if not isinstance(item, str) and item.get("aria-disabled") != "true"
    ]


def test_person_search_answers_the_matching_persons_she_may_see(world: World) -> None:
    PersonFactory(holder=world.own, first_name="Fenna", last_name="Boer")
    PersonFactory(holder=world.own, first_name="Anna", last_name="Jansen")
    PersonFactory(holder=world.other_org, first_name="Bart", last_name="Boersma")
    response = world.client("medewerker").get(reverse("directory:person_search"), {"q": "boe"})
    assert response.status_code == 200
    assert _options(response) == ["Fenna Boer"]  # not the other organisation's Boersma


def test_person_search_logs_whom_it_showed(world: World) -> None:
    fenna = PersonFactory(holder=world.own, first_name="Fenna", last_name="Boer")
    world.client("medewerker").get(reverse("directory:person_search"), {"q": "fenna"})
    assert AccessRecord.objects.filter(subject_id=fenna.pk, action="search").exists()


def test_person_search_is_refused_to_funders(world: World) -> None:
    PersonFactory(holder=world.own, first_name="Fenna", last_name="Boer")
    response = world.client("opdrachtgever").get(reverse("directory:person_search"), {"q": "boe"})
    assert response.status_code == 403


def test_person_search_narrowed_to_a_holder_never_widens_her_sight(world: World) -> None:
    PersonFactory(holder=world.other_org, first_name="Bart", last_name="Boersma")
    url = reverse("directory:person_search")
    answer = world.client("medewerker").get(url, {"q": "boe", "houder": world.other_org.pk})
    assert _options(answer) == []


def test_search_answers_at_most_20_sorted_by_label_and_says_there_are_more(
    world: World, django_assert_max_num_queries: object
) -> None:
    for n in range(MAX_RESULTS + 5):
        OrganisationFactory(name=f"Stichting Welzijn {n:02d}", short_name="" if n % 2 else f"sw{n}")
    client = world.client("toezicht")
    with django_assert_max_num_queries(12):  # type: ignore[operator]
        response = client.get(reverse("directory:organisation_search"), {"q": "welzijn"})
    shown = _options(response)
    assert len(shown) == MAX_RESULTS
    assert shown == sorted(shown, key=str.casefold)
    assert "type more" in response.content.decode() or "typ meer" in response.content.decode()


def test_the_number_of_queries_does_not_grow_with_the_persons_found(
    world: World, django_assert_max_num_queries: object
) -> None:
    for n in range(30):
        PersonFactory(holder=world.own, first_name="Fenna", last_name=f"Boer {n}")
    client = world.client("medewerker")
    client.get(reverse("directory:person_search"), {"q": "boer"})  # session, grants cached
    with django_assert_max_num_queries(8):  # type: ignore[operator]
        client.get(reverse("directory:person_search"), {"q": "boer"})


def test_organisation_search_leaves_out_the_holder_when_asked(world: World) -> None:
    OrganisationFactory(name="Boerderij De Hoeve")
    world.own.name = world.own.short_name = "Boeren Welzijn"
    world.own.save(update_fields=["name", "short_name"])
    url = reverse("directory:organisation_search")
    everyone = _options(world.client("directeur").get(url, {"q": "boe"}))
    assert everyone == ["Boerderij De Hoeve", "Boeren Welzijn"]
    others = world.client("directeur").get(url, {"q": "boe", "behalve": world.own.pk})
    assert _options(others) == ["Boerderij De Hoeve"]


@pytest.mark.parametrize("text", ["\x00", "x" * 5000, "%", "   "])
def test_junk_text_answers_without_an_error(world: World, text: str) -> None:
    response = world.client("directeur").get(reverse("directory:organisation_search"), {"q": text})
    assert response.status_code == 200


def test_a_posted_person_of_another_holder_is_refused(world: World) -> None:
    stranger = PersonFactory(holder=world.other_org, first_name="Bart", last_name="Boersma")
    form = ParticipantForm(
        {"person": str(stranger.pk), "person_zoek": "Bart Boersma"},
        holder_id=world.own.pk,
        user=world.users["medewerker"],
    )
    assert not form.is_valid()
    assert "person" in form.errors


def test_a_picked_person_whose_name_is_in_the_box_is_taken(world: World) -> None:
    fenna = PersonFactory(holder=world.own, first_name="Fenna", last_name="Boer")
    form = ParticipantForm(
        {"person": str(fenna.pk), "person_zoek": "Fenna Boer"},
        holder_id=world.own.pk,
        user=world.users["medewerker"],
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["person"] == fenna


def test_a_new_text_beside_an_old_choice_is_a_search(world: World) -> None:
    fenna = PersonFactory(holder=world.own, first_name="Fenna", last_name="Boer")
    PersonFactory(holder=world.own, first_name="Anna", last_name="Jansen")
    form = ParticipantForm(
        {"person": str(fenna.pk), "person_zoek": "jansen"},
        holder_id=world.own.pk,
        user=world.users["medewerker"],
    )
    assert not form.is_valid()
    assert "Anna Jansen" in str(form["person"])  # offered to choose


def test_persons_she_may_not_see_are_not_offered(world: World) -> None:
    fenna = PersonFactory(holder=world.own, first_name="Fenna", last_name="Boer")
    form = ParticipantForm(
        {"person": str(fenna.pk), "person_zoek": "Fenna Boer"},
        holder_id=world.own.pk,
        user=world.users["toezicht"],
    )
    assert not form.is_valid()


def test_without_javascript_a_search_shows_the_matches_and_the_choice_saves(
    world: World,
) -> None:
    fenna = PersonFactory(holder=world.own, first_name="Fenna", last_name="Boer")
    PersonFactory(holder=world.own, first_name="Anna", last_name="Jansen")
    event = pm.an_event(world)
    client = world.client("medewerker")
    url = reverse("relations:participant_add", args=[event.pk])

    searched = client.post(url, {"person": "", "person_zoek": "boe", "organisation_zoek": ""})
    assert searched.status_code == 400
    page = lxml.html.fromstring(searched.content)
    radios = page.xpath("//input[@type='radio'][@name='person']")
    assert [r.get("value") for r in radios] == [str(fenna.pk)]
    assert not event.participants.exists()

    chosen = client.post(
        url, {"person": ["", str(fenna.pk)], "person_zoek": "boe", "organisation_zoek": ""}
    )
    assert chosen.status_code == 302
    assert list(event.participants.values_list("person", flat=True)) == [fenna.pk]


def test_several_organisations_are_ticked_from_a_search(world: World) -> None:
    from koers.relations.contacts.forms import InteractionForm

    hoeve = OrganisationFactory(name="Boerderij De Hoeve")
    OrganisationFactory(name="Sportclub Almere")
    data = {"date": "2021-05-03", "kind": "overleg", "subject": "Overleg"}
    searching = InteractionForm({**data, "organisations_zoek": "hoeve"}, holder_id=world.own.pk)
    assert not searching.is_valid()
    assert "Boerderij De Hoeve" in str(searching["organisations"])
    ticked = InteractionForm(
        {**data, "organisations": [str(hoeve.pk)], "organisations_zoek": "hoeve"},
        holder_id=world.own.pk,
    )
    assert ticked.is_valid(), ticked.errors
    assert list(ticked.cleaned_data["organisations"]) == [hoeve]


@pytest.mark.parametrize("text", ["boe\x00", "boe\x1b", "b" * 101])
def test_a_typed_text_that_cannot_be_stored_is_refused_with_a_message(
    world: World, text: str
) -> None:
    PersonFactory(holder=world.own, first_name="Fenna", last_name="Boer")
    form = ParticipantForm(
        {"person": "", "person_zoek": text}, holder_id=world.own.pk, user=world.users["medewerker"]
    )
    assert not form.is_valid()
    assert form.errors["person"]
    str(form["person"])  # renders without searching with it
