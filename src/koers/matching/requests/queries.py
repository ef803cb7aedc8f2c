"""Read side of requests: the list with its figures counted in the database, and one
request's shifts with who is proposed and who is placed, in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, IntegerField, Min, OuterRef, Prefetch, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from koers.directory.models import Organisation
from koers.matching.models import (
    HOLDING_PLACEMENT,
    CandidateRole,
    HelpRequest,
    Placement,
    Proposal,
    ProposalStatus,
    Qualification,
    QualificationKind,
    Shift,
)
from koers.matching.qualifying import valid_kinds_on


def _per_request(rows: QuerySet[Any], value: Any) -> Subquery:
    return Subquery(
        rows.order_by().values("request_id").annotate(value=value).values("value")[:1],
        output_field=IntegerField(),
    )


def requests_for(user: Any) -> QuerySet[HelpRequest]:
    """The requests `user` may see, each with its shifts, places and placed people counted
    in the database (one query for a page of them)."""
    shifts = Shift.objects.filter(request_id=OuterRef("pk"))
    placed = Placement.objects.filter(
        shift__request_id=OuterRef("pk"), status__in=HOLDING_PLACEMENT
    )
    return (
        HelpRequest.objects.visible_to(user)
        .select_related("requester", "municipality")
        .annotate(
            shift_count=Coalesce(_per_request(shifts, Count("pk")), 0),
            places=Coalesce(_per_request(shifts, Sum("people_needed")), 0),
            first_start=Subquery(
                shifts.order_by().values("request_id").annotate(v=Min("starts_at")).values("v")[:1]
            ),
            placed_count=Coalesce(
                Subquery(
                    placed.order_by()
                    .values("shift__request_id")
                    .annotate(v=Count("pk"))
                    .values("v")[:1],
                    output_field=IntegerField(),
                ),
                0,
            ),
        )
    )


def requesters_of(rows: QuerySet[HelpRequest]) -> QuerySet[Organisation]:
    """The organisations that asked among `rows`, for the list's filter."""
    return Organisation.objects.filter(pk__in=rows.values("requester_id")).order_by("name")


@dataclass
class PersonOnShift:
    candidate_id: int
    name: str
    roles: list[str]
    qualifications: list[str]  # valid on the shift's date, as labels
    status: str  # the proposal's or the placement's status label
    score: float | None = None
    url: str = ""  # her page, for staff of the pool only


def page_of(url_name: str, *args: Any, query: str = "") -> str:
    """The address of a page of another part of matching, or "" while that part is not
    there (the pool's candidate page, the proposals): the link then is left out."""
    try:
        return reverse(url_name, args=args) + query
    except NoReverseMatch:
        return ""


@dataclass
class ShiftRow:
    shift: Shift
    placed: int
    placements: list[PersonOnShift] = field(default_factory=list)
    proposed: list[PersonOnShift] = field(default_factory=list)

    @property
    def open_places(self) -> int:
        return max(self.shift.people_needed - self.placed, 0)


def _person(candidate: Any, day: dt.date) -> tuple[str, list[str], list[str]]:
    name = str(candidate)
    roles = [role.get_role_display() for role in candidate.roles.all()]
    labels = dict(QualificationKind.choices)
    kinds = sorted(valid_kinds_on(candidate.qualifications.all(), day))
    return name, roles, [str(labels.get(kind, kind)) for kind in kinds]


def shift_rows(request: HelpRequest, *, with_people: bool, links: bool = False) -> list[ShiftRow]:
    """The request's shifts, each with its places filled; `with_people`: who is placed on
    it and who is proposed (name, roles, qualifications valid on the day; nothing else
    about them); `links`: with a link to each one's page (staff of the pool)."""
    shifts = list(request.shifts.all())
    rows = {shift.pk: ShiftRow(shift=shift, placed=0) for shift in shifts}
    holding = Placement.objects.filter(shift__request=request, status__in=HOLDING_PLACEMENT)
    if not with_people:
        counts = holding.order_by().values("shift_id").annotate(n=Count("pk"))
        for shift_id, count in counts.values_list("shift_id", "n"):
            rows[shift_id].placed = count
        return list(rows.values())
    people = [
        Prefetch("candidate__roles", queryset=CandidateRole.objects.order_by("role")),
        Prefetch("candidate__qualifications", queryset=Qualification.objects.order_by("kind")),
    ]
    for placement in holding.select_related("candidate__person").prefetch_related(*people):
        row = rows[placement.shift_id]
        row.placed += 1
        day = timezone.localtime(row.shift.starts_at).date()
        name, roles, kinds = _person(placement.candidate, day)
        row.placements.append(
            PersonOnShift(
                placement.candidate_id,
                name,
                roles,
                kinds,
                placement.get_status_display(),
                url=page_of("matching:candidate", placement.candidate_id) if links else "",
            )
        )
    proposals = (
        Proposal.objects.filter(shift__request=request, status=ProposalStatus.VOORGESTELD)
        .select_related("candidate__person")
        .prefetch_related(*people)
        .order_by("shift_id", "-score", "pk")
    )
    for proposal in proposals:
        row = rows[proposal.shift_id]
        day = timezone.localtime(row.shift.starts_at).date()
        name, roles, kinds = _person(proposal.candidate, day)
        row.proposed.append(
            PersonOnShift(
                proposal.candidate_id,
                name,
                roles,
                kinds,
                proposal.get_status_display(),
                proposal.score,
                url=page_of("matching:candidate", proposal.candidate_id) if links else "",
            )
        )
    return list(rows.values())


def qualification_labels(kinds: list[str]) -> list[str]:
    labels = dict(QualificationKind.choices)
    return [str(labels.get(kind, kind)) for kind in kinds]
