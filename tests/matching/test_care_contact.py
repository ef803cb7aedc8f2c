"""What a care organisation's contact and the GGD/GHOR's official see of requests: the
contact her own organisation's requests, and on them who is proposed and confirmed (name,
role, qualifications valid on the day — nothing to reach them by, no pool); the official
every request of the holder, without names. Funders see no requests at all."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from koers.matching.models import HelpRequest, QualificationKind, RequestStatus
from tests.conftest import World
from tests.directory.factories import OrganisationFactory
from tests.matching.factories_requests import (
    NIGHT,
    a_candidate,
    a_request,
    almere,
    place,
    propose,
)


def _people_on_a_request(world: World) -> HelpRequest:
    record = a_request(world, required_qualifications=[QualificationKind.VOG])
    shift = record.shifts.get()
    confirmed = a_candidate(
        world,
        first_name="Fenna",
        last_name="Visser",
        qualifications=[(QualificationKind.BIG, None), (QualificationKind.VOG, None)],
    )
    proposed = a_candidate(
        world,
        first_name="Grietje",
        last_name="Bakker",
        # Her VOG expired the day before the shift: not shown as valid on the day.
        qualifications=[
            (QualificationKind.BIG, None),
            (QualificationKind.VOG, NIGHT - dt.timedelta(days=1)),
        ],
    )
    place(shift, confirmed)
    propose(shift, proposed)
    return record


@pytest.mark.django_db
def test_the_contact_sees_her_own_organisations_requests_only(world: World) -> None:
    mine = a_request(world)
    elsewhere = a_request(world, requester=OrganisationFactory(name="Zorghotel", kind="care"))
    client = world.client("zorgvrager")
    response = client.get(reverse("matching:requests"))
    assert response.status_code == 200
    assert [row.pk for row in response.context["help_requests"]] == [mine.pk]
    assert client.get(reverse("matching:request", args=[mine.pk])).status_code == 200
    assert client.get(reverse("matching:request", args=[elsewhere.pk])).status_code == 404
    assert client.get(reverse("matching:request_edit", args=[elsewhere.pk])).status_code == 404
    path = reverse("matching:request_status", args=[elsewhere.pk])
    assert client.post(path, {"action": "intrekken"}).status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.status == RequestStatus.NIEUW


@pytest.mark.django_db
def test_the_contact_submits_for_her_own_organisation_whatever_she_posts(world: World) -> None:
    client = world.client("zorgvrager")
    form = client.get(reverse("matching:request_add")).context["form"]
    assert "requester" not in form.fields and "holder" not in form.fields
    response = client.post(
        reverse("matching:request_add"),
        {
            "requester": str(world.other_org.pk),
            "role": "verzorgende",
            "people_needed": "6",
            "municipality": str(almere().pk),
            "schedule": "diensten",
            "shift_lines": "1-4-2021 23:00-07:00\n2-4-2021 23:00-07:00\n3-4-2021 23:00-07:00",
        },
    )
    assert response.status_code == 302
    record = HelpRequest.objects.get()
    assert record.requester == world.care_org
    assert record.holder == world.own
    assert record.shifts.count() == 3
    assert record.submitted_by == world.users["zorgvrager"]


@pytest.mark.django_db
def test_the_contact_changes_and_withdraws_her_request_but_cannot_close_it(world: World) -> None:
    record = a_request(world)
    client = world.client("zorgvrager")
    page = client.get(reverse("matching:request", args=[record.pk])).content.decode()
    assert reverse("matching:request_edit", args=[record.pk]) in page
    assert 'value="intrekken"' in page and 'value="sluiten"' not in page
    path = reverse("matching:request_status", args=[record.pk])
    assert client.post(path, {"action": "sluiten"}).status_code == 302  # refused, said why
    record.refresh_from_db()
    assert record.status == RequestStatus.NIEUW
    assert client.post(path, {"action": "intrekken"}).status_code == 302
    record.refresh_from_db()
    assert record.status == RequestStatus.INGETROKKEN
    # Withdrawn, it is no longer hers to change.
    assert client.get(reverse("matching:request_edit", args=[record.pk])).status_code == 403


@pytest.mark.django_db
def test_the_contact_sees_who_is_proposed_and_confirmed_and_nothing_to_reach_them(
    world: World,
) -> None:
    record = _people_on_a_request(world)
    response = world.client("zorgvrager").get(reverse("matching:request", args=[record.pk]))
    page = response.content.decode()
    assert "Fenna Visser" in page and "Grietje Bakker" in page
    (row,) = response.context["shifts"]
    assert [p.name for p in row.placements] == ["Fenna Visser"]
    assert [p.name for p in row.proposed] == ["Grietje Bakker"]
    assert row.placements[0].qualifications == [
        "BIG-registratie",
        "Verklaring omtrent het gedrag (VOG)",
    ]
    assert row.proposed[0].qualifications == ["BIG-registratie"]  # her VOG lapsed the day before
    # No e-mail, phone or BIG number; no link to a candidate's page or to the pool.
    assert "@voorbeeld.nl" not in page and "06-12345678" not in page
    assert "19012345601" not in page
    assert "/kandidaten/" not in page and not any(p.url for p in row.placements + row.proposed)
    assert not response.context["proposals_url"]


@pytest.mark.django_db
def test_the_official_sees_requests_but_no_names(world: World) -> None:
    record = _people_on_a_request(world)
    client = world.client("prioritering")
    assert [r.pk for r in client.get(reverse("matching:requests")).context["help_requests"]] == [
        record.pk
    ]
    response = client.get(reverse("matching:request", args=[record.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Fenna" not in page and "Grietje" not in page
    assert reverse("matching:request_priority", args=[record.pk]) in page
    (row,) = response.context["shifts"]
    assert row.placed == 1 and not row.placements and not row.proposed


@pytest.mark.django_db
def test_staff_see_the_names(world: World) -> None:
    record = _people_on_a_request(world)
    page = world.client("bedrijfsvoering").get(reverse("matching:request", args=[record.pk]))
    assert "Fenna Visser" in page.content.decode()
    assert reverse("matching:request_priority", args=[record.pk]) not in page.content.decode()


@pytest.mark.parametrize("role", ["opdrachtgever", "regio", "toezicht", "no_role", "beheerder"])
@pytest.mark.django_db
def test_funders_the_board_and_others_see_no_requests(world: World, role: str) -> None:
    record = _people_on_a_request(world)
    client = world.client(role)
    assert client.get(reverse("matching:requests")).status_code == 403
    assert client.get(reverse("matching:request", args=[record.pk])).status_code == 403
    assert client.get(reverse("matching:request_add")).status_code == 403


@pytest.mark.django_db
def test_the_menu_offers_the_requests_to_the_contact_and_the_official_not_to_funders(
    world: World,
) -> None:
    address = reverse("matching:requests")
    for role in ("zorgvrager", "prioritering", "medewerker"):
        page = world.client(role).get(reverse("matching:requests")).content.decode()
        assert f'href="{address}"' in page, role
    funder = world.client("opdrachtgever").get(reverse("plans:dashboard")).content.decode()
    assert f'href="{address}"' not in funder
