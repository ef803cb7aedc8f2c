"""Permission-checking getter of networks (out of her sight -> 404) and who may review one."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404

from koers.accounts.policy import Scope, has_capability
from koers.accounts.roles import Capability
from koers.relations.models import Network


def get_network_for_user(user: Any, pk: int) -> Network:
    return get_object_or_404(Network.objects.visible_to(user).select_related("programme"), pk=pk)


def may_review_network(user: Any, network: Network) -> bool:
    scope = Scope(organisation_id=network.holder_id, programme_id=network.programme_id)
    return has_capability(user, Capability.EDIT_PLAN, scope)
