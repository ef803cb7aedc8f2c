"""What the atlas's map shows, as plain data: the filtered initiatives, their points as
GeoJSON, the municipalities with their counts per 10,000 inhabitants, and the summary in
words. Every figure is counted in the database; the point data costs two queries however
many initiatives there are (the initiatives with their themes' ids, then the few themes
and municipalities they name)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db import connection
from django.db.models import (
    Aggregate,
    CharField,
    Count,
    FloatField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from koers.atlas.map.forms import MapFilters
from koers.atlas.models import DIMENSION_BY_KEY, Initiative, Theme
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


def _detail_url_parts() -> tuple[str, str]:
    # One reverse, not one per initiative: 5,000 reverses cost more than the query.
    before, _marker, after = reverse("atlas:initiative", args=[999999999]).partition("999999999")
    return before, after


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


# The JSON encoder's own string quoting (C), for the one text per initiative: json.dumps
# would build an encoder for each of 5,000 names.
_json_text = json.encoder.encode_basestring


class _IdList(Aggregate):
    """The ids as one text, "3,1,5" (order not guaranteed): GROUP_CONCAT on SQLite,
    STRING_AGG on PostgreSQL."""

    function = "GROUP_CONCAT"
    output_field = CharField()

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler,
            connection,
            function="STRING_AGG",
            template="%(function)s(%(expressions)s::text, ',')",
            **extra,
        )


def map_feature_queries(rows: QuerySet[Initiative]) -> tuple[Any, Any, Any]:
    """The three queries the map's points are written from (the benchmark runs them bare):
    the located initiatives with their themes' ids, the themes, the municipalities."""
    located = rows.filter(latitude__isnull=False, longitude__isnull=False).order_by()
    # In a subquery, not a join: a theme filter on `rows` must not narrow the themes shown.
    # (Typed loosely: django-stubs cannot follow the annotation into `.values`.)
    through: Any = Initiative.themes.through.objects.filter(initiative_id=OuterRef("pk"))
    theme_ids = (
        through.order_by().values("initiative_id").annotate(ids=_IdList("theme_id")).values("ids")
    )
    points = located.values_list(
        "pk",
        "name",
        Cast("latitude", FloatField()),
        Cast("longitude", FloatField()),
        "municipality_id",
        Subquery(theme_ids),
    )
    themes = Theme.objects.values_list("pk", "name", "colour", "order")
    municipalities = Municipality.objects.filter(
        pk__in=located.values("municipality_id")
    ).values_list("pk", "name")
    return points, themes, municipalities


def map_features_json(rows: QuerySet[Initiative], *, with_urls: bool = True) -> str:
    """The located initiatives among `rows` as a GeoJSON FeatureCollection of points with
    their id, name, theme names and colours (in the themes' order: the first colours the
    marker), municipality and page address. Never a person.

    Three queries whatever the number (`map_feature_queries`), and the text written here
    directly: at 5,000 initiatives, building dictionaries for the JSON encoder cost more
    than the SQL (bench/atlas_map.py). Every text goes through the JSON encoder."""
    points, themes, municipalities = map_feature_queries(rows)
    # The few themes and municipalities encoded once, and each combination of themes once.
    theme_json: dict[str, tuple[tuple[int, str], str, str]] = {
        str(pk): ((order, name), _json(name), _json(colour)) for pk, name, colour, order in themes
    }
    municipality_name = {pk: _json(name) for pk, name in municipalities}
    combinations: dict[str | None, str] = {}

    def themes_json(ids: str | None) -> str:
        if ids not in combinations:
            own = sorted(theme_json[pk] for pk in (ids or "").split(",") if pk)
            names = ",".join(name for _key, name, _colour in own)
            colours = ",".join(colour for _key, _name, colour in own)
            combinations[ids] = f'"themes":[{names}],"colours":[{colours}]'
        return combinations[ids]

    # The address's two halves as JSON text (with their quotes) around the number.
    before, after = _detail_url_parts() if with_urls else ("", "")
    url_open, url_close = _json(before)[:-1], _json(after)[1:]
    features = []
    # Read through the cursor: Django's row iterator costs as much as the query here.
    sql, params = points.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows_read = cursor.fetchall()
    for pk, name, latitude, longitude, municipality_id, ids in rows_read:
        url = f',"url":{url_open}{pk}{url_close}' if with_urls else ""
        features.append(
            '{"type":"Feature","geometry":{"type":"Point","coordinates":'
            f"[{float(longitude)!r},{float(latitude)!r}]}},"
            f'"properties":{{"id":{pk},"name":{_json_text(name)},'
            f"{themes_json(ids)},"
            f'"municipality":{municipality_name[municipality_id]}{url}}}}}'
        )
    return (
        '{"type":"FeatureCollection","attribution":'
        f'{_json(ATTRIBUTION)},"features":[{",".join(features)}]}}'
    )


@dataclass(frozen=True)
class MunicipalityFigure:
    code: str
    name: str
    initiatives: int
    population: int | None
    population_source: str
    unlocated: int = 0  # of its initiatives, those without a point on the map

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
            ),
            unlocated=Count(
                "atlas_initiatives",
                filter=Q(
                    atlas_initiatives__in=rows.values("pk"),
                    atlas_initiatives__latitude__isnull=True,
                ),
                distinct=True,
            ),
        )
        .order_by("name")
    )
    figures = [
        MunicipalityFigure(
            m.code, m.name, m.initiatives, m.population, m.population_source, m.unlocated
        )
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


def summary(figures: list[MunicipalityFigure]) -> str:
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
    unlocated = sum(figure.unlocated for figure in figures)
    if unlocated:
        text += " " + ngettext(
            "%(count)d of them has no location and is not on the map.",
            "%(count)d of them have no location and are not on the map.",
            unlocated,
        ) % {"count": unlocated}
    return text
