"""Which funder's portfolio the official opens: an organisation she acts for as a funder."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest

from koers.accounts.policy import organisations_with
from koers.accounts.roles import Capability
from koers.directory.models import Organisation
from koers.plans.models import Goal

# The query parameter that chooses the funder, for an official of several.
FUNDER_PARAMETER = "opdrachtgever"


def funders_of(user: Any) -> list[Organisation]:
    _own, funding = organisations_with(user, Capability.DECIDE_AS_FUNDER)
    return list(Organisation.objects.filter(pk__in=funding).order_by("name"))


def chosen_funder(request: HttpRequest) -> tuple[Organisation, list[Organisation]]:
    """The funder asked for (her first when none is), and all she acts for; 404 for one
    she does not act for (not: forbidden)."""
    funders = funders_of(request.user)
    if not funders:
        raise Http404
    asked = request.GET.get(FUNDER_PARAMETER, "")
    if not asked:
        return funders[0], funders
    for funder in funders:
        if str(funder.pk) == asked:
            return funder, funders
    raise Http404


def funders_goal(request: HttpRequest, pk: int) -> Goal:
    """A goal of the tree of a funder she acts for; 404 for any other (the goal itself is
    shared, but the portfolio under it is the funder's)."""
    funders = funders_of(request.user)
    goal = Goal.objects.filter(funder__in=funders, pk=pk).select_related("funder").first()
    if goal is None:
        raise Http404
    return goal
