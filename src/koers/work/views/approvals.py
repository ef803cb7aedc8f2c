"""Approving weeks: the submitted weeks she may approve, and her decision on one."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from koers.accounts.decorators import requires
from koers.accounts.roles import Capability
from koers.core.http import client_address
from koers.core.pages import RowRefusal, attempt, row_form, shown_again
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
    return _approvals_page(request)


def _approvals_page(request: HttpRequest, refused: RowRefusal | None = None) -> HttpResponse:
    """Submitted weeks she may approve, each with its hours per row; after a refused
    decision with that week's form as posted."""
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
            "refused": refused,
        },
    )


@requires(Capability.APPROVE_HOURS)
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    week = get_week_to_decide(request.user, pk)
    form = row_form(WeekDecisionForm, request.POST, week.pk)

    def decide_week(cleaned: dict[str, Any]) -> None:
        if cleaned["decision"] == "return":
            services.week_return(
                actor=request.user,
                week=week,
                remark=cleaned["remark"],
                remote_addr=client_address(request),
            )
        else:
            services.week_approve(
                actor=request.user, week=week, remote_addr=client_address(request)
            )

    if attempt(
        request,
        form,
        decide_week,
        lambda cleaned: (
            _("The week has been returned with your remark.")
            if cleaned["decision"] == "return"
            else _("The week has been approved.")
        ),
    ):
        return redirect("work:approvals")
    return shown_again(_approvals_page(request, RowRefusal(week.pk, form)))
