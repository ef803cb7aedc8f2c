"""What the plans views share: request helpers, the activity page's context, form pages."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Max, Min
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.accounts.policy import sees_names
from koers.accounts.roles import Capability
from koers.core.http import client_address
from koers.core.periods import Quarter, Year
from koers.core.reference import default_reference, viewpoint
from koers.core.versioning import ConflictError
from koers.plans import queries
from koers.plans.access import (
    can,
)
from koers.plans.forms import (
    ActivityCommentForm,
    AmendmentDecisionForm,
    RealisationForm,
    municipality_choices,
)
from koers.plans.models import (
    AnnualPlanStatus,
    Plan,
    Programme,
    Source,
)
from koers.plans.progress import ON_TRACK_MARGIN, activity_status

VIEW = Capability.VIEW_PLANS


def plan_years(user: Any) -> range:
    """The years of the plans the user can see, for the year picker."""
    bounds = Plan.objects.filter(
        pk__in=Programme.objects.visible_to(user).values("plan")
    ).aggregate(first=Min("start_year"), last=Max("end_year"))
    if bounds["first"] is None:
        this_year = default_reference().year
        return range(this_year, this_year + 1)
    return range(bounds["first"], bounds["last"] + 1)


def margin_percent() -> int:
    return int(ON_TRACK_MARGIN * 100)


def activity_context(request: HttpRequest, activity: Any) -> dict[str, Any]:
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
        "shows_names": sees_names(request.user, programme.plan.organisation_id),
        "annual_plan": annual_plan,
        "margin": margin_percent(),
    }


def comments_context(
    request: HttpRequest,
    activity: Any,
    *,
    form: ActivityCommentForm | None = None,
    reply: tuple[int, ActivityCommentForm] | None = None,
) -> dict[str, Any]:
    """What the comments fragment needs; `form` or `reply` (thread id, form) to show a
    form again with its errors."""
    programme = activity.programme
    may_discuss = can(request.user, Capability.DISCUSS_ACTIVITY, programme)
    threads = queries.activity_threads(activity)
    if may_discuss:
        for thread in threads:
            thread.reply_form = (  # type: ignore[attr-defined]
                reply[1]
                if reply and reply[0] == thread.pk
                else ActivityCommentForm.reply_to(thread.pk)
            )
    return {
        "activity": activity,
        "threads": threads,
        "may_discuss": may_discuss,
        "comment_form": form or (ActivityCommentForm() if may_discuss else None),
        "organisation_name": programme.plan.organisation.name,
        "shows_names": sees_names(request.user, programme.plan.organisation_id),
    }


def activity_page_context(request: HttpRequest, activity: Any, **comments: Any) -> dict[str, Any]:
    """Everything the activity page shows; `comments` as for `comments_context`."""
    context = activity_context(request, activity)
    programme = activity.programme
    organisation_id = programme.plan.organisation_id
    reference = context["reference"]
    context.update(comments_context(request, activity, **comments))
    context.update(
        {
            "municipalities": activity.municipalities.all(),
            "goals": queries.goals_shown(
                request.user, activity.goals.select_related("funder"), organisation_id
            ),
            "programme_goals": queries.goals_shown(
                request.user, programme.goals.select_related("funder"), organisation_id
            ),
            "amendments": activity.amendments.select_related(
                "proposed_by", "decided_by", "target__indicator"
            ),
            "history": queries.activity_history(activity),
            "decision_form": AmendmentDecisionForm(),
            "computed_status": activity_status(
                card["row"].progress.status for card in context["cards"]
            ),
            "latest_update": queries.latest_activity_update(activity, reference),
            "may_report": can(request.user, Capability.REPORT_PROGRESS, programme),
            "report_quarter": Quarter.containing(Year(activity.year).clamp(reference)),
        }
    )
    return context


def submit(request: HttpRequest, form: Any, service: Any, success: str, **fixed: Any) -> Any:
    """Call a service with the form's cleaned data (its fields are named as the service's
    arguments); on success flash `success` and return the result, else put the service's
    messages next to the fields and return None."""
    try:
        result = service(
            actor=request.user, remote_addr=client_address(request), **fixed, **form.cleaned_data
        )
    except ValidationError as error:
        form.add_error(None, error)
        return None
    messages.success(request, success)
    return result


def act(request: HttpRequest, call: Any, success: str) -> bool:
    """Run a service call for a button that posts and returns to its page: the outcome,
    or the service's reasons for refusing, are flashed as messages."""
    try:
        call()
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
        return False
    messages.success(request, success)
    return True


def flash_form_errors(request: HttpRequest, form: Any) -> None:
    """A form posted from a page that redirects back: its problems as messages there,
    each with its field's label."""
    for field, errors in form.errors.items():
        label = str(form.fields[field].label) if field in form.fields else ""
        for problem in errors:
            messages.error(request, f"{label}: {problem}" if label else str(problem))


def display(instance: Any, name: str) -> Any:
    """A field's value as shown to users: the label of a choice, else the value."""
    label = getattr(instance, f"get_{name}_display", None)
    return label() if label else getattr(instance, name)


def form_status(request: HttpRequest, conflict_rows: Any = None) -> int:
    """The status of a form page shown again: 200 on GET; after a POST that did not save,
    409 when someone else saved in between, else 400."""
    if request.method != "POST":
        return 200
    return 409 if conflict_rows else 400


def form_page(request: HttpRequest, form: Any, **context: Any) -> HttpResponse:
    status = form_status(request, context.get("conflict_rows"))
    return render(request, "plans/form_page.html", {"form": form, **context}, status=status)


def save_versioned(
    request: HttpRequest, form: Any, call: Any, success: str, shown: tuple[str, ...]
) -> tuple[bool, list[tuple[Any, Any]] | None]:
    """Run `call()` that saves a form carrying the record's version.

    Saved: (True, None). Someone saved in between: the other version's `shown` fields as
    rows for the page, the form keeps her input with the new version (so saving again is
    a deliberate choice), and a message says so. Refused: the reasons next to the fields.
    """
    try:
        call()
    except ConflictError as error:
        current = error.current
        messages.error(
            request,
            _(
                "Someone else saved this record while you were editing it. "
                "Their version is shown below; your changes are kept in the form — "
                "check them and save again."
            ),
        )
        data = form.data.copy()
        data["version"] = str(current.version)
        form.data = data
        return False, [(form.fields[name].label, display(current, name)) for name in shown]
    except ValidationError as error:
        form.add_error(None, error)
        return False, None
    messages.success(request, success)
    return True, None
