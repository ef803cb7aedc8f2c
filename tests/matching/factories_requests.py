"""Requests, shifts, candidates, proposals and placements for the requests' tests, made
directly (the services' own tests make them through the services)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.utils import timezone

from koers.core.models import Municipality
from koers.matching.models import (
    Candidate,
    CandidateRole,
    CareRole,
    HelpRequest,
    Placement,
    Proposal,
    ProposalRun,
    Qualification,
    QualificationKind,
    Route,
    Shift,
)
from tests.directory.factories import PersonFactory


def almere() -> Municipality:
    found, _made = Municipality.objects.get_or_create(
        code="GM0034", defaults={"name": "Almere", "slug": "almere"}
    )
    return found


def moment(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


NIGHT = dt.date(2021, 3, 12)


def a_request(
    world: Any,
    *,
    holder: Any = None,
    requester: Any = None,
    role: str = CareRole.VERPLEEGKUNDIGE,
    people: int = 2,
    days: Sequence[dt.date] = (NIGHT,),
    **values: Any,
) -> HelpRequest:
    """A request of the care organisation kept by the world's own organisation, with a
    night shift (22:00–07:00) on each of `days`."""
    record = HelpRequest.objects.create(
        holder=holder or world.own,
        requester=requester or world.care_org,
        role=role,
        people_needed=people,
        municipality=almere(),
        **values,
    )
    for day in days:
        Shift.objects.create(
            request=record,
            starts_at=moment(day, 22),
            ends_at=moment(day + dt.timedelta(days=1), 7),
            people_needed=people,
        )
    return record


def a_candidate(
    world: Any,
    *,
    first_name: str = "Fenna",
    last_name: str = "Visser",
    qualifications: Sequence[tuple[str, dt.date | None]] = ((QualificationKind.BIG, None),),
    holder: Any = None,
) -> Candidate:
    holder = holder or world.own
    person = PersonFactory(
        holder=holder,
        first_name=first_name,
        last_name=last_name,
        email=f"{first_name.lower()}@voorbeeld.nl",
        phone="06-12345678",
    )
    candidate = Candidate.objects.create(
        holder=holder,
        person=person,
        municipality=almere(),
        route=Route.LANDELIJKE_WEBSITE,
        stage_since=dt.date(2021, 1, 5),
        signed_up_on=dt.date(2021, 1, 5),
    )
    CandidateRole.objects.create(candidate=candidate, role=CareRole.VERPLEEGKUNDIGE)
    for kind, until in qualifications:
        Qualification.objects.create(
            candidate=candidate, kind=kind, reference="19012345601", valid_until=until
        )
    return candidate


def propose(shift: Shift, candidate: Candidate, score: float = 0.8) -> Proposal:
    run = ProposalRun.objects.create(holder=shift.request.holder)
    return Proposal.objects.create(run=run, shift=shift, candidate=candidate, score=score)


def place(shift: Shift, candidate: Candidate) -> Placement:
    return Placement.objects.create(
        shift=shift, candidate=candidate, starts_at=shift.starts_at, ends_at=shift.ends_at
    )
