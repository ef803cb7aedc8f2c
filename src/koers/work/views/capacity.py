"""Capacity: the organisation's hours against targets and budgets, and one person's year."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from koers.accounts.decorators import requires
from koers.accounts.policy import (
    own_organisation,
)
from koers.accounts.roles import Capability
from koers.core.reference import viewpoint
from koers.work import queries
from koers.work.access import get_profile_to_view


@requires(Capability.VIEW_CAPACITY)
@require_GET
def capacity(request: HttpRequest) -> HttpResponse:
    """Direct hours against the year's target, a forecast, hours per programme against its
    FTE, per project against its budget, per activity, and the weeks not handed in."""
    organisation_id = own_organisation(request.user, Capability.VIEW_CAPACITY)
    point = viewpoint(request)
    figures = queries.capacity(organisation_id, point.year.value, point.reference)
    return render(request, "work/capacity.html", {"figures": figures, "viewpoint": point})


@requires(Capability.RECORD_HOURS)
@require_GET
def person(request: HttpRequest, user_id: int) -> HttpResponse:
    """One staff member's hours: for herself and her coordinator only."""
    profile = get_profile_to_view(request.user, user_id)
    point = viewpoint(request)
    figures = queries.person_year(profile.user, point.year.value, point.reference)
    return render(
        request, "work/person.html", {"figures": figures, "viewpoint": point, "profile": profile}
    )
