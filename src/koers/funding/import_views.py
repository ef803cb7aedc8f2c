"""Budget imports: upload → dry run (every row's problems, or the table with its
cross-foot check) → import. Nothing is saved before the user confirms the dry run."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from koers.accounts.decorators import requires
from koers.accounts.policy import own_organisation
from koers.accounts.roles import Capability
from koers.core import tables
from koers.core.forms import Form
from koers.core.http import client_address
from koers.core.pages import flash_form_errors
from koers.core.spreadsheets import spreadsheet_export
from koers.core.uploads import SPREADSHEET_EXTENSIONS, validate_spreadsheet
from koers.funding import imports, queries, services
from koers.funding.models import BudgetTable, BudgetTableRow

LINES, TABLE = "regels", "tabel"


class BudgetImportForm(Form):
    shape = forms.ChoiceField(
        label=gettext_lazy("What the file holds"),
        choices=[
            (LINES, gettext_lazy("Budget lines: one row per programme, year, funder or cost type")),
            (TABLE, gettext_lazy("A budget table as a document states it, with its totals")),
        ],
        widget=forms.RadioSelect,
        initial=LINES,
    )
    file = forms.FileField(
        label=gettext_lazy("File (CSV or Excel)"),
        validators=[validate_spreadsheet],
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(SPREADSHEET_EXTENSIONS)}),
    )
    title = forms.CharField(
        label=gettext_lazy("Title of the table"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("For a table only. A table of the same title is replaced."),
    )
    source = forms.CharField(
        label=gettext_lazy("Source of the table"), max_length=300, required=False
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("shape") == TABLE and not cleaned.get("title", "").strip():
            self.add_error("title", _("Give the table a title."))
        return cleaned


class TableConfirmForm(Form):
    """The confirmation of a stated table's dry run: its title and source as shown."""

    title = forms.CharField(label=gettext_lazy("Title of the table"), max_length=200)
    source = forms.CharField(
        label=gettext_lazy("Source of the table"), max_length=300, required=False
    )


def _report_page(
    request: HttpRequest, report: Any, token: str, *, dry_run: bool, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "imports/report.html",
        {
            "report": report,
            "token": token,
            "dry_run": dry_run,
            "title": _("Import a budget"),
            "start_url": reverse("funding:budget_import"),
            "failing_url": reverse("funding:budget_import_failing", args=[token]),
        },
        status=status,
    )


def _read(path: Any) -> list[list[str]]:
    return tables.read_table(path, imports.MAX_ROWS)


def _table_preview(
    request: HttpRequest,
    organisation_id: int,
    table_rows: list[list[str]],
    token: str,
    title: str,
    source: str,
) -> tuple[HttpResponse, tuple[list[str], list[dict[str, Any]]] | None]:
    """The dry run of a stated table (`table_rows` as read from the file): the page showing
    it with its cross-foot check, and what to store (None while the file has problems)."""
    columns, rows, problems = imports.read_stated_table(table_rows)
    table = BudgetTable(title=title, source=source, columns=columns)
    unsaved = [
        BudgetTableRow(
            label=row["label"],
            is_total=row.get("is_total", False),
            is_heading=row.get("is_heading", False),
            cells=[None if c is None else str(c) for c in row.get("cells", [])],
            stated_total=row.get("stated_total"),
        )
        for row in rows
    ]
    context = {
        "checked": queries.cross_foot(table, unsaved) if columns else None,
        "problems": problems,
        "token": token,
        "title": title,
        "source": source,
        "replaces": imports.existing_table(organisation_id, title),
    }
    page = render(request, "funding/table_import.html", context, status=400 if problems else 200)
    return page, None if problems else (columns, rows)


@requires(Capability.MANAGE_FUNDING)
@require_http_methods(["GET", "POST"])
def budget_import(request: HttpRequest) -> HttpResponse:
    organisation_id = own_organisation(request.user, Capability.MANAGE_FUNDING)
    token = request.POST.get("token", "")
    if request.method == "POST" and token:
        path = tables.kept(request, token)
        if path is None:
            raise Http404
        if request.POST.get("shape") == TABLE:
            return _store_table(request, organisation_id, path, token)
        report = imports.check_lines(
            tables.read_table(path, imports.MAX_ROWS), organisation_id=organisation_id
        )
        try:
            count = imports.apply_lines(
                report,
                actor=request.user,
                organisation_id=organisation_id,
                skip_failing=request.POST.get("skip_failing") == "on",
                remote_addr=client_address(request),
            )
        except ValidationError as error:
            for problem in error.messages:
                messages.error(request, problem)
            return _report_page(request, report, token, dry_run=True, status=400)
        tables.mark_done(request, token)
        messages.success(request, _("%(count)s budget lines imported.") % {"count": count})
        return _report_page(request, report, token, dry_run=False)
    form = BudgetImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            token, rows = tables.receive(request, form.cleaned_data["file"], _read)
        except ValidationError as error:
            form.add_error("file", error)
        else:
            if form.cleaned_data["shape"] == TABLE:
                page, _parsed = _table_preview(
                    request,
                    organisation_id,
                    rows,
                    token,
                    form.cleaned_data["title"].strip(),
                    form.cleaned_data["source"].strip(),
                )
                return page
            report = imports.check_lines(rows, organisation_id=organisation_id)
            return _report_page(request, report, token, dry_run=True)
    return render(
        request,
        "funding/budget_import.html",
        {"form": form, "columns": imports.COLUMNS},
        status=400 if request.method == "POST" else 200,
    )


def _store_table(request: HttpRequest, organisation_id: int, path: Any, token: str) -> HttpResponse:
    form = TableConfirmForm(request.POST)
    table_rows = _read(path)
    if not form.is_valid():
        flash_form_errors(request, form)
        page, _parsed = _table_preview(request, organisation_id, table_rows, token, "", "")
        page.status_code = 400
        return page
    title, source = form.cleaned_data["title"], form.cleaned_data["source"]
    page, parsed = _table_preview(request, organisation_id, table_rows, token, title, source)
    if parsed is None:
        return page
    columns, rows = parsed
    try:
        table = services.budget_table_store(
            actor=request.user,
            organisation_id=organisation_id,
            title=title,
            columns=columns,
            rows=rows,
            source=source,
            remote_addr=client_address(request),
        )
    except ValidationError as error:
        for problem in error.messages:
            messages.error(request, problem)
        page, _parsed = _table_preview(request, organisation_id, table_rows, token, title, source)
        return page
    tables.mark_done(request, token)
    messages.success(request, _("The table has been stored."))
    return redirect("funding:budget_table", pk=table.pk)


@spreadsheet_export
@requires(Capability.MANAGE_FUNDING)
@require_GET
def budget_import_failing(request: HttpRequest, token: str) -> HttpResponse:
    """The budget lines with problems as a CSV file, with a column saying what is wrong."""
    organisation_id = own_organisation(request.user, Capability.MANAGE_FUNDING)
    path = tables.kept(request, token, done_too=True)
    if path is None:
        raise Http404
    report = imports.check_lines(
        tables.read_table(path, imports.MAX_ROWS), organisation_id=organisation_id
    )
    return tables.failing_download(report, "begroting-met-problemen.csv")
