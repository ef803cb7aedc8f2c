"""Requests for extra hands: the shifts as typed, adding and changing a request (whole or
not at all), the priority (the GGD/GHOR's official only), the status, and the list."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from koers.core.models import AuditEntry
from koers.matching.models import HelpRequest, Priority, ProposalStatus, RequestStatus, Shift
from koers.matching.requests import services
from koers.matching.requests.shifts import ShiftTime, parse_shift_lines
from tests.conftest import World
from tests.directory.factories import OrganisationFactory
from tests.matching.factories_requests import (
    NIGHT,
    a_candidate,
    a_request,
    almere,
    moment,
    place,
    propose,
)

ADD = "matching:request_add"


def _form(world: World, **changes: Any) -> dict[str, Any]:
    data = {
        "requester": str(world.care_org.pk),
        "role": "verpleegkundige",
        "people_needed": "2",
        "required_qualifications": ["vog"],
        "municipality": str(almere().pk),
        "address": "Hospitaalweg 1",
        "description": "Nachtdiensten op de covid-afdeling",
        "schedule": "diensten",
        "shift_lines": "12-03-2021 22:00-07:00\n2021-03-13 08:00-16:30",
        "period_starts": "",
        "period_ends": "",
    }
    data.update(changes)
    return data


# --- the shifts as typed --------------------------------------------------------------------


def test_a_night_shift_ends_the_next_morning() -> None:
    (shift,) = parse_shift_lines("12-03-2021 22:00-07:00")
    assert shift == ShiftTime(moment(NIGHT, 22), moment(dt.date(2021, 3, 13), 7))


def test_an_end_after_the_start_is_the_same_day_and_an_equal_end_a_full_day() -> None:
    day, whole = parse_shift_lines("12-03-2021 08:00–16:30\n13-03-2021 07:00 tot 07:00")
    assert day.ends_at - day.starts_at == dt.timedelta(hours=8, minutes=30)
    assert whole.ends_at - whole.starts_at == dt.timedelta(hours=24)


def test_every_wrong_line_is_named_and_none_taken() -> None:
    with pytest.raises(ValidationError) as refused:
        parse_shift_lines("12-03-2021 22:00-07:00\nmorgen vroeg\n31-02-2021 08:00-12:00")
    assert [m for m in refused.value.messages if "2" in m.split()[1]]
    assert len(refused.value.messages) == 2


def test_a_repeated_shift_is_refused() -> None:
    with pytest.raises(ValidationError):
        parse_shift_lines("12-03-2021 22:00-07:00\n12-3-2021 22.00-07.00")


# --- adding -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_staff_add_a_request_with_its_shifts_and_it_is_audited(world: World) -> None:
    response = world.client("programmacoordinator").post(reverse(ADD), _form(world))
    record = HelpRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("matching:request", args=[record.pk])
    assert record.holder == world.own
    assert record.requester == world.care_org
    assert record.status == RequestStatus.NIEUW and record.priority is None
    assert record.required_qualifications == ["vog"]
    assert record.submitted_by == world.users["programmacoordinator"]
    shifts = list(record.shifts.order_by("starts_at"))
    assert [(s.starts_at, s.ends_at, s.people_needed) for s in shifts] == [
        (moment(NIGHT, 22), moment(dt.date(2021, 3, 13), 7), 2),
        (moment(dt.date(2021, 3, 13), 8), moment(dt.date(2021, 3, 13), 16, 30), 2),
    ]
    entry = AuditEntry.objects.get(action="request.created")
    assert entry.organisation_id == world.own.pk
    assert len(entry.changes["shifts"][1]) == 2


@pytest.mark.django_db
def test_a_period_is_one_shift(world: World) -> None:
    data = _form(
        world,
        schedule="periode",
        shift_lines="",
        period_starts="2021-03-01T08:00",
        period_ends="2021-03-31T17:00",
    )
    assert world.client("medewerker").post(reverse(ADD), data).status_code == 302
    (shift,) = Shift.objects.all()
    assert shift.starts_at == moment(dt.date(2021, 3, 1), 8)
    assert shift.ends_at == moment(dt.date(2021, 3, 31), 17)


@pytest.mark.django_db
def test_a_period_ending_before_it_starts_is_refused_in_dutch_and_nothing_saved(
    world: World,
) -> None:
    data = _form(
        world,
        schedule="periode",
        period_starts="2021-03-31T08:00",
        period_ends="2021-03-01T17:00",
    )
    response = world.client("medewerker").post(reverse(ADD), data)
    assert response.status_code == 400
    assert "De periode kan niet eindigen voordat die begint." in response.content.decode()
    assert not HelpRequest.objects.exists() and not Shift.objects.exists()


@pytest.mark.django_db
def test_a_wrong_shift_line_saves_nothing(world: World) -> None:
    data = _form(world, shift_lines="12-03-2021 22:00-07:00\n12-03-2021 nacht")
    response = world.client("medewerker").post(reverse(ADD), data)
    assert response.status_code == 400
    assert "Regel 2 is geen dienst" in response.content.decode()
    assert not HelpRequest.objects.exists() and not Shift.objects.exists()


@pytest.mark.django_db
def test_no_shifts_at_all_is_refused(world: World) -> None:
    response = world.client("medewerker").post(reverse(ADD), _form(world, shift_lines=" \n"))
    assert response.status_code == 400
    assert not HelpRequest.objects.exists()


@pytest.mark.django_db
def test_those_who_only_view_cannot_add(world: World) -> None:
    assert world.client("bedrijfsvoering").get(reverse(ADD)).status_code == 403
    assert world.client("prioritering").get(reverse(ADD)).status_code == 403
    assert world.client("opdrachtgever").post(reverse(ADD), _form(world)).status_code == 403
    assert not HelpRequest.objects.exists()


# --- changing ---------------------------------------------------------------------------------


def _edit_form(world: World, record: HelpRequest, **changes: Any) -> dict[str, Any]:
    page = world.client("medewerker").get(reverse("matching:request_edit", args=[record.pk]))
    form = page.context["form"]
    data = _form(world, shift_lines=form.initial["shift_lines"], version=str(record.version))
    data.update(changes)
    return data


@pytest.mark.django_db
def test_the_edit_form_shows_the_shifts_as_lines_and_keeps_a_shift_that_stays(
    world: World,
) -> None:
    record = a_request(world, days=[NIGHT])
    kept = record.shifts.get()
    proposal = propose(kept, a_candidate(world))
    data = _edit_form(world, record)
    assert data["shift_lines"] == "12-03-2021 22:00-07:00"
    data["shift_lines"] += "\n14-03-2021 22:00-07:00"
    data["people_needed"] = "3"
    response = world.client("medewerker").post(
        reverse("matching:request_edit", args=[record.pk]), data
    )
    assert response.status_code == 302
    shifts = list(record.shifts.order_by("starts_at"))
    assert shifts[0].pk == kept.pk and len(shifts) == 2
    assert {s.people_needed for s in shifts} == {3}
    proposal.refresh_from_db()  # the proposal of the shift that stayed is still there
    assert proposal.status == ProposalStatus.VOORGESTELD
    assert AuditEntry.objects.filter(action="request.saved").count() == 1


@pytest.mark.django_db
def test_a_shift_with_someone_placed_cannot_be_removed_and_nothing_changes(world: World) -> None:
    record = a_request(world, days=[NIGHT, NIGHT + dt.timedelta(days=1)])
    first = record.shifts.order_by("starts_at").first()
    assert first is not None
    place(first, a_candidate(world))
    data = _edit_form(world, record, shift_lines="13-03-2021 22:00-07:00", address="Elders 2")
    response = world.client("medewerker").post(
        reverse("matching:request_edit", args=[record.pk]), data
    )
    assert response.status_code == 400
    assert "iemand geplaatst" in response.content.decode()
    record.refresh_from_db()
    assert record.address == "" and record.shifts.count() == 2


@pytest.mark.django_db
def test_a_stale_edit_is_a_conflict(world: World) -> None:
    record = a_request(world)
    data = _edit_form(world, record, address="Nieuw adres")
    HelpRequest.objects.filter(pk=record.pk).update(version=record.version + 1)
    response = world.client("medewerker").post(
        reverse("matching:request_edit", args=[record.pk]), data
    )
    assert response.status_code == 409
    record.refresh_from_db()
    assert record.address == ""


@pytest.mark.django_db
def test_staff_of_another_organisation_do_not_find_the_request(world: World) -> None:
    record = a_request(world)
    for name in ("matching:request", "matching:request_edit"):
        assert world.client("outsider").get(reverse(name, args=[record.pk])).status_code == 404


# --- the priority -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_official_sets_the_priority_and_who_and_when_are_recorded(world: World) -> None:
    record = a_request(world)
    response = world.client("prioritering").post(
        reverse("matching:request_priority", args=[record.pk]),
        {"priority": "4", "priority_note": "Uitbraak op de afdeling", "version": record.version},
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.priority == Priority.URGENT
    assert record.priority_note == "Uitbraak op de afdeling"
    assert record.priority_set_by == world.users["prioritering"]
    assert record.priority_set_at is not None
    assert record.status == RequestStatus.OPEN
    entry = AuditEntry.objects.get(action="request.prioritised")
    assert entry.changes["priority"] == [None, 4]
    # Staff see it on the request's page, with who set it.
    page = world.client("directeur").get(reverse("matching:request", args=[record.pk]))
    assert "Uitbraak op de afdeling" in page.content.decode()
    assert str(world.users["prioritering"]) in page.content.decode()


@pytest.mark.parametrize(
    "role", ["directeur", "programmacoordinator", "medewerker", "zorgvrager", "opdrachtgever"]
)
@pytest.mark.django_db
def test_no_other_role_may_set_the_priority(world: World, role: str) -> None:
    record = a_request(world)
    path = reverse("matching:request_priority", args=[record.pk])
    client = world.client(role)
    assert client.get(path).status_code == 403
    data = {"priority": "4", "priority_note": "x", "version": record.version}
    assert client.post(path, data).status_code == 403
    with pytest.raises(PermissionDenied):
        services.request_priority_set(
            actor=world.users[role], request=record, priority=4, priority_note="x"
        )
    record.refresh_from_db()
    assert record.priority is None


@pytest.mark.django_db
def test_the_official_of_another_holder_does_not_find_the_request(world: World) -> None:
    from koers.accounts.models import Membership
    from koers.accounts.roles import Role

    Membership.objects.filter(user=world.users["prioritering"]).update(organisation=world.other_org)
    record = a_request(world)
    path = reverse("matching:request_priority", args=[record.pk])
    assert world.client("prioritering").get(path).status_code == 404
    assert Role.PRIORITEIT  # the role she keeps, elsewhere


@pytest.mark.django_db
def test_a_priority_without_a_reason_is_refused(world: World) -> None:
    record = a_request(world)
    response = world.client("prioritering").post(
        reverse("matching:request_priority", args=[record.pk]),
        {"priority": "3", "priority_note": "", "version": record.version},
    )
    assert response.status_code == 400
    record.refresh_from_db()
    assert record.priority is None


# --- the status -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_staff_close_and_reopen_and_closing_lets_open_proposals_lapse(world: World) -> None:
    record = a_request(world)
    proposal = propose(record.shifts.get(), a_candidate(world))
    client = world.client("medewerker")
    path = reverse("matching:request_status", args=[record.pk])
    assert client.post(path, {"action": "sluiten"}).status_code == 302
    record.refresh_from_db()
    proposal.refresh_from_db()
    assert record.status == RequestStatus.GESLOTEN
    assert proposal.status == ProposalStatus.VERVALLEN
    # Closed, it cannot be closed again, nor changed; it can be reopened.
    with pytest.raises(ValidationError):
        services.request_status_set(
            actor=world.users["medewerker"], request=record, action="sluiten"
        )
    assert client.get(reverse("matching:request_edit", args=[record.pk])).status_code == 403
    assert client.post(path, {"action": "heropenen"}).status_code == 302
    record.refresh_from_db()
    assert record.status == RequestStatus.OPEN
    assert AuditEntry.objects.filter(action="request.status").count() == 2


@pytest.mark.django_db
def test_viewers_and_the_official_cannot_change_the_status(world: World) -> None:
    record = a_request(world)
    path = reverse("matching:request_status", args=[record.pk])
    assert world.client("bedrijfsvoering").post(path, {"action": "sluiten"}).status_code == 403
    assert world.client("prioritering").post(path, {"action": "sluiten"}).status_code == 403
    record.refresh_from_db()
    assert record.status == RequestStatus.NIEUW


# --- the list ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_list_filters(world: World) -> None:
    other = OrganisationFactory(name="Zorghotel Lelystad", kind="care")
    urgent = a_request(world, priority=Priority.URGENT)
    unprioritised = a_request(world, requester=other, role="verzorgende")
    closed = a_request(world, status=RequestStatus.GESLOTEN, priority=Priority.LAAG)
    client = world.client("programmacoordinator")

    def shown(**query: str) -> set[int]:
        response = client.get(reverse("matching:requests"), query)
        assert response.status_code == 200
        return {row.pk for row in response.context["help_requests"]}

    assert shown() == {urgent.pk, unprioritised.pk, closed.pk}
    assert shown(status="gesloten") == {closed.pk}
    assert shown(aanvrager=str(other.pk)) == {unprioritised.pk}
    assert shown(rol="verzorgende") == {unprioritised.pk}
    assert shown(prioriteit="4") == {urgent.pk}
    assert shown(prioriteit="geen") == {unprioritised.pk}
    assert shown(prioriteit="onzin") == {urgent.pk, unprioritised.pk, closed.pk}


@pytest.mark.django_db
def test_the_list_counts_shifts_and_places_filled(world: World) -> None:
    record = a_request(world, people=2, days=[NIGHT, NIGHT + dt.timedelta(days=1)])
    place(record.shifts.order_by("starts_at").first(), a_candidate(world))  # type: ignore[arg-type]
    response = world.client("medewerker").get(reverse("matching:requests"))
    (row,) = response.context["help_requests"]
    assert (row.shift_count, row.places, row.placed_count) == (2, 4, 1)
    assert "1 van 4" in response.content.decode()


@pytest.mark.django_db
def test_the_list_and_the_page_cost_the_same_queries_for_few_or_many(world: World) -> None:
    client = world.client("medewerker")
    counts = []
    for total in (3, 40):
        while HelpRequest.objects.count() < total:
            record = a_request(world, days=[NIGHT, NIGHT + dt.timedelta(days=1)])
            shift = record.shifts.first()
            assert shift is not None
            propose(shift, a_candidate(world, last_name=f"Visser {record.pk}"))
        client.get(reverse("matching:requests"))
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("matching:requests"))
        counts.append(len(queries))
    assert counts[0] == counts[1]
    record = HelpRequest.objects.first()
    assert record is not None
    few = []
    for people in (1, 6):
        shift = record.shifts.first()
        assert shift is not None
        for n in range(people):
            propose(shift, a_candidate(world, last_name=f"Extra {people} {n}"))
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("matching:request", args=[record.pk]))
        few.append(len(queries))
    assert few[0] == few[1]


# --- hostile text -----------------------------------------------------------------------------

NASTY = [
    '<script>alert("x")</script>',
    "\"'><img src=x onerror=alert(1)>",
    "{{ 7*7 }} {% now 'Y' %} %(name)s",
    "Zorg & Welzijn \u202ekeerom\u202c",
]


@pytest.mark.parametrize("text", NASTY)
@pytest.mark.django_db
def test_hostile_text_is_stored_as_typed_and_shown_escaped(world: World, text: str) -> None:
    from django.utils.html import escape

    response = world.client("zorgvrager").post(
        reverse(ADD), _form(world, description=text, address=text[:300])
    )
    assert response.status_code == 302
    record = HelpRequest.objects.get()
    assert record.description == text and record.address == text
    world.client("prioritering").post(
        reverse("matching:request_priority", args=[record.pk]),
        {"priority": "2", "priority_note": text, "version": record.version},
    )
    record.refresh_from_db()
    assert record.priority_note == text
    for role in ("medewerker", "zorgvrager", "prioritering"):
        page = world.client(role).get(reverse("matching:request", args=[record.pk]))
        html = page.content.decode()
        assert escape(text) in html, role
        if "<" in text:
            assert text not in html, role
