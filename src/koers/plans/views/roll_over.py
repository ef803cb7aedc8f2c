"""Drafting next year's annual plan from the multi-year plan: what it would change, then the
one-click confirmation (koers.core.confirm)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from koers.accounts.decorators import requires
from koers.accounts.policy import has_capability
from koers.accounts.roles import Capability
from koers.core.confirm import Confirmation, Question, asks_first
from koers.core.http import client_address
from koers.plans import access, queries, services
from koers.plans.models import AnnualPlan
from koers.plans.queries.roll_over import RollOver
from koers.plans.views.common import VIEW


@asks_first
@requires(VIEW)
@require_http_methods(["GET", "POST"])
def annual_plan_roll_over(request: HttpRequest, pk: int) -> HttpResponse:
    annual_plan = access.get_annual_plan_for_user(request.user, pk)
    scope = access.annual_plan_scope(annual_plan)
    if not has_capability(request.user, Capability.MANAGE_ANNUAL_PLAN, scope):
        raise PermissionDenied
    confirmation = Confirmation(request)
    if confirmation.given():
        done, response = confirmation.carry_out(lambda: _draft(request, annual_plan))
        if done and response is not None:
            return response
    preview = queries.roll_over_preview(annual_plan)
    return render(
        request,
        "plans/annual_plan_roll_over.html",
        {
            "annual_plan": annual_plan,
            "preview": preview,
            "confirmation": confirmation,
            "question": None if preview.refusal else _question(annual_plan, preview),
        },
        status=confirmation.status,
    )


def _draft(request: HttpRequest, annual_plan: AnnualPlan) -> HttpResponse:
    try:
        drafted, preview = services.annual_plan_carry_over(
            actor=request.user, annual_plan=annual_plan, remote_addr=client_address(request)
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(reverse("plans:annual_plan", args=[annual_plan.pk]))
    messages.success(
        request,
        _(
            "The annual plan %(year)s has been drafted: %(carried)s activities carried over, "
            "%(new)s new from the multi-year plan. It is a draft; review its targets."
        )
        % {"year": drafted.year, "carried": len(preview.carried), "new": len(preview.new)},
    )
    return redirect(reverse("plans:annual_plan", args=[drafted.pk]))


def _question(annual_plan: AnnualPlan, preview: RollOver) -> Question:
    return Question(
        heading=_("Draft the annual plan %(year)s?") % {"year": preview.year},
        consequences=[
            ngettext(
                "%(count)s activity carries over (indicators: %(indicators)s, targets "
                "proposed: %(targets)s).",
                "%(count)s activities carry over (indicators: %(indicators)s, targets "
                "proposed: %(targets)s).",
                len(preview.carried),
            )
            % {
                "count": len(preview.carried),
                "indicators": preview.indicator_count,
                "targets": preview.target_count,
            },
            ngettext(
                "%(count)s activity is left out (stopped or no-go).",
                "%(count)s activities are left out (stopped or no-go).",
                len(preview.left_out),
            )
            % {"count": len(preview.left_out)},
            ngettext(
                "%(count)s activity is added from the multi-year plan's results.",
                "%(count)s activities are added from the multi-year plan's results.",
                len(preview.new),
            )
            % {"count": len(preview.new)},
            _("The annual plan %(year)s starts as a draft; it can be drafted this way once.")
            % {"year": preview.year},
        ],
        button=_("Yes, draft the annual plan %(year)s") % {"year": preview.year},
        cancel_url=reverse("plans:annual_plan", args=[annual_plan.pk]),
        cancel_label=str(annual_plan.year),
    )
