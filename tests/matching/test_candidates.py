"""Candidates: adding one (her directory person with consent), changing her, funnel steps,
calls, qualifications and availability, the call-back list, and what privacy does with
her (export, erasure that keeps the counts). Refusals save nothing."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from koers.core.audit import AuditEntry
from koers.core.privacy import LawfulBasis
from koers.directory.models import Person
from koers.matching.candidates.queries import callback_candidates
from koers.matching.models import (
    CallLog,
    Candidate,
    CareRole,
    Qualification,
    QualificationKind,
    Stage,
    StageChange,
)
from koers.privacy.services import person_erase
from koers.privacy.subjects import registered
from tests.confirming import post_confirmed
from tests.conftest import World
from tests.directory.factories import OrganisationFactory
from tests.matching.factories import (
    AvailabilityFactory,
    CallLogFactory,
    CandidateFactory,
    CandidateRoleFactory,
    almere,
    available_candidate,
)


def _new(world: World, **changes: str) -> dict[str, object]:
    today = timezone.localdate().isoformat()
    return {
        "first_name": "Fatima",
        "last_name": "El Amrani",
        "email": "fatima@voorbeeld.nl",
        "phone": "06-11112222",
        "consent_given_on": today,
        "signed_up_on": today,
        "roles": ["verpleegkundige", "verzorgende"],
        "municipality": str(almere().pk),  # type: ignore[attr-defined]
        "max_travel_km": "30",
        "route": "landelijke_website",
        **changes,
    }


def test_adding_a_candidate_makes_her_person_with_consent_and_the_first_step(
    world: World,
) -> None:
    response = world.client("medewerker").post(reverse("matching:candidate_add"), _new(world))
    candidate = Candidate.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("matching:candidate", args=[candidate.pk])
    person = candidate.person
    assert person is not None and person.holder == world.own
    assert person.lawful_basis == LawfulBasis.CONSENT
    assert person.consent_given_on == timezone.localdate()
    assert person.purpose
    assert candidate.stage == Stage.AANGEMELD and candidate.holder == world.own
    assert sorted(candidate.roles.values_list("role", flat=True)) == [
        "verpleegkundige",
        "verzorgende",
    ]
    step = StageChange.objects.get(candidate=candidate)
    assert (step.stage, step.by) == (Stage.AANGEMELD, world.users["medewerker"])
    assert AuditEntry.objects.filter(action="candidate.created", subject_id=candidate.pk).exists()


def test_consent_in_the_future_is_refused_and_nothing_saved(world: World) -> None:
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    response = world.client("medewerker").post(
        reverse("matching:candidate_add"), _new(world, consent_given_on=tomorrow)
    )
    assert response.status_code == 400
    assert "consent_given_on" in response.context["form"].errors
    assert not Candidate.objects.exists() and not Person.objects.filter(last_name="El Amrani")


def test_a_look_alike_is_refused_unless_she_is_added_anyway(world: World) -> None:
    client = world.client("medewerker")
    assert client.post(reverse("matching:candidate_add"), _new(world)).status_code == 302
    again = client.post(reverse("matching:candidate_add"), _new(world))
    assert again.status_code == 400
    assert Candidate.objects.count() == 1
    anyway = client.post(reverse("matching:candidate_add"), _new(world, accept_duplicates="on"))
    assert anyway.status_code == 302
    assert Candidate.objects.count() == 2


def test_editing_changes_her_roles_at_the_version_she_opened(world: World) -> None:
    candidate = CandidateFactory(holder=world.own)
    CandidateRoleFactory(candidate=candidate, role=CareRole.HELPENDE)
    data = {
        "roles": ["verzorgende"],
        "municipality": str(candidate.municipality_id),
        "max_travel_km": "10",
        "route": "campagne",
        "version": str(candidate.version),
    }
    client = world.client("programmacoordinator")
    url = reverse("matching:candidate_edit", args=[candidate.pk])
    assert client.post(url, data).status_code == 302
    candidate.refresh_from_db()
    assert list(candidate.roles.values_list("role", flat=True)) == ["verzorgende"]
    assert (candidate.max_travel_km, candidate.route) == (10, "campagne")
    stale = client.post(url, {**data, "max_travel_km": "40"})
    assert stale.status_code == 409


def test_a_step_is_recorded_with_who_and_a_forbidden_one_refused(world: World) -> None:
    candidate = CandidateFactory(holder=world.own)
    client = world.client("medewerker")
    url = reverse("matching:candidate_step", args=[candidate.pk])
    today = timezone.localdate().isoformat()
    refused = client.post(url, {"stage": Stage.GEPLAATST, "on": today})
    assert refused.status_code == 400
    assert client.post(url, {"stage": Stage.INTAKE_GEPLAND, "on": today}).status_code == 302
    candidate.refresh_from_db()
    assert candidate.stage == Stage.INTAKE_GEPLAND
    step = candidate.stage_changes.get()
    assert step.by == world.users["medewerker"]


def test_a_referral_needs_the_organisation_and_a_stop_the_reason(world: World) -> None:
    candidate = CandidateFactory(holder=world.own, stage=Stage.INTAKE_GEHAD)
    client = world.client("medewerker")
    url = reverse("matching:candidate_step", args=[candidate.pk])
    today = timezone.localdate().isoformat()
    assert client.post(url, {"stage": Stage.DOORVERWEZEN, "on": today}).status_code == 400
    assert client.post(url, {"stage": Stage.GESTOPT, "on": today}).status_code == 400
    candidate.refresh_from_db()
    assert candidate.stage == Stage.INTAKE_GEHAD
    red_cross = OrganisationFactory(name="Rode Kruis Ready to Help")
    done = client.post(
        url, {"stage": Stage.DOORVERWEZEN, "on": today, "referred_to": str(red_cross.pk)}
    )
    assert done.status_code == 302
    assert candidate.stage_changes.get().referred_to == red_cross


def test_a_call_that_reached_her_takes_her_off_the_call_back_list(world: World) -> None:
    today = timezone.localdate()
    quiet = available_candidate(world.own, signed_up_on=today - dt.timedelta(weeks=20))
    assert quiet in callback_candidates(world.own.pk, today)
    response = world.client("medewerker").post(
        reverse("matching:candidate_call", args=[quiet.pk]),
        {"called_on": today.isoformat(), "outcome": "bereikt", "still_available": "ja"},
    )
    assert response.status_code == 302
    quiet.refresh_from_db()
    assert quiet.last_contact_on == today
    assert CallLog.objects.get(candidate=quiet).still_available is True
    assert quiet not in callback_candidates(world.own.pk, today)


def test_the_call_back_list_says_why(world: World) -> None:
    today = timezone.localdate()
    recent = today - dt.timedelta(days=3)
    fine = available_candidate(world.own, signed_up_on=recent, last_contact_on=recent)
    no_hours = available_candidate(world.own, signed_up_on=recent, last_contact_on=recent)
    no_hours.availability.update(valid_until=today - dt.timedelta(days=1))
    expired = available_candidate(
        world.own,
        signed_up_on=recent,
        last_contact_on=recent,
        valid_until=today - dt.timedelta(days=1),
    )
    quiet = available_candidate(world.own, last_contact_on=today - dt.timedelta(weeks=9))
    stopped = available_candidate(
        world.own, stage=Stage.GESTOPT, last_contact_on=today - dt.timedelta(weeks=30)
    )
    rows = {c.pk: c for c in callback_candidates(world.own.pk, today)}
    assert fine.pk not in rows and stopped.pk not in rows
    assert rows[no_hours.pk].availability_lapsed and not rows[no_hours.pk].quiet
    assert rows[expired.pk].qualification_lapsed and not rows[expired.pk].availability_lapsed
    assert rows[quiet.pk].quiet and not rows[quiet.pk].qualification_lapsed
    page = world.client("bedrijfsvoering").get(reverse("matching:callbacks"))
    assert page.status_code == 200
    assert {c.pk for c in page.context["candidates"]} == set(rows)


def test_a_qualification_ending_before_it_starts_is_refused(world: World) -> None:
    candidate = CandidateFactory(holder=world.own)
    response = world.client("medewerker").post(
        reverse("matching:qualification_add", args=[candidate.pk]),
        {"kind": "big", "valid_from": "2021-05-01", "valid_until": "2021-04-30"},
    )
    assert response.status_code == 400
    assert not Qualification.objects.exists()


def test_qualification_and_availability_are_added_shown_and_deleted(world: World) -> None:
    candidate = CandidateFactory(holder=world.own)
    client = world.client("medewerker")
    added = client.post(
        reverse("matching:qualification_add", args=[candidate.pk]),
        {"kind": "big", "reference": "19012345601", "valid_until": "2020-12-31"},
    )
    assert added.status_code == 302
    night = client.post(
        reverse("matching:availability_add", args=[candidate.pk]),
        {
            "weekdays": ["4", "5"],
            "start_time": "22:00",
            "end_time": "07:00",
            "valid_from": "2021-01-01",
        },
    )
    assert night.status_code == 302
    availability = candidate.availability.get()
    assert availability.weekdays == 0b0110000
    page = client.get(reverse("matching:candidate", args=[candidate.pk]))
    rows = page.context["qualifications"]
    assert rows[0].status == "expired"
    assert page.context["availability"][0].overnight
    qualification = candidate.qualifications.get()
    post_confirmed(client, reverse("matching:qualification_delete", args=[qualification.pk]))
    post_confirmed(client, reverse("matching:availability_delete", args=[availability.pk]))
    assert not candidate.qualifications.exists() and not candidate.availability.exists()


def test_another_organisation_never_reaches_her(world: World) -> None:
    candidate = available_candidate(world.own)
    outsider = world.client("outsider")
    assert outsider.get(reverse("matching:candidate", args=[candidate.pk])).status_code == 404
    assert outsider.get(reverse("matching:candidates")).context["candidates"] == []
    step = outsider.post(
        reverse("matching:candidate_step", args=[candidate.pk]),
        {"stage": Stage.GESTOPT, "on": timezone.localdate().isoformat(), "reason": "x"},
    )
    assert step.status_code == 404
    candidate.refresh_from_db()
    assert candidate.stage == Stage.INZETBAAR


def test_the_list_filters(world: World) -> None:
    carer = available_candidate(world.own, CareRole.VERZORGENDE)
    nurse = available_candidate(world.own, CareRole.VERPLEEGKUNDIGE, kind=QualificationKind.BIG)
    signed_up = CandidateFactory(holder=world.own, route="campagne")
    client = world.client("medewerker")
    url = reverse("matching:candidates")

    def shown(query: str) -> set[int]:
        return {c.pk for c in client.get(url + query).context["candidates"]}

    assert shown("?rol=verpleegkundige") == {nurse.pk}
    assert shown("?fase=aangemeld") == {signed_up.pk}
    assert shown("?route=campagne") == {signed_up.pk}
    assert shown("?beschikbaar=ja") == {carer.pk, nurse.pk}
    assert shown("?beschikbaar=ja&rol=verzorgende") == {carer.pk}
    assert shown("?fase=onzin") == {carer.pk, nurse.pk, signed_up.pk}


def _links() -> object:
    return next(links for links in registered() if links.name == "matching_candidates")


def test_her_export_holds_her_candidacy(world: World) -> None:
    candidate = available_candidate(world.own)
    CallLogFactory(candidate=candidate)
    rows = _links().export(candidate.person)  # type: ignore[attr-defined]
    assert len(rows) == 1
    assert rows[0]["roles"] == ["verzorgende"]
    assert rows[0]["calls"][0]["note"] == "Belt terug na de vakantie"
    assert rows[0]["availability"][0]["from"] == "08:00"


def test_erasure_keeps_the_candidate_without_her_and_the_counts(world: World) -> None:
    candidate = available_candidate(world.own, remarks="Werkte op de IC")
    candidate.qualifications.update(reference="BIG 19012345601")
    CallLogFactory(candidate=candidate)
    AvailabilityFactory(candidate=candidate)
    person = candidate.person
    assert person is not None
    person_erase(person, actor=None, remote_addr=None, reason="Toestemming ingetrokken")
    candidate.refresh_from_db()
    assert candidate.person is None
    assert candidate.erased_on == timezone.localdate()
    assert candidate.remarks == ""
    assert list(candidate.roles.values_list("role", flat=True)) == ["verzorgende"]
    assert candidate.qualifications.count() == 1
    assert candidate.qualifications.get().reference == ""
    assert candidate.calls.count() == 1 and candidate.calls.get().note == ""
    assert not Person.objects.filter(pk=person.pk).exists()
    page = world.client("medewerker").get(reverse("matching:candidate", args=[candidate.pk]))
    assert page.status_code == 200
    assert "Jansen" not in page.content.decode()
