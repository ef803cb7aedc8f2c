"""Closing months, and correcting hours of a closed month."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from koers.accounts.decorators import requires
from koers.accounts.policy import (
    own_organisation,
)
from koers.accounts.roles import Capability
from koers.core.confirm import Question, asks_first, confirm_first
from koers.core.http import client_address
from koers.core.numbers import grouped
from koers.core.pages import RowRefusal, act, attempt, flash_form_errors
from koers.core.reference import default_reference
from koers.work import services
from koers.work.access import corrections_staff_id
from koers.work.forms import CorrectionForm, CorrectionsFilterForm, MonthCloseForm
from koers.work.models import (
    ClosedMonth,
    TimeEntry,
    month_of,
)


@requires(Capability.CLOSE_PERIOD)
@require_GET
def months(request: HttpRequest) -> HttpResponse:
    organisation_id = own_organisation(request.user, Capability.CLOSE_PERIOD)
    year = default_reference().year
    closed = {
        c.month: c
        for c in ClosedMonth.objects.filter(
            organisation_id=organisation_id, month__year=year
        ).select_related("closed_by")
    }
    hours = {
        row["month"]: row["total"]
        for row in TimeEntry.objects.filter(organisation_id=organisation_id, date__year=year)
        .annotate(month=TruncMonth("date"))
        .values("month")
        .annotate(total=Sum("hours"))
    }
    rows = [
        {"month": month, "closed": closed.get(month), "hours": hours.get(month)}
        for month in (dt.date(year, number, 1) for number in range(1, 13))
    ]
    return render(request, "work/months.html", {"year": year, "rows": rows})


@asks_first
@requires(Capability.CLOSE_PERIOD)
@require_POST
def month_close(request: HttpRequest) -> HttpResponse:
    """Close a month (posted from the months page), after the question of what it locks."""
    organisation_id = own_organisation(request.user, Capability.CLOSE_PERIOD)
    form = MonthCloseForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("work:months")
    month = month_of(form.cleaned_data["month"])
    shown = date_format(month, "YEAR_MONTH_FORMAT")

    def close() -> HttpResponse:
        act(
            request,
            lambda: services.month_close(
                actor=request.user,
                organisation_id=organisation_id,
                month=month,
                remote_addr=client_address(request),
            ),
            _("%(month)s has been closed.") % {"month": shown},
        )
        return redirect("work:months")

    return confirm_first(
        request,
        question=lambda: Question(
            heading=capfirst(_("Close %(month)s?") % {"month": shown}),
            consequences=month_close_consequences(organisation_id, month),
            button=_("Yes, close the month"),
            cancel_url=reverse("work:months"),
        ),
        then=close,
        carried=("month",),
    )


def month_close_consequences(organisation_id: int, month: dt.date) -> list[str]:
    """What closing `month` locks, counted: its entries and the staff they belong to."""
    entries = TimeEntry.objects.filter(
        organisation_id=organisation_id, date__year=month.year, date__month=month.month
    ).aggregate(count=Count("pk"), hours=Sum("hours"), staff=Count("user", distinct=True))
    return [
        ngettext(
            "%(count)s time entry (%(hours)s hours) can no longer be changed.",
            "%(count)s time entries (%(hours)s hours) can no longer be changed.",
            entries["count"],
        )
        % {"count": entries["count"], "hours": grouped(entries["hours"] or 0, 2)},
        ngettext(
            "They are the hours of %(staff)s staff member.",
            "They are the hours of %(staff)s staff members.",
            entries["staff"],
        )
        % {"staff": entries["staff"]},
        _("Mistakes are corrected afterwards by signed entries in an open month."),
        _("A closed month is not opened again."),
    ]


@requires(Capability.RECORD_HOURS)
@require_http_methods(["GET", "POST"])
def corrections(request: HttpRequest) -> HttpResponse:
    """Correct hours of a closed month: a signed entry in an open month that points at the
    entry it corrects. For the staff member herself and for operations."""
    me: Any = request.user
    organisation_id = own_organisation(request.user, Capability.RECORD_HOURS)
    query = CorrectionsFilterForm(request.GET)
    query.is_valid()  # a value that does not parse counts as not given
    staff_id = corrections_staff_id(me, organisation_id, query.cleaned_data.get("medewerker"))
    month = query.cleaned_data.get("maand")
    refused = None
    if request.method == "POST":
        # The row's ids carry its entry (day-12): the refused row's fields are marked there.
        posted_entry = request.POST.get("entry", "")
        form = CorrectionForm(
            request.POST,
            entries=TimeEntry.objects.filter(user_id=staff_id, organisation_id=organisation_id),
            auto_id=f"%s-{posted_entry if posted_entry.isdigit() else 0}",
        )
        if attempt(
            request,
            form,
            lambda cleaned: services.entry_correct(
                actor=me,
                entry=cleaned["entry"],
                day=cleaned["day"],
                hours=cleaned["hours"],
                note=cleaned["note"],
                remote_addr=client_address(request),
            ),
            _("The correction has been saved."),
        ):
            return redirect(f"{reverse('work:corrections')}?{request.GET.urlencode()}")
        # Refused by the form or the service: the page again, the row's fields marked.
        refused = RowRefusal(int(posted_entry) if posted_entry.isdigit() else 0, form)
    entries = []
    if month is not None:
        end = (month + dt.timedelta(days=32)).replace(day=1)
        entries = list(
            TimeEntry.objects.filter(
                user_id=staff_id,
                organisation_id=organisation_id,
                date__gte=month,
                date__lt=end,
                corrects__isnull=True,
            )
            .select_related("project", "activity", "category")
            .prefetch_related("corrections")
        )
    closed = (
        month is not None
        and ClosedMonth.objects.filter(organisation_id=organisation_id, month=month).exists()
    )
    return render(
        request,
        "work/corrections.html",
        {
            "month": month,
            "closed": closed,
            "entries": entries,
            "staff_id": staff_id,
            "today": timezone.localdate(),
            "refused": refused,
        },
        status=400 if refused else 200,
    )
