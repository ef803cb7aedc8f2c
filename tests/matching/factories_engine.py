"""Rows for the engine's database tests: a nurse in the pool, a request with shifts."""

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
    Qualification,
    Shift,
)


def municipality(code: str = "GM0034", name: str = "Almere") -> Municipality:
    found, _made = Municipality.objects.get_or_create(
        code=code, defaults={"name": name, "slug": name.lower()}
    )
    return found


def nurse(world: Any, *, stage: str = "inzetbaar", **changes: Any) -> Candidate:
    today = timezone.localdate()
    values = {
        "holder": world.own,
        "municipality": municipality(),
        "route": "landelijke_website",
        "stage": stage,
        "stage_since": today,
        "signed_up_on": today,
    }
    values.update(changes)
    made = Candidate.objects.create(**values)
    CandidateRole.objects.create(candidate=made, role="verpleegkundige")
    Qualification.objects.create(candidate=made, kind="big")
    Availability.objects.create(
        candidate=made,
        start_time=dt.time(7),
        end_time=dt.time(23),
        valid_from=today - dt.timedelta(days=1),
    )
    return made


def request_with_shifts(
    world: Any, *, shifts: int = 1, people: int = 1, priority: int | None = 3, days_ahead: int = 3
) -> HelpRequest:
    made = HelpRequest.objects.create(
        holder=world.own,
        requester=world.care_org,
        role="verpleegkundige",
        people_needed=people,
        municipality=municipality(),
        priority=priority,
        status="open",
    )
    day = timezone.localdate() + dt.timedelta(days=days_ahead)
    tz = timezone.get_current_timezone()
    for k in range(shifts):
        start = dt.datetime.combine(day + dt.timedelta(days=k), dt.time(8), tzinfo=tz)
        Shift.objects.create(
            request=made,
            starts_at=start,
            ends_at=start + dt.timedelta(hours=8),
            people_needed=people,
        )
    return made
