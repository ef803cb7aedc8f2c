"""The results chain: goal trees, multi-year plans, programmes, activities, indicators with
their targets and progress. Lists read the same querysets as the pages (`visible_to`) and
details the same permission-checking getters, so the API shows a user what the pages show
her, and nothing of a person (no coordinator, owner or recorder)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Schema
from pydantic import Field

from koers.accounts.roles import Capability
from koers.api import schemas
from koers.api.base import needs
from koers.api.models import ApiScope
from koers.api.pagination import MAX_PAGE_SIZE, PAGE_SIZE, paginate
from koers.api.responses import ERRORS, ApiRouter
from koers.api.schemas import figure
from koers.core.periods import Year
from koers.core.reference import default_reference
from koers.directory.models import Organisation
from koers.plans import access
from koers.plans.models import Activity, Goal, Indicator, Plan, Programme
from koers.plans.queries.indicators import IndicatorProgress, progress_table

router = ApiRouter(tags=["plans"])

Page = Query(1, ge=1, description="The page, from 1.")
PageSize = Query(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Rows per page.")


def _organisation(organisation: Organisation | None) -> dict[str, Any] | None:
    return None if organisation is None else {"id": organisation.pk, "name": organisation.name}


def _funders() -> Prefetch[Any]:
    return Prefetch("funders", queryset=Organisation.objects.only("id", "name").order_by("name"))


# Goals -------------------------------------------------------------------------------------


def goal_answer(goal: Goal) -> dict[str, Any]:
    """A goal as every answer gives it (the goal lists and the portfolio's blocks)."""
    return {
        "id": goal.pk,
        "code": goal.code,
        "title": goal.title,
        "description": goal.description,
        "funder": _organisation(goal.funder),
        "parent_id": goal.parent_id,
    }


@router.get("/goals", response={200: schemas.GoalList, **ERRORS}, operation_id="listGoals")
@needs(ApiScope.PLANS)
def goals(
    request: HttpRequest,
    funder: int | None = Query(None, description="Only this funder's goal tree."),
    page: int = Page,
    page_size: int = PageSize,
) -> Any:
    """The goals of every tree the user may see (a funder's official: her own funder's)."""
    rows = Goal.objects.visible_to(request.user).select_related("funder")
    if funder is not None:
        rows = rows.filter(funder_id=funder)
    found, envelope = paginate(
        request, rows.order_by("funder__name", "code", "pk"), page, page_size
    )
    return {**envelope, "results": [goal_answer(goal) for goal in found]}


@router.get("/goals/{goal_id}", response={200: schemas.Goal, **ERRORS}, operation_id="getGoal")
@needs(ApiScope.PLANS)
def goal(request: HttpRequest, goal_id: int) -> Any:
    return goal_answer(access.get_goal_for_user(request.user, goal_id))


# Plans -------------------------------------------------------------------------------------


def _visible_plans(request: HttpRequest) -> QuerySet[Plan]:
    programmes = Programme.objects.visible_to(request.user)
    return Plan.objects.filter(pk__in=programmes.values("plan_id")).select_related(
        "organisation", "funder"
    )


def _plan(plan: Plan) -> dict[str, Any]:
    return {
        "id": plan.pk,
        "title": plan.title,
        "description": plan.description,
        "organisation": _organisation(plan.organisation),
        "funder": _organisation(plan.funder),
        "first_year": plan.start_year,
        "last_year": plan.end_year,
    }


@router.get("/plans", response={200: schemas.PlanList, **ERRORS}, operation_id="listPlans")
@needs(ApiScope.PLANS)
def plans(request: HttpRequest, page: int = Page, page_size: int = PageSize) -> Any:
    """The multi-year plans with a programme the user may see."""
    rows = _visible_plans(request).order_by("-start_year", "title", "pk")
    found, envelope = paginate(request, rows, page, page_size)
    return {**envelope, "results": [_plan(plan) for plan in found]}


@router.get("/plans/{plan_id}", response={200: schemas.Plan, **ERRORS}, operation_id="getPlan")
@needs(ApiScope.PLANS)
def plan(request: HttpRequest, plan_id: int) -> Any:
    return _plan(get_object_or_404(_visible_plans(request), pk=plan_id))


# Programmes --------------------------------------------------------------------------------


def _programme(programme: Programme) -> dict[str, Any]:
    return {
        "id": programme.pk,
        "code": programme.code,
        "name": programme.name,
        "strategic_goal": programme.strategic_goal,
        "plan_id": programme.plan_id,
        "organisation": _organisation(programme.plan.organisation),
        "funders": [_organisation(funder) for funder in programme.funders.all()],
        "goal_ids": sorted(goal.pk for goal in programme.goals.all()),
        "target_date": programme.target_date,
        "target_met": programme.target_met,
    }


def _programmes(request: HttpRequest) -> QuerySet[Programme]:
    return (
        Programme.objects.visible_to(request.user)
        .select_related("plan__organisation")
        .prefetch_related(_funders(), Prefetch("goals", queryset=Goal.objects.only("id")))
    )


@router.get(
    "/programmes", response={200: schemas.ProgrammeList, **ERRORS}, operation_id="listProgrammes"
)
@needs(ApiScope.PLANS)
def programmes(
    request: HttpRequest,
    plan: int | None = Query(None, description="Only this plan's programmes."),
    year: int | None = Query(
        None, ge=2000, le=2100, description="Only programmes of a plan that runs in this year."
    ),
    page: int = Page,
    page_size: int = PageSize,
) -> Any:
    rows = _programmes(request)
    if plan is not None:
        rows = rows.filter(plan_id=plan)
    if year is not None:
        rows = rows.running_in(year)  # type: ignore[attr-defined]
    found, envelope = paginate(
        request, rows.order_by("plan_id", "order", "code", "pk"), page, page_size
    )
    return {**envelope, "results": [_programme(programme) for programme in found]}


@router.get(
    "/programmes/{programme_id}",
    response={200: schemas.Programme, **ERRORS},
    operation_id="getProgramme",
)
@needs(ApiScope.PLANS)
def programme(request: HttpRequest, programme_id: int) -> Any:
    found = get_object_or_404(_programmes(request), pk=programme_id)
    access.require(request.user, Capability.VIEW_PLANS, found)
    return _programme(found)


# Activities --------------------------------------------------------------------------------


def _activity(activity: Activity) -> dict[str, Any]:
    return {
        "id": activity.pk,
        "programme_id": activity.programme_id,
        "year": activity.year,
        "code": activity.code,
        "title": activity.title,
        "description": activity.description,
        "outcome": activity.outcome,
        "phase": activity.phase,
        "status": activity.status,
        "goal_ids": sorted(goal.pk for goal in activity.goals.all()),
        "target_date": activity.target_date,
    }


def _activities(request: HttpRequest) -> QuerySet[Activity]:
    return Activity.objects.visible_to(request.user).prefetch_related(
        Prefetch("goals", queryset=Goal.objects.only("id"))
    )


@router.get(
    "/activities", response={200: schemas.ActivityList, **ERRORS}, operation_id="listActivities"
)
@needs(ApiScope.PLANS)
def activities(
    request: HttpRequest,
    programme: int | None = Query(None, description="Only this programme's activities."),
    year: int | None = Query(None, ge=2000, le=2100, description="Only this year's activities."),
    page: int = Page,
    page_size: int = PageSize,
) -> Any:
    rows = _activities(request)
    if programme is not None:
        rows = rows.filter(programme_id=programme)
    if year is not None:
        rows = rows.for_year(year)  # type: ignore[attr-defined]
    ordered = rows.order_by("programme_id", "year", "order", "code", "pk")
    found, envelope = paginate(request, ordered, page, page_size)
    return {**envelope, "results": [_activity(activity) for activity in found]}


@router.get(
    "/activities/{activity_id}",
    response={200: schemas.Activity, **ERRORS},
    operation_id="getActivity",
)
@needs(ApiScope.PLANS)
def activity(request: HttpRequest, activity_id: int) -> Any:
    found = access.get_activity_for_user(request.user, activity_id)
    return _activity(found)


# Indicators --------------------------------------------------------------------------------


class Viewpoint(Schema):
    year: int | None = Field(
        None,
        ge=2000,
        le=2100,
        description="The year of the targets (default: the reference date's).",
    )
    reference_date: dt.date | None = Field(
        None, description="Count what was realised up to this day (default: today)."
    )

    def resolved(self) -> tuple[Year, dt.date]:
        reference = self.reference_date or default_reference()
        return Year(self.year or reference.year), reference


def _indicator(
    row: IndicatorProgress, programme_id: int, extra: Any, year: Year, reference: dt.date
) -> dict[str, Any]:
    progress = row.progress
    return {
        "id": row.pk,
        "activity_id": row.activity_id,
        "programme_id": programme_id,
        "kind": extra["kind"],
        "title": row.title,
        "unit": row.unit,
        "aggregation": row.aggregation,
        "source": extra["source"],
        "is_key": extra["is_key"],
        "year": year.value,
        "reference_date": reference,
        "progress": {
            "target": figure(progress.target),
            "realised": figure(progress.realised),
            # Expected by now is the target × the share of the period gone: a figure of 28
            # places, given at the target's own two.
            "expected": figure(progress.expected),
            "status": progress.status.value,
            "percent": progress.percent,
        },
    }


def _with_progress(ids: list[int], year: Year, reference: dt.date) -> list[dict[str, Any]]:
    """The indicators `ids` (in that order) with their progress: two queries for any number."""
    chosen = Indicator.objects.filter(pk__in=ids)
    progress = {row.pk: row for row in progress_table(chosen, year, reference)}
    extra = {
        row["pk"]: row
        for row in chosen.values("pk", "kind", "source", "is_key", "activity__programme_id")
    }
    return [
        _indicator(progress[pk], extra[pk]["activity__programme_id"], extra[pk], year, reference)
        for pk in ids
    ]


@router.get(
    "/indicators", response={200: schemas.IndicatorList, **ERRORS}, operation_id="listIndicators"
)
@needs(ApiScope.PLANS)
def indicators(
    request: HttpRequest,
    viewpoint: Query[Viewpoint],
    programme: int | None = Query(None, description="Only this programme's indicators."),
    activity: int | None = Query(None, description="Only this activity's indicators."),
    page: int = Page,
    page_size: int = PageSize,
) -> Any:
    """Indicators with their year's target and what was realised up to the reference date."""
    year, reference = viewpoint.resolved()
    rows = Indicator.objects.visible_to(request.user)
    if programme is not None:
        rows = rows.filter(activity__programme_id=programme)
    if activity is not None:
        rows = rows.filter(activity_id=activity)
    ordered = rows.order_by("activity__programme_id", "activity_id", "order", "pk").values_list(
        "pk", flat=True
    )
    ids, envelope = paginate(request, ordered, page, page_size)
    return {**envelope, "results": _with_progress(ids, year, reference)}


@router.get(
    "/indicators/{indicator_id}",
    response={200: schemas.Indicator, **ERRORS},
    operation_id="getIndicator",
)
@needs(ApiScope.PLANS)
def indicator(request: HttpRequest, indicator_id: int, viewpoint: Query[Viewpoint]) -> Any:
    found = access.get_indicator_for_user(request.user, indicator_id)
    year, reference = viewpoint.resolved()
    return _with_progress([found.pk], year, reference)[0]
