"""Permission-checking getters of the pool (out of her sight -> 404) and who may change it.

Reads start from `visible_to` (staff of the holder with VIEW_MATCHING); a write asks
`may_manage_pool` with the record's holder. The pool's figures (counts, never names) are
also open to the board of the holder and to funders' officials of what the holder's
programmes are funded by (`figure_holders_visible_to`)."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404

from koers.accounts.policy import Scope, has_capability
from koers.accounts.roles import Capability
from koers.matching.models import Availability, Candidate, Qualification
from koers.plans.managers import holders_visible_to


def get_candidate_for_user(user: Any, pk: int) -> Candidate:
    return get_object_or_404(
        Candidate.objects.visible_to(user).select_related("person", "municipality", "holder"),
        pk=pk,
    )


def get_qualification_for_user(user: Any, pk: int) -> Qualification:
    return get_object_or_404(
        Qualification.objects.filter(
            candidate__in=Candidate.objects.visible_to(user)
        ).select_related("candidate", "candidate__person"),
        pk=pk,
    )


def get_availability_for_user(user: Any, pk: int) -> Availability:
    return get_object_or_404(
        Availability.objects.filter(
            candidate__in=Candidate.objects.visible_to(user)
        ).select_related("candidate", "candidate__person"),
        pk=pk,
    )


def may_manage_pool(user: Any, holder_id: int) -> bool:
    return has_capability(user, Capability.MANAGE_MATCHING, Scope(organisation_id=holder_id))


def sees_pool_records(user: Any, holder_id: int) -> bool:
    """Staff who may open the candidates (and so see names and links to lists)."""
    return has_capability(user, Capability.VIEW_MATCHING, Scope(organisation_id=holder_id))


def figure_holders_visible_to(user: Any) -> list[int]:
    """The holders whose pool figures `user` may see (`holders_visible_to`), in order."""
    return sorted(holders_visible_to(user, Capability.VIEW_MATCHING_FIGURES))
