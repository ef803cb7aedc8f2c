"""Querysets of matching with intent-named methods; `visible_to(user)` is the read-side half
of the policy, and every page, getter and download starts from it.

The pool is held by an organisation (CMO keeps Flevoland's). Its staff with
`VIEW_MATCHING` see it whole. Requests are seen, besides, by the prioritising official
(GGD/GHOR, her membership at the holder) and by the contact of the care organisation
that asked (her membership at that organisation, `REQUESTER_ROLES`). Funders and the
board see figures only, through the measures and the pool's counts, never these rows."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from django.db import models
from django.db.models import Q

from koers.accounts.policy import organisations_with
from koers.accounts.roles import Capability

_Row = TypeVar("_Row", bound=models.Model)


def pool_holders_visible_to(user: Any) -> set[int]:
    """The holders whose pool (candidates, their records, placements) `user` may see."""
    own, _funding = organisations_with(user, Capability.VIEW_MATCHING)
    return own


def requests_visible_to(user: Any, prefix: str = "") -> Q:
    """The requests `user` may see, as a condition (`prefix` reaches the request from
    another model, e.g. "shift__request__")."""
    staff = pool_holders_visible_to(user)
    prioritising, _ = organisations_with(user, Capability.PRIORITISE_REQUESTS)
    requesting, _ = organisations_with(user, Capability.REQUEST_HANDS)
    return Q(**{f"{prefix}holder_id__in": staff | prioritising}) | Q(
        **{f"{prefix}requester_id__in": requesting}
    )


class HeldByPoolQuerySet(models.QuerySet[_Row], Generic[_Row]):
    """Rows that carry `holder` themselves (candidates, trajectories, campaigns)."""

    def visible_to(self, user: Any) -> HeldByPoolQuerySet[_Row]:
        return self.filter(holder_id__in=pool_holders_visible_to(user))

    def held_by(self, organisation_id: int) -> HeldByPoolQuerySet[_Row]:
        return self.filter(holder_id=organisation_id)
