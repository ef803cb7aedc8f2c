"""Permission-checking getter of contacts (out of her sight -> 404) and who may change one."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404

from koers.accounts.policy import organisations_with
from koers.accounts.roles import Capability
from koers.relations.models import Interaction


def get_interaction_for_user(user: Any, pk: int) -> Interaction:
    return get_object_or_404(
        Interaction.objects.visible_to(user).select_related("programme", "activity", "created_by"),
        pk=pk,
    )


def may_edit_contact(user: Any, interaction: Interaction) -> bool:
    own, _funding = organisations_with(user, Capability.EDIT_PERSONS)
    return interaction.holder_id in own
