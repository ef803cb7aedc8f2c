"""Reading the results chain: dashboard, programme, activity and goal pages."""

from __future__ import annotations

from collections import Counter

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from koers.accounts.decorators import requires
from koers.accounts.policy import sees_names
from koers.accounts.roles import Capability
from koers.core.periods import Quarter
from koers.core.reference import viewpoint
from koers.plans import queries
from koers.plans.access import (
    can,
    get_activity_for_user,
    get_goal_for_user,
    get_programme_for_user,
)
from koers.plans.queries.pages import plan_years
from koers.plans.views.common import VIEW, activity_page_context, margin_percent


@requires(VIEW)
def dashboard(request: HttpRequest) -> HttpResponse:
    years = plan_years(request.user)
    point = viewpoint(request, years=years)
    summaries = queries.dashboard(request.user, point.year, point.reference)
    return render(
        request,
        "plans/dashboard.html",
        {
            "point": point,
            "years": years,
            "summaries": summaries,
            "overall": sum((summary.counts for summary in summaries), Counter()),
            "open_questions": queries.open_question_counts(
                [summary.programme.pk for summary in summaries]
            ),
            "margin": margin_percent(),
        },
    )


@requires(VIEW)
def programme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_programme_for_user(request.user, pk)
    years = programme.plan.years
    point = viewpoint(request, years=years)
    blocks = queries.programme_overview(programme, point.year, point.reference)
    multi_year = queries.beside_the_year(blocks, programme, point.reference)
    return render(
        request,
        "plans/programme_detail.html",
        {
            "programme": programme,
            "point": point,
            "years": years,
            "blocks": blocks,
            "multi_year": multi_year,
            "goals": queries.goals_shown(
                request.user,
                programme.goals.select_related("funder", "parent"),
                programme.plan.organisation_id,
            ),
            "annual_plan": queries.annual_plan_for(programme.plan, point.year.value),
            "margin": margin_percent(),
            "may_edit": can(request.user, Capability.EDIT_PLAN, programme),
            "may_report": can(request.user, Capability.REPORT_PROGRESS, programme),
            "report_quarter": Quarter.containing(point.year.clamp(point.reference)),
            "open_questions": queries.open_questions([programme.pk]),
            "shows_names": sees_names(request.user, programme.plan.organisation_id),
            "due": queries.programme_due(programme, point.reference),
            "tactical_goals": queries.tactical_goals(programme),
            "standing_tasks": queries.standing_tasks(programme),
        },
    )


@requires(VIEW)
def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_activity_for_user(request.user, pk)
    return render(request, "plans/activity_detail.html", activity_page_context(request, activity))


@requires(VIEW)
def goal_list(request: HttpRequest) -> HttpResponse:
    return render(request, "plans/goal_list.html", {"roots": queries.goal_tree(request.user)})


@requires(VIEW)
def goal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    goal = get_goal_for_user(request.user, pk)
    years = plan_years(request.user)
    point = viewpoint(request, years=years)
    contribution = queries.goal_contribution(request.user, goal, point.year.value)
    return render(
        request,
        "plans/goal_detail.html",
        {
            "goal": goal,
            "sub_goals": queries.sub_goals(request.user, goal),
            "contribution": contribution,
            "point": point,
            "years": years,
        },
    )
