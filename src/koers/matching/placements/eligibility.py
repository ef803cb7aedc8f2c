"""Who may take a shift instead of the proposed candidate (the "change" of a proposal).

The hard rules are the matcher's (`koers.matching.engine.rules.judge`): a deployable stage,
the request's role, the role's qualification and every required one valid on the shift's
date, an availability covering the shift, the travel distance, and no holding placement of
hers that overlaps the shift. The same function is the guard of the change service, so the
list, the write and the matcher cannot disagree."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from koers.matching import clock
from koers.matching.distance import centres
from koers.matching.engine import loading
from koers.matching.engine.rules import judge
from koers.matching.models import (
    HOLDING_PLACEMENT,
    Candidate,
    Placement,
    Proposal,
    ProposalStatus,
    Shift,
)
from koers.matching.pool import DEPLOYABLE_STAGES


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
    """The holder's candidates who may take `shift`, nearest first, without those with an
    open proposal for it and those in `excluding` (ids).

    A query narrows the pool to deployable candidates in the request's role; the matcher's
    own pair check (`koers.matching.engine.rules.judge`) then decides on each, so this list,
    the change service and the matcher apply one set of hard rules."""
    request = shift.request
    open_here = Proposal.objects.filter(
        shift=shift, candidate=OuterRef("pk"), status=ProposalStatus.VOORGESTELD
    )
    narrowed = list(
        Candidate.objects.filter(
            holder_id=request.holder_id,
            person__isnull=False,
            stage__in=DEPLOYABLE_STAGES,
            roles__role=request.role,
        )
        .filter(~Exists(open_here), ~Q(pk__in=list(excluding)))
        .values_list("pk", flat=True)
    )
    if not narrowed:
        return []
    days = settings.MATCHING_FAIRNESS_DAYS
    table = centres()
    this_shift = loading.shift_data(shift.pk)
    km_of: dict[int, float] = {}
    for data in loading.pool(request.holder_id, clock.now(), days, candidate_ids=narrowed):
        judgement = judge(data, this_shift, table, days)
        if judgement.eligible and judgement.km is not None:
            km_of[data.id] = round(judgement.km, 1)
    rows = Candidate.objects.filter(pk__in=km_of).select_related("person", "municipality")
    chosen = [Eligible(candidate, km_of[candidate.pk]) for candidate in rows]
    chosen.sort(key=lambda e: (e.km, str(e)))
    return chosen
