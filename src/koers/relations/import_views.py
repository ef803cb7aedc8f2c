"""Imports into the directory: persons from CSV or Excel, with a dry run."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.accounts.decorators import requires
from koers.accounts.roles import Capability
from koers.core import tables
from koers.plans.views.common import client_ip
from koers.relations import imports
from koers.relations.access import holders_for
from koers.relations.forms import HolderForm, ImportConfirmForm, ImportForm


@requires(Capability.EDIT_PERSONS)
@require_http_methods(["GET", "POST"])
def person_import(request: HttpRequest) -> HttpResponse:
    """Step 1: upload and dry run (nothing saved). Step 2 (`confirm` in the POST): import."""
    holders = holders_for(request.user)
    holder_form = HolderForm(request.POST or None, holders=holders)
    if request.method == "POST" and "token" in request.POST:
        return _import_confirm(request, holder_form)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid() and holder_form.is_valid():
        token, path = tables.keep(request, form.cleaned_data["file"])
        report = imports.check(
            imports.read_table(path),
            holder=holder_form.cleaned_data["holder"],
            purpose=form.cleaned_data["purpose"],
            lawful_basis=form.cleaned_data["lawful_basis"],
        )
        confirm = ImportConfirmForm(
            initial={
                "token": token,
                "purpose": form.cleaned_data["purpose"],
                "lawful_basis": form.cleaned_data["lawful_basis"],
            }
        )
        return render(
            request,
            "relations/person_import_report.html",
            {"report": report, "confirm": confirm, "holder_form": holder_form, "dry_run": True},
        )
    return render(
        request,
        "relations/person_import.html",
        {"form": form, "holder_form": holder_form, "columns": imports.COLUMNS},
        status=400 if request.method == "POST" else 200,
    )


def _import_confirm(request: HttpRequest, holder_form: HolderForm) -> HttpResponse:
    confirm = ImportConfirmForm(request.POST)
    if not (confirm.is_valid() and holder_form.is_valid()):
        messages.error(request, _("The import could not be continued; upload the file again."))
        return redirect("relations:person_import")
    token = confirm.cleaned_data["token"]
    path = tables.kept(request, token)
    if path is None:
        raise Http404
    holder = holder_form.cleaned_data["holder"]
    report = imports.check(
        imports.read_table(path),
        holder=holder,
        purpose=confirm.cleaned_data["purpose"],
        lawful_basis=confirm.cleaned_data["lawful_basis"],
    )
    try:
        created = imports.apply(
            report,
            actor=request.user,
            holder=holder,
            skip_failing=confirm.cleaned_data["skip_failing"],
            remote_addr=client_ip(request),
        )
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
        return render(
            request,
            "relations/person_import_report.html",
            {"report": report, "confirm": confirm, "holder_form": holder_form, "dry_run": True},
            status=400,
        )
    tables.discard(request, token)
    messages.success(request, _("%(count)s persons imported.") % {"count": len(created)})
    return render(
        request,
        "relations/person_import_report.html",
        {"report": report, "created": created, "dry_run": False},
    )
