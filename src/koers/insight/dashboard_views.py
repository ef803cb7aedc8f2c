"""The dashboards: the overview, an area's key figures beside the programmes' work there, the
labour market of care and welfare, the benchmark of the municipalities (with its map), and
the choice of key figures."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from koers.accounts.decorators import requires
from koers.accounts.policy import has_capability
from koers.accounts.roles import Capability
from koers.core.confirm import Question, asks_first, confirm_first
from koers.core.pages import act
from koers.core.reference import default_reference
from koers.core.spreadsheets import csv_response, spreadsheet_export, xlsx_response
from koers.core.versioning import versioned_edit
from koers.insight import dashboard_exports, services
from koers.insight.access import get_key_figure_to_keep, region_or_404
from koers.insight.areas import work_in
from koers.insight.dashboard_forms import BenchmarkChoiceForm, KeyFigureForm
from koers.insight.dashboards import (
    area_dashboard,
    benchmark,
    comparable_figures,
    labour_market,
    municipal,
)
from koers.insight.figures import key_figures
from koers.insight.keepers import mark_keepers
from koers.insight.maps import choropleth
from koers.insight.models import KeyFigure
from koers.insight.note_readers import NoteReader
from koers.insight.queries import flevoland_codes, region_names
from koers.insight.regions import FLEVOLAND
from koers.plans.queries.goals import goal_tree

EXPORT_KINDS = ("csv", "xlsx")


@requires(Capability.VIEW_STATISTICS)
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    names = region_names()
    areas = [(code, names.get(code, code)) for code in flevoland_codes()]
    return render(
        request,
        "insight/index.html",
        {
            "areas": areas,
            "trees": goal_tree(request.user),
            "figure_count": KeyFigure.objects.count(),
            "may_manage": has_capability(request.user, Capability.MANAGE_STATISTICS),
        },
    )


@requires(Capability.VIEW_STATISTICS)
@require_GET
def area(request: HttpRequest, code: str) -> HttpResponse:
    region = region_or_404(code)
    dashboard = area_dashboard(region.code, reader=NoteReader.of(request.user))
    year = default_reference().year
    return render(
        request,
        "insight/area.html",
        {
            "dashboard": dashboard,
            "work": work_in(request.user, region.code, year) if region.level == "GM" else [],
            "work_year": year,
            "may_annotate": has_capability(request.user, Capability.ANNOTATE_FIGURES),
        },
    )


@spreadsheet_export
@requires(Capability.VIEW_STATISTICS)
@require_GET
def area_export(request: HttpRequest, code: str, kind: str) -> HttpResponse:
    if kind not in EXPORT_KINDS:
        raise Http404
    region = region_or_404(code)
    dashboard = area_dashboard(region.code, reader=NoteReader.of(request.user))
    name = f"kerncijfers-{region.code.lower()}"
    if kind == "csv":
        return csv_response(f"{name}.csv", dashboard_exports.tile_rows(dashboard.tiles))
    return xlsx_response(
        f"{name}.xlsx", dashboard_exports.tile_sheets(dashboard.name, dashboard.tiles)
    )


@requires(Capability.VIEW_STATISTICS)
@require_GET
def labour(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "insight/labour_market.html",
        {
            "sections": labour_market(NoteReader.of(request.user), FLEVOLAND),
            "region": FLEVOLAND,
            "region_name": region_names().get(FLEVOLAND, FLEVOLAND),
            "may_annotate": has_capability(request.user, Capability.ANNOTATE_FIGURES),
        },
    )


def _benchmark(request: HttpRequest) -> tuple[BenchmarkChoiceForm, Any, list[str]]:
    """The choice of figure, the benchmark it asks for, and the municipalities compared
    (Flevoland's, read once for the page)."""
    codes = flevoland_codes()
    municipalities = municipal(codes)
    form = BenchmarkChoiceForm(
        request.GET or None, figures=list(comparable_figures(municipalities))
    )
    found = (
        benchmark(form.figure, codes, form.period, reader=NoteReader.of(request.user))
        if form.figure
        else None
    )
    return form, found, municipalities


@requires(Capability.VIEW_STATISTICS)
@require_GET
def benchmark_page(request: HttpRequest) -> HttpResponse:
    form, found, municipalities = _benchmark(request)
    chart = None
    if found is not None:
        chart = choropleth(
            found.municipal_values(),
            {row.code: row.text for row in found.rows},
            municipalities,
            found.figure.number,
        )
    return render(
        request,
        "insight/benchmark.html",
        {
            "form": form,
            "benchmark": found,
            "map": chart,
            "export_query": form.query(found.period) if found else "",
            "may_annotate": has_capability(request.user, Capability.ANNOTATE_FIGURES),
        },
    )


@spreadsheet_export
@requires(Capability.VIEW_STATISTICS)
@require_GET
def benchmark_export(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in EXPORT_KINDS:
        raise Http404
    _form, found, _municipalities = _benchmark(request)
    if found is None or not found.period:
        raise Http404(_("There is no figure to compare."))
    name = f"vergelijking-{found.figure.figure.pk}-{found.period.lower()}"
    if kind == "csv":
        return csv_response(f"{name}.csv", dashboard_exports.benchmark_rows(found))
    return xlsx_response(f"{name}.xlsx", dashboard_exports.benchmark_sheets(found))


# --- the choice of key figures -------------------------------------------------------------


@requires(Capability.MANAGE_STATISTICS)
@require_GET
def figures(request: HttpRequest) -> HttpResponse:
    chosen = mark_keepers(request.user, key_figures().prefetch_related("goals"))
    return render(request, "insight/key_figures.html", {"figures": chosen})


def _figure_form_page(
    request: HttpRequest, form: KeyFigureForm, figure: KeyFigure | None
) -> HttpResponse:
    return versioned_edit(
        request,
        form,
        lambda cleaned: services.key_figure_save(
            request.user,
            form.save(commit=False),
            cleaned["goals"],
            expected_version=cleaned.get("version"),
        ),
        success=_("The key figure is saved."),
        shown=("title", "breakdown", "per", "on_dashboard"),
        next_url=lambda _saved: reverse("insight:key_figures"),
        template="insight/key_figure_form.html",
        figure=figure,
    )


@requires(Capability.MANAGE_STATISTICS)
@require_http_methods(["GET", "POST"])
def figure_create(request: HttpRequest) -> HttpResponse:
    form = KeyFigureForm(request.POST or None, user=request.user)
    return _figure_form_page(request, form, None)


@requires(Capability.MANAGE_STATISTICS)
@require_http_methods(["GET", "POST"])
def figure_edit(request: HttpRequest, pk: int) -> HttpResponse:
    figure = get_key_figure_to_keep(request.user, pk)
    form = KeyFigureForm(request.POST or None, instance=figure, user=request.user)
    return _figure_form_page(request, form, figure)


@asks_first
@requires(Capability.MANAGE_STATISTICS)
@require_POST
def figure_remove(request: HttpRequest, pk: int) -> HttpResponse:
    figure = get_key_figure_to_keep(request.user, pk)
    back = reverse("insight:key_figures")

    def remove() -> HttpResponse:
        act(
            request,
            lambda: services.key_figure_remove(request.user, figure),
            _("The key figure has been taken off the dashboards."),
        )
        return redirect(back)

    def question() -> Question:
        return Question(
            heading=_("Take %(figure)s off the dashboards?") % {"figure": figure.label},
            consequences=[
                _("Its tiles leave the dashboards and the monitoring chains it is context for."),
                _("The table it comes from and the notes on its figures stay."),
            ],
            button=_("Yes, take it off"),
            cancel_url=back,
        )

    return confirm_first(request, question=question, then=remove)
