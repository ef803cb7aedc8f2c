"""What the placements' tests build: a candidate with her role, qualification and
availability; a request with its shifts; a run's proposal. Plain functions with the few
choices the tests make, so each test says what matters to it."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from koers.core.models import Municipality
from koers.directory.models import Person
from koers.matching.models import (
    ALL_WEEKDAYS,
    Availability,
    Candidate,
    CandidateRole,
    HelpRequest,
    Proposal,
    ProposalRun,
    Qualification,
    QualificationKind,
    Shift,
    Stage,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def almere() -> Municipality:
    found, _made = Municipality.objects.get_or_create(
        code="GM0034", defaults={"name": "Almere", "slug": "almere"}
    )
    return found


def urk() -> Municipality:
    found, _made = Municipality.objects.get_or_create(
        code="GM0184", defaults={"name": "Urk", "slug": "urk"}
    )
    return found


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=AMSTERDAM)


def candidate(
    world: Any,
    name: str = "Anna",
    *,
    role: str = "verpleegkundige",
    kinds: tuple[str, ...] = (QualificationKind.BIG,),
    valid_until: dt.date | None = None,
    stage: str = Stage.INZETBAAR,
    email: str | None = None,
    municipality: Municipality | None = None,
    max_travel_km: int = 25,
    available: tuple[dt.time, dt.time] = (dt.time(0, 0), dt.time(0, 0)),
    weekdays: int = ALL_WEEKDAYS,
) -> Candidate:
    person = Person.objects.create(
        holder=world.own,
        first_name=name,
        last_name="de Vries",
        email=f"{name.lower()}@voorbeeld.nl" if email is None else email,
        purpose="Extra handen",
    )
    made = Candidate.objects.create(
        holder=world.own,
        person=person,
        municipality=municipality or almere(),
        max_travel_km=max_travel_km,
        route="landelijke_website",
        stage=stage,
        stage_since=dt.date(2020, 4, 1),
        signed_up_on=dt.date(2020, 3, 20),
    )
    CandidateRole.objects.create(candidate=made, role=role)
    for kind in kinds:
        Qualification.objects.create(candidate=made, kind=kind, valid_until=valid_until)
    Availability.objects.create(
        candidate=made,
        weekdays=weekdays,
        start_time=available[0],
        end_time=available[1],
        valid_from=dt.date(2020, 1, 1),
    )
    return made


def help_request(
    world: Any,
    *,
    role: str = "verpleegkundige",
    required: tuple[str, ...] = (),
    people: int = 1,
    status: str = "open",
) -> HelpRequest:
    return HelpRequest.objects.create(
        holder=world.own,
        requester=world.care_org,
        role=role,
        people_needed=people,
        required_qualifications=list(required),
        municipality=almere(),
        address="Zorghotel, Lelystad",
        status=status,
    )


def shift(
    request: HelpRequest, starts_at: dt.datetime, ends_at: dt.datetime, people: int | None = None
) -> Shift:
    return Shift.objects.create(
        request=request,
        starts_at=starts_at,
        ends_at=ends_at,
        people_needed=people or request.people_needed,
    )


def proposal(world: Any, on: Shift, who: Candidate, score: float = 0.8) -> Proposal:
    run = ProposalRun.objects.filter(holder=world.own).first() or ProposalRun.objects.create(
        holder=world.own, status="klaar"
    )
    return Proposal.objects.create(
        run=run,
        shift=on,
        candidate=who,
        score=score,
        reasons=[
            {"code": "role", "role": on.request.role},
            {"code": "distance", "km": 0, "max_km": who.max_travel_km},
        ],
    )
