"""Querysets of the atlas with intent-named methods; `visible_to(user)` is the read-side half
of the policy, and every page, getter and download starts from it.

An atlas is held by an organisation (CMO keeps Flevoland's). Its staff with the capability
see it whole; a funder's official sees the atlases of the organisations whose programmes
her organisation funds: initiatives and organisations, never persons (`sees_names`)."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from django.apps import apps
from django.db import models
from django.db.models import Q

from koers.accounts.policy import organisations_with
from koers.accounts.roles import Capability

_Row = TypeVar("_Row", bound=models.Model)


def atlas_holders_visible_to(user: Any, field: str = "holder_id") -> Q:
    """The holders whose atlas `user` may see, as a condition on `field` (`holder_id` of
    the atlas's rows; `pk` to select the holding organisations themselves): her own
    organisations as staff, and those whose programmes her organisation funds."""
    own, funding = organisations_with(user, Capability.VIEW_ATLAS)
    condition = Q(**{f"{field}__in": own})
    if funding:
        programme = apps.get_model("plans", "Programme")
        funded = programme.funders.through.objects.filter(organisation_id__in=funding)
        condition |= Q(**{f"{field}__in": funded.values("programme__plan__organisation_id")})
    return condition


class HeldByAtlasQuerySet(models.QuerySet[_Row], Generic[_Row]):
    def visible_to(self, user: Any) -> HeldByAtlasQuerySet[_Row]:
        return self.filter(atlas_holders_visible_to(user))

    def held_by(self, organisation_id: int) -> HeldByAtlasQuerySet[_Row]:
        return self.filter(holder_id=organisation_id)
