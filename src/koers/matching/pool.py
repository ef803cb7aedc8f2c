"""Who is available: the one definition behind the pool page's counters and the derived
measures ("Tenminste 10 beschikbare verzorgenden in het bestand" counts itself with it).

A candidate is available for a role on a day when she is in a deployable stage (deployable,
proposed or placed: not signed up only, not referred, not stopped), has that role, has one
of the role's qualifications valid that day (`koers.matching.qualifying`), has an
availability whose period covers the day, and is not booked that day (a confirmed placement
overlapping it: she cannot be asked for that day, so a confirmation moves the counter).
Everything is counted in the database."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from koers.matching.models import (
    HOLDING_PLACEMENT,
    Availability,
    Candidate,
    CandidateRole,
    CareRole,
    Placement,
    Stage,
)
from koers.matching.qualifying import ROLE_QUALIFICATIONS, qualifies_for_role_q

DEPLOYABLE_STAGES = (Stage.INZETBAAR, Stage.VOORGESTELD, Stage.GEPLAATST)


def availability_covers_q(day: dt.date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}valid_from__lte": day}) & (
        Q(**{f"{prefix}valid_until__isnull": True}) | Q(**{f"{prefix}valid_until__gte": day})
    )


def not_booked_q(day: dt.date, candidate: str = "pk") -> Q:
    """Candidates without a holding placement overlapping `day` (local time)."""
    start = timezone.make_aware(dt.datetime.combine(day, dt.time.min))
    booked = Placement.objects.filter(
        candidate=OuterRef(candidate),
        status__in=HOLDING_PLACEMENT,
        starts_at__lt=start + dt.timedelta(days=1),
        ends_at__gt=start,
    )
    return ~Q(Exists(booked))


def available_candidates(
    holder_id: int, day: dt.date, role: str | None = None
) -> QuerySet[Candidate]:
    """The holder's candidates available on `day` (for `role`, when given)."""
    available = Availability.objects.filter(availability_covers_q(day), candidate=OuterRef("pk"))
    candidates = Candidate.objects.filter(
        not_booked_q(day), Exists(available), holder_id=holder_id, stage__in=DEPLOYABLE_STAGES
    )
    if role is None:
        return candidates
    has_role = CandidateRole.objects.filter(candidate=OuterRef("pk"), role=role)
    return candidates.filter(Exists(has_role)).filter(qualifies_for_role_q(role, day))


def available_by_role(holder_id: int, day: dt.date) -> dict[str, int]:
    """{role: candidates available for it on `day`}, every role present (0 when none), in
    one query: roles without a qualification rule are counted from the role rows, the rest
    with a condition per role."""
    available = Availability.objects.filter(
        availability_covers_q(day), candidate=OuterRef("candidate")
    )
    rows = CandidateRole.objects.filter(
        not_booked_q(day, "candidate"),
        Exists(available),
        candidate__holder_id=holder_id,
        candidate__stage__in=DEPLOYABLE_STAGES,
    )
    counts = rows.aggregate(
        **{
            role: Count(
                "candidate",
                filter=Q(role=role) & _qualified_row_q(role, day),
                distinct=True,
            )
            for role in CareRole.values
        }
    )
    return {role: counts[role] or 0 for role in CareRole.values}


def _qualified_row_q(role: str, day: dt.date) -> Q:
    from koers.matching.models import Qualification
    from koers.matching.qualifying import valid_on_q

    needed = ROLE_QUALIFICATIONS.get(role)
    if not needed:
        return Q()
    valid = Qualification.objects.filter(
        valid_on_q(day), candidate=OuterRef("candidate"), kind__in=needed
    )
    return Q(Exists(valid))
