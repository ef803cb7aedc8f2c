"""The analysis of signals: counts per theme, municipality and law by quarter, what is rising,
where too few signals come in — and the same as Excel. Figures only, small numbers hidden, so
funders' officials and the board see it as the organisation's staff do."""

from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from koers.accounts.decorators import requires
from koers.accounts.policy import organisations_with
from koers.accounts.roles import Capability
from koers.core.spreadsheets import spreadsheet_export, xlsx_response
from koers.directory.models import Organisation
from koers.signals.access import figure_holders_visible_to
from koers.signals.analysis import exports
from koers.signals.analysis.forms import AnalysisFilterForm
from koers.signals.analysis.queries import Analysis
from koers.signals.analysis.queries import analysis as build_analysis
from koers.signals.models import Signal


def _holders(user: Any) -> tuple[list[tuple[int, str]], int | None]:
    """The organisations whose figures she may see, by name, and her own among them."""
    visible = figure_holders_visible_to(user)
    holders = list(
        Organisation.objects.filter(pk__in=visible).order_by("name").values_list("pk", "name")
    )
    own, _funding = organisations_with(user, Capability.VIEW_SIGNAL_FIGURES)
    preferred = min(own & visible, default=None)
    if preferred is None and len(holders) > 1:
        # A funder's official: the organisation with the most signals, not the first by name.
        preferred = (
            Signal.objects.filter(holder_id__in=visible)
            .values("holder_id")
            .annotate(count=Count("pk"))
            .order_by("-count", "holder_id")
            .values_list("holder_id", flat=True)
            .first()
        )
    return holders, preferred


def _analysed(request: HttpRequest) -> tuple[AnalysisFilterForm | None, Analysis | None, str]:
    holders, preferred = _holders(request.user)
    if not holders:
        return None, None, ""
    form = AnalysisFilterForm(request.GET, holders=holders, preferred=preferred)
    found = build_analysis(form.filters())
    holder = dict(holders)[form.holder_id]
    return form, found, holder


@requires(Capability.VIEW_SIGNAL_FIGURES)
@require_GET
def analysis(request: HttpRequest) -> HttpResponse:
    form, found, holder = _analysed(request)
    return render(
        request,
        "signals/analysis/analysis.html",
        {
            "form": form,
            "analysis": found,
            "holder": holder,
            "export_query": form.query() if form is not None else "",
        },
    )


@spreadsheet_export
@requires(Capability.VIEW_SIGNAL_FIGURES)
@require_GET
def analysis_export(request: HttpRequest) -> HttpResponse:
    """The page's figures as a workbook, hidden where the page hides them."""
    _form, found, holder = _analysed(request)
    if found is None:
        return xlsx_response("signalen-analyse.xlsx", exports.nothing_to_show())
    return xlsx_response(
        f"signalen-analyse-{found.filters.last.year}-K{found.filters.last.number}.xlsx",
        exports.sheets(found, holder),
    )
