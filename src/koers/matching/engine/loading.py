"""The matcher's problem from the database in a constant number of queries: the holder's
open shifts still to fill and her pool, as plain data (`koers.matching.engine.data`)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from koers.matching import clock
from koers.matching.distance import centres
from koers.matching.engine.data import (
    AvailabilityData,
    BusyData,
    CandidateData,
    Problem,
    QualificationData,
    ShiftData,
)
from koers.matching.models import (
    HOLDING_PLACEMENT,
    Availability,
    Candidate,
    CandidateRole,
    Placement,
    PlacementStatus,
    Proposal,
    ProposalStatus,
    Qualification,
    RequestStatus,
    Shift,
)

OPEN_REQUESTS = (RequestStatus.NIEUW, RequestStatus.OPEN)


def open_shifts(holder_id: int, now: dt.datetime) -> list[ShiftData]:
    """Shifts of the holder's open requests that start after `now` and still have places."""
    return _shift_data(
        Shift.objects.filter(
            request__holder_id=holder_id,
            request__status__in=OPEN_REQUESTS,
            starts_at__gt=now,
        )
    )


def shift_data(shift_id: int) -> ShiftData:
    """One shift as the rules see it, whatever its request's status (a change of proposal
    asks about the shift it is for)."""
    return _shift_data(Shift.objects.filter(pk=shift_id))[0]


def _shift_data(shifts: QuerySet[Shift]) -> list[ShiftData]:
    rows = (
        shifts.annotate(
            placed=Count("placements", filter=Q(placements__status__in=HOLDING_PLACEMENT))
        )
        .values_list(
            "id",
            "request_id",
            "request__requester_id",
            "request__role",
            "request__municipality__code",
            "starts_at",
            "ends_at",
            "people_needed",
            "placed",
            "request__priority",
            "request__required_qualifications",
        )
        .order_by("starts_at", "id")
    )
    return [
        ShiftData(
            id=pk,
            request_id=request_id,
            requester_id=requester_id,
            role=role,
            municipality=code,
            starts_at=timezone.localtime(starts),
            ends_at=timezone.localtime(ends),
            places=max(0, needed - placed),
            priority=priority,
            required=tuple(str(k) for k in required or ()),
        )
        for (
            pk,
            request_id,
            requester_id,
            role,
            code,
            starts,
            ends,
            needed,
            placed,
            priority,
            required,
        ) in rows
    ]


def pool(
    holder_id: int,
    now: dt.datetime,
    fairness_days: int,
    candidate_ids: list[int] | None = None,
) -> list[CandidateData]:
    """The holder's candidates (erased ones left out; only `candidate_ids` when given) with
    what the rules need."""
    held = Q(candidate__holder_id=holder_id, candidate__erased_on__isnull=True)
    if candidate_ids is not None:
        held &= Q(candidate_id__in=candidate_ids)
    roles: dict[int, set[str]] = defaultdict(set)
    for cid, role in CandidateRole.objects.filter(held).values_list("candidate_id", "role"):
        roles[cid].add(role)
    quals: dict[int, list[QualificationData]] = defaultdict(list)
    for cid, kind, since, until in Qualification.objects.filter(held).values_list(
        "candidate_id", "kind", "valid_from", "valid_until"
    ):
        quals[cid].append(QualificationData(kind, since, until))
    avail: dict[int, list[AvailabilityData]] = defaultdict(list)
    for cid, days, opens, closes, begins, ends in Availability.objects.filter(held).values_list(
        "candidate_id", "weekdays", "start_time", "end_time", "valid_from", "valid_until"
    ):
        avail[cid].append(AvailabilityData(days, opens, closes, begins, ends))
    busy: dict[int, list[BusyData]] = defaultdict(list)
    for cid, busy_from, busy_until in Placement.objects.filter(
        held, status__in=HOLDING_PLACEMENT, ends_at__gt=now
    ).values_list("candidate_id", "starts_at", "ends_at"):
        busy[cid].append(BusyData(timezone.localtime(busy_from), timezone.localtime(busy_until)))
    recent = dict(
        Proposal.objects.filter(held, run__requested_at__gte=now - dt.timedelta(days=fairness_days))
        .exclude(status=ProposalStatus.VERVALLEN)
        .values("candidate_id")
        .annotate(n=Count("id"))
        .values_list("candidate_id", "n")
    )
    worked: dict[int, set[int]] = defaultdict(set)
    for cid, requester in (
        Placement.objects.filter(held, status=PlacementStatus.PLAATSGEVONDEN)
        .values_list("candidate_id", "shift__request__requester_id")
        .distinct()
    ):
        worked[cid].add(requester)
    candidates = Candidate.objects.filter(holder_id=holder_id, erased_on__isnull=True)
    if candidate_ids is not None:
        candidates = candidates.filter(pk__in=candidate_ids)
    rows = candidates.values_list("id", "stage", "municipality__code", "max_travel_km")
    return [
        CandidateData(
            id=pk,
            stage=stage,
            municipality=code,
            max_travel_km=km,
            roles=frozenset(roles.get(pk, ())),
            qualifications=tuple(quals.get(pk, ())),
            availability=tuple(avail.get(pk, ())),
            busy=tuple(busy.get(pk, ())),
            recent_proposals=recent.get(pk, 0),
            worked_for=frozenset(worked.get(pk, ())),
        )
        for pk, stage, code, km in rows.order_by("id")
    ]


def load_problem(holder_id: int, now: dt.datetime | None = None) -> Problem:
    now = now or clock.now()
    days = settings.MATCHING_FAIRNESS_DAYS
    return Problem(
        candidates=pool(holder_id, now, days),
        shifts=open_shifts(holder_id, now),
        centres=centres(),
        fairness_days=days,
    )
