"""What the atlas's map shows, as plain data: the filtered initiatives, their points as
GeoJSON, the municipalities with their counts per 10,000 inhabitants, and the summary in
words. Every figure is counted in the database; the point data costs two queries however
many initiatives there are (the initiatives, then their themes)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from koers.atlas.map.forms import MapFilters
from koers.atlas.models import DIMENSION_BY_KEY, Initiative
from koers.atlas.models.initiatives import stale_before
from koers.core.geo import ATTRIBUTION, current_boundaries
from koers.core.models import Municipality

# Flevoland's six municipalities: always drawn, so an empty atlas still shows the province.
FLEVOLAND = ("GM0034", "GM0050", "GM0171", "GM0184", "GM0303", "GM0995")
PER_INHABITANTS = 10_000


def filtered(rows: QuerySet[Initiative], filters: MapFilters, today: dt.date) -> Any:
    """`rows` narrowed by the filters (a dimension: serves it at least somewhat)."""
    if filters.theme:
        rows = rows.filter(themes__slug=filters.theme)
    if filters.dimension:
        field = DIMENSION_BY_KEY[filters.dimension].field
        rows = rows.filter(**{f"{field}__gte": 1})
    if filters.municipality:
        rows = rows.filter(municipality__code=filters.municipality)
    if filters.kind:
        rows = rows.filter(kind=filters.kind)
    if filters.stale_only:
        rows = rows.filter(confirmed_on__lt=stale_before(today))
    return rows


def table_rows(rows: QuerySet[Initiative]) -> Any:
    """The rows of the table below the map, with what each cell needs (no persons)."""
    return rows.select_related("municipality").prefetch_related("themes")


def _detail_url_pattern() -> str:
    # One reverse, not one per initiative: 5,000 reverses cost more than the query.
    return reverse("atlas:initiative", args=[999999999]).replace("999999999", "{id}")


def map_features(rows: QuerySet[Initiative], *, with_urls: bool = True) -> dict[str, Any]:
    """The located initiatives among `rows` as a GeoJSON FeatureCollection of points with
    their id, name, theme names and colours (the first theme's colour marks the point),
    municipality and page address. Never a person."""
    located = rows.filter(latitude__isnull=False, longitude__isnull=False).order_by()
    points = list(located.values_list("pk", "name", "latitude", "longitude", "municipality__name"))
    themes: dict[int, list[tuple[str, str]]] = defaultdict(list)
    through = Initiative.themes.through.objects.filter(
        initiative_id__in=located.values("pk")
    ).order_by("theme__order", "theme__name")
    for initiative_id, name, colour in through.values_list(
        "initiative_id", "theme__name", "theme__colour"
    ):
        themes[initiative_id].append((name, colour))
    url = _detail_url_pattern() if with_urls else ""
    features = []
    for pk, name, latitude, longitude, municipality in points:
        own = themes.get(pk, [])
        properties = {
            "id": pk,
            "name": name,
            "themes": [theme for theme, _colour in own],
            "colours": [colour for _theme, colour in own],
            "municipality": municipality,
        }
        if url:
            properties["url"] = url.replace("{id}", str(pk))
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [float(longitude), float(latitude)]},
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "attribution": ATTRIBUTION, "features": features}


@dataclass(frozen=True)
class MunicipalityFigure:
    code: str
    name: str
    initiatives: int
    population: int | None
    population_source: str

    @property
    def per_10000(self) -> Decimal | None:
        """Initiatives per 10,000 inhabitants (one decimal), None without a population."""
        if not self.population:
            return None
        figure = Decimal(self.initiatives * PER_INHABITANTS) / Decimal(self.population)
        return figure.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def municipality_figures(rows: QuerySet[Initiative]) -> list[MunicipalityFigure]:
    """Flevoland's six and every other municipality holding one of `rows`, with how many of
    `rows` each holds and its inhabitants: one query."""
    counted = (
        Municipality.objects.filter(Q(code__in=FLEVOLAND) | Q(pk__in=rows.values("municipality")))
        .annotate(
            initiatives=Count(
                "atlas_initiatives",
                filter=Q(atlas_initiatives__in=rows.values("pk")),
                distinct=True,
            )
        )
        .order_by("name")
    )
    figures = [
        MunicipalityFigure(m.code, m.name, m.initiatives, m.population, m.population_source)
        for m in counted
    ]
    known = {figure.code for figure in figures}
    shapes = current_boundaries()
    # A Flevoland municipality without a record yet is drawn all the same, with nothing in it.
    figures += [
        MunicipalityFigure(code, shapes[code].name, 0, None, "")
        for code in FLEVOLAND
        if code not in known and code in shapes
    ]
    return sorted(figures, key=lambda figure: figure.name)


def boundaries_geojson(figures: list[MunicipalityFigure]) -> dict[str, Any]:
    """The municipalities' boundaries (the set in force) with their counts and figures per
    10,000 inhabitants, for the choropleth."""
    shapes = current_boundaries()
    features = []
    for figure in figures:
        shape = shapes.get(figure.code)
        if shape is None:
            continue
        per = figure.per_10000
        features.append(
            {
                "type": "Feature",
                "geometry": shape.as_geojson_geometry(),
                "properties": {
                    "code": figure.code,
                    "name": figure.name,
                    "initiatives": figure.initiatives,
                    "population": figure.population,
                    "per_10000": None if per is None else float(per),
                },
            }
        )
    return {"type": "FeatureCollection", "attribution": ATTRIBUTION, "features": features}


def summary(figures: list[MunicipalityFigure], *, unlocated: int) -> str:
    """The map in words: "37 initiatives in 6 municipalities; most in Almere (12), Lelystad
    (9) and Dronten (5)." and how many have no point on the map."""
    holding = sorted(
        (figure for figure in figures if figure.initiatives),
        key=lambda figure: (-figure.initiatives, figure.name),
    )
    total = sum(figure.initiatives for figure in holding)
    if not total:
        return _("No initiatives match these filters.")
    text = ngettext(
        "%(count)d initiative in %(places)d municipality",
        "%(count)d initiatives in %(places)d municipalities",
        total,
    ) % {"count": total, "places": len(holding)}
    if len(holding) > 1:
        most = [f"{figure.name} ({figure.initiatives})" for figure in holding[:3]]
        listed = (
            most[0]
            if len(most) == 1
            else _("%(list)s and %(last)s")
            % {
                "list": ", ".join(most[:-1]),
                "last": most[-1],
            }
        )
        text = str(format_lazy("{}; {}", text, _("most in %(list)s") % {"list": listed}))
    text += "."
    if unlocated:
        text += " " + ngettext(
            "%(count)d of them has no location and is not on the map.",
            "%(count)d of them have no location and are not on the map.",
            unlocated,
        ) % {"count": unlocated}
    return text
