"""Imports into the directory, persons and organisations, on one path: upload → dry run
listing every row's problems (nothing saved) → import, of all rows or of the passing ones;
the skipped rows download as CSV with their problems.

What holds for a whole import (for persons: the holder, a purpose and a lawful basis)
is an options form, sent with the file, posted again with the confirmation and given to
the download, and checked each time: a holder she may not keep persons for is refused."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods

from koers.accounts.decorators import requires
from koers.accounts.roles import Capability
from koers.core import tables
from koers.core.http import client_address
from koers.core.spreadsheets import spreadsheet_export
from koers.privacy.access_log import log_access
from koers.privacy.models import AccessAction
from koers.relations import imports, organisation_imports
from koers.relations.access import holders_for
from koers.relations.forms import ImportFileForm, OrganisationImportOptions, PersonImportOptions


@dataclass(frozen=True)
class Importer:
    """One kind of import: its pages, its options and its check and apply functions."""

    title: Any  # lazy text
    url_name: str
    failing_url_name: str
    failing_filename: str
    section: Any  # the page it belongs to, for the breadcrumb
    back_url_name: str
    back_label: Any
    intro: Any
    columns_note: Any
    columns: dict[str, tuple[str, ...]]
    options: Callable[[HttpRequest, QueryDict | None], forms.Form]
    read: Callable[[Path], list[list[str]]]
    check: Callable[[list[list[str]], dict[str, Any]], tables.ImportReport]
    apply: Callable[..., int]  # (report, options, *, actor, skip_failing, remote_addr)
    done: Callable[[int], str]
    label_heading: Any
    shown: Callable[[Any], list[models.Model]] = lambda report: []  # persons named: logged


def _facts(options: forms.Form) -> list[tuple[Any, Any]]:
    """The options as the report states them (the label of a choice, the name of a record)."""
    facts = []
    for name, field in options.fields.items():
        value = options.cleaned_data[name]
        if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
            value = dict(field.choices).get(value, value)  # type: ignore[arg-type]
        facts.append((field.label, value))
    return facts


def _posted(options: forms.Form) -> list[tuple[str, Any]]:
    return [(name, options[name].value()) for name in options.fields]


def _report(
    request: HttpRequest,
    importer: Importer,
    report: tables.ImportReport,
    token: str,
    options: forms.Form,
    *,
    dry_run: bool,
    status: int = 200,
) -> HttpResponse:
    shown = importer.shown(report)
    if shown:
        log_access(request, AccessAction.LIST, list(dict.fromkeys(shown)), detail="import")
    hidden = _posted(options)
    return tables.report_page(
        request,
        report,
        token=token,
        dry_run=dry_run,
        title=str(importer.title),
        start_url=reverse(importer.url_name),
        failing_url=f"{reverse(importer.failing_url_name, args=[token])}?{urlencode(hidden)}",
        status=status,
        facts=_facts(options),
        hidden=hidden,
        label_heading=importer.label_heading,
        done_url=reverse(importer.back_url_name),
        done_label=importer.back_label,
    )


def run_import(request: HttpRequest, importer: Importer) -> HttpResponse:
    token = request.POST.get("token", "")
    options = importer.options(request, request.POST if request.method == "POST" else None)
    if request.method == "POST" and token:
        path = tables.kept(request, token)
        if path is None:
            raise Http404
        if not options.is_valid():
            messages.error(request, _("The import could not be continued; upload the file again."))
            return redirect(importer.url_name)
        report = importer.check(importer.read(path), options.cleaned_data)
        try:
            count = importer.apply(
                report,
                options.cleaned_data,
                actor=request.user,
                skip_failing=request.POST.get("skip_failing") == "on",
                remote_addr=client_address(request),
            )
        except ValidationError as error:
            for problem in error.messages:
                messages.error(request, problem)
            return _report(request, importer, report, token, options, dry_run=True, status=400)
        tables.mark_done(request, token)
        messages.success(request, importer.done(count))
        return _report(request, importer, report, token, options, dry_run=False)
    upload = ImportFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and upload.is_valid() and options.is_valid():
        try:
            token, rows = tables.receive(request, upload.cleaned_data["file"], importer.read)
        except ValidationError as error:
            upload.add_error("file", error)
        else:
            report = importer.check(rows, options.cleaned_data)
            return _report(request, importer, report, token, options, dry_run=True)
    return render(
        request,
        "imports/upload.html",
        {"importer": importer, "forms": [options, upload], "columns": importer.columns},
        status=400 if request.method == "POST" else 200,
    )


def failing_rows(request: HttpRequest, importer: Importer, token: str) -> HttpResponse:
    """The rows with problems as CSV, checked again with the import's options."""
    path = tables.kept(request, token, done_too=True)
    options = importer.options(request, request.GET)
    if path is None or not options.is_valid():
        raise Http404
    report = importer.check(importer.read(path), options.cleaned_data)
    if shown := importer.shown(report):
        log_access(request, AccessAction.EXPORT, list(dict.fromkeys(shown)), detail="import")
    return tables.failing_download(report, importer.failing_filename)


def _person_options(request: HttpRequest, data: QueryDict | None) -> forms.Form:
    return PersonImportOptions(data, holders=holders_for(request.user))


PERSONS = Importer(
    title=gettext_lazy("Import persons"),
    url_name="relations:person_import",
    failing_url_name="relations:person_import_failing",
    failing_filename="personen-met-problemen.csv",
    section=gettext_lazy("Persons"),
    back_url_name="relations:persons",
    back_label=gettext_lazy("To the persons"),
    intro=gettext_lazy(
        "From a spreadsheet or a contacts export of Outlook. First Koers checks every row and "
        "shows what it found; nothing is saved until you confirm."
    ),
    columns_note=gettext_lazy(
        "The first row names the columns, in Dutch or English, in any order; the column "
        "names of an Outlook export are recognised. Only 'achternaam' is required. An "
        "organisation must already be in Koers. A row with the e-mail address of a person "
        "in Koers, or her name at the same organisation, is reported as a duplicate."
    ),
    columns=imports.COLUMNS,
    options=_person_options,
    read=imports.read,
    check=lambda rows, o: imports.check(
        rows, holder=o["holder"], purpose=o["purpose"], lawful_basis=o["lawful_basis"]
    ),
    apply=lambda report, o, **kw: imports.apply(report, holder=o["holder"], **kw),
    done=lambda count: (
        ngettext("%(count)s person imported.", "%(count)s persons imported.", count)
        % {"count": count}
    ),
    label_heading=gettext_lazy("Name"),
    shown=lambda report: report.look_alikes,
)

ORGANISATIONS = Importer(
    title=gettext_lazy("Import organisations"),
    url_name="relations:organisation_import",
    failing_url_name="relations:organisation_import_failing",
    failing_filename="organisaties-met-problemen.csv",
    section=gettext_lazy("Organisations"),
    back_url_name="relations:organisations",
    back_label=gettext_lazy("To the organisations"),
    intro=gettext_lazy(
        "From a spreadsheet or an export of another system. First Koers checks every row "
        "and shows what it found; nothing is saved until you confirm."
    ),
    columns_note=gettext_lazy(
        "The first row names the columns, in Dutch or English, in any order. Only 'naam' is "
        "required. A municipality is given by name or CBS code; a parent organisation by "
        "name, in Koers or elsewhere in the file. A row that looks like an organisation in "
        "Koers or like another row (the same name or website) is reported as a duplicate."
    ),
    columns=organisation_imports.COLUMNS,
    options=lambda request, data: OrganisationImportOptions(data),
    read=organisation_imports.read,
    check=lambda rows, o: organisation_imports.check(rows, kind=o["kind"]),
    apply=lambda report, o, **kw: organisation_imports.apply(report, **kw),
    done=lambda count: (
        ngettext("%(count)s organisation imported.", "%(count)s organisations imported.", count)
        % {"count": count}
    ),
    label_heading=gettext_lazy("Name"),
)


@requires(Capability.EDIT_PERSONS)
@require_http_methods(["GET", "POST"])
def person_import(request: HttpRequest) -> HttpResponse:
    return run_import(request, PERSONS)


@spreadsheet_export
@requires(Capability.EDIT_PERSONS)
@require_GET
def person_import_failing(request: HttpRequest, token: str) -> HttpResponse:
    return failing_rows(request, PERSONS, token)


@requires(Capability.EDIT_PERSONS)
@require_http_methods(["GET", "POST"])
def organisation_import(request: HttpRequest) -> HttpResponse:
    """Organisations are shared by the installation; whoever may add one may import them
    (`organisation_save` checks each)."""
    return run_import(request, ORGANISATIONS)


@spreadsheet_export
@requires(Capability.EDIT_PERSONS)
@require_GET
def organisation_import_failing(request: HttpRequest, token: str) -> HttpResponse:
    return failing_rows(request, ORGANISATIONS, token)
