"""Member employers (for CMO: Zowelwerk's members): who is a member, since when, and the
count per year with its growth."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from koers.accounts.decorators import requires
from koers.accounts.policy import organisations_with, own_organisation
from koers.accounts.roles import Capability
from koers.core.http import client_address
from koers.core.pages import act, submit
from koers.core.reference import viewpoint
from koers.relations.members import services
from koers.relations.members.forms import MemberForm
from koers.relations.models import EmployerMembership

YEARS_SHOWN = 5


def _per_year(holder_id: int, last_year: int) -> list[tuple[int, int, int]]:
    """(year, members at its end, growth over the year), counted in one query."""
    years = range(last_year - YEARS_SHOWN, last_year + 1)

    def running_on(day: dt.date) -> Q:
        return Q(started_on__lte=day) & (Q(ended_on__isnull=True) | Q(ended_on__gte=day))

    counts = EmployerMembership.objects.filter(holder_id=holder_id).aggregate(
        **{str(year): Count("id", filter=running_on(dt.date(year, 12, 31))) for year in years}
    )
    return [
        (year, counts[str(year)], counts[str(year)] - counts[str(year - 1)]) for year in years[1:]
    ]


@requires(Capability.VIEW_PERSONS)
@require_http_methods(["GET", "POST"])
def members(request: HttpRequest) -> HttpResponse:
    holder_id = own_organisation(request.user, Capability.VIEW_PERSONS)
    own_edit, _funding = organisations_with(request.user, Capability.EDIT_PERSONS)
    may_edit = holder_id in own_edit
    form = MemberForm(request.POST or None) if may_edit else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid() and submit(
            request,
            form,
            services.membership_start,
            _("The member employer has been added."),
            holder_id=holder_id,
        ):
            return redirect("relations:members")
    today = timezone.localdate()
    rows = (
        EmployerMembership.objects.filter(holder_id=holder_id)
        .select_related("organisation")
        .order_by("ended_on", "organisation__name")
    )
    return render(
        request,
        "relations/members.html",
        {
            "memberships": rows,
            "per_year": _per_year(holder_id, viewpoint(request).year.value),
            "form": form,
            "may_edit": may_edit,
            "today": today,
        },
        status=400 if request.method == "POST" else 200,
    )


@requires(Capability.EDIT_PERSONS)
@require_POST
def member_end(request: HttpRequest, pk: int) -> HttpResponse:
    own, _funding = organisations_with(request.user, Capability.EDIT_PERSONS)
    membership = get_object_or_404(EmployerMembership.objects.filter(holder_id__in=own), pk=pk)
    raw = request.POST.get("ended_on", "")
    try:
        ended_on = dt.date.fromisoformat(raw) if raw else timezone.localdate()
    except ValueError:
        messages.error(request, _("Enter the date as day, month and year."))
        return redirect("relations:members")
    act(
        request,
        lambda: services.membership_end(
            actor=request.user,
            membership=membership,
            ended_on=ended_on,
            remote_addr=client_address(request),
        ),
        _("The membership has ended."),
    )
    return redirect("relations:members")
