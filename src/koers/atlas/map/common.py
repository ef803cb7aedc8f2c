"""What the atlas's map pages, data endpoints and exports share: the filtered initiatives
she may see, the table's columns, the map's settings and the GeoJSON response."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.db.models.functions import Lower
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext_lazy

from koers.atlas.map import queries
from koers.atlas.map.forms import MapFilterForm, MapFilters
from koers.atlas.models import DIMENSIONS, Initiative, Theme
from koers.core.geo import ATTRIBUTION
from koers.core.listing import Column
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


def geojson_response(data: dict[str, Any] | str) -> HttpResponse:
    """GeoJSON, from data or from text already written (`queries.map_features_json`)."""
    if isinstance(data, str):
        return HttpResponse(data, content_type=GEOJSON)
    return JsonResponse(
        data,
        content_type=GEOJSON,
        json_dumps_params={"separators": (",", ":"), "ensure_ascii": False},
    )
