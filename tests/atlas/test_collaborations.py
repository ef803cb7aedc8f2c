"""Collaborations: adding and changing ties, the list with its filters, the export, and
the ties Koers derives from events and network meetings."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pytest
from django.urls import reverse

from koers.atlas.models import Collaboration, TieDismissal
from koers.core.models import AuditEntry
from koers.relations.models import Event, Interaction, Network, Participant
from tests.atlas.factories import CollaborationFactory, InitiativeFactory
from tests.conftest import World
from tests.directory.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def _tie(**ends: Any) -> dict[str, Any]:
    return {
        "kind": "samenwerking",
        "started_on": "2021-02-01",
        "source": "gesprek",
        "source_note": "Gesprek met de wijkcoach",
        **{name: str(value.pk) for name, value in ends.items() if value is not None},
    }


def test_a_tie_between_an_initiative_and_an_organisation_is_added_audited(world: World) -> None:
    initiative = InitiativeFactory(holder=world.own)
    partner = OrganisationFactory(name="GGD Flevoland")
    response = world.client("medewerker").post(
        reverse("atlas:collaboration_add"),
        _tie(from_initiative=initiative, to_organisation=partner),
    )
    assert response.status_code == 302
    tie = Collaboration.objects.get()
    assert (tie.from_initiative, tie.to_organisation, tie.derivation) == (initiative, partner, "")
    assert AuditEntry.objects.filter(action="collaboration.created", subject_id=tie.pk).exists()


def test_a_tie_to_itself_is_refused(world: World) -> None:
    initiative = InitiativeFactory(holder=world.own)
    response = world.client("medewerker").post(
        reverse("atlas:collaboration_add"),
        _tie(from_initiative=initiative, to_initiative=initiative),
    )
    assert response.status_code == 400
    assert "twee partijen" in response.content.decode()
    assert not Collaboration.objects.exists()


def test_a_tie_from_an_initiative_to_its_own_organisation_is_refused(world: World) -> None:
    organisation = OrganisationFactory()
    initiative = InitiativeFactory(holder=world.own, organisation=organisation)
    response = world.client("medewerker").post(
        reverse("atlas:collaboration_add"),
        _tie(from_initiative=initiative, to_organisation=organisation),
    )
    assert response.status_code == 400
    assert not Collaboration.objects.exists()


def test_an_end_needs_exactly_one_party(world: World) -> None:
    initiative = InitiativeFactory(holder=world.own)
    partner = OrganisationFactory()
    response = world.client("medewerker").post(
        reverse("atlas:collaboration_add"),
        _tie(from_initiative=initiative, from_organisation=partner),
    )
    assert response.status_code == 400
    assert not Collaboration.objects.exists()


def test_ending_before_starting_is_refused(world: World) -> None:
    initiative = InitiativeFactory(holder=world.own)
    response = world.client("medewerker").post(
        reverse("atlas:collaboration_add"),
        {
            **_tie(from_initiative=initiative, to_organisation=OrganisationFactory()),
            "ended_on": "2020-01-01",
        },
    )
    assert response.status_code == 400
    assert "voordat hij begon" in response.content.decode()
    assert not Collaboration.objects.exists()


def test_an_initiative_of_another_atlas_is_no_choice(world: World) -> None:
    foreign = InitiativeFactory(holder=world.other_org)
    response = world.client("medewerker").post(
        reverse("atlas:collaboration_add"),
        _tie(from_initiative=foreign, to_organisation=OrganisationFactory()),
    )
    assert response.status_code == 400
    assert not Collaboration.objects.exists()


def test_editing_is_versioned(world: World) -> None:
    tie = CollaborationFactory(holder=world.own)
    url = reverse("atlas:collaboration_edit", args=[tie.pk])
    data = {
        **_tie(from_initiative=tie.from_initiative, to_organisation=tie.to_organisation),
        "kind": "doorverwijzing",
        "version": "1",
    }
    assert world.client("directeur").post(url, data).status_code == 302
    assert world.client("directeur").post(url, {**data, "kind": "financiering"}).status_code == 409
    tie.refresh_from_db()
    assert tie.kind == "doorverwijzing" and tie.version == 2


def test_the_list_filters_by_year_kind_theme_and_origin(world: World) -> None:
    from koers.atlas.models import Theme

    sport = Theme.objects.get(slug="sport")
    old = CollaborationFactory(
        holder=world.own, started_on=dt.date(2019, 1, 1), ended_on=dt.date(2019, 12, 31)
    )
    new = CollaborationFactory(holder=world.own, kind="doorverwijzing", theme=sport)
    derived = CollaborationFactory(holder=world.own, derivation="event:1")
    client = world.client("toezicht")

    def shown(**query: str) -> set[int]:
        response = client.get(reverse("atlas:collaborations"), query)
        return {tie.pk for tie in response.context["ties"]}

    assert shown() == {old.pk, new.pk, derived.pk}
    assert shown(jaar="2019") == {old.pk}
    assert shown(soort="doorverwijzing") == {new.pk}
    assert shown(thema=str(sport.pk)) == {new.pk}
    assert shown(herkomst="afgeleid") == {derived.pk}
    assert shown(herkomst="ingevoerd") == {old.pk, new.pk}


def test_another_organisations_ties_are_not_listed(world: World) -> None:
    CollaborationFactory(holder=world.other_org)
    response = world.client("directeur").get(reverse("atlas:collaborations"))
    assert list(response.context["ties"]) == []


def test_the_export_as_csv_and_excel_holds_the_filtered_ties(world: World) -> None:
    tie = CollaborationFactory(holder=world.own, source_note="=1+1")
    CollaborationFactory(holder=world.own, kind="financiering")
    client = world.client("opdrachtgever")
    response = client.get(
        reverse("atlas:collaborations_export"), {"formaat": "csv", "soort": "samenwerking"}
    )
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode()), delimiter=";"))
    assert len(rows) == 2
    assert rows[1][0] == tie.from_initiative.name
    assert rows[1][9] == "'=1+1"
    excel = client.get(reverse("atlas:collaborations_export"))
    assert excel["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_geojson_draws_ties_between_located_parties_in_fixed_queries(
    world: World, django_assert_max_num_queries: Any
) -> None:
    """An initiative's point is its own; an organisation's is that of its entry in the same
    atlas; a tie with an end without a point is counted, not drawn."""
    ggd = OrganisationFactory(name="GGD Flevoland")
    InitiativeFactory(holder=world.own, organisation=ggd, latitude="52.51850", longitude="5.47140")
    buurt = InitiativeFactory(
        holder=world.own, name="Buurtkracht", latitude="52.35080", longitude="5.26470"
    )
    CollaborationFactory(holder=world.own, from_initiative=buurt, to_organisation=ggd)
    CollaborationFactory(holder=world.own, from_initiative=buurt)  # to a partner without a point
    for _n in range(5):
        CollaborationFactory(
            holder=world.own,
            from_initiative=InitiativeFactory(holder=world.own, latitude="52.5", longitude="5.5"),
            to_organisation=ggd,
        )
    client = world.client("opdrachtgever")
    with django_assert_max_num_queries(8):
        response = client.get(reverse("atlas:collaborations_geojson"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    data = response.json()
    assert data["properties"]["without_point"] == 1
    assert len(data["features"]) == 6
    line = next(f for f in data["features"] if f["properties"]["from"] == "Buurtkracht")
    assert line["geometry"]["coordinates"] == [[5.2647, 52.3508], [5.4714, 52.5185]]
    assert line["properties"]["to"] == "GGD Flevoland"


def test_a_funders_export_and_pages_carry_no_person(world: World) -> None:
    contact = PersonFactory(holder=world.own, first_name="Geheim", last_name="Persoonsnaam")
    initiative = InitiativeFactory(holder=world.own, contact=contact)
    CollaborationFactory(holder=world.own, from_initiative=initiative)
    client = world.client("opdrachtgever")
    for response in (
        client.get(reverse("atlas:collaborations_export"), {"formaat": "csv"}),
        client.get(reverse("atlas:collaborations_geojson")),
        client.get(reverse("atlas:collaborations")),
        client.get(reverse("atlas:initiative", args=[initiative.pk])),
    ):
        assert response.status_code == 200
        assert b"Persoonsnaam" not in response.content
        assert reverse("directory:person", args=[contact.pk]).encode() not in response.content


def test_the_list_costs_a_fixed_number_of_queries(
    world: World, django_assert_max_num_queries: Any
) -> None:
    for _n in range(30):
        CollaborationFactory(
            holder=world.own,
            to_initiative=InitiativeFactory(holder=world.own),
            to_organisation=None,
        )
    client = world.client("directeur")
    client.get(reverse("atlas:collaborations"))
    with django_assert_max_num_queries(16):
        assert client.get(reverse("atlas:collaborations")).status_code == 200


# --- derived ties ------------------------------------------------------------------------------


@pytest.fixture
def event_with_partners(world: World) -> tuple[Event, Any, Any]:
    ggd, ivn = OrganisationFactory(name="GGD Flevoland"), OrganisationFactory(name="IVN Flevoland")
    event = Event.objects.create(
        holder=world.own, programme=world.programme, title="Natuurdag", date=dt.date(2021, 5, 1)
    )
    event.co_organisers.add(ggd)
    Participant.objects.create(event=event, organisation=ivn, attended=True)
    return event, ggd, ivn


def test_event_partners_are_proposed_with_their_source(
    world: World, event_with_partners: Any
) -> None:
    event, ggd, ivn = event_with_partners
    page = world.client("programmacoordinator").get(reverse("atlas:tie_proposals"))
    pairs = {(p.derivation, p.first, p.second) for p in page.context["proposals"]}
    derivation = f"event:{event.pk}"
    assert pairs == {
        (derivation, *sorted((world.own.pk, ggd.pk))),
        (derivation, *sorted((world.own.pk, ivn.pk))),
        (derivation, *sorted((ggd.pk, ivn.pk))),
    }
    assert "Natuurdag" in page.content.decode()
    assert not Collaboration.objects.exists()  # nothing silently created


def test_taking_over_stores_the_derivation_once(world: World, event_with_partners: Any) -> None:
    event, ggd, ivn = event_with_partners
    entry = InitiativeFactory(holder=world.own, organisation=ggd)
    first, second = sorted((ggd.pk, ivn.pk))
    key = {"derivation": f"event:{event.pk}", "first": first, "second": second}
    client = world.client("programmacoordinator")
    assert client.post(reverse("atlas:tie_proposal_accept"), key).status_code == 302
    tie = Collaboration.objects.get()
    assert tie.derivation == f"event:{event.pk}"
    assert {tie.from_initiative, tie.to_initiative} - {None} == {entry}
    assert AuditEntry.objects.filter(action="collaboration.created", subject_id=tie.pk).exists()
    client.post(reverse("atlas:tie_proposal_accept"), key)
    assert Collaboration.objects.count() == 1
    page = client.get(reverse("atlas:tie_proposals"))
    assert (key["derivation"], first, second) not in {p.key for p in page.context["proposals"]}


def test_hiding_remembers_the_choice(world: World, event_with_partners: Any) -> None:
    event, ggd, ivn = event_with_partners
    first, second = sorted((ggd.pk, ivn.pk))
    key = {"derivation": f"event:{event.pk}", "first": first, "second": second}
    client = world.client("medewerker")
    assert client.post(reverse("atlas:tie_proposal_dismiss"), key).status_code == 302
    assert TieDismissal.objects.filter(holder=world.own).count() == 1
    page = client.get(reverse("atlas:tie_proposals"))
    assert (key["derivation"], first, second) not in {p.key for p in page.context["proposals"]}
    assert not Collaboration.objects.exists()


def test_a_made_up_proposal_is_refused(world: World, event_with_partners: Any) -> None:
    other = OrganisationFactory()
    key = {"derivation": "event:999999", "first": world.own.pk, "second": other.pk}
    world.client("medewerker").post(reverse("atlas:tie_proposal_accept"), key)
    assert not Collaboration.objects.exists()


def test_network_meetings_are_proposed(world: World) -> None:
    ggd, sport = OrganisationFactory(), OrganisationFactory()
    network = Network.objects.create(
        holder=world.own,
        name="WEL-netwerk",
        kind="regional",
        role="trekker",
        joined_on=dt.date(2020, 1, 1),
    )
    meeting = Interaction.objects.create(
        holder=world.own,
        date=dt.date(2021, 2, 2),
        kind="overleg",
        subject="Netwerkoverleg",
        network=network,
        created_by=world.users["medewerker"],
    )
    meeting.organisations.add(ggd, sport)
    page = world.client("medewerker").get(reverse("atlas:tie_proposals"))
    keys = {p.key for p in page.context["proposals"]}
    assert (f"network:{network.pk}", *sorted((ggd.pk, sport.pk))) in keys


def test_the_proposals_page_costs_the_same_queries_for_few_or_many_events(world: World) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = world.client("directeur")
    counts = []
    for events in (1, 15):
        for n in range(events):
            event = Event.objects.create(
                holder=world.own,
                programme=world.programme,
                title=f"Dag {n}",
                date=dt.date(2021, 1, 1),
            )
            event.co_organisers.add(OrganisationFactory(), OrganisationFactory())
        client.get(reverse("atlas:tie_proposals"))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("atlas:tie_proposals")).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
