"""Thin views: read through `queries`, write through `services`, load through `access` getters."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Max, Min, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from koers.accounts.decorators import requires
from koers.accounts.policy import has_capability
from koers.accounts.roles import Capability
from koers.core.periods import Year
from koers.core.reference import default_reference, viewpoint
from koers.plans import queries, services
from koers.plans.access import (
    can,
    get_activity_for_user,
    get_annual_plan_for_user,
    get_indicator_for_user,
    get_programme_for_user,
    get_realisation_for_user,
)
from koers.plans.forms import (
    ActivityCreateForm,
    ActivityForm,
    AdvisoryCommentForm,
    AmendmentDecisionForm,
    AmendmentForm,
    DecisionForm,
    IndicatorForm,
    RealisationForm,
    TargetForm,
    TransitionForm,
    municipality_choices,
)
from koers.plans.models import (
    Amendment,
    AmendmentStatus,
    AnnualPlan,
    AnnualPlanStatus,
    Goal,
    Plan,
    Programme,
    Source,
    Target,
)
from koers.plans.progress import ON_TRACK_MARGIN
from koers.plans.validation import frozen_message

VIEW = Capability.VIEW_PLANS


def _client_ip(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR")


def _plan_years(user: Any) -> range:
    """The years of the plans the user can see, for the year picker."""
    bounds = Plan.objects.filter(
        pk__in=Programme.objects.visible_to(user).values("plan")
    ).aggregate(first=Min("start_year"), last=Max("end_year"))
    if bounds["first"] is None:
        this_year = default_reference().year
        return range(this_year, this_year + 1)
    return range(bounds["first"], bounds["last"] + 1)


def _margin_percent() -> int:
    return int(ON_TRACK_MARGIN * 100)


@requires(VIEW)
def dashboard(request: HttpRequest) -> HttpResponse:
    years = _plan_years(request.user)
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
            "margin": _margin_percent(),
        },
    )


@requires(VIEW)
def programme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_programme_for_user(request.user, pk)
    years = programme.plan.years
    point = viewpoint(request, years=years)
    blocks = queries.programme_overview(programme, point.year, point.reference)
    return render(
        request,
        "plans/programme_detail.html",
        {
            "programme": programme,
            "point": point,
            "years": years,
            "blocks": blocks,
            "goals": programme.goals.select_related("funder", "parent"),
            "annual_plan": queries.annual_plan_for(programme.plan, point.year.value),
            "margin": _margin_percent(),
            "may_edit": can(request.user, Capability.EDIT_PLAN, programme),
        },
    )


def _activity_context(request: HttpRequest, activity: Any) -> dict[str, Any]:
    reference = viewpoint(request, years=range(activity.year, activity.year + 1)).reference
    rows = queries.activity_indicators(activity, reference)
    realisations = queries.recent_realisations([row.indicator.pk for row in rows], until=reference)
    programme = activity.programme
    annual_plan = queries.annual_plan_for(programme.plan, activity.year)
    accounted = annual_plan is not None and annual_plan.status == AnnualPlanStatus.ACCOUNTED
    may_record = can(request.user, Capability.RECORD_REALISATION, programme) and not accounted
    places = municipality_choices() if may_record and rows else None
    cards = [
        {
            "row": row,
            "realisations": realisations.get(row.indicator.pk, []),
            "form": RealisationForm(
                indicator=row.indicator,
                municipality_choices=places,
                initial={"date": Year(activity.year).clamp(min(reference, timezone.localdate()))},
            )
            if may_record and row.indicator.source == Source.MANUAL
            else None,
        }
        for row in rows
    ]
    return {
        "activity": activity,
        "programme": programme,
        "reference": reference,
        "cards": cards,
        "may_record": may_record,
        "may_edit": can(request.user, Capability.EDIT_PLAN, programme),
        "may_amend": can(request.user, Capability.PROPOSE_AMENDMENT, programme),
        "may_decide_amendments": can(request.user, Capability.DECIDE_AS_FUNDER, programme),
        "annual_plan": annual_plan,
        "margin": _margin_percent(),
    }


@requires(VIEW)
def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_activity_for_user(request.user, pk)
    context = _activity_context(request, activity)
    context.update(
        {
            "municipalities": activity.municipalities.all(),
            "goals": activity.goals.select_related("funder"),
            "programme_goals": activity.programme.goals.select_related("funder"),
            "amendments": activity.amendments.select_related(
                "proposed_by", "decided_by", "target__indicator"
            ),
            "history": queries.activity_history(activity),
            "decision_form": AmendmentDecisionForm(),
        }
    )
    return render(request, "plans/activity_detail.html", context)


@requires(Capability.RECORD_REALISATION)
@require_POST
def realisation_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a realisation. With htmx the indicator's card comes back updated in place."""
    indicator = get_indicator_for_user(request.user, pk, Capability.RECORD_REALISATION)
    form = RealisationForm(request.POST, request.FILES, indicator=indicator)
    saved = False
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.realisation_record(
                actor=request.user,
                indicator=indicator,
                date=data["date"],
                value=Decimal(data["value"]),
                municipality=data["municipality"],
                evidence_file=data["evidence_file"],
                evidence_url=data["evidence_url"],
                note=data["note"],
                remote_addr=_client_ip(request),
            )
            saved = True
        except ValidationError as error:
            form.add_error(None, error)
    if not request.htmx:  # type: ignore[attr-defined]
        if saved:
            messages.success(request, _("The realisation has been recorded."))
            return redirect(reverse("plans:activity", args=[indicator.activity_id]))
        context = _activity_context(request, indicator.activity)
        return render(
            request,
            "plans/realisation_form_page.html",
            {**context, "indicator": indicator, "form": form},
            status=400,
        )
    context = _activity_context(request, indicator.activity)
    card = next(card for card in context["cards"] if card["row"].indicator.pk == indicator.pk)
    if not saved:
        card["form"] = form
    return render(
        request,
        "plans/_indicator_card_response.html",
        {**context, "card": card, "just_saved": saved},
        status=200 if saved else 422,
    )


@requires(Capability.RECORD_REALISATION)
@require_POST
def realisation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    realisation = get_realisation_for_user(request.user, pk)
    activity_id = realisation.indicator.activity_id
    services.realisation_delete(
        actor=request.user, realisation=realisation, remote_addr=_client_ip(request)
    )
    messages.success(request, _("The realisation has been removed."))
    return redirect(reverse("plans:activity", args=[activity_id]))


@requires(VIEW)
def realisation_evidence(request: HttpRequest, pk: int) -> FileResponse:
    """Evidence files are served as downloads through a permission check, never inline."""
    realisation = get_object_or_404(
        queries.Realisation.objects.filter(
            indicator__in=queries.Indicator.objects.visible_to(request.user)
        ),
        pk=pk,
    )
    if not realisation.evidence_file:
        raise Http404
    response = FileResponse(
        realisation.evidence_file.open("rb"),
        as_attachment=True,
        filename=realisation.evidence_file.name.rsplit("/", 1)[-1],
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _submit(request: HttpRequest, form: Any, service: Any, success: str, **fixed: Any) -> Any:
    """Call a service with the form's cleaned data (its fields are named as the service's
    arguments); on success flash `success` and return the result, else put the service's
    messages next to the fields and return None."""
    try:
        result = service(
            actor=request.user, remote_addr=_client_ip(request), **fixed, **form.cleaned_data
        )
    except ValidationError as error:
        form.add_error(None, error)
        return None
    messages.success(request, success)
    return result


def _display(instance: Any, name: str) -> Any:
    """A field's value as shown to users: the label of a choice, else the value."""
    label = getattr(instance, f"get_{name}_display", None)
    return label() if label else getattr(instance, name)


def _form_page(request: HttpRequest, form: Any, **context: Any) -> HttpResponse:
    status = 200
    if request.method == "POST":
        status = 409 if context.get("conflict_rows") else 400
    return render(request, "plans/form_page.html", {"form": form, **context}, status=status)


def _with_version(data: Any, version: int) -> Any:
    """The submitted data with the current version, so the next save can succeed."""
    data = data.copy()
    data["version"] = str(version)
    return data


def _conflict_message(request: HttpRequest) -> None:
    messages.error(
        request,
        _(
            "Someone else saved this record while you were editing it. "
            "Their version is shown below; your changes are kept in the form — "
            "check them and save again."
        ),
    )


@requires(Capability.EDIT_PLAN)
@require_http_methods(["GET", "POST"])
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_activity_for_user(request.user, pk, Capability.EDIT_PLAN)
    form = ActivityForm.for_activity(activity, request.POST or None)
    annual_plan = queries.annual_plan_for(activity.programme.plan, activity.year)
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.activity_update(
                actor=request.user,
                activity=activity,
                changes=data,
                expected_version=version,
                remote_addr=_client_ip(request),
            )
            messages.success(request, _("The activity has been saved."))
            return redirect(reverse("plans:activity", args=[activity.pk]))
        except services.ConflictError as error:
            conflict = error.current
            _conflict_message(request)
            form.data = _with_version(form.data, conflict.version)
        except ValidationError as error:
            form.add_error(None, error)
    return _form_page(
        request,
        form,
        heading=_("Edit %(activity)s") % {"activity": activity},
        back_url=reverse("plans:activity", args=[activity.pk]),
        notice=frozen_message(annual_plan) if annual_plan and annual_plan.is_frozen else "",
        conflict_rows=[
            (form.fields[name].label, _display(conflict, name))
            for name in ("title", "description", "outcome", "role", "phase", "status")
        ]
        if conflict
        else None,
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
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_decide(
                actor=request.user,
                activity=activity,
                decision=form.cleaned_data["decision"],
                date=form.cleaned_data["decision_date"],
                reason=form.cleaned_data["decision_reason"],
                expected_version=form.cleaned_data["version"],
                remote_addr=_client_ip(request),
            )
            messages.success(request, _("The decision has been recorded."))
            return redirect(reverse("plans:activity", args=[activity.pk]))
        except services.ConflictError as error:
            conflict = error.current
            _conflict_message(request)
            form.data = _with_version(form.data, conflict.version)
        except ValidationError as error:
            form.add_error(None, error)
    return _form_page(
        request,
        form,
        heading=_("Go/no-go decision on %(activity)s") % {"activity": activity},
        back_url=reverse("plans:activity", args=[activity.pk]),
        conflict_rows=[
            (form.fields[name].label, _display(conflict, name))
            for name in ("decision", "decision_date", "decision_reason")
        ]
        if conflict
        else None,
    )


@requires(Capability.EDIT_PLAN)
@require_http_methods(["GET", "POST"])
def target_edit(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_indicator_for_user(request.user, pk, Capability.EDIT_PLAN)
    activity = indicator.activity
    year = activity.year
    target = Target.objects.filter(indicator=indicator, year=year).first()
    form = TargetForm.for_target(target, request.POST or None)
    annual_plan = queries.annual_plan_for(activity.programme.plan, year)
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.target_set(
                actor=request.user,
                indicator=indicator,
                year=year,
                value=data["value"],
                q1=data["q1"],
                q2=data["q2"],
                q3=data["q3"],
                note=data["note"],
                expected_version=data["version"],
                remote_addr=_client_ip(request),
            )
            messages.success(request, _("The target has been saved."))
            return redirect(reverse("plans:activity", args=[activity.pk]))
        except services.ConflictError as error:
            conflict = error.current
            _conflict_message(request)
            form.data = _with_version(form.data, conflict.version)
        except ValidationError as error:
            form.add_error(None, error)
    return _form_page(
        request,
        form,
        heading=_("Target %(year)s: %(indicator)s") % {"year": year, "indicator": indicator},
        intro=_(
            "Optionally plan the cumulative value at the end of each quarter; "
            "progress is then paced by quarter instead of evenly over the year."
        ),
        back_url=reverse("plans:activity", args=[activity.pk]),
        notice=frozen_message(annual_plan) if annual_plan and annual_plan.is_frozen else "",
        conflict_rows=[
            (form.fields[name].label, getattr(conflict, name))
            for name in ("value", "q1", "q2", "q3", "note")
        ]
        if conflict
        else None,
    )


@requires(Capability.PROPOSE_AMENDMENT)
@require_http_methods(["GET", "POST"])
def amendment_create(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_activity_for_user(request.user, pk, Capability.PROPOSE_AMENDMENT)
    form = AmendmentForm(request.POST or None, activity=activity)
    if request.method == "POST" and form.is_valid():
        done = _submit(
            request,
            form,
            services.amendment_propose,
            _("The amendment has been sent to the funder."),
            activity=activity,
        )
        if done:
            return redirect(reverse("plans:activity", args=[activity.pk]))
    return _form_page(
        request,
        form,
        heading=_("Propose an amendment to %(activity)s") % {"activity": activity},
        intro=_(
            "The annual plan is frozen. Your proposal goes to the funder, who approves or "
            "rejects it; both versions stay visible."
        ),
        back_url=reverse("plans:activity", args=[activity.pk]),
    )


@requires(Capability.DECIDE_AS_FUNDER)
@require_POST
def amendment_decide(request: HttpRequest, pk: int) -> HttpResponse:
    amendment = get_object_or_404(
        Amendment.objects.filter(
            activity__in=queries.Activity.objects.visible_to(request.user)
        ).select_related("activity__programme__plan"),
        pk=pk,
    )
    form = AmendmentDecisionForm(request.POST)
    if form.is_valid():
        try:
            services.amendment_decide(
                actor=request.user,
                amendment=amendment,
                approve=form.cleaned_data["approve"],
                note=form.cleaned_data["note"],
                remote_addr=_client_ip(request),
            )
            messages.success(request, _("Your decision has been recorded."))
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
    else:
        messages.error(request, _("The decision could not be read; try again."))
    return redirect(reverse("plans:activity", args=[amendment.activity_id]))


@requires(VIEW)
def goal_list(request: HttpRequest) -> HttpResponse:
    return render(request, "plans/goal_list.html", {"roots": queries.goal_tree(request.user)})


@requires(VIEW)
def goal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    goal = get_object_or_404(
        Goal.objects.select_related("funder", "parent").filter(
            pk__in=queries.visible_goal_ids(request.user)
        ),
        pk=pk,
    )
    years = _plan_years(request.user)
    point = viewpoint(request, years=years)
    contribution = queries.goal_contribution(request.user, goal, point.year.value)
    return render(
        request,
        "plans/goal_detail.html",
        {"goal": goal, "contribution": contribution, "point": point, "years": years},
    )


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
    annual_plan = get_annual_plan_for_user(request.user, pk)
    scope = services.annual_plan_scope(annual_plan)

    programmes = queries.programmes_for(request.user, annual_plan.year).filter(
        plan=annual_plan.plan
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
            "transitions": services.allowed_transitions(request.user, annual_plan),
            "may_advise": has_capability(request.user, Capability.ADVISE_ANNUAL_PLAN, scope)
            and annual_plan.status == "ter_advies",
            "comment_form": AdvisoryCommentForm(),
            "statuses": AnnualPlanStatus.choices,
            "may_decide_amendments": has_capability(
                request.user, Capability.DECIDE_AS_FUNDER, scope
            ),
            "transition_form": TransitionForm(),
        },
    )


def _advice_visible(user: Any, annual_plan: AnnualPlan, scope: Any, programmes: Any) -> Any:
    """All advice for the organisation and the adopting funder; a funder of single
    programmes sees only the advice on those programmes."""
    comments = annual_plan.advisory_comments.select_related("author", "programme")
    if has_capability(user, Capability.VIEW_PLANS, scope):
        return comments
    return comments.filter(programme__in=programmes)


@requires(VIEW)
@require_POST
def annual_plan_transition(request: HttpRequest, pk: int) -> HttpResponse:
    annual_plan = get_annual_plan_for_user(request.user, pk)
    form = TransitionForm(request.POST)
    if form.is_valid():
        try:
            services.annual_plan_transition(
                actor=request.user,
                annual_plan=annual_plan,
                to_status=form.cleaned_data["to_status"],
                comment=form.cleaned_data["comment"],
                remote_addr=_client_ip(request),
            )
            messages.success(request, _("The annual plan has moved to its next step."))
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
    else:
        messages.error(request, _("Choose a step."))
    return redirect(reverse("plans:annual_plan", args=[annual_plan.pk]))


@requires(Capability.ADVISE_ANNUAL_PLAN)
@require_POST
def advisory_comment_create(request: HttpRequest, pk: int) -> HttpResponse:
    annual_plan = get_annual_plan_for_user(request.user, pk)
    form = AdvisoryCommentForm(request.POST)
    if form.is_valid():
        try:
            services.advisory_comment_add(
                actor=request.user,
                annual_plan=annual_plan,
                text=form.cleaned_data["text"],
                remote_addr=_client_ip(request),
            )
            messages.success(request, _("Your comment has been added."))
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
    else:
        messages.error(request, _("Write your comment."))
    return redirect(reverse("plans:annual_plan", args=[annual_plan.pk]))


@requires(Capability.EDIT_PLAN)
@require_http_methods(["GET", "POST"])
def activity_create(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_programme_for_user(request.user, pk, Capability.EDIT_PLAN)
    point = viewpoint(request, years=programme.plan.years)
    year = point.year.value
    form = ActivityCreateForm(request.POST or None, programme=programme)
    back_url = reverse("plans:programme", args=[programme.pk]) + f"?jaar={year}"
    if request.method == "POST" and form.is_valid():
        activity = _submit(
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
    return _form_page(
        request,
        form,
        heading=_("New activity for %(programme)s in %(year)s")
        % {"programme": programme, "year": year},
        back_url=back_url,
        notice=frozen_message(annual_plan) if annual_plan and annual_plan.is_frozen else "",
    )


@requires(Capability.EDIT_PLAN)
@require_http_methods(["GET", "POST"])
def indicator_create(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_activity_for_user(request.user, pk, Capability.EDIT_PLAN)
    form = IndicatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = _submit(
            request,
            form,
            services.indicator_create,
            _("The indicator has been added."),
            activity=activity,
        )
        if done:
            return redirect(reverse("plans:activity", args=[activity.pk]))
    return _form_page(
        request,
        form,
        heading=_("New indicator for %(activity)s") % {"activity": activity},
        back_url=reverse("plans:activity", args=[activity.pk]),
    )


@requires(Capability.EDIT_PLAN)
@require_POST
def activity_carry_over(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_activity_for_user(request.user, pk, Capability.EDIT_PLAN)
    try:
        copy = services.activity_carry_over(
            actor=request.user, activity=activity, remote_addr=_client_ip(request)
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
