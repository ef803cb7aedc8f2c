"""The statistics pages: the datasets Koers holds, and one dataset's figures as a table with
its source line, downloadable as CSV or Excel."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypedDict

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from koers.accounts.decorators import requires
from koers.accounts.policy import has_capability
from koers.accounts.roles import Capability
from koers.core import imports as kept_uploads
from koers.core.spreadsheets import csv_response, spreadsheet_export, xlsx_response
from koers.insight import exports, queries
from koers.insight.access import importers_shown
from koers.insight.forms import ConfirmForm, FigureChoiceForm, UploadForm
from koers.insight.importing import ImportRefused, ImportReport, import_table, rows_of
from koers.insight.keepers import mark_keepers
from koers.insight.models import Dataset
from koers.insight.statline import Table, TableError, read_table
from koers.insight.uploads import unpack

EXPORT_KINDS = ("csv", "xlsx")


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
    mark_keepers(request.user, [found])
    return render(
        request,
        "insight/dataset.html",
        {
            "dataset": found,
            "form": form,
            "table": table,
            # The statistics are shared; who imported them is named to those who see the
            # names of her organisation's staff (koers.insight.access.importers_shown).
            "imports": importers_shown(
                request.user, found.imports.select_related("imported_by")[:10]
            ),
            "export_query": form.query(),
        },
    )


@spreadsheet_export
@requires(Capability.VIEW_STATISTICS)
@require_GET
def dataset_export(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    if kind not in EXPORT_KINDS:
        raise Http404
    found, _form, table = _chosen(request, pk)
    if table is None:
        raise Http404(_("This dataset has no figures."))
    name = exports.file_name(found, table)
    if kind == "csv":
        return csv_response(f"{name}.csv", exports.rows(found, table))
    return xlsx_response(f"{name}.xlsx", exports.sheets(found, table))


# --- upload, dry run, import -------------------------------------------------------------------


@contextmanager
def _opened(path: Path, cleaned: dict[str, Any]) -> Iterator[Table]:
    """The kept upload as a table: a CSV export with what the form says of it, or the ZIP's
    download folder, unpacked into a temporary folder removed when the import is done (its
    rows are read from there as the import goes)."""
    if path.suffix != ".zip":
        yield read_table(
            path,
            table_id=cleaned.get("table_id") or "",
            title=cleaned.get("title") or "",
            source=cleaned.get("source") or "",
            licence=cleaned.get("licence") or "",
        )
        return
    with tempfile.TemporaryDirectory(prefix="koers-statline-") as folder:
        yield read_table(unpack(path, Path(folder)))


class _Options(TypedDict):
    skip_unknown_regions: bool
    remove_absent: bool


def _options(cleaned: dict[str, Any]) -> _Options:
    return {
        "skip_unknown_regions": bool(cleaned.get("skip_unknown_regions")),
        "remove_absent": bool(cleaned.get("remove_absent")),
    }


def _report_page(
    request: HttpRequest, report: ImportReport, confirm: ConfirmForm, *, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "insight/import_report.html",
        {"report": report, "lines": list(rows_of(report)), "confirm": confirm},
        status=status,
    )


@requires(Capability.MANAGE_STATISTICS)
@require_http_methods(["GET", "POST"])
def dataset_import(request: HttpRequest) -> HttpResponse:
    """The upload (GET) and its dry run (POST): what the import would do, and a button to do
    it. A file that cannot be read as a table is not kept."""
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        cleaned = form.cleaned_data
        token, path = kept_uploads.keep(request, cleaned["file"])
        try:
            with _opened(path, cleaned) as table:
                report = import_table(table, actor=request.user, dry_run=True, **_options(cleaned))
        except TableError as error:
            kept_uploads.discard(request, token)
            form.add_error("file", str(error))
        else:
            confirm = ConfirmForm(initial={**cleaned, "token": token})
            return _report_page(request, report, confirm)
    status = 400 if request.method == "POST" else 200
    return render(request, "insight/import.html", {"form": form}, status=status)


@requires(Capability.MANAGE_STATISTICS)
@require_POST
def dataset_import_confirm(request: HttpRequest) -> HttpResponse:
    """Import the upload the dry run checked; refused, nothing is stored and the report says
    why."""
    confirm = ConfirmForm(request.POST)
    path = kept_uploads.kept(request, confirm.data.get("token", "")) if confirm.is_valid() else None
    if path is None:
        messages.error(request, _("That upload is no longer here: upload the file again."))
        return redirect("insight:dataset_import")
    cleaned = confirm.cleaned_data
    try:
        with _opened(path, cleaned) as table:
            report = import_table(table, actor=request.user, dry_run=False, **_options(cleaned))
    except TableError as error:
        messages.error(request, str(error))
        return redirect("insight:dataset_import")
    except ImportRefused as refused:
        return _report_page(request, refused.report, confirm, status=400)
    kept_uploads.mark_done(request, cleaned["token"])
    messages.success(
        request,
        _("%(table)s is imported: %(added)s values added, %(changed)s changed.")
        % {"table": report.title, "added": report.added, "changed": report.changed},
    )
    dataset = Dataset.objects.get(source=table.info.source, table_id=table.info.table_id)
    return redirect("insight:dataset", pk=dataset.pk)
