"""Records the public side's and the trajectories' tests need: municipalities, candidates
with a person and an availability, and trajectories (part 5's own; the pool's factories
live in tests/matching/factories.py when that part is merged)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from koers.core.models import Municipality
from koers.core.privacy import LawfulBasis
from koers.directory.models import Person
from koers.matching.models import (
    ALL_WEEKDAYS,
    Availability,
    Candidate,
    CandidateRole,
    Route,
    Stage,
    Trajectory,
    TrajectoryKind,
)


def almere() -> Municipality:
    found, _made = Municipality.objects.get_or_create(
        code="GM0034", defaults={"name": "Almere", "slug": "almere"}
    )
    return found


def lelystad() -> Municipality:
    found, _made = Municipality.objects.get_or_create(
        code="GM0995", defaults={"name": "Lelystad", "slug": "lelystad"}
    )
    return found


def a_person(holder: Any, n: int = 0, email: str | None = None) -> Person:
    return Person.objects.create(
        holder=holder,
        first_name="Fatima",
        last_name=f"de Vries {n}",
        email=f"kandidaat{n}@voorbeeld.nl" if email is None else email,
        purpose="Extra handen",
        lawful_basis=LawfulBasis.CONSENT,
        consent_given_on=dt.date(2021, 1, 4),
    )


def a_candidate(
    holder: Any,
    n: int = 0,
    *,
    stage: str = Stage.INZETBAAR,
    available_until: dt.date | None = None,
    available: bool = True,
    last_contact_on: dt.date | None = None,
    stage_since: dt.date | None = None,
    email: str | None = None,
) -> Candidate:
    today = timezone.localdate()
    candidate = Candidate.objects.create(
        holder=holder,
        person=a_person(holder, n, email),
        municipality=almere(),
        route=Route.LANDELIJKE_WEBSITE,
        stage=stage,
        stage_since=stage_since or today - dt.timedelta(days=7),
        signed_up_on=today - dt.timedelta(days=400),
        last_contact_on=last_contact_on,
    )
    CandidateRole.objects.create(candidate=candidate, role="verzorgende")
    if available:
        Availability.objects.create(
            candidate=candidate,
            weekdays=ALL_WEEKDAYS,
            start_time=dt.time(7),
            end_time=dt.time(15),
            valid_from=today - dt.timedelta(days=400),
            valid_until=available_until,
        )
    return candidate


def a_trajectory(holder: Any, n: int = 0, **values: Any) -> Trajectory:
    defaults: dict[str, Any] = {
        "kind": TrajectoryKind.STERK_IN_JE_WERK,
        "started_on": dt.date(2021, 3, 1),
        "person": a_person(holder, 1000 + n),
    }
    return Trajectory.objects.create(holder=holder, **{**defaults, **values})
