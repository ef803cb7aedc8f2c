"""Placements: confirming, declining and changing proposals, the placements' status, the
mails through the worker and the follow-up link for both sides."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from koers.core.models import AuditEntry
from koers.directory.models import Position
from koers.matching.models import (
    FollowUp,
    HelpRequest,
    Placement,
    PlacementStatus,
    Proposal,
    ProposalStatus,
    QualificationKind,
    RequestStatus,
    Stage,
    StageChange,
)
from koers.matching.placements import follow_ups, services
from koers.matching.placements.eligibility import eligible_candidates
from koers.matching.placements.tasks import follow_ups_due_task
from tests.conftest import World
from tests.matching import factories_placements as make

DAY = dt.date(2030, 3, 4)  # a Monday, in the future
PAST = dt.date(2020, 11, 2)


@pytest.fixture
def immediate_tasks(settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def _confirm(world: World, proposal: Proposal, role: str = "medewerker") -> Placement:
    return services.proposal_confirm(actor=world.users[role], proposal_id=proposal.pk)


def _refusal(call: Any) -> str:
    with pytest.raises(ValidationError) as refused:
        call()
    return " ".join(refused.value.messages)


# --- confirming ------------------------------------------------------------------------------


def test_confirming_places_her_with_the_shift_times_and_records_everything(
    world: World, immediate_tasks: None, django_capture_on_commit_callbacks: Any
) -> None:
    anna = make.candidate(world)
    request = make.help_request(world)
    night = make.shift(request, make.at(DAY, 23), make.at(DAY + dt.timedelta(1), 7))
    offer = make.proposal(world, night, anna)
    with django_capture_on_commit_callbacks(execute=True):
        placement = _confirm(world, offer)
    assert (placement.starts_at, placement.ends_at) == (night.starts_at, night.ends_at)
    assert placement.status == PlacementStatus.BEVESTIGD
    assert placement.confirmed_by == world.users["medewerker"]
    offer.refresh_from_db()
    assert offer.status == ProposalStatus.BEVESTIGD and offer.decided_by is not None
    anna.refresh_from_db()
    assert anna.stage == Stage.GEPLAATST
    step = StageChange.objects.get(candidate=anna)
    assert (step.stage, step.by) == (Stage.GEPLAATST, world.users["medewerker"])
    request.refresh_from_db()
    assert request.status == RequestStatus.INGEVULD  # its one shift is full
    assert AuditEntry.objects.filter(action="placement.confirmed", subject_id=placement.pk).exists()
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@voorbeeld.nl", "zorgvrager@example.org"]
    to_her = next(m for m in mail.outbox if m.to == ["anna@voorbeeld.nl"])
    assert "Zorggroep Almere" in to_her.body and "23:00" in to_her.body
    to_them = next(m for m in mail.outbox if m.to == ["zorgvrager@example.org"])
    assert "Anna de Vries" in to_them.body


def test_a_request_with_a_shift_still_open_stays_open(world: World) -> None:
    request = make.help_request(world)
    first = make.shift(request, make.at(DAY, 7), make.at(DAY, 15))
    make.shift(request, make.at(DAY, 15), make.at(DAY, 23))
    _confirm(world, make.proposal(world, first, make.candidate(world)))
    request.refresh_from_db()
    assert request.status == RequestStatus.OPEN


def test_a_second_confirmation_is_refused_and_changes_nothing(world: World) -> None:
    offer = make.proposal(
        world,
        make.shift(make.help_request(world, people=2), make.at(DAY, 7), make.at(DAY, 15)),
        make.candidate(world),
    )
    _confirm(world, offer)
    message = _refusal(lambda: _confirm(world, offer, "directeur"))
    assert "al besloten" in message
    assert Placement.objects.count() == 1


def test_an_overlapping_shift_is_refused_in_dutch(world: World) -> None:
    anna = make.candidate(world)
    request = make.help_request(world)
    early = make.shift(request, make.at(DAY, 7), make.at(DAY, 15))
    late = make.shift(request, make.at(DAY, 14), make.at(DAY, 22))
    _confirm(world, make.proposal(world, early, anna))
    second = Proposal.objects.create(
        run=Proposal.objects.get().run, shift=late, candidate=anna, score=0.5
    )
    message = _refusal(lambda: _confirm(world, second))
    assert "overlappende diensten" in message and "Anna de Vries" in message
    assert Placement.objects.filter(candidate=anna).count() == 1
    second.refresh_from_db()
    assert second.status == ProposalStatus.VOORGESTELD


def test_shifts_that_only_touch_do_not_overlap(world: World) -> None:
    anna = make.candidate(world)
    request = make.help_request(world)
    early = make.shift(request, make.at(DAY, 7), make.at(DAY, 15))
    late = make.shift(request, make.at(DAY, 15), make.at(DAY, 23))
    _confirm(world, make.proposal(world, early, anna))
    _confirm(world, make.proposal(world, late, anna))
    assert Placement.objects.filter(candidate=anna).count() == 2


def test_a_cancelled_placement_no_longer_holds_her_time(world: World) -> None:
    anna = make.candidate(world)
    request = make.help_request(world, people=1)
    early = make.shift(request, make.at(DAY, 7), make.at(DAY, 15))
    other = make.shift(make.help_request(world), make.at(DAY, 8), make.at(DAY, 12))
    first = _confirm(world, make.proposal(world, early, anna))
    services.placement_status_set(
        actor=world.users["medewerker"],
        placement_id=first.pk,
        status=PlacementStatus.GEANNULEERD,
        reason="Ziek",
    )
    assert _confirm(world, make.proposal(world, other, anna)).status == PlacementStatus.BEVESTIGD


def test_a_full_shift_is_refused(world: World) -> None:
    request = make.help_request(world, people=1)
    day_shift = make.shift(request, make.at(DAY, 7), make.at(DAY, 15))
    first = make.proposal(world, day_shift, make.candidate(world, "Anna"))
    second = make.proposal(world, day_shift, make.candidate(world, "Bea"))
    _confirm(world, first)
    second.refresh_from_db()
    assert second.status == ProposalStatus.VERVALLEN  # superseded once the shift was full
    second.status = ProposalStatus.VOORGESTELD
    second.save()
    request.status = RequestStatus.OPEN
    request.save()
    assert "al vol" in _refusal(lambda: _confirm(world, second))


def test_a_required_qualification_expired_on_the_shift_date_is_refused(world: World) -> None:
    request = make.help_request(world, required=(QualificationKind.VOG,))
    day_shift = make.shift(request, make.at(DAY, 7), make.at(DAY, 15))
    anna = make.candidate(world, kinds=(QualificationKind.BIG,))
    from koers.matching.models import Qualification

    Qualification.objects.create(
        candidate=anna, kind=QualificationKind.VOG, valid_until=DAY - dt.timedelta(1)
    )
    message = _refusal(lambda: _confirm(world, make.proposal(world, day_shift, anna)))
    assert "verlopen of ontbreekt" in message
    assert not Placement.objects.exists()
    anna.refresh_from_db()
    assert anna.stage == Stage.INZETBAAR


def test_a_qualification_valid_through_the_shift_date_counts(world: World) -> None:
    request = make.help_request(world)
    day_shift = make.shift(request, make.at(DAY, 7), make.at(DAY, 15))
    anna = make.candidate(world, valid_until=DAY)
    assert _confirm(world, make.proposal(world, day_shift, anna)).pk


def test_the_role_qualification_expired_is_refused(world: World) -> None:
    request = make.help_request(world)
    day_shift = make.shift(request, make.at(DAY, 7), make.at(DAY, 15))
    anna = make.candidate(world, valid_until=DAY - dt.timedelta(1))
    message = _refusal(lambda: _confirm(world, make.proposal(world, day_shift, anna)))
    assert "kwalificatie" in message


def test_a_closed_request_takes_nobody(world: World) -> None:
    request = make.help_request(world, status=RequestStatus.INGETROKKEN)
    day_shift = make.shift(request, make.at(DAY, 7), make.at(DAY, 15))
    message = _refusal(
        lambda: _confirm(world, make.proposal(world, day_shift, make.candidate(world)))
    )
    assert "ingetrokken" in message


def test_only_managers_of_the_holder_confirm(world: World) -> None:
    from django.core.exceptions import PermissionDenied

    offer = make.proposal(
        world,
        make.shift(make.help_request(world), make.at(DAY, 7), make.at(DAY, 15)),
        make.candidate(world),
    )
    for role in ("bedrijfsvoering", "outsider", "zorgvrager", "prioritering"):
        with pytest.raises(PermissionDenied):
            _confirm(world, offer, role)
    assert not Placement.objects.exists()


# --- declining and changing ------------------------------------------------------------------


def test_declining_needs_a_reason(world: World) -> None:
    offer = make.proposal(
        world,
        make.shift(make.help_request(world), make.at(DAY, 7), make.at(DAY, 15)),
        make.candidate(world),
    )
    actor = world.users["programmacoordinator"]
    assert (
        "waarom"
        in _refusal(
            lambda: services.proposal_decline(actor=actor, proposal_id=offer.pk, reason="  ")
        ).lower()
    )
    services.proposal_decline(actor=actor, proposal_id=offer.pk, reason="Wil liever overdag")
    offer.refresh_from_db()
    assert offer.status == ProposalStatus.AFGEWEZEN
    assert offer.decline_reason == "Wil liever overdag"
    assert AuditEntry.objects.filter(action="proposal.declined").exists()


def test_the_change_lists_only_who_can_take_the_shift(world: World) -> None:
    request = make.help_request(world, required=(QualificationKind.VOG,))
    monday = make.shift(request, make.at(DAY, 7), make.at(DAY, 15))
    vog = (QualificationKind.BIG, QualificationKind.VOG)
    proposed = make.candidate(world, "Anna", kinds=vog)
    fits = make.candidate(world, "Bea", kinds=vog)
    make.candidate(world, "Carla", kinds=vog, role="verzorgende")  # another role
    make.candidate(world, "Dirk", kinds=(QualificationKind.BIG,))  # no VOG
    make.candidate(world, "Eva", kinds=vog, weekdays=0b0111110)  # not on Mondays
    make.candidate(world, "Fleur", kinds=vog, available=(dt.time(18), dt.time(23)))  # evenings
    make.candidate(world, "Gea", kinds=vog, stage=Stage.AANGEMELD)  # not deployable
    busy = make.candidate(world, "Hanna", kinds=vog)
    elsewhere = make.shift(make.help_request(world), make.at(DAY, 6), make.at(DAY, 8))
    _confirm(world, make.proposal(world, elsewhere, busy))
    night_owl = make.candidate(world, "Ilse", kinds=vog, available=(dt.time(22), dt.time(16)))
    offer = make.proposal(world, monday, proposed)
    names = [
        e.candidate.person.first_name for e in eligible_candidates(monday, excluding=[proposed.pk])
    ]
    assert sorted(names) == ["Bea", "Ilse"]
    changed = services.proposal_replace(
        actor=world.users["medewerker"], proposal_id=offer.pk, candidate_id=fits.pk
    )
    offer.refresh_from_db()
    assert offer.status == ProposalStatus.VERVALLEN
    assert (changed.candidate_id, changed.status) == (fits.pk, ProposalStatus.VOORGESTELD)
    assert {"code": "chosen_instead"} in changed.reasons
    assert "kan deze dienst niet" in _refusal(
        lambda: services.proposal_replace(
            actor=world.users["medewerker"], proposal_id=changed.pk, candidate_id=busy.pk
        )
    )
    assert _confirm(world, changed).candidate_id == fits.pk
    assert night_owl.pk


def test_a_candidate_beyond_her_travel_distance_is_not_listed(world: World) -> None:
    request = make.help_request(world)
    monday = make.shift(request, make.at(DAY, 7), make.at(DAY, 15))
    proposed = make.candidate(world, "Anna")
    make.candidate(world, "Bea", municipality=make.urk(), max_travel_km=5)
    near = make.candidate(world, "Carla", municipality=make.urk(), max_travel_km=80)
    make.proposal(world, monday, proposed)
    listed = eligible_candidates(monday, excluding=[proposed.pk])
    assert [e.candidate.pk for e in listed] == [near.pk]
    assert listed[0].km > 5


# --- the pages -------------------------------------------------------------------------------


def _open_offer(world: World, name: str = "Anna") -> Proposal:
    request = make.help_request(world)
    request.priority = 4
    request.save()
    return make.proposal(
        world, make.shift(request, make.at(DAY, 7), make.at(DAY, 15)), make.candidate(world, name)
    )


def test_the_proposals_page_shows_reasons_in_dutch_and_the_buttons_to_managers(
    world: World,
) -> None:
    offer = _open_offer(world)
    page = world.client("medewerker").get(reverse("matching:proposals"))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Anna de Vries" in text and "Zorggroep Almere" in text
    assert "Kan werken als verpleegkundige." in text
    assert reverse("matching:proposal_confirm", args=[offer.pk]) in text
    reader = world.client("bedrijfsvoering").get(reverse("matching:proposals")).content.decode()
    assert "Anna de Vries" in reader
    assert reverse("matching:proposal_confirm", args=[offer.pk]) not in reader


def test_the_proposals_page_narrows_to_one_request(world: World) -> None:
    first = _open_offer(world, "Anna")
    _open_offer(world, "Bea")
    url = reverse("matching:proposals") + f"?request={first.shift.request_id}"
    text = world.client("medewerker").get(url).content.decode()
    assert "Anna de Vries" in text and "Bea de Vries" not in text


def test_the_proposals_page_counts_queries_independently_of_rows(
    world: World, django_assert_max_num_queries: Any
) -> None:
    client = world.client("medewerker")
    _open_offer(world)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(reverse("matching:proposals"))
    for n in range(15):
        _open_offer(world, f"Kandidaat{n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(reverse("matching:proposals")).status_code == 200


def test_confirming_through_the_page(world: World) -> None:
    offer = _open_offer(world)
    response = world.client("medewerker").post(
        reverse("matching:proposal_confirm", args=[offer.pk]), follow=True
    )
    assert Placement.objects.filter(proposal=offer).exists()
    assert "Anna de Vries is geplaatst" in response.content.decode()
    again = world.client("directeur").post(
        reverse("matching:proposal_confirm", args=[offer.pk]), follow=True
    )
    assert "al besloten" in again.content.decode()
    assert Placement.objects.count() == 1


def test_out_of_scope_and_wrong_roles_cannot_confirm(world: World) -> None:
    offer = _open_offer(world)
    url = reverse("matching:proposal_confirm", args=[offer.pk])
    assert world.client("outsider").post(url).status_code == 404
    for role in ("bedrijfsvoering", "zorgvrager", "prioritering", "opdrachtgever"):
        assert world.client(role).post(url).status_code == 403
    assert Client().post(url).status_code == 302  # to sign in
    assert not Placement.objects.exists()


def test_declining_through_the_page_without_a_reason_is_refused(world: World) -> None:
    offer = _open_offer(world)
    url = reverse("matching:proposal_decline", args=[offer.pk])
    world.client("medewerker").post(url, {"reason": ""})
    offer.refresh_from_db()
    assert offer.status == ProposalStatus.VOORGESTELD
    world.client("medewerker").post(url, {"reason": "Heeft al een andere dienst"})
    offer.refresh_from_db()
    assert offer.status == ProposalStatus.AFGEWEZEN


def test_the_change_page_lists_and_changes(world: World) -> None:
    offer = _open_offer(world)
    bea = make.candidate(world, "Bea")
    url = reverse("matching:proposal_change", args=[offer.pk])
    page = world.client("medewerker").get(url)
    assert page.status_code == 200 and "Bea de Vries" in page.content.decode()
    refused = world.client("medewerker").post(url, {"candidate": str(offer.candidate_id)})
    assert refused.status_code == 400
    done = world.client("medewerker").post(url, {"candidate": str(bea.pk)})
    assert done.status_code == 302
    assert Proposal.objects.get(candidate=bea).status == ProposalStatus.VOORGESTELD


# --- placements and their status -------------------------------------------------------------


def _past_placement(world: World, name: str = "Anna") -> Placement:
    """A placement whose shift ended yesterday (confirmed before it began)."""
    start = timezone.now() - dt.timedelta(days=1, hours=8)
    request = make.help_request(world)
    past_shift = make.shift(request, start, start + dt.timedelta(hours=8))
    offer = make.proposal(world, past_shift, make.candidate(world, name))
    return _confirm(world, offer)


def test_took_place_before_the_shift_began_is_refused(world: World) -> None:
    offer = _open_offer(world)
    placement = _confirm(world, offer)
    message = _refusal(
        lambda: services.placement_status_set(
            actor=world.users["medewerker"],
            placement_id=placement.pk,
            status=PlacementStatus.PLAATSGEVONDEN,
        )
    )
    assert "nog niet begonnen" in message


def test_took_place_asks_both_sides_through_the_worker(
    world: World, immediate_tasks: None, django_capture_on_commit_callbacks: Any
) -> None:
    placement = _past_placement(world)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = world.client("medewerker").post(
            reverse("matching:placement_status", args=[placement.pk]),
            {"status": PlacementStatus.PLAATSGEVONDEN},
        )
    assert response.status_code == 302
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.PLAATSGEVONDEN
    asked = FollowUp.objects.filter(placement=placement)
    assert sorted(asked.values_list("side", flat=True)) == ["kandidaat", "organisatie"]
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@voorbeeld.nl", "zorgvrager@example.org"]
    link = next(m for m in mail.outbox if m.to == ["anna@voorbeeld.nl"]).body
    path = link[link.index("/extra-handen/nazorg/") :].split()[0]
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert all(token not in f.token_hash and len(f.token_hash) == 64 for f in asked)
    page = Client().get(path)
    assert page.status_code == 200 and "Zorggroep Almere" in page.content.decode()
    answered = Client().post(path, {"happened": "ja", "rating": "4", "comment": "Fijn team"})
    assert answered.status_code == 200
    mine = asked.get(side="kandidaat")
    assert (mine.happened, mine.rating, mine.comment) == (True, 4, "Fijn team")
    assert Client().get(path).status_code == 410  # used
    assert Client().get("/extra-handen/nazorg/onbekend/").status_code == 404
    detail = world.client("medewerker").get(reverse("matching:placement", args=[placement.pk]))
    assert "Fijn team" in detail.content.decode()


def test_an_expired_follow_up_link_is_gone(world: World) -> None:
    placement = _past_placement(world)
    follow_ups.follow_ups_send(placement_id=placement.pk, base_url="http://koers.test")
    sent = mail.outbox[-1].body
    path = sent[sent.index("/extra-handen/nazorg/") :].split()[0]
    FollowUp.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert Client().get(path).status_code == 410
    assert Client().post(path, {"happened": "nee"}).status_code == 410
    assert not FollowUp.objects.filter(answered_at__isnull=False).exists()


def test_the_follow_up_link_is_rate_limited(world: World) -> None:
    client = Client()
    for _ in range(30):
        assert client.get("/extra-handen/nazorg/onbekend/").status_code == 404
    assert client.get("/extra-handen/nazorg/onbekend/").status_code == 429


def test_the_daily_job_asks_about_ended_shifts_once(world: World) -> None:
    ended = _past_placement(world, "Anna")
    upcoming = _confirm(world, _open_offer(world, "Bea"))
    mail.outbox.clear()
    follow_ups_due_task.call()
    assert set(FollowUp.objects.values_list("placement_id", flat=True)) == {ended.pk}
    assert len(mail.outbox) == 2
    follow_ups_due_task.call()
    assert FollowUp.objects.count() == 2 and len(mail.outbox) == 2
    assert upcoming.pk


def test_without_a_care_contact_the_organisation_is_mailed_at_its_directory_person(
    world: World,
) -> None:
    from koers.accounts.models import Membership
    from koers.directory.models import Person

    Membership.objects.filter(organisation=world.care_org).delete()
    contact = Person.objects.create(
        holder=world.own,
        first_name="Ria",
        last_name="Bakker",
        email="ria@zorggroep.nl",
        purpose="Contactpersoon",
    )
    Position.objects.create(person=contact, organisation=world.care_org, title="Teamleider")
    placement = _past_placement(world)
    follow_ups.follow_ups_send(placement_id=placement.pk)
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@voorbeeld.nl", "ria@zorggroep.nl"]


def test_cancelling_needs_a_reason_and_reopens_a_filled_request(world: World) -> None:
    placement = _confirm(world, _open_offer(world))
    request = HelpRequest.objects.get()
    assert request.status == RequestStatus.INGEVULD
    response = world.client("medewerker").post(
        reverse("matching:placement_status", args=[placement.pk]),
        {"status": PlacementStatus.GEANNULEERD, "reason": ""},
    )
    assert response.status_code == 400
    response = world.client("medewerker").post(
        reverse("matching:placement_status", args=[placement.pk]),
        {"status": PlacementStatus.GEANNULEERD, "reason": "Ziek gemeld"},
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == RequestStatus.OPEN
    message = _refusal(
        lambda: services.placement_status_set(
            actor=world.users["medewerker"],
            placement_id=placement.pk,
            status=PlacementStatus.PLAATSGEVONDEN,
        )
    )
    assert "geannuleerd" in message


def test_the_placements_list_filters_upcoming_and_past(world: World) -> None:
    past = _past_placement(world, "Anna")
    _confirm(world, _open_offer(world, "Bea"))
    client = world.client("bedrijfsvoering")
    upcoming = client.get(reverse("matching:placements"), {"wanneer": "komend"}).content.decode()
    assert "Bea de Vries" in upcoming and "Anna de Vries" not in upcoming
    gone = client.get(reverse("matching:placements"), {"wanneer": "voorbij"}).content.decode()
    assert "Anna de Vries" in gone and "Bea de Vries" not in gone
    assert client.get(reverse("matching:placement", args=[past.pk])).status_code == 200
    assert (
        world.client("outsider").get(reverse("matching:placement", args=[past.pk])).status_code
        == 404
    )
    assert world.client("zorgvrager").get(reverse("matching:placements")).status_code == 403
    assert world.client("opdrachtgever").get(reverse("matching:placements")).status_code == 403
