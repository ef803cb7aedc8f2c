"""Who sees which money: staff of the organisation see its grants and budgets; a funder's
official sees only the grants, budget lines and tables of her own organisation, never
another funder's. Views load every funding record through these getters (404 outside)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from koers.accounts.policy import Scope, has_capability, organisations_with
from koers.accounts.roles import Capability
from koers.funding.models import Advance, BudgetLine, BudgetTable, Grant


def grant_scope(grant: Grant) -> Scope:
    return Scope(organisation_id=grant.organisation_id, funder_ids=frozenset({grant.funder_id}))


def visible(user: Any, field_own: str, field_funder: str) -> Q:
    """Rows of organisations whose money `user` may see: her own, or funded by hers."""
    own, funding = organisations_with(user, Capability.VIEW_FUNDING)
    return Q(**{f"{field_own}__in": own}) | Q(**{f"{field_funder}__in": funding})


def grants_for(user: Any) -> QuerySet[Grant]:
    return Grant.objects.filter(visible(user, "organisation_id", "funder_id"))


def budget_lines_for(user: Any) -> QuerySet[BudgetLine]:
    return BudgetLine.objects.filter(visible(user, "organisation_id", "funder_id"))


def budget_tables_for(user: Any) -> QuerySet[BudgetTable]:
    return BudgetTable.objects.filter(visible(user, "organisation_id", "funder_id"))


def get_grant_for_user(
    user: Any, pk: int, capability: Capability = Capability.VIEW_FUNDING
) -> Grant:
    grant = get_object_or_404(grants_for(user).select_related("organisation", "funder"), pk=pk)
    if not has_capability(user, capability, grant_scope(grant)):
        raise PermissionDenied
    return grant


def get_advance_for_user(user: Any, pk: int, capability: Capability) -> Advance:
    advance = get_object_or_404(
        Advance.objects.filter(grant__in=grants_for(user)).select_related(
            "grant__organisation", "grant__funder"
        ),
        pk=pk,
    )
    if not has_capability(user, capability, grant_scope(advance.grant)):
        raise PermissionDenied
    return advance


def get_budget_table_for_user(user: Any, pk: int) -> BudgetTable:
    return get_object_or_404(budget_tables_for(user).select_related("funder"), pk=pk)
