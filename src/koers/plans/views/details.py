"""Adding and changing what surrounds the activities: a programme's tactical goals and
standing tasks, an activity's partners, a plan's milestones."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from koers.accounts.decorators import requires
from koers.accounts.roles import Capability
from koers.core.http import client_address
from koers.core.pages import act, form_page, submit
from koers.core.versioning import versioned_edit
from koers.plans import services
from koers.plans.access import (
    get_activity_for_user,
    get_annual_plan_for_user,
    get_milestone_for_user,
    get_partner_for_user,
    get_programme_for_user,
    get_standing_task_for_user,
    get_tactical_goal_for_user,
    may_manage_milestones,
)
from koers.plans.chain_forms import MilestoneForm, PartnerForm, StandingTaskForm, TacticalGoalForm
from koers.plans.models import AnnualPlan, Milestone, Plan, Programme, StandingTask, TacticalGoal
from koers.plans.views.common import VIEW

EDIT = Capability.EDIT_PLAN


def _programme_url(programme: Programme, anchor: str) -> str:
    return reverse("plans:programme", args=[programme.pk]) + f"#{anchor}"


def _programme_crumbs(programme: Programme) -> list[tuple[str, str]]:
    return [(programme.name, reverse("plans:programme", args=[programme.pk]))]


# --- tactical goals ---------------------------------------------------------------------------


def _tactical_goal_page(
    request: HttpRequest, programme: Programme, goal: TacticalGoal | None
) -> HttpResponse:
    back = _programme_url(programme, "tactical-goals")
    return versioned_edit(
        request,
        TacticalGoalForm.for_goal(programme, goal, request.POST or None),
        lambda cleaned: services.tactical_goal_save(
            actor=request.user,
            programme=programme,
            goal=goal,
            line=cleaned["line"],
            text=cleaned["text"],
            target_year=cleaned["target_year"],
            expected_version=cleaned["version"] if goal else None,
            remote_addr=client_address(request),
        ),
        success=_("The tactical goal has been saved."),
        shown=("line", "text", "target_year"),
        next_url=lambda _goal: back,
        heading=_("Tactical goal of %(programme)s") % {"programme": programme},
        crumbs=_programme_crumbs(programme),
        back_url=back,
    )


@requires(EDIT)
@require_http_methods(["GET", "POST"])
def tactical_goal_create(request: HttpRequest, pk: int) -> HttpResponse:
    return _tactical_goal_page(request, get_programme_for_user(request.user, pk, EDIT), None)


@requires(EDIT)
@require_http_methods(["GET", "POST"])
def tactical_goal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    goal = get_tactical_goal_for_user(request.user, pk, EDIT)
    return _tactical_goal_page(request, goal.programme, goal)


# --- standing tasks ---------------------------------------------------------------------------


def _standing_task_page(
    request: HttpRequest, programme: Programme, task: StandingTask | None
) -> HttpResponse:
    back = _programme_url(programme, "standing-tasks")
    return versioned_edit(
        request,
        StandingTaskForm.for_task(programme, task, request.POST or None),
        lambda cleaned: services.standing_task_save(
            actor=request.user,
            programme=programme,
            task=task,
            line=cleaned["line"],
            title=cleaned["title"],
            role=cleaned["role"],
            description=cleaned["description"],
            expected_version=cleaned["version"] if task else None,
            remote_addr=client_address(request),
        ),
        success=_("The standing task has been saved."),
        shown=("title", "role", "description"),
        next_url=lambda _task: back,
        heading=_("Standing task of %(programme)s") % {"programme": programme},
        intro=_(
            "Work the programme does all the time, without output to count: it has no "
            "indicators and does not count in the progress."
        ),
        crumbs=_programme_crumbs(programme),
        back_url=back,
    )


@requires(EDIT)
@require_http_methods(["GET", "POST"])
def standing_task_create(request: HttpRequest, pk: int) -> HttpResponse:
    return _standing_task_page(request, get_programme_for_user(request.user, pk, EDIT), None)


@requires(EDIT)
@require_http_methods(["GET", "POST"])
def standing_task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_standing_task_for_user(request.user, pk, EDIT)
    return _standing_task_page(request, task.programme, task)


# --- partners of an activity ------------------------------------------------------------------


@requires(EDIT)
@require_http_methods(["GET", "POST"])
def partner_create(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_activity_for_user(request.user, pk, EDIT)
    back = reverse("plans:activity", args=[activity.pk]) + "#partners"
    form = PartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = submit(
            request,
            form,
            services.activity_partner_add,
            _("The partner has been added."),
            activity=activity,
        )
        if done:
            return redirect(back)
    return form_page(
        request,
        form,
        heading=_("Partner of %(activity)s") % {"activity": activity},
        crumbs=[
            *_programme_crumbs(activity.programme),
            (activity.code, reverse("plans:activity", args=[activity.pk])),
        ],
        back_url=back,
    )


@requires(EDIT)
@require_POST
def partner_remove(request: HttpRequest, pk: int) -> HttpResponse:
    partner = get_partner_for_user(request.user, pk, EDIT)
    act(
        request,
        lambda: services.activity_partner_remove(
            actor=request.user, partner=partner, remote_addr=client_address(request)
        ),
        _("%(organisation)s is no longer a partner of this activity.")
        % {"organisation": partner.organisation},
    )
    return redirect(reverse("plans:activity", args=[partner.activity_id]) + "#partners")


# --- milestones of a plan ---------------------------------------------------------------------


def _milestone_page(
    request: HttpRequest, plan: Plan, annual_plan: AnnualPlan | None, milestone: Milestone | None
) -> HttpResponse:
    year = annual_plan.year if annual_plan else plan.start_year
    if milestone is not None:
        year = min(max(milestone.date.year, plan.start_year), plan.end_year)
    back = (
        reverse("plans:annual_plan", args=[annual_plan.pk]) + "#milestones"
        if annual_plan
        else reverse("plans:annual_plans")
    )
    crumbs = [(str(annual_plan.year), back)] if annual_plan else []
    return versioned_edit(
        request,
        MilestoneForm.for_milestone(plan, year, milestone, request.POST or None),
        lambda cleaned: services.milestone_save(
            actor=request.user,
            plan=plan,
            milestone=milestone,
            title=cleaned["title"],
            date=cleaned["date"],
            precision=cleaned["precision"],
            done=cleaned["done"],
            activity=cleaned["activity"],
            expected_version=cleaned["version"] if milestone else None,
            remote_addr=client_address(request),
        ),
        success=_("The milestone has been saved."),
        shown=("title", "date", "precision", "done"),
        next_url=lambda _milestone: back,
        heading=_("Milestone of %(plan)s") % {"plan": plan},
        crumbs=crumbs,
        back_url=back,
    )


@requires(VIEW)
@require_http_methods(["GET", "POST"])
def milestone_create(request: HttpRequest, pk: int) -> HttpResponse:
    annual_plan = get_annual_plan_for_user(request.user, pk)
    _require_milestones(request, annual_plan.plan)
    return _milestone_page(request, annual_plan.plan, annual_plan, None)


@requires(VIEW)
@require_http_methods(["GET", "POST"])
def milestone_edit(request: HttpRequest, pk: int) -> HttpResponse:
    milestone = get_milestone_for_user(request.user, pk)
    plan = milestone.plan
    _require_milestones(request, plan)
    annual_plan = AnnualPlan.objects.filter(plan=plan, year=milestone.date.year).first()
    return _milestone_page(request, plan, annual_plan, milestone)


def _require_milestones(request: HttpRequest, plan: Plan) -> None:
    if not may_manage_milestones(request.user, plan):
        raise PermissionDenied
