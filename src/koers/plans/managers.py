"""Querysets with intent-named methods; `visible_to` is the read-side half of the policy.

The dependency goes one way: `plans.models` imports these, and this module never imports
`plans.models` (not even for type checking). A model it needs is looked up in the app
registry when a query is built; the querysets are generic in the model they hold.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from django.apps import apps
from django.db import connection, models
from django.db.models.expressions import RawSQL

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


def holders_visible_to(user: Any, capability: Capability) -> set[int]:
    """The organisations whose records of `capability` `user` may see: her own (staff and
    the board) and, for a funder's official, those whose programmes her organisation funds.
    The apps' figure pages (atlas, matching, signals) start from this one rule."""
    own, funding = organisations_with(user, capability)
    holders = set(own)
    if funding:
        programme = apps.get_model("plans", "Programme")
        holders |= set(
            programme.funders.through.objects.filter(organisation_id__in=funding).values_list(
                "programme__plan__organisation_id", flat=True
            )
        )
    return holders


class ProgrammeQuerySet(models.QuerySet[_Row], Generic[_Row]):
    def visible_to(self, user: Any) -> ProgrammeQuerySet[_Row]:
        return self.filter(_programme_visibility(user))

    def running_in(self, year: int) -> ProgrammeQuerySet[_Row]:
        """Programmes of a plan whose years include `year`."""
        return self.filter(plan__start_year__lte=year, plan__end_year__gte=year)


# Who sees which goal tree. A goal tree belongs to its funder. The executing organisation's
# staff see every tree their programmes and activities serve (they work towards it); a
# funder's official sees her own organisation's trees, and never another funder's, not even
# where a programme she funds serves it too: that funder's goals, and how its tree is
# built, are not hers to see. The goal pages, the goal list and every link to a goal
# (programme and activity pages) follow the same rule.
#
# A tree has no fixed depth, so the database walks it: one recursive query goes up from the
# goals her organisations' programmes and activities serve to their roots, adds the roots of
# the funders she acts for, and comes down again to every goal below those roots.
_VISIBLE_GOALS_SQL = """
WITH RECURSIVE
  served_up(id, parent_id) AS (
    SELECT id, parent_id FROM {goal} WHERE {served}
    UNION
    SELECT g.id, g.parent_id FROM {goal} g JOIN served_up s ON g.id = s.parent_id
  ),
  visible(id) AS (
    SELECT id FROM {goal}
    WHERE parent_id IS NULL AND (id IN (SELECT id FROM served_up) OR {funders})
    UNION
    SELECT g.id FROM {goal} g JOIN visible v ON g.parent_id = v.id
  )
SELECT id FROM visible
"""


def _sql_of(queryset: models.QuerySet[Any]) -> tuple[str, tuple[Any, ...]]:
    sql, params = queryset.query.sql_with_params()
    return sql, tuple(params)


class GoalQuerySet(models.QuerySet[_Row], Generic[_Row]):
    def visible_to(self, user: Any) -> GoalQuerySet[_Row]:
        """Every goal of the trees `user` may see (the rule above), in one query."""
        own, funding = organisations_with(user, Capability.VIEW_PLANS)
        if not own and not funding:
            return self.none()
        goals = self.model._default_manager.order_by()
        goal_table = connection.ops.quote_name(self.model._meta.db_table)
        served, params = "1 = 0", ()
        if own:
            by_programme, programme_params = _sql_of(
                goals.filter(programmes__plan__organisation_id__in=own).values("pk")
            )
            by_activity, activity_params = _sql_of(
                goals.filter(activities__programme__plan__organisation_id__in=own).values("pk")
            )
            served = f"id IN ({by_programme} UNION {by_activity})"
            params = (*programme_params, *activity_params)
        funders = sorted(funding)
        sql = _VISIBLE_GOALS_SQL.format(
            goal=goal_table,
            served=served,
            funders=f"funder_id IN ({', '.join(['%s'] * len(funders))})" if funders else "1 = 0",
        )
        # Only a quoted table name and SQL compiled by the ORM are formatted in; every value
        # is a parameter.
        return self.filter(pk__in=RawSQL(sql, (*params, *funders)))  # noqa: S611


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
