"""The matcher's input as plain Python data: what it needs of candidates and shifts, loaded
by a few queries (`koers.matching.engine.loading`) or built by hand (tests, the bench), so
the engine never touches the database while it thinks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class QualificationData:
    kind: str
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None


@dataclass(frozen=True)
class AvailabilityData:
    """Weekdays as bits (Monday bit 0); an end at or before the start runs past midnight."""

    weekdays: int
    start_time: dt.time
    end_time: dt.time
    valid_from: dt.date
    valid_until: dt.date | None = None


@dataclass(frozen=True)
class BusyData:
    """A holding placement: her time from `starts_at` to `ends_at` is taken."""

    starts_at: dt.datetime
    ends_at: dt.datetime


@dataclass
class CandidateData:
    id: int
    stage: str
    municipality: str  # CBS code
    max_travel_km: int
    roles: frozenset[str]
    qualifications: tuple[QualificationData, ...] = ()
    availability: tuple[AvailabilityData, ...] = ()
    busy: tuple[BusyData, ...] = ()
    recent_proposals: int = 0  # proposals made to her in the fairness window
    worked_for: frozenset[int] = frozenset()  # requesters where a placement of hers took place


@dataclass
class ShiftData:
    """A shift to fill: times in the installation's local time (the wall clock the
    candidates' availability is written in); `places` is what is still open."""

    id: int
    request_id: int
    requester_id: int
    role: str
    municipality: str  # CBS code
    starts_at: dt.datetime
    ends_at: dt.datetime
    places: int
    priority: int | None = None  # None: not yet prioritised (matched at normal weight)
    required: tuple[str, ...] = ()


@dataclass
class Problem:
    candidates: list[CandidateData]
    shifts: list[ShiftData]
    centres: dict[str, tuple[float, float]]
    fairness_days: int = 30


@dataclass
class Assignment:
    shift_id: int
    candidate_id: int
    score: float
    reasons: list[dict] = field(default_factory=list)
