"""Who may take a shift instead of the proposed candidate (the "change" of a proposal).

The matcher's own eligibility lives with the engine; this is the same set of hard rules,
written simply for one shift at a time: a deployable stage, the request's role, the role's
qualification and every required one valid on the shift's date, an availability covering
the shift's weekday, hours (a night shift runs past midnight) and date, the travel distance,
and no holding placement of hers that overlaps the shift. The same function is the guard
of the change service, so the list and the write cannot disagree."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from koers.matching.distance import centres, km_between
from koers.matching.models import (
    HOLDING_PLACEMENT,
    Availability,
    Candidate,
    CandidateRole,
    Placement,
    Proposal,
    ProposalStatus,
    Qualification,
    Shift,
)
from koers.matching.pool import DEPLOYABLE_STAGES, availability_covers_q
from koers.matching.qualifying import qualifies_for_role_q, valid_on_q


def shift_day(shift: Shift) -> dt.date:
    """The date a shift counts on (its start, in local time)."""
    return timezone.localtime(shift.starts_at).date()


def overlapping_placements(candidate_id: int, starts_at: dt.datetime, ends_at: dt.datetime) -> Any:
    """Her holding placements whose time range overlaps [starts_at, ends_at)."""
    return Placement.objects.filter(
        candidate_id=candidate_id,
        status__in=HOLDING_PLACEMENT,
        starts_at__lt=ends_at,
        ends_at__gt=starts_at,
    )


def availability_covers_shift(availability: Any, shift: Shift) -> bool:
    """Whether one availability row covers the whole shift: its weekday, its hours and its
    period. A window whose end is at or before its start runs past midnight and belongs to
    the weekday it starts on, so a shift's morning may lie in the window of the evening
    before (available Sunday 22:00–16:00 covers Monday 07:00–15:00)."""
    start = timezone.localtime(shift.starts_at)
    end = timezone.localtime(shift.ends_at)
    overnight = availability.end_time <= availability.start_time
    anchors = [start.date() - dt.timedelta(1), start.date()] if overnight else [start.date()]
    for day in anchors:
        if not availability.weekdays & (1 << day.weekday()):
            continue
        if availability.valid_from > start.date() or (
            availability.valid_until is not None and availability.valid_until < end.date()
        ):
            continue
        opens = dt.datetime.combine(day, availability.start_time, tzinfo=start.tzinfo)
        closes_on = day + dt.timedelta(1) if overnight else day
        closes = dt.datetime.combine(closes_on, availability.end_time, tzinfo=start.tzinfo)
        if opens <= start and end <= closes:
            return True
    return False


def _candidates_for(shift: Shift) -> QuerySet[Candidate]:
    request = shift.request
    day = shift_day(shift)
    candidates = Candidate.objects.filter(
        holder_id=request.holder_id,
        person__isnull=False,
        stage__in=DEPLOYABLE_STAGES,
    ).filter(
        Exists(CandidateRole.objects.filter(candidate=OuterRef("pk"), role=request.role)),
        Exists(Availability.objects.filter(availability_covers_q(day), candidate=OuterRef("pk"))),
        qualifies_for_role_q(request.role, day),
        ~Exists(
            Placement.objects.filter(
                candidate=OuterRef("pk"),
                status__in=HOLDING_PLACEMENT,
                starts_at__lt=shift.ends_at,
                ends_at__gt=shift.starts_at,
            )
        ),
    )
    for kind in request.required_qualifications or []:
        valid = Qualification.objects.filter(valid_on_q(day), candidate=OuterRef("pk"), kind=kind)
        candidates = candidates.filter(Exists(valid))
    return candidates


@dataclass(frozen=True)
class Eligible:
    candidate: Candidate
    km: float

    @property
    def pk(self) -> int:
        return self.candidate.pk

    def __str__(self) -> str:
        return str(self.candidate)


def eligible_candidates(shift: Shift, *, excluding: Any = ()) -> list[Eligible]:
    """The holder's candidates who may take `shift` (see the module), nearest first, without
    those with an open proposal for it and those in `excluding` (ids). Three queries."""
    request = shift.request
    open_here = Proposal.objects.filter(
        shift=shift, candidate=OuterRef("pk"), status=ProposalStatus.VOORGESTELD
    )
    rows = (
        _candidates_for(shift)
        .filter(~Exists(open_here), ~Q(pk__in=list(excluding)))
        .select_related("person", "municipality")
        .prefetch_related(
            Prefetch("availability", queryset=Availability.objects.order_by("valid_from"))
        )
    )
    chosen = []
    table: dict[str, tuple[float, float]] | None = None
    for candidate in rows:
        if not any(availability_covers_shift(a, shift) for a in candidate.availability.all()):
            continue
        if table is None and candidate.municipality.code != request.municipality.code:
            table = centres()
        km = km_between(candidate.municipality.code, request.municipality.code, known=table)
        if km is None or km > candidate.max_travel_km:
            continue
        chosen.append(Eligible(candidate, round(km, 1)))
    chosen.sort(key=lambda e: (e.km, str(e)))
    return chosen
