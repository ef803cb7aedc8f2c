"""Permission-checking getter of opportunities (out of her sight -> 404) and what she may
do with them. Staff of the holding organisation see and keep them; funders never do."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404

from koers.accounts.policy import Scope, has_capability, organisations_with
from koers.accounts.roles import Capability
from koers.relations.models import Opportunity


def holders_of(user: Any, capability: Capability = Capability.VIEW_PERSONS) -> set[int]:
    own, _funding = organisations_with(user, capability)
    return own


def get_opportunity_for_user(user: Any, pk: int) -> Opportunity:
    return get_object_or_404(
        Opportunity.objects.visible_to(user).select_related(
            "holder",
            "organisation",
            "contact",
            "programme",
            "owner",
            "project",
            "created_by",
            "current_quote",
        ),
        pk=pk,
    )


def may_edit_opportunity(user: Any, record: Opportunity) -> bool:
    return has_capability(user, Capability.EDIT_PERSONS, Scope(organisation_id=record.holder_id))


def may_win(actor: Any, opportunity: Opportunity) -> bool:
    """Winning creates a project, so it takes the right to add projects to the programme."""
    scope = Scope(organisation_id=opportunity.holder_id, programme_id=opportunity.programme_id)
    return has_capability(actor, Capability.MANAGE_PROJECTS, scope)
