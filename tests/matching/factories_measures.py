"""Small builders for the measures' tests: a candidate of a pool with what she needs to
count (role, qualification, availability, funnel steps), written plainly through the ORM."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from koers.core.models import Municipality
from koers.matching.models import (
    Availability,
    Candidate,
    CandidateRole,
    HelpRequest,
    Placement,
    PlacementStatus,
    Qualification,
    QualificationKind,
    Route,
    Shift,
    Stage,
    StageChange,
    Trajectory,
    TrajectoryKind,
)


def almere() -> Municipality:
    municipality, _ = Municipality.objects.get_or_create(
        code="GM0034", defaults={"name": "Almere", "slug": "almere"}
    )
    return municipality


def candidate(
    holder: Any,
    *,
    stage: str = Stage.INZETBAAR,
    signed_up_on: dt.date = dt.date(2021, 1, 4),
    role: str | None = None,
    qualification: str | None = None,
    qualified_until: dt.date | None = None,
    available_from: dt.date | None = dt.date(2021, 1, 1),
    available_until: dt.date | None = None,
) -> Candidate:
    """A candidate; with `role` she holds it, with `qualification` that kind of paper, and
    with `available_from` an availability from then until `available_until`."""
    row = Candidate.objects.create(
        holder=holder,
        municipality=almere(),
        route=Route.LANDELIJKE_WEBSITE,
        stage=stage,
        stage_since=signed_up_on,
        signed_up_on=signed_up_on,
    )
    if role:
        CandidateRole.objects.create(candidate=row, role=role)
    if qualification:
        Qualification.objects.create(candidate=row, kind=qualification, valid_until=qualified_until)
    if available_from:
        Availability.objects.create(
            candidate=row,
            start_time=dt.time(7),
            end_time=dt.time(15),
            valid_from=available_from,
            valid_until=available_until,
        )
    return row


def nurse(holder: Any, **values: Any) -> Candidate:
    return candidate(holder, role="verpleegkundige", qualification=QualificationKind.BIG, **values)


def step(row: Candidate, stage: str, on: dt.date, **values: Any) -> StageChange:
    return StageChange.objects.create(candidate=row, stage=stage, on=on, **values)


def at(day: dt.date, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=timezone.get_current_timezone())


def placement(
    row: Candidate,
    requester: Any,
    starts_at: dt.datetime,
    *,
    hours: int = 8,
    status: str = PlacementStatus.BEVESTIGD,
) -> Placement:
    request = HelpRequest.objects.create(
        holder=row.holder, requester=requester, role="verzorgende", municipality=almere()
    )
    ends_at = starts_at + dt.timedelta(hours=hours)
    shift = Shift.objects.create(request=request, starts_at=starts_at, ends_at=ends_at)
    return Placement.objects.create(
        shift=shift, candidate=row, starts_at=starts_at, ends_at=ends_at, status=status
    )


def trajectory(
    holder: Any,
    started_on: dt.date,
    *,
    kind: str = TrajectoryKind.STERK_IN_JE_WERK,
    outcome: str = "lopend",
) -> Trajectory:
    return Trajectory.objects.create(
        holder=holder, kind=kind, started_on=started_on, outcome=outcome
    )
