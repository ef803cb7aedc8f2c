"""The statistics pages: the datasets Koers holds, and one dataset's figures as a table with
its source line, downloadable as CSV or Excel."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from koers.accounts.decorators import requires
from koers.accounts.policy import has_capability
from koers.accounts.roles import Capability
from koers.core.spreadsheets import csv_response, spreadsheet_export, xlsx_response
from koers.insight import exports, queries
from koers.insight.forms import FigureChoiceForm
from koers.insight.models import Dataset


@requires(Capability.VIEW_STATISTICS)
@require_GET
def datasets(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "insight/datasets.html",
        {
            "datasets": queries.datasets(),
            "may_import": has_capability(request.user, Capability.MANAGE_STATISTICS),
        },
    )


def _chosen(
    request: HttpRequest, pk: int
) -> tuple[Dataset, FigureChoiceForm, queries.FigureTable | None]:
    dataset = get_object_or_404(queries.datasets(), pk=pk)
    form = FigureChoiceForm(request.GET or None, dataset=dataset)
    table = (
        queries.figure_table(form.topic, breakdown=form.breakdown, view=form.view)
        if form.topic
        else None
    )
    return dataset, form, table


@requires(Capability.VIEW_STATISTICS)
@require_GET
def dataset(request: HttpRequest, pk: int) -> HttpResponse:
    found, form, table = _chosen(request, pk)
    return render(
        request,
        "insight/dataset.html",
        {
            "dataset": found,
            "form": form,
            "table": table,
            "imports": found.imports.select_related("imported_by")[:10],
            "export_query": form.query(),
        },
    )


@spreadsheet_export
@requires(Capability.VIEW_STATISTICS)
@require_GET
def dataset_export(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    found, _form, table = _chosen(request, pk)
    if table is None:
        raise Http404(_("This dataset has no figures."))
    name = exports.file_name(found, table)
    if kind == "csv":
        return csv_response(f"{name}.csv", exports.rows(found, table))
    return xlsx_response(f"{name}.xlsx", exports.sheets(found, table))
