"""The filtered initiatives of the atlas as Excel, CSV and GeoJSON: what the map and its
table show, for her own analysis or for GIS software. Organisations and initiatives only:
no contact person in any of them, whoever downloads (funders never see persons; staff find
the contact on the initiative's page, where the access is logged)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from koers.accounts.decorators import requires
from koers.accounts.roles import Capability
from koers.atlas.map import queries
from koers.atlas.map.common import geojson_response, visible_initiatives
from koers.atlas.models import DIMENSIONS, Initiative
from koers.atlas.models.initiatives import stale_before
from koers.core.reference import default_reference as today
from koers.core.spreadsheets import csv_response, spreadsheet_export, xlsx_response


def _header() -> list[str]:
    return [
        _("Initiative"),
        _("Kind"),
        _("Municipality"),
        _("CBS code"),
        _("Themes"),
        *(str(dimension.label) for dimension in DIMENSIONS),
        _("Target groups"),
        _("Website"),
        _("Organisation in the directory"),
        _("Latitude"),
        _("Longitude"),
        _("Public"),
        _("Last confirmed"),
        _("Stale"),
    ]


def _rows(rows: Any) -> Iterator[Sequence[Any]]:
    limit = stale_before(today())
    initiative: Initiative
    for initiative in queries.table_rows(rows).select_related("organisation").order_by("name"):
        yield [
            initiative.name,
            initiative.get_kind_display(),
            initiative.municipality.name,
            initiative.municipality.code,
            ", ".join(theme.name for theme in initiative.themes.all()),
            *(getattr(initiative, dimension.field) for dimension in DIMENSIONS),
            initiative.target_groups,
            initiative.website,
            initiative.organisation.name if initiative.organisation else "",
            initiative.latitude,
            initiative.longitude,
            _("yes") if initiative.is_public else _("no"),
            initiative.confirmed_on,
            _("yes") if initiative.confirmed_on < limit else _("no"),
        ]


@spreadsheet_export
@requires(Capability.VIEW_ATLAS)
@require_GET
def export_xlsx(request: HttpRequest) -> HttpResponse:
    _form, _filters, rows = visible_initiatives(request)
    return xlsx_response("atlas-initiatieven.xlsx", [(_("Initiatives"), _header(), _rows(rows))])


@spreadsheet_export
@requires(Capability.VIEW_ATLAS)
@require_GET
def export_csv(request: HttpRequest) -> HttpResponse:
    _form, _filters, rows = visible_initiatives(request)
    return csv_response("atlas-initiatieven.csv", [_header(), *_rows(rows)])


@requires(Capability.VIEW_ATLAS)
@require_GET
def export_geojson(request: HttpRequest) -> HttpResponse:
    """The located initiatives as GeoJSON points, as the map draws them, to download."""
    _form, _filters, rows = visible_initiatives(request)
    response = geojson_response(queries.map_features_json(rows))
    response["Content-Disposition"] = 'attachment; filename="atlas-initiatieven.geojson"'
    return response
