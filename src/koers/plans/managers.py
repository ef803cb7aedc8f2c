"""Querysets with intent-named methods; `visible_to` is the read-side half of the policy.

The dependency goes one way: `plans.models` imports these, and this module never imports
`plans.models` (not even for type checking). A model it needs is looked up in the app
registry when a query is built; the querysets are generic in the model they hold.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from django.apps import apps
from django.db import models

from koers.accounts.policy import organisations_with
from koers.accounts.roles import FUNDER_ROLES, Capability

# The model a queryset holds: the type checker takes it from the model whose manager the
# queryset becomes (`objects = ProgrammeQuerySet.as_manager()`), so no model is named here.
_Row = TypeVar("_Row", bound=models.Model)


def _programme_visibility(user: Any, prefix: str = "") -> models.Q:
    """Q on Programme (through `prefix`) for what `user` may read: her own
    organisation's programmes, and the programmes funded by the funder she acts for."""
    own, funding = organisations_with(user, Capability.VIEW_PLANS)
    condition = models.Q(pk__in=[])
    if own:
        condition |= models.Q(**{f"{prefix}plan__organisation_id__in": own})
    if funding:
        programme = apps.get_model("plans", "Programme")
        funded = programme.funders.through.objects.filter(organisation_id__in=funding)
        condition |= models.Q(**{f"{prefix}pk__in": funded.values("programme_id")})
    return condition


class ProgrammeQuerySet(models.QuerySet[_Row], Generic[_Row]):
    def visible_to(self, user: Any) -> ProgrammeQuerySet[_Row]:
        return self.filter(_programme_visibility(user))

    def running_in(self, year: int) -> ProgrammeQuerySet[_Row]:
        """Programmes of a plan whose years include `year`."""
        return self.filter(plan__start_year__lte=year, plan__end_year__gte=year)


class ActivityQuerySet(models.QuerySet[_Row], Generic[_Row]):
    def visible_to(self, user: Any) -> ActivityQuerySet[_Row]:
        return self.filter(_programme_visibility(user, "programme__"))

    def for_year(self, year: int) -> ActivityQuerySet[_Row]:
        return self.filter(year=year)


class IndicatorQuerySet(models.QuerySet[_Row], Generic[_Row]):
    def visible_to(self, user: Any) -> IndicatorQuerySet[_Row]:
        return self.filter(_programme_visibility(user, "activity__programme__"))


class RealisationQuerySet(models.QuerySet[_Row], Generic[_Row]):
    def visible_to(self, user: Any) -> RealisationQuerySet[_Row]:
        return self.filter(_programme_visibility(user, "indicator__activity__programme__"))


class AmendmentQuerySet(models.QuerySet[_Row], Generic[_Row]):
    def visible_to(self, user: Any) -> AmendmentQuerySet[_Row]:
        return self.filter(_programme_visibility(user, "activity__programme__"))


class AnnualPlanQuerySet(models.QuerySet[_Row], Generic[_Row]):
    def visible_to(self, user: Any) -> AnnualPlanQuerySet[_Row]:
        own, funding = organisations_with(user, Capability.VIEW_PLANS)
        condition = models.Q(plan__organisation_id__in=own)
        if funding:
            condition |= models.Q(plan__programmes__funders__in=funding)
        return self.filter(pk__in=self.model._default_manager.filter(condition).values("pk"))


def _funder_name(author: str, programme: str) -> models.Subquery:
    """The name of the funder of `programme` for which `author` is an official (both outer
    references), or NULL: what tells a funder's comment from the organisation's."""
    from koers.accounts.models import Membership

    return models.Subquery(
        Membership.objects.filter(
            user_id=models.OuterRef(author),
            role__in=FUNDER_ROLES,
            organisation__funded_programmes=models.OuterRef(programme),
        )
        .order_by("organisation__name")
        .values("organisation__name")[:1]
    )


class ActivityCommentQuerySet(models.QuerySet[_Row], Generic[_Row]):
    def with_sides(self) -> ActivityCommentQuerySet[_Row]:
        """Each comment with `funder_name`: the funder its author spoke for, or None when
        she spoke for the organisation."""
        return self.annotate(funder_name=_funder_name("author_id", "activity__programme_id"))

    def open_questions(self) -> ActivityCommentQuerySet[_Row]:
        """Threads a funder started that nobody of the organisation has answered yet."""
        staff_answers = (
            self.model._default_manager.filter(parent_id=models.OuterRef("pk"))
            .annotate(funder_name=_funder_name("author_id", "activity__programme_id"))
            .filter(models.Q(funder_name__isnull=True))
        )
        return (
            self.filter(parent__isnull=True)
            .with_sides()
            .filter(models.Q(funder_name__isnull=False))
            .filter(~models.Exists(staff_answers))
        )
