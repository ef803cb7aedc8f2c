"""The atlas's map page (filters, map, table and summary) and the endpoints its script reads.

The page carries no map data: the script fetches the points and the boundaries with the
page's own query string, so the page stays light and the filters apply to both. Without
JavaScript the table and the summary carry everything the map shows."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_GET

from koers.accounts.decorators import requires
from koers.accounts.policy import has_capability
from koers.accounts.roles import Capability
from koers.atlas.map import queries
from koers.atlas.map.common import (
    COLUMNS,
    filter_query,
    geojson_response,
    map_context,
    map_settings,
    visible_initiatives,
)
from koers.atlas.models.initiatives import stale_before
from koers.core.listing import list_page
from koers.core.reference import default_reference as today


@requires(Capability.VIEW_ATLAS)
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    form, filters, rows = visible_initiatives(request)
    listing = list_page(request, queries.table_rows(rows), columns=COLUMNS, default_sort="name")
    query = filter_query(request)
    context = map_context(form, rows)
    context.update(
        {
            "listing": listing,
            "initiatives": listing.rows,
            "filters": filters,
            "stale_before": stale_before(today()),
            "map": map_settings(
                reverse("atlas:map_data") + query, reverse("atlas:boundaries") + query
            ),
            "query": query,
            "may_add": has_capability(request.user, Capability.EDIT_ATLAS),
        }
    )
    return render(request, "atlas/map/index.html", context)


@requires(Capability.VIEW_ATLAS)
@require_GET
@gzip_page
def map_data(request: HttpRequest) -> HttpResponse:
    """The filtered initiatives as GeoJSON points (gzip when the browser takes it)."""
    _form, _filters, rows = visible_initiatives(request)
    return geojson_response(queries.map_features_json(rows))


@requires(Capability.VIEW_ATLAS)
@require_GET
@gzip_page
def boundaries(request: HttpRequest) -> HttpResponse:
    """The municipalities with the filtered initiatives' counts per 10,000 inhabitants."""
    _form, _filters, rows = visible_initiatives(request)
    return geojson_response(queries.boundaries_geojson(queries.municipality_figures(rows)))
