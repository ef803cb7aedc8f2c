"""How a care organisation's contact is related to the organisations that run matching
for it (for `koers.accounts.tenancy`): her organisation asked one of them for help."""

from __future__ import annotations

from koers.accounts.policy import Grant
from koers.accounts.roles import REQUESTER_ROLES
from koers.matching.models import HelpRequest


def asked_for_help(grant: Grant, organisation_id: int) -> bool:
    if grant.role not in REQUESTER_ROLES:
        return False
    return HelpRequest.objects.filter(
        holder_id=organisation_id, requester_id=grant.organisation_id
    ).exists()
