"""The read side of placements: the permission-checking getters (404 outside her scope) and
the proposals page's rows, grouped by request and shift, counted in a fixed number of
queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from koers.matching.managers import pool_holders_visible_to
from koers.matching.models import (
    HOLDING_PLACEMENT,
    HelpRequest,
    Placement,
    Proposal,
    ProposalStatus,
    Shift,
)
from koers.matching.reasons import describe, is_against


def get_proposal_for_user(user: Any, pk: int) -> Proposal:
    found = (
        Proposal.objects.filter(pk=pk, shift__request__holder_id__in=pool_holders_visible_to(user))
        .select_related(
            "candidate__person",
            "shift__request__requester",
            "shift__request__municipality",
        )
        .first()
    )
    if found is None:
        raise Http404
    return found


def placements_visible_to(user: Any) -> QuerySet[Placement]:
    return Placement.objects.filter(
        shift__request__holder_id__in=pool_holders_visible_to(user)
    ).select_related("candidate__person", "shift__request__requester")


def get_placement_for_user(user: Any, pk: int) -> Placement:
    found = (
        placements_visible_to(user)
        .select_related("shift__request__municipality", "confirmed_by", "proposal")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404
    return found


@dataclass(frozen=True)
class ProposalRow:
    proposal: Proposal
    for_reasons: list[str]
    against_reasons: list[str]


@dataclass
class ShiftGroup:
    shift: Shift
    placed: int
    proposals: list[ProposalRow] = field(default_factory=list)

    @property
    def full(self) -> bool:
        return self.placed >= self.shift.people_needed


@dataclass
class RequestGroup:
    request: HelpRequest
    shifts: list[ShiftGroup] = field(default_factory=list)


def open_proposals(user: Any, request_id: int | None = None) -> list[RequestGroup]:
    """Open proposals she may see, by request (highest priority first) and shift (earliest
    first), each proposal with its reasons rendered; two queries whatever the number."""
    rows = Proposal.objects.filter(
        status=ProposalStatus.VOORGESTELD,
        shift__request__holder_id__in=pool_holders_visible_to(user),
    )
    if request_id is not None:
        rows = rows.filter(shift__request_id=request_id)
    proposals = list(
        rows.select_related(
            "candidate__person", "shift__request__requester", "shift__request__municipality"
        ).order_by(
            "shift__request__priority",
            "shift__request_id",
            "shift__starts_at",
            "shift_id",
            "-score",
            "pk",
        )
    )
    placed = dict(
        Shift.objects.filter(pk__in={p.shift_id for p in proposals})
        .annotate(held=Count("placements", filter=Q(placements__status__in=HOLDING_PLACEMENT)))
        .values_list("pk", "held")
    )
    groups: dict[int, RequestGroup] = {}
    shifts: dict[int, ShiftGroup] = {}
    for proposal in proposals:
        request = proposal.shift.request
        group = groups.setdefault(request.pk, RequestGroup(request))
        if proposal.shift_id not in shifts:
            shifts[proposal.shift_id] = ShiftGroup(proposal.shift, placed.get(proposal.shift_id, 0))
            group.shifts.append(shifts[proposal.shift_id])
        shifts[proposal.shift_id].proposals.append(
            ProposalRow(
                proposal,
                [describe(r) for r in proposal.reasons if not is_against(r)],
                [describe(r) for r in proposal.reasons if is_against(r)],
            )
        )
    # Highest priority first; a request not yet prioritised counts as normal.
    return sorted(groups.values(), key=lambda g: (-(g.request.priority or 2), g.request.pk))


def get_request_for_proposals(user: Any, pk: int) -> HelpRequest:
    found = (
        HelpRequest.objects.filter(pk=pk, holder_id__in=pool_holders_visible_to(user))
        .select_related("requester")
        .first()
    )
    if found is None:
        raise Http404
    return found
