"""Drafting and editing the plan: activities, indicators, targets, go/no-go, amendments."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from koers.accounts.decorators import requires
from koers.accounts.roles import Capability
from koers.core.http import client_address
from koers.core.pages import form_page, submit
from koers.core.reference import default_reference, viewpoint
from koers.core.versioning import versioned_edit
from koers.plans import queries, services
from koers.plans.access import (
    get_activity_for_user,
    get_indicator_for_user,
    get_programme_for_user,
)
from koers.plans.forms import (
    ActivityCreateForm,
    ActivityForm,
    AmendmentForm,
    DecisionForm,
    IndicatorForm,
    TargetForm,
)
from koers.plans.models import Activity, AnnualPlan, Programme, Target
from koers.plans.validation import frozen_message


def _activity_page(activity: Activity) -> str:
    return reverse("plans:activity", args=[activity.pk])


def _programme_crumb(programme: Programme, year: int) -> tuple[str, str]:
    return programme.name, reverse("plans:programme", args=[programme.pk]) + f"?jaar={year}"


def _activity_crumbs(activity: Activity) -> list[tuple[str, str]]:
    """The steps above a page of the activity (the registry's trail ends at the dashboard)."""
    return [
        _programme_crumb(activity.programme, activity.year),
        (activity.code, _activity_page(activity)),
    ]


def _frozen_notice(annual_plan: AnnualPlan | None) -> str:
    return frozen_message(annual_plan) if annual_plan and annual_plan.is_frozen else ""


@requires(Capability.EDIT_PLAN)
@require_http_methods(["GET", "POST"])
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_activity_for_user(request.user, pk, Capability.EDIT_PLAN)
    annual_plan = queries.annual_plan_for(activity.programme.plan, activity.year)
    return versioned_edit(
        request,
        ActivityForm.for_activity(activity, request.POST or None),
        lambda cleaned: services.activity_update(
            actor=request.user,
            activity=activity,
            changes={name: value for name, value in cleaned.items() if name != "version"},
            expected_version=cleaned["version"],
            remote_addr=client_address(request),
        ),
        success=_("The activity has been saved."),
        shown=("title", "description", "outcome", "role", "phase", "status", "target_date"),
        next_url=_activity_page,
        heading=_("Edit %(activity)s") % {"activity": activity},
        crumbs=_activity_crumbs(activity),
        back_url=_activity_page(activity),
        notice=_frozen_notice(annual_plan),
    )


@requires(Capability.EDIT_PLAN)
@require_http_methods(["GET", "POST"])
def activity_decision(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_activity_for_user(request.user, pk, Capability.EDIT_PLAN)
    form = DecisionForm(
        request.POST or None,
        initial={
            "decision": activity.decision or "pending",
            "decision_date": activity.decision_date or default_reference(),
            "decision_reason": activity.decision_reason,
            "version": activity.version,
        },
    )
    return versioned_edit(
        request,
        form,
        lambda cleaned: services.activity_decide(
            actor=request.user,
            activity=activity,
            decision=cleaned["decision"],
            date=cleaned["decision_date"],
            reason=cleaned["decision_reason"],
            expected_version=cleaned["version"],
            remote_addr=client_address(request),
        ),
        success=_("The decision has been recorded."),
        shown=("decision", "decision_date", "decision_reason"),
        next_url=_activity_page,
        heading=_("Go/no-go decision on %(activity)s") % {"activity": activity},
        crumbs=_activity_crumbs(activity),
        back_url=_activity_page(activity),
    )


@requires(Capability.EDIT_PLAN)
@require_http_methods(["GET", "POST"])
def target_edit(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_indicator_for_user(request.user, pk, Capability.EDIT_PLAN)
    activity = indicator.activity
    year = activity.year
    target = Target.objects.filter(indicator=indicator, year=year).first()
    annual_plan = queries.annual_plan_for(activity.programme.plan, year)
    return versioned_edit(
        request,
        TargetForm.for_target(target, request.POST or None),
        lambda cleaned: services.target_set(
            actor=request.user,
            indicator=indicator,
            year=year,
            value=cleaned["value"],
            q1=cleaned["q1"],
            q2=cleaned["q2"],
            q3=cleaned["q3"],
            note=cleaned["note"],
            expected_version=cleaned["version"],
            remote_addr=client_address(request),
        ),
        success=_("The target has been saved."),
        shown=("value", "q1", "q2", "q3", "note"),
        next_url=lambda _target: _activity_page(activity),
        heading=_("Target %(year)s: %(indicator)s") % {"year": year, "indicator": indicator},
        intro=_(
            "Optionally plan the cumulative value at the end of each quarter; "
            "progress is then paced by quarter instead of evenly over the year."
        ),
        crumbs=_activity_crumbs(activity),
        back_url=_activity_page(activity),
        notice=_frozen_notice(annual_plan),
    )


@requires(Capability.EDIT_PLAN)
@require_http_methods(["GET", "POST"])
def activity_create(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_programme_for_user(request.user, pk, Capability.EDIT_PLAN)
    point = viewpoint(request, years=programme.plan.years)
    year = point.year.value
    form = ActivityCreateForm(request.POST or None, programme=programme)
    back_url = reverse("plans:programme", args=[programme.pk]) + f"?jaar={year}"
    if request.method == "POST" and form.is_valid():
        activity = submit(
            request,
            form,
            services.activity_create,
            _("The activity has been added."),
            programme=programme,
            year=year,
        )
        if activity:
            return redirect(reverse("plans:activity", args=[activity.pk]))
    annual_plan = queries.annual_plan_for(programme.plan, year)
    return form_page(
        request,
        form,
        heading=_("New activity for %(programme)s in %(year)s")
        % {"programme": programme, "year": year},
        crumbs=[_programme_crumb(programme, year)],
        back_url=back_url,
        notice=_frozen_notice(annual_plan),
    )


@requires(Capability.EDIT_PLAN)
@require_http_methods(["GET", "POST"])
def indicator_create(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_activity_for_user(request.user, pk, Capability.EDIT_PLAN)
    form = IndicatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = submit(
            request,
            form,
            services.indicator_create,
            _("The indicator has been added."),
            activity=activity,
        )
        if done:
            return redirect(reverse("plans:activity", args=[activity.pk]))
    return form_page(
        request,
        form,
        heading=_("New indicator for %(activity)s") % {"activity": activity},
        crumbs=_activity_crumbs(activity),
        back_url=reverse("plans:activity", args=[activity.pk]),
    )


@requires(Capability.EDIT_PLAN)
@require_POST
def activity_carry_over(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_activity_for_user(request.user, pk, Capability.EDIT_PLAN)
    try:
        copy = services.activity_carry_over(
            actor=request.user, activity=activity, remote_addr=client_address(request)
        )
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
        return redirect(reverse("plans:activity", args=[activity.pk]))
    messages.success(
        request,
        _("The activity has been carried over to %(year)s; set its targets there.")
        % {"year": copy.year},
    )
    return redirect(reverse("plans:activity", args=[copy.pk]))


@requires(Capability.PROPOSE_AMENDMENT)
@require_http_methods(["GET", "POST"])
def amendment_create(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_activity_for_user(request.user, pk, Capability.PROPOSE_AMENDMENT)
    form = AmendmentForm(request.POST or None, activity=activity)
    if request.method == "POST" and form.is_valid():
        done = submit(
            request,
            form,
            services.amendment_propose,
            _("The amendment has been sent to the funder."),
            activity=activity,
        )
        if done:
            return redirect(reverse("plans:activity", args=[activity.pk]))
    return form_page(
        request,
        form,
        heading=_("Propose an amendment to %(activity)s") % {"activity": activity},
        intro=_(
            "The annual plan is frozen. Your proposal goes to the funder, who approves or "
            "rejects it; both versions stay visible."
        ),
        crumbs=_activity_crumbs(activity),
        back_url=reverse("plans:activity", args=[activity.pk]),
    )
