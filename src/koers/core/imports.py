"""The one import flow of Koers: upload → dry run → report → import, with the failing rows
as a CSV download. Every import (persons, organisations, hours, budget lines) is an
`Importer`: the app supplies its columns, how a file is read and checked row by row, and
what importing the passing rows does through its services; this module does the rest the
same way for all of them.

- The upload is read (`koers.core.tables.read_table`, within bounds) and checked; the
  report lists every row's problems and saves nothing.
- The upload is kept under the data directory with a random name that only the session
  that uploaded it knows, so a token from another session leads nowhere; the retention
  task removes what was never imported after a day.
- The confirmation checks the kept file again and imports all rows, or the passing ones
  when the user chose to skip the others; an imported upload cannot be imported again,
  but its failing rows can still be downloaded.
- What holds for a whole import (for persons: the holder, a purpose and a lawful basis) is
  an options form, sent with the file, posted again with the confirmation and given to the
  download, and checked each time. What the request decides (the user's own organisation)
  is the importer's `scope`, asked again on every request.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from koers.core.forms import Form, ImportFileForm
from koers.core.http import client_address
from koers.core.private_files import private_file
from koers.core.spreadsheets import csv_response
from koers.core.tables import ImportReport

SESSION_KEY = "koers_pending_imports"
DONE_KEY = "koers_done_imports"  # imported: no second import, but the report stays readable
# A zip: a statistics download (koers.insight), checked by what it unpacks to before it is kept.
TOKEN = re.compile(r"^[0-9a-f]{32}\.(csv|xlsx|zip)$")
TEMPLATE_UPLOAD = "core/import_upload.html"
TEMPLATE_REPORT = "core/import_report.html"
COLUMNS_HEADING = gettext_lazy("Columns")

Settings = dict[str, Any]


# --- keeping an upload between the dry run and the import --------------------------------


def pending_dir() -> Path:
    return Path(settings.DATA_DIR) / "pending-imports"


def keep(request: HttpRequest, upload: UploadedFile) -> tuple[str, Path]:
    """Store `upload` for this session; returns its token and path."""
    token = f"{secrets.token_hex(16)}{Path(upload.name or '').suffix.lower()}"
    path = pending_dir() / token
    with private_file(path) as target:  # people's names and addresses: 0600, never 0644
        for chunk in upload.chunks():
            target.write(chunk)
    request.session[SESSION_KEY] = [*request.session.get(SESSION_KEY, [])[-4:], token]
    return token, path


def receive(
    request: HttpRequest, upload: UploadedFile, read: Callable[[Path], Any]
) -> tuple[str, Any]:
    """Keep `upload` for this session and read it with `read` (`read_table` for an
    import); returns its token and what was read. A file that cannot be read raises its
    ValidationError for the form, and is not kept."""
    token, path = keep(request, upload)
    try:
        return token, read(path)
    except ValidationError:
        discard(request, token)
        raise


def kept(request: HttpRequest, token: str, *, done_too: bool = False) -> Path | None:
    """The path of a kept upload, if this session kept it and it is still there."""
    allowed = request.session.get(SESSION_KEY, [])
    if done_too:
        allowed = [*allowed, *request.session.get(DONE_KEY, [])]
    if not TOKEN.match(token) or token not in allowed:
        return None
    path = pending_dir() / token
    return path if path.exists() else None


def discard(request: HttpRequest, token: str) -> None:
    (pending_dir() / token).unlink(missing_ok=True)
    request.session[SESSION_KEY] = [t for t in request.session.get(SESSION_KEY, []) if t != token]


def mark_done(request: HttpRequest, token: str) -> None:
    """The upload was imported: it cannot be imported again; its report can still be read."""
    request.session[SESSION_KEY] = [t for t in request.session.get(SESSION_KEY, []) if t != token]
    request.session[DONE_KEY] = [*request.session.get(DONE_KEY, [])[-4:], token]


# --- the importer ------------------------------------------------------------------------


def _no_options(request: HttpRequest, data: QueryDict | None) -> forms.Form:
    """The options of an import that has none (hours, budget lines): valid when bound."""
    return Form(data)


@dataclass(frozen=True)
class Importer:
    """One kind of import: its pages and texts, and the app's rules for its rows.

    `read` gives the file's rows (bounded by the app's row limit, read when called); `check`
    turns them into a report given the import's settings (the options' cleaned data and the
    `scope`), saving nothing; `apply` imports the report's passing rows through the app's
    services, refusing (a ValidationError, nothing saved) while rows fail unless skipping
    them; `done` says how many were imported."""

    title: Any  # lazy texts, translated per request
    url_name: str
    failing_url_name: str
    failing_filename: str
    section: Any  # the page the import belongs to, for the breadcrumb
    section_url_name: str
    intro: Any
    columns_note: Any
    columns: dict[str, tuple[str, ...]]
    read: Callable[[Path], list[list[str]]]
    check: Callable[[list[list[str]], Settings], ImportReport]
    apply: Callable[..., int]  # (report, settings, *, actor, skip_failing, remote_addr)
    done: Callable[[int], str]
    options: Callable[[HttpRequest, QueryDict | None], forms.Form] = _no_options
    scope: Callable[[HttpRequest], Settings] = lambda request: {}
    upload_form: type[forms.Form] = ImportFileForm  # with a "file" field
    columns_heading: Any = COLUMNS_HEADING
    notes: tuple[tuple[Any, Any], ...] = ()  # (heading, text) below the columns
    label_heading: Any = None  # a column of each failing row's label in the report
    back_url_name: str = ""  # the way on after the import
    back_label: Any = ""
    # Called when the report is shown (exported=False) or downloaded (exported=True), to
    # log the records of others it names (persons in Koers that rows look like).
    log_shown: Callable[..., None] | None = None


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


def report_page(
    request: HttpRequest,
    importer: Importer,
    report: ImportReport,
    token: str,
    options: forms.Form,
    *,
    dry_run: bool,
    status: int = 200,
) -> HttpResponse:
    """The page of a dry run or a finished import."""
    if importer.log_shown is not None:
        importer.log_shown(request, report, exported=False)
    hidden = _posted(options)
    failing_url = reverse(importer.failing_url_name, args=[token])
    context = {
        "report": report,
        "token": token,
        "dry_run": dry_run,
        "title": importer.title,
        "start_url": reverse(importer.url_name),
        "failing_url": f"{failing_url}?{urlencode(hidden)}" if hidden else failing_url,
        "facts": _facts(options),
        "hidden": hidden,
        "label_heading": importer.label_heading,
        "done_url": reverse(importer.back_url_name) if importer.back_url_name else "",
        "done_label": importer.back_label,
    }
    return render(request, TEMPLATE_REPORT, context, status=status)


def upload_page(
    request: HttpRequest, importer: Importer, forms_posted: list[forms.Form], *, status: int
) -> HttpResponse:
    """The page to upload a file: the import's forms, its columns and notes."""
    context = {"importer": importer, "forms": forms_posted, "columns": importer.columns}
    return render(request, TEMPLATE_UPLOAD, context, status=status)


def run_import(request: HttpRequest, importer: Importer) -> HttpResponse:
    """The import's page: the upload (GET), its dry run (POST of a file), and the import
    of a kept upload (POST of its token)."""
    # The client's address comes from the plans' helper until core has its own (issue 15,
    # item 1, first bullet); imported here so that core does not load plans when it loads.

    scope = importer.scope(request)
    token = request.POST.get("token", "")
    options = importer.options(request, request.POST if request.method == "POST" else None)
    if request.method == "POST" and token:
        path = kept(request, token)
        if path is None:
            raise Http404
        if not options.is_valid():
            messages.error(request, _("The import could not be continued; upload the file again."))
            return redirect(importer.url_name)
        report = importer.check(importer.read(path), {**scope, **options.cleaned_data})
        try:
            count = importer.apply(
                report,
                {**scope, **options.cleaned_data},
                actor=request.user,
                skip_failing=request.POST.get("skip_failing") == "on",
                remote_addr=client_address(request),
            )
        except ValidationError as error:
            for problem in error.messages:
                messages.error(request, problem)
            return report_page(request, importer, report, token, options, dry_run=True, status=400)
        mark_done(request, token)
        messages.success(request, importer.done(count))
        return report_page(request, importer, report, token, options, dry_run=False)
    upload = importer.upload_form(request.POST or None, request.FILES or None)
    if request.method == "POST" and upload.is_valid() and options.is_valid():
        try:
            token, rows = receive(request, upload.cleaned_data["file"], importer.read)
        except ValidationError as error:
            upload.add_error("file", error)
        else:
            report = importer.check(rows, {**scope, **options.cleaned_data})
            return report_page(request, importer, report, token, options, dry_run=True)
    status = 400 if request.method == "POST" else 200
    return upload_page(request, importer, [options, upload], status=status)


def failing_rows(request: HttpRequest, importer: Importer, token: str) -> HttpResponse:
    """The rows with problems as CSV (through the one writer, `koers.core.spreadsheets`),
    with a column saying what is wrong; checked again with the import's options."""
    scope = importer.scope(request)
    path = kept(request, token, done_too=True)
    options = importer.options(request, request.GET)
    if path is None or not options.is_valid():
        raise Http404
    report = importer.check(importer.read(path), {**scope, **options.cleaned_data})
    if importer.log_shown is not None:
        importer.log_shown(request, report, exported=True)
    return csv_response(importer.failing_filename, report.failing_table())
