"""The initiative's page, adding and changing it, and confirming it now."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from koers.atlas.models import Initiative, Theme
from koers.core.models import AuditEntry
from tests.atlas.factories import CollaborationFactory, InitiativeFactory
from tests.conftest import World
from tests.directory.factories import MunicipalityFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def _post(world: World, role: str, url: str, **values: Any) -> Any:
    municipality = MunicipalityFactory(code="GM0034", name="Almere", slug="almere")
    data = {
        "name": "Buurtmoestuin De Wei",
        "kind": "bewonersinitiatief",
        "description": "Samen tuinieren",
        "municipality": str(municipality.pk),
        "serves_body": "2",
        "serves_mind": "1",
        "serves_meaning": "0",
        "serves_quality": "0",
        "serves_participation": "2",
        "serves_daily": "0",
        "latitude": "52.37000",
        "longitude": "5.21000",
        **values,
    }
    return world.client(role).post(url, data)


def test_a_coordinator_adds_an_initiative_audited(world: World) -> None:
    sport = Theme.objects.get(slug="sport")
    response = _post(
        world, "programmacoordinator", reverse("atlas:initiative_add"), themes=[str(sport.pk)]
    )
    assert response.status_code == 302
    added = Initiative.objects.get(name="Buurtmoestuin De Wei")
    assert added.holder == world.own
    assert added.confirmed_on == timezone.localdate()
    assert list(added.themes.all()) == [sport]
    assert added.serves_body == 2 and added.serves_participation == 2
    entry = AuditEntry.objects.get(action="initiative.created", subject_id=added.pk)
    assert entry.organisation_id == world.own.pk


def test_a_point_outside_the_netherlands_is_refused_in_dutch(world: World) -> None:
    response = _post(
        world,
        "medewerker",
        reverse("atlas:initiative_add"),
        latitude="48.85000",
        longitude="2.35000",
    )
    assert response.status_code == 400
    assert "buiten Nederland" in response.content.decode()
    assert not Initiative.objects.exists()


def test_half_a_point_is_refused(world: World) -> None:
    response = _post(world, "medewerker", reverse("atlas:initiative_add"), longitude="")
    assert response.status_code == 400
    assert "breedtegraad" in response.content.decode().lower()
    assert not Initiative.objects.exists()


def test_a_dimension_outside_0_to_2_is_refused(world: World) -> None:
    response = _post(world, "medewerker", reverse("atlas:initiative_add"), serves_mind="3")
    assert response.status_code == 400
    assert not Initiative.objects.exists()


def test_an_organisation_already_in_the_atlas_is_refused_with_a_link(world: World) -> None:
    organisation = OrganisationFactory(name="Sportservice Flevoland")
    existing = InitiativeFactory(holder=world.own, organisation=organisation, name="Sportservice")
    response = _post(
        world, "medewerker", reverse("atlas:initiative_add"), organisation=str(organisation.pk)
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert reverse("atlas:initiative", args=[existing.pk]) in page
    assert Initiative.objects.count() == 1


def test_a_contact_of_another_organisation_is_refused(world: World) -> None:
    stranger = PersonFactory(holder=world.other_org)
    response = _post(world, "medewerker", reverse("atlas:initiative_add"), contact=str(stranger.pk))
    assert response.status_code == 400
    assert not Initiative.objects.exists()


def test_editing_keeps_the_version_and_audits(world: World) -> None:
    record = InitiativeFactory(holder=world.own, name="Oud")
    url = reverse("atlas:initiative_edit", args=[record.pk])
    response = _post(world, "directeur", url, name="Nieuw", version=str(record.version))
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.name == "Nieuw" and record.version == 2
    assert AuditEntry.objects.filter(action="initiative.saved", subject_id=record.pk).exists()
    stale = _post(world, "directeur", url, name="Te laat", version="1")
    assert stale.status_code == 409
    record.refresh_from_db()
    assert record.name == "Nieuw"


def test_another_organisations_initiative_is_out_of_sight(world: World) -> None:
    record = InitiativeFactory(holder=world.other_org)
    client = world.client("directeur")
    assert client.get(reverse("atlas:initiative", args=[record.pk])).status_code == 404
    assert client.get(reverse("atlas:initiative_edit", args=[record.pk])).status_code == 404


def test_the_page_shows_the_contact_to_staff_and_never_to_a_funder(world: World) -> None:
    contact = PersonFactory(holder=world.own, first_name="Fatima", last_name="Yilmaz")
    record = InitiativeFactory(holder=world.own, contact=contact)
    url = reverse("atlas:initiative", args=[record.pk])
    staff = world.client("medewerker").get(url)
    assert "Yilmaz" in staff.content.decode()
    funder = world.client("opdrachtgever").get(url)
    assert funder.status_code == 200
    assert "Yilmaz" not in funder.content.decode()
    assert "Fatima" not in funder.content.decode()
    assert reverse("directory:person", args=[contact.pk]) not in funder.content.decode()


def test_the_page_shows_dimensions_in_words_stale_badge_and_ties(world: World) -> None:
    record = InitiativeFactory(
        holder=world.own, serves_participation=2, serves_mind=1, confirmed_on=dt.date(2019, 1, 1)
    )
    tie = CollaborationFactory(holder=world.own, from_initiative=record)
    page = world.client("toezicht").get(reverse("atlas:initiative", args=[record.pk]))
    text = page.content.decode()
    assert "vooral" in text and "enigszins" in text
    assert "niet bevestigd sinds" in text
    assert reverse("atlas:collaboration", args=[tie.pk]) in text
    assert reverse("directory:organisation", args=[tie.to_organisation.pk]) in text


def test_a_fresh_entry_has_no_stale_badge(world: World) -> None:
    record = InitiativeFactory(holder=world.own)
    page = world.client("toezicht").get(reverse("atlas:initiative", args=[record.pk]))
    assert "niet bevestigd sinds" not in page.content.decode()


def test_confirm_now_sets_today_audited(world: World) -> None:
    record = InitiativeFactory(holder=world.own, confirmed_on=dt.date(2019, 1, 1))
    response = world.client("programmacoordinator").post(
        reverse("atlas:initiative_confirm", args=[record.pk])
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.confirmed_on == timezone.localdate()
    assert AuditEntry.objects.filter(action="initiative.confirmed", subject_id=record.pk).exists()


def test_a_funder_cannot_confirm(world: World) -> None:
    record = InitiativeFactory(holder=world.own, confirmed_on=dt.date(2019, 1, 1))
    response = world.client("opdrachtgever").post(
        reverse("atlas:initiative_confirm", args=[record.pk])
    )
    assert response.status_code == 403
    record.refresh_from_db()
    assert record.confirmed_on == dt.date(2019, 1, 1)


def test_the_detail_page_costs_a_fixed_number_of_queries(
    world: World, django_assert_max_num_queries: Any
) -> None:
    record = InitiativeFactory(
        holder=world.own, latitude=Decimal("52.37"), longitude=Decimal("5.21")
    )
    for _n in range(10):
        CollaborationFactory(holder=world.own, from_initiative=record)
    client = world.client("directeur")
    url = reverse("atlas:initiative", args=[record.pk])
    client.get(url)
    with django_assert_max_num_queries(18):
        assert client.get(url).status_code == 200
