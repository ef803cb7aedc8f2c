"""Budget imports: upload → dry run (every row's problems, or the table with its
cross-foot check) → import. Nothing is saved before the user confirms the dry run.

Budget lines go through the one import flow (`koers.core.imports`); a stated table shares
its upload page and kept upload, and has its own check page (the table with its totals)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from koers.accounts.decorators import requires
from koers.accounts.policy import own_organisation
from koers.accounts.roles import Capability
from koers.core.forms import Form
from koers.core.http import client_address
from koers.core.imports import (
    Importer,
    failing_rows,
    kept,
    mark_done,
    receive,
    run_import,
    upload_page,
)
from koers.core.pages import form_problems
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


def _own_organisation(request: HttpRequest) -> dict[str, Any]:
    return {"organisation_id": own_organisation(request.user, Capability.MANAGE_FUNDING)}


BUDGET_IMPORT = Importer(
    title=gettext_lazy("Import a budget"),
    url_name="funding:budget_import",
    failing_url_name="funding:budget_import_failing",
    failing_filename="begroting-met-problemen.csv",
    section=gettext_lazy("Programme budget"),
    section_url_name="funding:budget",
    intro=gettext_lazy(
        "First Koers checks the file and shows what it found: every row's problems, or the "
        "table with its totals added up. Nothing is saved until you confirm."
    ),
    columns_heading=gettext_lazy("Budget lines: the columns"),
    columns_note=gettext_lazy(
        "The first row names the columns, in Dutch or English, in any order. Required: jaar, "
        "programma (code or name), soort (inkomsten or kosten) and bedrag; income needs a "
        "financier, costs a kostensoort (personeel, materiaal, inhuur, overhead, overig). A "
        "range goes in van and tot."
    ),
    notes=(
        (
            gettext_lazy("A budget table"),
            gettext_lazy(
                "The first row holds the column names: the first cell is for the labels, a "
                "last column named “totaal” holds each row's stated total. A row whose label "
                "starts with “totaal” is a total row; a row with a label and no amounts is a "
                "heading. Amounts as 1.234,56 or 1234.56."
            ),
        ),
    ),
    columns=imports.COLUMNS,
    upload_form=BudgetImportForm,
    scope=_own_organisation,
    read=imports.read,
    check=lambda rows, s: imports.check_lines(rows, organisation_id=s["organisation_id"]),
    apply=lambda report, s, **kw: imports.apply_lines(
        report, organisation_id=s["organisation_id"], **kw
    ),
    done=lambda count: _("%(count)s budget lines imported.") % {"count": count},
)


def _table_preview(
    request: HttpRequest,
    organisation_id: int,
    table_rows: list[list[str]],
    token: str,
    title: str,
    source: str,
    refused: list[str] | None = None,
) -> tuple[HttpResponse, tuple[list[str], list[dict[str, Any]]] | None]:
    """The dry run of a stated table (`table_rows` as read from the file): the page showing
    it with its cross-foot check, and what to store (None while the file has problems).
    `refused`: why storing it was refused, shown in the page's error summary (400)."""
    columns, rows, problems = imports.read_stated_table(table_rows)
    problems = [*(refused or []), *problems]
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
    if request.method == "POST" and request.POST.get("shape") == TABLE:
        return _stated_table(request)
    return run_import(request, BUDGET_IMPORT)


def _stated_table(request: HttpRequest) -> HttpResponse:
    """The upload of a stated table (its check page), or its confirmation (stored)."""
    organisation_id = own_organisation(request.user, Capability.MANAGE_FUNDING)
    token = request.POST.get("token", "")
    if token:
        path = kept(request, token)
        if path is None:
            raise Http404
        return _store_table(request, organisation_id, path, token)
    form = BudgetImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            token, rows = receive(request, form.cleaned_data["file"], imports.read)
        except ValidationError as error:
            form.add_error("file", error)
        else:
            title, source = form.cleaned_data["title"], form.cleaned_data["source"]
            page, _parsed = _table_preview(
                request, organisation_id, rows, token, title.strip(), source.strip()
            )
            return page
    return upload_page(request, BUDGET_IMPORT, [form], status=400)


def _store_table(request: HttpRequest, organisation_id: int, path: Any, token: str) -> HttpResponse:
    form = TableConfirmForm(request.POST)
    table_rows = imports.read(path)
    if not form.is_valid():  # its fields are hidden, carried from the upload: not correctable here
        page, _parsed = _table_preview(
            request, organisation_id, table_rows, token, "", "", refused=form_problems(form)
        )
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
        page, _parsed = _table_preview(
            request, organisation_id, table_rows, token, title, source, refused=error.messages
        )
        return page
    mark_done(request, token)
    messages.success(request, _("The table has been stored."))
    return redirect("funding:budget_table", pk=table.pk)


@spreadsheet_export
@requires(Capability.MANAGE_FUNDING)
@require_GET
def budget_import_failing(request: HttpRequest, token: str) -> HttpResponse:
    """The budget lines with problems as a CSV file, with a column saying what is wrong."""
    return failing_rows(request, BUDGET_IMPORT, token)
