"""The annual plan cycle: annual plans, their steps, advice and amendment decisions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from koers.accounts.decorators import requires
from koers.accounts.policy import has_capability, organisations_with, sees_names
from koers.accounts.reauth import safe_next
from koers.accounts.roles import Capability
from koers.core.http import client_address
from koers.core.pages import act, attempt, shown_again
from koers.core.reference import default_reference
from koers.plans import access, queries, services
from koers.plans.access import get_amendment_for_user, get_annual_plan_for_user
from koers.plans.forms import (
    AdvisoryCommentForm,
    AmendmentDecisionForm,
    TransitionForm,
)
from koers.plans.models import (
    AmendmentStatus,
    AnnualPlan,
    AnnualPlanStatus,
    Programme,
)
from koers.plans.views.common import VIEW


@requires(VIEW)
def annual_plan_list(request: HttpRequest) -> HttpResponse:
    visible = Programme.objects.visible_to(request.user)
    annual_plans = (
        AnnualPlan.objects.visible_to(request.user)
        .select_related("plan__organisation")
        .annotate(
            pending=Count(
                "amendments",
                filter=Q(
                    amendments__status=AmendmentStatus.PROPOSED,
                    amendments__activity__programme__in=visible,
                ),
            )
        )
        .order_by("plan__title", "year")
    )
    return render(request, "plans/annual_plan_list.html", {"annual_plans": annual_plans})


@requires(VIEW)
def annual_plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _annual_plan_page(request, get_annual_plan_for_user(request.user, pk))


def _annual_plan_page(
    request: HttpRequest, annual_plan: AnnualPlan, comment_form: Any = None
) -> HttpResponse:
    """The annual plan's page; after a refused advisory comment with that form as posted."""
    scope = access.annual_plan_scope(annual_plan)

    programmes = (
        Programme.objects.visible_to(request.user)
        .running_in(annual_plan.year)
        .filter(plan=annual_plan.plan)
        .select_related("plan", "coordinator")
        .order_by("plan__organisation__name", "order", "code")
    )
    return render(
        request,
        "plans/annual_plan_detail.html",
        {
            "annual_plan": annual_plan,
            "programmes": programmes,
            "events": annual_plan.events.select_related("actor"),
            "comments": _advice_visible(request.user, annual_plan, scope, programmes),
            "amendments": annual_plan.amendments.filter(
                activity__programme__in=programmes
            ).select_related("activity", "proposed_by", "decided_by", "target__indicator"),
            "transitions": access.allowed_transitions(request.user, annual_plan),
            "shows_names": sees_names(request.user, annual_plan.plan.organisation_id),
            "may_advise": has_capability(request.user, Capability.ADVISE_ANNUAL_PLAN, scope)
            and annual_plan.status == "ter_advies",
            "comment_form": comment_form or AdvisoryCommentForm(),
            "statuses": AnnualPlanStatus.choices,
            "may_decide_amendments": has_capability(
                request.user, Capability.DECIDE_AS_FUNDER, scope
            ),
            "transition_form": TransitionForm(),
            "may_roll_over": annual_plan.year < annual_plan.plan.end_year
            and has_capability(request.user, Capability.MANAGE_ANNUAL_PLAN, scope),
            "milestones": queries.plan_milestones(
                request.user, annual_plan.plan, default_reference()
            ),
            "may_manage_milestones": access.may_manage_milestones(request.user, annual_plan.plan),
        },
    )


def _advice_visible(user: Any, annual_plan: AnnualPlan, scope: Any, programmes: Any) -> Any:
    """All advice for the organisation's own people. A funder sees the advice on the
    programmes she funds, and the adopting funder also the advice on the plan as a whole;
    advice on a programme she does not fund is about what she may not see."""
    comments = annual_plan.advisory_comments.select_related("author", "programme")
    own, _funding = organisations_with(user, Capability.VIEW_PLANS)
    if annual_plan.plan.organisation_id in own:
        return comments
    shown = Q(programme__in=programmes)
    if has_capability(user, Capability.VIEW_PLANS, scope):
        shown |= Q(programme__isnull=True)
    return comments.filter(shown)


@requires(VIEW)
@require_POST
def annual_plan_transition(request: HttpRequest, pk: int) -> HttpResponse:
    annual_plan = get_annual_plan_for_user(request.user, pk)
    form = TransitionForm(request.POST)
    if form.is_valid():
        act(
            request,
            lambda: services.annual_plan_transition(
                actor=request.user,
                annual_plan=annual_plan,
                to_status=form.cleaned_data["to_status"],
                comment=form.cleaned_data["comment"],
                remote_addr=client_address(request),
            ),
            _("The annual plan has moved to its next step."),
        )
    else:
        messages.error(request, _("Choose a step."))
    return redirect(reverse("plans:annual_plan", args=[annual_plan.pk]))


@requires(Capability.ADVISE_ANNUAL_PLAN)
@require_POST
def advisory_comment_create(request: HttpRequest, pk: int) -> HttpResponse:
    annual_plan = get_annual_plan_for_user(request.user, pk)
    form = AdvisoryCommentForm(request.POST)
    if attempt(
        request,
        form,
        lambda cleaned: services.advisory_comment_add(
            actor=request.user,
            annual_plan=annual_plan,
            text=cleaned["text"],
            remote_addr=client_address(request),
        ),
        _("Your comment has been added."),
    ):
        return redirect(reverse("plans:annual_plan", args=[annual_plan.pk]))
    return shown_again(_annual_plan_page(request, annual_plan, comment_form=form))


@requires(Capability.DECIDE_AS_FUNDER)
@require_POST
def amendment_decide(request: HttpRequest, pk: int) -> HttpResponse:
    amendment = get_amendment_for_user(request.user, pk)
    form = AmendmentDecisionForm(request.POST)
    if form.is_valid():
        act(
            request,
            lambda: services.amendment_decide(
                actor=request.user,
                amendment=amendment,
                approve=form.cleaned_data["approve"],
                note=form.cleaned_data["note"],
                remote_addr=client_address(request),
            ),
            _("Your decision has been recorded."),
        )
    else:
        messages.error(request, _("The decision could not be read; try again."))
    # Back where she decided: the activity, or the list she decides from (her portfolio).
    activity = reverse("plans:activity", args=[amendment.activity_id])
    return redirect(safe_next(request, request.POST.get("next"), activity))
