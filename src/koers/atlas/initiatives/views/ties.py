"""Collaborations: the list with its filters, one tie, adding and changing one, and the
list as Excel or CSV."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from koers.accounts.decorators import requires
from koers.accounts.policy import organisations_with, own_organisation
from koers.accounts.roles import Capability
from koers.atlas.access import get_collaboration_for_user, may_edit_atlas
from koers.atlas.initiatives import queries, services
from koers.atlas.initiatives.forms import CollaborationFilterForm, CollaborationForm
from koers.atlas.models import Collaboration
from koers.core.forms import Form
from koers.core.http import client_address
from koers.core.listing import Column, list_page
from koers.core.spreadsheets import csv_response, spreadsheet_export, xlsx_response
from koers.core.versioning import versioned_edit

COLUMNS = (
    Column(gettext_lazy("From"), "from", ("from_name",)),
    Column(gettext_lazy("To"), "to", ("to_name",)),
    Column(gettext_lazy("Kind"), "kind"),
    Column(gettext_lazy("Theme"), "theme", ("theme__order", "theme__name")),
    Column(gettext_lazy("Since"), "since", ("started_on",)),
    Column(gettext_lazy("Until"), "until", ("ended_on",)),
    Column(gettext_lazy("Origin"), "origin", ("derivation",)),
)


def _may_add(request: HttpRequest) -> bool:
    own, _funding = organisations_with(request.user, Capability.EDIT_ATLAS)
    return bool(own)


@requires(Capability.VIEW_ATLAS)
@require_GET
def collaborations(request: HttpRequest) -> HttpResponse:
    chosen = CollaborationFilterForm(request.GET)
    rows = chosen.narrow(queries.collaborations_for(request.user))
    listing = list_page(request, rows, columns=COLUMNS, default_sort="-since")
    query = request.GET.copy()
    for parameter in ("pagina", "sort"):
        query.pop(parameter, None)
    return render(
        request,
        "atlas/initiatives/collaborations.html",
        {
            "listing": listing,
            "ties": listing.rows,
            "filters": chosen,
            "may_add": _may_add(request),
            "export_query": query.urlencode(),
        },
    )


@requires(Capability.VIEW_ATLAS)
@require_GET
def collaboration(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_collaboration_for_user(request.user, pk)
    return render(
        request,
        "atlas/initiatives/collaboration.html",
        {"tie": record, "may_edit": may_edit_atlas(request.user, record.holder_id)},
    )


ENDS = ("from_initiative", "from_organisation", "to_initiative", "to_organisation")


@requires(Capability.EDIT_ATLAS)
@require_http_methods(["GET", "POST"])
def collaboration_add(request: HttpRequest) -> HttpResponse:
    """A new tie in her own organisation's atlas (the holder comes from her membership)."""
    return _collaboration_form_page(request, None)


@requires(Capability.EDIT_ATLAS)
@require_http_methods(["GET", "POST"])
def collaboration_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _collaboration_form_page(request, pk)


def _collaboration_form_page(request: HttpRequest, pk: int | None) -> HttpResponse:
    holder_id = own_organisation(request.user, Capability.EDIT_ATLAS)
    record: Collaboration | None = None
    initial: dict[str, Any] = {}
    if pk:
        record = get_collaboration_for_user(request.user, pk)
        if record.holder_id != holder_id:
            raise Http404
        initial = {name: getattr(record, name) for name in services.COLLABORATION_FIELDS}
        initial.update({name: getattr(record, f"{name}_id") for name in ENDS})
        initial["version"] = record.version
    form = CollaborationForm(request.POST or None, initial=initial, holder_id=holder_id)

    def save(cleaned: dict[str, Any]) -> Collaboration:
        return services.collaboration_save(
            actor=request.user,
            holder_id=holder_id,
            values={name: cleaned[name] for name in services.COLLABORATION_FIELDS},
            collaboration=record,
            expected_version=cleaned["version"] if record else None,
            remote_addr=client_address(request),
        )

    return versioned_edit(
        request,
        form,
        save,
        success=_("The collaboration has been saved.")
        if record
        else _("The collaboration has been added."),
        shown=("kind", "started_on", "ended_on", "source"),
        next_url=lambda saved: reverse("atlas:collaboration", args=[saved.pk]),
        heading=_("Edit the tie %(tie)s") % {"tie": record} if record else _("Add a collaboration"),
        crumbs=[(str(record), reverse("atlas:collaboration", args=[record.pk]))] if record else [],
        back_url=reverse("atlas:collaboration", args=[record.pk])
        if record
        else reverse("atlas:collaborations"),
    )


class ExportForm(Form):
    formaat = forms.ChoiceField(choices=[("xlsx", "Excel"), ("csv", "CSV")], required=False)


def _party(initiative: Any, organisation: Any) -> tuple[str, str]:
    if initiative is not None:
        return initiative.name, str(_("Initiative"))
    return organisation.name, str(_("Organisation"))


@spreadsheet_export
@requires(Capability.VIEW_ATLAS)
@require_GET
def collaborations_export(request: HttpRequest) -> HttpResponse:
    """The ties of the list as it is filtered, one per row; parties are initiatives and
    organisations only, so no person is ever in it."""
    chosen = CollaborationFilterForm(request.GET)
    rows = chosen.narrow(queries.collaborations_for(request.user)).order_by("-started_on", "pk")
    header = [
        _("From"),
        _("From (kind of party)"),
        _("To"),
        _("To (kind of party)"),
        _("Kind"),
        _("Theme"),
        _("Since"),
        _("Until"),
        _("Source"),
        _("About the source"),
        _("Derived from"),
        _("Internal"),
    ]
    body = [
        [
            *_party(tie.from_initiative, tie.from_organisation),
            *_party(tie.to_initiative, tie.to_organisation),
            tie.get_kind_display(),
            tie.theme.name if tie.theme else "",
            tie.started_on,
            tie.ended_on,
            tie.get_source_display(),
            tie.source_note,
            tie.derivation,
            _("yes") if tie.is_internal else _("no"),
        ]
        for tie in rows
    ]
    export = ExportForm(request.GET)
    as_csv = export.is_valid() and export.cleaned_data["formaat"] == "csv"
    if as_csv:
        return csv_response("samenwerkingen.csv", [header, *body])
    return xlsx_response("samenwerkingen.xlsx", [(str(_("Collaborations")), header, body)])


@requires(Capability.VIEW_ATLAS)
@require_GET
def collaborations_geojson(request: HttpRequest) -> HttpResponse:
    """The ties of the list as it is filtered, as GeoJSON lines between their parties."""
    chosen = CollaborationFilterForm(request.GET)
    rows = chosen.narrow(queries.collaborations_for(request.user)).order_by("-started_on", "pk")
    response = JsonResponse(
        queries.collaborations_geojson(rows),
        content_type="application/geo+json",
        json_dumps_params={"ensure_ascii": False},
    )
    response["Content-Disposition"] = 'attachment; filename="samenwerkingen.geojson"'
    return response
