"""The atlas's map page (filters, map, table and summary) and the endpoints its script reads.

The page carries no map data: the script fetches the points and the boundaries with the
page's own query string, so the page stays light and the filters apply to both. Without
JavaScript the table and the summary carry everything the map shows."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.db.models.functions import Lower
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_GET

from koers.accounts.decorators import requires
from koers.accounts.roles import Capability
from koers.atlas.access import get_initiative_for_user
from koers.atlas.map import queries
from koers.atlas.map.forms import MapFilterForm, MapFilters
from koers.atlas.models import DIMENSIONS, Initiative, Theme
from koers.atlas.models.initiatives import stale_before
from koers.core.geo import ATTRIBUTION
from koers.core.listing import Column, list_page
from koers.core.reference import default_reference as today

GEOJSON = "application/geo+json"
COLUMNS = (
    Column(gettext_lazy("Initiative"), "name", (Lower("name"),)),
    Column(gettext_lazy("Kind"), "kind"),
    Column(gettext_lazy("Municipality"), "municipality", ("municipality__name",)),
    Column(gettext_lazy("Themes")),
    Column(gettext_lazy("Last confirmed"), "confirmed_on"),
)


def visible_initiatives(request: HttpRequest) -> tuple[MapFilterForm, MapFilters, Any]:
    """The initiatives she may see, narrowed by the filters in the query string."""
    form = MapFilterForm(request.GET)
    filters = form.filters()
    rows = queries.filtered(Initiative.objects.visible_to(request.user), filters, today())
    return form, filters, rows


def map_settings(data_url: str, boundaries_url: str) -> dict[str, Any]:
    """What the map's script needs, as data attributes of its element."""
    return {
        "data_url": data_url,
        "boundaries_url": boundaries_url,
        "tile_url": settings.MAP_TILE_URL,
        "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        "attribution": ATTRIBUTION,
    }


def filter_query(request: HttpRequest) -> str:
    """The filters of the page, for the data endpoints (not its paging or sorting)."""
    kept = request.GET.copy()
    for name in ("pagina", "sort"):
        kept.pop(name, None)
    encoded = kept.urlencode()
    return f"?{encoded}" if encoded else ""


def map_context(form: MapFilterForm, rows: QuerySet[Initiative]) -> dict[str, Any]:
    """What every map page shows besides the table: summary, municipalities, legend."""
    figures = queries.municipality_figures(rows)
    return {
        "form": form,
        "figures": figures,
        "summary": queries.summary(figures),
        "themes": Theme.objects.all(),
        "dimensions": DIMENSIONS,
    }


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
        }
    )
    return render(request, "atlas/map/index.html", context)


def geojson_response(data: dict[str, Any] | str) -> HttpResponse:
    """GeoJSON, from data or from text already written (`queries.map_features_json`)."""
    if isinstance(data, str):
        return HttpResponse(data, content_type=GEOJSON)
    return JsonResponse(
        data,
        content_type=GEOJSON,
        json_dumps_params={"separators": (",", ":"), "ensure_ascii": False},
    )


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


# TEMPORARY until the records helper's detail page merges: the map links every initiative to
# `atlas:initiative`; this placeholder only names it.
@requires(Capability.VIEW_ATLAS)
@require_GET
def initiative_placeholder(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_initiative_for_user(request.user, pk)
    return render(request, "atlas/map/initiative_placeholder.html", {"initiative": initiative})
