"""The financial position per year: result, reserves and solvency, and its edit page."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from koers.accounts.decorators import requires, requires_as_staff
from koers.accounts.policy import organisations_with, own_organisation
from koers.accounts.roles import Capability
from koers.core.http import client_address
from koers.core.versioning import versioned_edit
from koers.funding import queries, services
from koers.funding.forms import PositionForm
from koers.funding.models import (
    FinancialYear,
)


@requires_as_staff(Capability.VIEW_FUNDING)
@require_GET
def position(request: HttpRequest) -> HttpResponse:
    organisation_id = own_organisation(request.user, Capability.VIEW_FUNDING)
    rows = queries.position(organisation_id)
    low, high = queries.solvency_band()
    own, _funding = organisations_with(request.user, Capability.MANAGE_FUNDING)
    return render(
        request,
        "funding/position.html",
        {
            "rows": rows,
            "low": low,
            "high": high,
            "planned_total": queries.planned_result_total(rows),
            "figure_flags": queries.figure_flags(organisation_id, low, high),
            "may_manage": bool(own),
        },
    )


@requires(Capability.MANAGE_FUNDING)
@require_http_methods(["GET", "POST"])
def position_edit(request: HttpRequest, year: int) -> HttpResponse:
    organisation_id = own_organisation(request.user, Capability.MANAGE_FUNDING)
    if not 1900 <= year <= 2200:
        raise Http404
    record = FinancialYear.objects.filter(organisation_id=organisation_id, year=year).first()
    form = PositionForm(
        request.POST or None,
        instance=record or FinancialYear(year=year),
        initial={"version": record.version} if record else None,
    )
    return versioned_edit(
        request,
        form,
        lambda cleaned: services.financial_year_save(
            actor=request.user,
            organisation_id=organisation_id,
            year=year,
            values={name: cleaned[name] for name in services.POSITION_FIELDS},
            expected_version=cleaned["version"],
            remote_addr=client_address(request),
        ),
        success=_("The financial position has been saved."),
        shown=("planned_result", "realised_result", "realised_reserve", "equity"),
        intro=_(
            "The required equity is the range of equity the organisation should hold at the "
            "end of the year, e.g. from a risk analysis."
        ),
        next_url=lambda saved: reverse("funding:position"),
        heading=_("Financial position %(year)s") % {"year": year},
        back_url=reverse("funding:position"),
    )
