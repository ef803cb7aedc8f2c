"""What the plans pages share: the activity page's context and the years of the plans shown."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from koers.accounts.policy import sees_names
from koers.accounts.roles import Capability
from koers.core.periods import Quarter, Year
from koers.core.reference import viewpoint
from koers.plans import queries
from koers.plans.access import (
    can,
)
from koers.plans.forms import (
    ActivityCommentForm,
    AmendmentDecisionForm,
    RealisationForm,
)
from koers.plans.measures import get_measure
from koers.plans.models import (
    AnnualPlanStatus,
    Source,
)
from koers.plans.progress import ON_TRACK_MARGIN, activity_status

VIEW = Capability.VIEW_PLANS


def margin_percent() -> int:
    return int(ON_TRACK_MARGIN * 100)


def _measure_label(indicator: Any) -> Any:
    measure = get_measure(indicator.measure) if indicator.source == Source.DERIVED else None
    return measure.label if measure else ""


def activity_context(request: HttpRequest, activity: Any) -> dict[str, Any]:
    reference = viewpoint(request, years=range(activity.year, activity.year + 1)).reference
    rows = queries.activity_indicators(activity, reference)
    realisations = queries.recent_realisations([row.indicator.pk for row in rows], until=reference)
    programme = activity.programme
    annual_plan = queries.annual_plan_for(programme.plan, activity.year)
    accounted = annual_plan is not None and annual_plan.status == AnnualPlanStatus.ACCOUNTED
    may_record = can(request.user, Capability.RECORD_REALISATION, programme) and not accounted
    year = Year(activity.year)
    # The same window as the figures (with_progress_values): the list matches the number.
    counted = queries.counted_records(
        request.user, [row.indicator for row in rows], year.start, min(reference, year.end)
    )
    periods = queries.multi_year_progress([row.indicator.pk for row in rows], reference)
    cards = [
        {
            "row": row,
            "periods": periods.get(row.indicator.pk, []),
            "realisations": realisations.get(row.indicator.pk, []),
            "counted": counted.get(row.indicator.pk),
            "measure_label": _measure_label(row.indicator),
            "form": RealisationForm(
                indicator=row.indicator,
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
        "multi_year_results": queries.activity_multi_year_results(activity),
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
            "latest_quarter_report": queries.latest_quarter_report(activity, reference),
            "may_report": can(request.user, Capability.REPORT_PROGRESS, programme),
            "report_quarter": Quarter.containing(Year(activity.year).clamp(reference)),
            "due": queries.activity_due(activity, reference),
            "partners": queries.activity_partners(activity),
        }
    )
    return context
