"""Permission-checked getters for funding records: views load every grant, advance and
budget table through these (404 outside what `visible_to(user)` shows her, 403 when she
sees it but may not do what is asked). Who sees which money is the querysets' rule
(`koers.funding.managers`)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from koers.accounts.policy import Scope, has_capability, organisations_with
from koers.accounts.roles import Capability
from koers.funding.models import Advance, BudgetTable, EarmarkedReserve, Grant, Risk


def grant_scope(grant: Grant) -> Scope:
    return Scope(organisation_id=grant.organisation_id, funder_ids=frozenset({grant.funder_id}))


def require_manage_funding(actor: Any, scope: Scope) -> None:
    """PermissionDenied unless `actor` manages the money of `scope` (every funding write)."""
    if not has_capability(actor, Capability.MANAGE_FUNDING, scope):
        raise PermissionDenied


def get_grant_for_user(
    user: Any, pk: int, capability: Capability = Capability.VIEW_FUNDING
) -> Grant:
    grant = get_object_or_404(
        Grant.objects.visible_to(user).select_related("organisation", "funder"), pk=pk
    )
    if not has_capability(user, capability, grant_scope(grant)):
        raise PermissionDenied
    return grant


def get_advance_for_user(user: Any, pk: int, capability: Capability) -> Advance:
    advance = get_object_or_404(
        Advance.objects.visible_to(user).select_related("grant__organisation", "grant__funder"),
        pk=pk,
    )
    if not has_capability(user, capability, grant_scope(advance.grant)):
        raise PermissionDenied
    return advance


def get_budget_table_for_user(user: Any, pk: int) -> BudgetTable:
    return get_object_or_404(BudgetTable.objects.visible_to(user).select_related("funder"), pk=pk)


def get_reserve_for_user(
    user: Any, pk: int, capability: Capability = Capability.MANAGE_FUNDING
) -> EarmarkedReserve:
    """An earmarked reserve of an organisation whose staff she is with `capability` (404
    otherwise), like the risk register it stands beside."""
    own, _funding = organisations_with(user, capability)
    return get_object_or_404(EarmarkedReserve, pk=pk, organisation_id__in=own)


def get_risk_for_user(user: Any, pk: int, capability: Capability = Capability.VIEW_FUNDING) -> Risk:
    """A risk of an organisation whose staff she is with `capability` (404 otherwise): the
    register is the organisation's own, funders' officials see none of it."""
    own, _funding = organisations_with(user, capability)
    return get_object_or_404(
        Risk.objects.with_expected_impact().select_related("programme"),
        pk=pk,
        organisation_id__in=own,
    )
