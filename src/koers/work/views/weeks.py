"""Her week grid: recording, saving and submitting a week's hours, copying last week."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from koers.accounts.decorators import requires
from koers.accounts.policy import (
    own_organisation,
)
from koers.accounts.roles import Capability
from koers.core.http import client_address
from koers.core.reference import default_reference
from koers.work import grid, services
from koers.work.forms import WeekForm, WeekRowsForm
from koers.work.models import (
    ClosedMonth,
    TimeEntry,
    Week,
    month_of,
)
from koers.work.rules import monday_of

DAY_NAMES = [  # lazy: translated per request, not once at import
    gettext_lazy("Mon"),
    gettext_lazy("Tue"),
    gettext_lazy("Wed"),
    gettext_lazy("Thu"),
    gettext_lazy("Fri"),
    gettext_lazy("Sat"),
    gettext_lazy("Sun"),
]


def _monday(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise Http404 from None
    return monday_of(day)


@requires(Capability.RECORD_HOURS)
@require_GET
def week_today(request: HttpRequest) -> HttpResponse:
    monday = monday_of(min(default_reference(), timezone.localdate()))
    return redirect("work:week", monday=monday.isoformat())


@requires(Capability.RECORD_HOURS)
@require_http_methods(["GET", "POST"])
def week(request: HttpRequest, monday: str) -> HttpResponse:
    me: Any = request.user
    day = _monday(monday)
    if day.isoformat() != monday:
        return redirect("work:week", monday=day.isoformat())
    organisation_id = own_organisation(request.user, Capability.RECORD_HOURS)
    available = grid.options(request.user, organisation_id, day)
    extra = WeekRowsForm(request.POST).keys("rows") + WeekRowsForm(request.GET).keys("rij")
    rows = grid.rows_for(request.user, day, extra, available)
    this_week = Week.objects.filter(user=me, monday=day).first()
    status = 200
    if request.method == "POST":
        shown = {row.key for row in rows}
        addable = [grid.key_of(t) for group in available.values() for t in group]
        form = WeekForm(request.POST, rows=rows, addable=[k for k in addable if k not in shown])
        valid = form.is_valid()
        if valid and form.action_chosen == "copy":
            return _copy_last_week(request, organisation_id, day)
        problems = [] if valid else form.problems()
        if valid:
            try:
                this_week = services.week_save(
                    actor=request.user,
                    organisation_id=organisation_id,
                    monday=day,
                    cells=form.cells(day),
                    remote_addr=client_address(request),
                )
                if form.action_chosen == "submit":
                    services.week_submit(
                        actor=request.user, week=this_week, remote_addr=client_address(request)
                    )
                    messages.success(request, _("Your week has been submitted for approval."))
                else:
                    messages.success(request, _("Your hours have been saved."))
                return redirect("work:week", monday=day.isoformat())
            except ValidationError as error:
                problems = error.messages
        for problem in problems:
            messages.error(request, problem)
        status = 400
    days = [day + dt.timedelta(days=n) for n in range(7)]
    day_totals = [sum((row.hours[i] or Decimal(0) for row in rows), Decimal(0)) for i in range(7)]
    closed = set(
        ClosedMonth.objects.filter(
            organisation_id=organisation_id, month__in={month_of(d) for d in days}
        ).values_list("month", flat=True)
    )
    shown = {row.key for row in rows}
    return render(
        request,
        "work/week.html",
        {
            "monday": day,
            "days": [
                {"date": d, "name": DAY_NAMES[i], "closed": month_of(d) in closed}
                for i, d in enumerate(days)
            ],
            "rows": rows,
            "day_totals": day_totals,
            "week_total": sum(day_totals, Decimal(0)),
            "week": this_week,
            "editable": this_week is None or this_week.editable,
            "previous": (day - dt.timedelta(days=7)).isoformat(),
            "next": (day + dt.timedelta(days=7)).isoformat(),
            "addable": {
                name: [(grid.key_of(t), t) for t in group if grid.key_of(t) not in shown]
                for name, group in available.items()
            },
        },
        status=status,
    )


def _copy_last_week(request: HttpRequest, organisation_id: int, monday: dt.date) -> HttpResponse:
    """Last week's hours into this week's empty cells, as one save."""
    me: Any = request.user
    last = TimeEntry.objects.filter(
        user=me,
        date__gte=monday - dt.timedelta(days=7),
        date__lt=monday,
        corrects__isnull=True,
    ).select_related("project", "activity", "category")
    taken = set(
        TimeEntry.objects.filter(
            user=me, date__gte=monday, date__lt=monday + dt.timedelta(days=7)
        ).values_list("project_id", "activity_id", "category_id", "date")
    )
    cells = [
        services.Cell(entry.target, entry.date + dt.timedelta(days=7), entry.hours, entry.note)
        for entry in last
        if (
            entry.project_id,
            entry.activity_id,
            entry.category_id,
            entry.date + dt.timedelta(days=7),
        )
        not in taken
    ]
    try:
        services.week_save(
            actor=request.user,
            organisation_id=organisation_id,
            monday=monday,
            cells=cells,
            remote_addr=client_address(request),
        )
    except ValidationError as error:
        for problem in error.messages:
            messages.error(request, problem)
    else:
        messages.success(
            request, _("%(count)s entries copied from last week.") % {"count": len(cells)}
        )
    return redirect("work:week", monday=monday.isoformat())
