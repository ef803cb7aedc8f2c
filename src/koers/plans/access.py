"""Permission-checking getters: the only way views load plan objects.

Out of the user's sight → 404 (the object's existence is not confirmed); visible but
not hers to change → 403.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from koers.accounts.policy import Scope, has_capability
from koers.accounts.roles import Capability
from koers.directory.models import Organisation
from koers.plans.models import (
    Activity,
    ActivityPartner,
    Amendment,
    AnnualPlan,
    AnnualPlanStatus,
    Goal,
    Indicator,
    Milestone,
    MultiYearResult,
    MultiYearTarget,
    Plan,
    Programme,
    Realisation,
    StandingTask,
    TacticalGoal,
)

ProgrammePart = TypeVar(
    "ProgrammePart", TacticalGoal, StandingTask, MultiYearResult, MultiYearTarget
)


def programme_scope(programme: Programme) -> Scope:
    # Cached on the instance: views ask several questions about the same programme.
    funders = programme.__dict__.get("_funder_ids")
    if funders is None:
        funders = frozenset(programme.funders.values_list("id", flat=True))
        programme.__dict__["_funder_ids"] = funders
    return Scope(
        organisation_id=programme.plan.organisation_id,
        programme_id=programme.pk,
        funder_ids=funders,
    )


def can(user: Any, capability: Capability, programme: Programme) -> bool:
    return has_capability(user, capability, programme_scope(programme))


def require(user: Any, capability: Capability, programme: Programme) -> None:
    if not can(user, capability, programme):
        raise PermissionDenied


def _funders_prefetch(prefix: str = "") -> Prefetch[Any]:
    return Prefetch(f"{prefix}funders", queryset=Organisation.objects.only("id", "name"))


def get_programme_for_user(
    user: Any, pk: int, capability: Capability = Capability.VIEW_PLANS
) -> Programme:
    programme = get_object_or_404(
        Programme.objects.visible_to(user)
        .select_related("plan__organisation", "coordinator")
        .prefetch_related(_funders_prefetch()),
        pk=pk,
    )
    programme.__dict__["_funder_ids"] = frozenset(f.pk for f in programme.funders.all())
    require(user, capability, programme)
    return programme


def get_activity_for_user(
    user: Any, pk: int, capability: Capability = Capability.VIEW_PLANS
) -> Activity:
    activity = get_object_or_404(
        Activity.objects.visible_to(user).select_related(
            "programme__plan__organisation", "line", "owner"
        ),
        pk=pk,
    )
    require(user, capability, activity.programme)
    return activity


def get_indicator_for_user(
    user: Any, pk: int, capability: Capability = Capability.VIEW_PLANS
) -> Indicator:
    indicator = get_object_or_404(
        Indicator.objects.visible_to(user).select_related(
            "activity__programme__plan__organisation", "activity__line"
        ),
        pk=pk,
    )
    require(user, capability, indicator.activity.programme)
    return indicator


def get_realisation_for_user(user: Any, pk: int) -> Realisation:
    """A realisation its recorder, or someone who may edit the plan, may change."""
    realisation = get_object_or_404(
        Realisation.objects.visible_to(user).select_related("indicator__activity__programme__plan"),
        pk=pk,
    )
    programme = realisation.indicator.activity.programme
    own = realisation.recorded_by_id == user.pk and can(
        user, Capability.RECORD_REALISATION, programme
    )
    if not own:
        require(user, Capability.EDIT_PLAN, programme)
    return realisation


def get_annual_plan_for_user(user: Any, pk: int) -> AnnualPlan:
    return get_object_or_404(
        AnnualPlan.objects.visible_to(user).select_related("plan__organisation"), pk=pk
    )


def get_evidence_for_user(user: Any, pk: int) -> Realisation:
    """A realisation whose evidence the user may download: any she can see."""
    return get_object_or_404(Realisation.objects.visible_to(user), pk=pk)


def get_amendment_for_user(user: Any, pk: int) -> Amendment:
    """An amendment on an activity the user can see; what she may do with it is the
    service's to check."""
    return get_object_or_404(
        Amendment.objects.visible_to(user).select_related("activity__programme__plan"), pk=pk
    )


def get_goal_for_user(user: Any, pk: int) -> Goal:
    """A goal of a tree the user may see (the rule is `Goal.objects.visible_to`)."""
    return get_object_or_404(
        Goal.objects.visible_to(user).select_related("funder", "parent"), pk=pk
    )


def _get_programme_part_for_user(
    model: type[ProgrammePart], user: Any, pk: int, capability: Capability, *related: str
) -> ProgrammePart:
    """A record that belongs to a programme (a tactical goal, a standing task, a
    multi-year result or target): 404 outside the programmes she sees, 403 without
    `capability` on its programme."""
    part = get_object_or_404(
        model._default_manager.filter(
            programme__in=Programme.objects.visible_to(user)
        ).select_related("programme__plan__organisation", *related),
        pk=pk,
    )
    require(user, capability, part.programme)
    return part


def get_tactical_goal_for_user(user: Any, pk: int, capability: Capability) -> TacticalGoal:
    return _get_programme_part_for_user(TacticalGoal, user, pk, capability, "line")


def get_standing_task_for_user(user: Any, pk: int, capability: Capability) -> StandingTask:
    return _get_programme_part_for_user(StandingTask, user, pk, capability, "line")


def get_multi_year_result_for_user(user: Any, pk: int, capability: Capability) -> MultiYearResult:
    return _get_programme_part_for_user(MultiYearResult, user, pk, capability, "line")


def get_multi_year_target_for_user(user: Any, pk: int, capability: Capability) -> MultiYearTarget:
    return _get_programme_part_for_user(MultiYearTarget, user, pk, capability, "result")


def get_partner_for_user(user: Any, pk: int, capability: Capability) -> ActivityPartner:
    partner = get_object_or_404(
        ActivityPartner.objects.filter(
            activity__in=Activity.objects.visible_to(user)
        ).select_related("activity__programme__plan__organisation", "organisation"),
        pk=pk,
    )
    require(user, capability, partner.activity.programme)
    return partner


def get_milestone_for_user(user: Any, pk: int) -> Milestone:
    """A milestone of a plan whose annual plans the user sees; who may change it is the
    service's to check."""
    return get_object_or_404(
        Milestone.objects.filter(
            plan__in=AnnualPlan.objects.visible_to(user).values("plan")
        ).select_related("plan__organisation"),
        pk=pk,
    )


# --- the annual plan's workflow: who may take which step ----------------------------------

S = AnnualPlanStatus
TRANSITIONS: dict[tuple[str, str], Capability] = {
    (S.CONCEPT, S.ADVICE): Capability.MANAGE_ANNUAL_PLAN,
    (S.ADVICE, S.CONCEPT): Capability.MANAGE_ANNUAL_PLAN,
    (S.CONCEPT, S.SUBMITTED): Capability.MANAGE_ANNUAL_PLAN,
    (S.ADVICE, S.SUBMITTED): Capability.MANAGE_ANNUAL_PLAN,
    (S.SUBMITTED, S.ADOPTED): Capability.DECIDE_AS_FUNDER,
    (S.SUBMITTED, S.CONCEPT): Capability.DECIDE_AS_FUNDER,
    (S.ADOPTED, S.ACCOUNTED): Capability.MANAGE_ANNUAL_PLAN,
}


def annual_plan_scope(annual_plan: AnnualPlan) -> Scope:
    """The plan's own organisation, and as funder only the one whose decision adopts it."""
    funder_id = annual_plan.plan.funder_id
    return Scope(
        organisation_id=annual_plan.plan.organisation_id,
        funder_ids=frozenset({funder_id}) if funder_id else frozenset(),
    )


def allowed_transitions(actor: Any, annual_plan: AnnualPlan) -> list[str]:
    scope = annual_plan_scope(annual_plan)
    return [
        to
        for (source, to), capability in TRANSITIONS.items()
        if source == annual_plan.status and has_capability(actor, capability, scope)
    ]


def may_manage_milestones(user: Any, plan: Plan) -> bool:
    """Whether `user` may add or change the milestones of `plan` (those who manage its
    annual plans)."""
    return has_capability(
        user, Capability.MANAGE_ANNUAL_PLAN, Scope(organisation_id=plan.organisation_id)
    )
