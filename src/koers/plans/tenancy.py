"""How a funder's official is related to the organisations whose work she funds (for
`koers.accounts.tenancy`): her organisation funds one of their programmes or is the
funder of one of their plans."""

from __future__ import annotations

from koers.accounts.policy import Grant
from koers.accounts.roles import FUNDER_ROLES
from koers.plans.models import Plan, Programme


def funds(grant: Grant, organisation_id: int) -> bool:
    if grant.role not in FUNDER_ROLES:
        return False
    return (
        Programme.objects.filter(
            plan__organisation_id=organisation_id, funders=grant.organisation_id
        ).exists()
        or Plan.objects.filter(
            organisation_id=organisation_id, funder_id=grant.organisation_id
        ).exists()
    )
