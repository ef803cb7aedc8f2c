"""Permission-checking getters of the atlas (out of her sight -> 404) and who may change it.

Reads start from `visible_to`; a write asks `may_edit_atlas` with the record's holder, so
a funder's official, who may see a funded organisation's atlas, never changes it."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404

from koers.accounts.policy import Scope, has_capability, sees_names
from koers.accounts.roles import Capability
from koers.atlas.models import Collaboration, Initiative


def get_initiative_for_user(user: Any, pk: int) -> Initiative:
    return get_object_or_404(
        Initiative.objects.visible_to(user).select_related("municipality", "organisation"), pk=pk
    )


def get_collaboration_for_user(user: Any, pk: int) -> Collaboration:
    return get_object_or_404(
        Collaboration.objects.visible_to(user).select_related(
            "from_initiative", "from_organisation", "to_initiative", "to_organisation", "theme"
        ),
        pk=pk,
    )


def may_edit_atlas(user: Any, holder_id: int) -> bool:
    return has_capability(user, Capability.EDIT_ATLAS, Scope(organisation_id=holder_id))


def sees_persons_in_atlas(user: Any, holder_id: int) -> bool:
    """Contact persons and the persons central in the network: staff who may see persons
    only; funders' officials, the board and the public see organisations and initiatives."""
    return sees_names(user, holder_id)
