"""Approving weeks: the submitted weeks she may approve, and her decision on one."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from koers.accounts.decorators import requires
from koers.accounts.roles import Capability
from koers.core.http import client_address
from koers.core.pages import flash_form_errors
from koers.work import services
from koers.work.access import get_week_to_decide, may_approve, staff_pages_for
from koers.work.forms import WeekDecisionForm
from koers.work.models import (
    TimeEntry,
    Week,
    WeekStatus,
)
from koers.work.rules import monday_of


@requires(Capability.APPROVE_HOURS)
@require_GET
def approvals(request: HttpRequest) -> HttpResponse:
    """Submitted weeks she may approve, each with its hours per row."""
    weeks = [
        week
        for week in Week.objects.for_approver(request.user)
        .filter(status=WeekStatus.SUBMITTED)
        .select_related("user")
        .order_by("monday", "user__first_name")
        if may_approve(request.user, week)
    ]
    totals = {
        (row["user_id"], monday_of(row["date"])): row["total"]
        for row in TimeEntry.objects.filter(
            user_id__in={w.user_id for w in weeks},
            date__gte=min((w.monday for w in weeks), default=dt.date.min),
        )
        .values("user_id", "date")
        .annotate(total=Sum("hours"))
    }
    summary: dict[tuple[int, dt.date], Decimal] = {}
    for (user_id, monday), total in totals.items():
        summary[(user_id, monday)] = summary.get((user_id, monday), Decimal(0)) + total
    return render(
        request,
        "work/approvals.html",
        {
            "weeks": [
                (week, summary.get((week.user_id, week.monday), Decimal(0))) for week in weeks
            ],
            # Directors and operations approve weeks of staff whose year page is not theirs.
            "staff_pages": staff_pages_for(request.user, {week.user_id for week in weeks}),
        },
    )


@requires(Capability.APPROVE_HOURS)
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    week = get_week_to_decide(request.user, pk)
    form = WeekDecisionForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("work:approvals")
    try:
        if form.cleaned_data["decision"] == "return":
            services.week_return(
                actor=request.user,
                week=week,
                remark=form.cleaned_data["remark"],
                remote_addr=client_address(request),
            )
            messages.success(request, _("The week has been returned with your remark."))
        else:
            services.week_approve(
                actor=request.user, week=week, remote_addr=client_address(request)
            )
            messages.success(request, _("The week has been approved."))
    except ValidationError as error:
        for problem in error.messages:
            messages.error(request, problem)
    return redirect("work:approvals")
