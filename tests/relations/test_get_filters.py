"""The query strings of the directory's lists and of the person merge page are parsed by
forms: a wrong value is ignored as the page always did (the other filters still apply),
never a server error — not even a number too large for the database."""

from __future__ import annotations

import pytest
from django.urls import reverse

from koers.directory.models import Organisation, OrganisationKind
from tests.conftest import World
from tests.directory.factories import PersonFactory

TOO_LARGE = "9" * 30


@pytest.mark.parametrize(
    "query",
    [
        {"soort": "no-such-kind"},
        {"gemeente": "abc"},
        {"gemeente": TOO_LARGE},
        {"tag": "-3"},
        {"tag": TOO_LARGE},
        {"programma": "x"},
        {"programma": TOO_LARGE},
    ],
)
def test_a_wrong_organisation_filter_is_ignored(world: World, query: dict[str, str]) -> None:
    response = world.client("medewerker").get(reverse("directory:organisations"), query)
    assert response.status_code == 200
    assert response.context["total"] == Organisation.objects.count()


def test_a_wrong_filter_leaves_the_others_applied(world: World) -> None:
    response = world.client("medewerker").get(
        reverse("directory:organisations"),
        {"soort": OrganisationKind.FUNDER, "gemeente": "abc"},
    )
    assert response.status_code == 200
    assert response.context["total"] == Organisation.objects.filter(kind="funder").count()
    assert response.context["kind"] == OrganisationKind.FUNDER
    assert response.context["municipality"] is None


@pytest.mark.parametrize("page", ["abc", "1.5", TOO_LARGE, "-1"])
def test_a_wrong_page_number_shows_a_page(world: World, page: str) -> None:
    PersonFactory(holder=world.own)
    response = world.client("medewerker").get(reverse("directory:persons"), {"pagina": page})
    assert response.status_code == 200
    assert len(response.context["persons"]) == 1


@pytest.mark.parametrize("chosen", ["abc", TOO_LARGE])
def test_a_wrong_duplicate_in_the_address_chooses_nobody(world: World, chosen: str) -> None:
    keep = PersonFactory(holder=world.own)
    response = world.client("medewerker").get(
        reverse("directory:person_merge", args=[keep.pk]), {"dubbel": chosen}
    )
    assert response.status_code == 200
    assert response.context["duplicate"] is None


@pytest.mark.parametrize("programme", ["abc", TOO_LARGE])
def test_a_wrong_programme_for_a_new_event_is_ignored(world: World, programme: str) -> None:
    response = world.client("programmacoordinator").get(
        reverse("relations:event_add"), {"programma": programme}
    )
    assert response.status_code == 200
    assert response.context["form"].initial["programme"] is None


def test_the_programme_named_for_a_new_event_is_chosen(world: World) -> None:
    response = world.client("programmacoordinator").get(
        reverse("relations:event_add"), {"programma": str(world.programme.pk)}
    )
    assert response.status_code == 200
    assert response.context["form"].initial["programme"] == world.programme.pk
