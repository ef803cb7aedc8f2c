"""Querysets with intent-named methods; `visible_to` is the read-side half of the policy."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models

from koers.accounts.policy import organisations_with
from koers.accounts.roles import Capability

if TYPE_CHECKING:
    from koers.plans.models import (  # noqa: F401 - named in the QuerySet[...] strings below
        Activity,
        AnnualPlan,
        Indicator,
        Programme,
    )


def _programme_visibility(user: Any, prefix: str = "") -> models.Q:
    """Q on Programme (through `prefix`) for what `user` may read: her own
    organisation's programmes, and the programmes funded by the funder she acts for."""
    own, funding = organisations_with(user, Capability.VIEW_PLANS)
    condition = models.Q(pk__in=[])
    if own:
        condition |= models.Q(**{f"{prefix}plan__organisation_id__in": own})
    if funding:
        from koers.plans.models import Programme

        funded = Programme.funders.through.objects.filter(organisation_id__in=funding)
        condition |= models.Q(**{f"{prefix}pk__in": funded.values("programme_id")})
    return condition


class ProgrammeQuerySet(models.QuerySet["Programme"]):
    def visible_to(self, user: Any) -> ProgrammeQuerySet:
        return self.filter(_programme_visibility(user))


class ActivityQuerySet(models.QuerySet["Activity"]):
    def visible_to(self, user: Any) -> ActivityQuerySet:
        return self.filter(_programme_visibility(user, "programme__"))

    def for_year(self, year: int) -> ActivityQuerySet:
        return self.filter(year=year)


class IndicatorQuerySet(models.QuerySet["Indicator"]):
    def visible_to(self, user: Any) -> IndicatorQuerySet:
        return self.filter(_programme_visibility(user, "activity__programme__"))


class AnnualPlanQuerySet(models.QuerySet["AnnualPlan"]):
    def visible_to(self, user: Any) -> AnnualPlanQuerySet:
        own, funding = organisations_with(user, Capability.VIEW_PLANS)
        condition = models.Q(plan__organisation_id__in=own)
        if funding:
            condition |= models.Q(plan__programmes__funders__in=funding)
        return self.filter(pk__in=self.model._default_manager.filter(condition).values("pk"))
