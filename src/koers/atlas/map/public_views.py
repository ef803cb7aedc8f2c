"""The public atlas (opt-in per installation, KOERS_PUBLIC_ATLAS): the same map of the
initiatives marked public, for anyone, without an account.

No persons and nothing that is not public; no cookies (the page has no form that posts);
rate limited per address, since every request costs a few queries and the data could
otherwise be scraped in bulk. Without the setting the pages do not exist (404)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_GET

from koers.atlas.map import queries
from koers.atlas.map.common import (
    COLUMNS,
    filter_query,
    geojson_response,
    map_context,
    map_settings,
)
from koers.atlas.map.forms import MapFilterForm
from koers.atlas.models import Initiative
from koers.core.http import client_address
from koers.core.listing import list_page
from koers.core.ratelimit import allow
from koers.core.reference import default_reference as today

# Generous for a person looking at the map (a page and its two data requests per filter
# change), low enough to make scraping the whole set slow.
REQUESTS_PER_MINUTE = 60


def public_atlas(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A public atlas page: 404 unless the installation opted in, 429 over the rate."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not settings.PUBLIC_ATLAS:
            raise Http404
        address = client_address(request) or "unknown"
        if not allow(
            f"public-atlas:{address}", limit=REQUESTS_PER_MINUTE, window=dt.timedelta(minutes=1)
        ):
            return HttpResponse(
                _("Too many requests; wait a minute and try again."),
                status=429,
                content_type="text/plain; charset=utf-8",
            )
        return view(request, *args, **kwargs)

    return login_not_required(wrapped)


def _public_initiatives(request: HttpRequest) -> tuple[MapFilterForm, Any]:
    form = MapFilterForm(request.GET, public=True)
    rows = queries.filtered(Initiative.objects.public(), form.filters(), today())
    return form, rows


@public_atlas
@require_GET
def public_map(request: HttpRequest) -> HttpResponse:
    form, rows = _public_initiatives(request)
    query = filter_query(request)
    listing = list_page(request, queries.table_rows(rows), columns=COLUMNS, default_sort="name")
    context = map_context(form, rows)
    context.update(
        {
            "listing": listing,
            "initiatives": listing.rows,
            "map": map_settings(
                reverse("atlas:public_map_data") + query,
                reverse("atlas:public_boundaries") + query,
            ),
        }
    )
    return render(request, "atlas/map/public.html", context)


@public_atlas
@require_GET
@gzip_page
def public_map_data(request: HttpRequest) -> HttpResponse:
    _form, rows = _public_initiatives(request)
    return geojson_response(queries.map_features_json(rows, with_urls=False))


@public_atlas
@require_GET
@gzip_page
def public_boundaries(request: HttpRequest) -> HttpResponse:
    _form, rows = _public_initiatives(request)
    return geojson_response(queries.boundaries_geojson(queries.municipality_figures(rows)))
