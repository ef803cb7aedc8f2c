"""Municipal boundaries and where a point lies.

Koers ships the CBS/Kadaster 2024 generalised boundaries of all 342 municipalities
(`geo_data/`, CC BY 4.0, "Bron: CBS, Kadaster"). This module decodes that TopoJSON once per
process and answers two questions without a GIS library: which municipality holds a point,
and whether a point lies in the Netherlands at all. The boundaries are generalised (about a
hundred metres), so a point just off the coast or a border within `TOLERANCE_DEGREES` of a
municipality still counts as in it. A newer or finer file can be imported
(`koers import_boundaries`); `current_boundaries()` then prefers the imported set.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

GEO_DATA = Path(__file__).resolve().parent / "geo_data"
SHIPPED_TOPOLOGY = GEO_DATA / "gemeente_2024.topojson"
ATTRIBUTION = "Bron: CBS, Kadaster"
# About a kilometre in latitude (0.009°) and in longitude at 52° N (0.0146°): generous for
# generalised coasts and borders, far too little to let a point in Belgium or Germany pass.
TOLERANCE_DEGREES = 0.01

Point = tuple[float, float]  # (longitude, latitude), as GeoJSON orders them
Ring = list[Point]
Polygon = list[Ring]  # outer ring first, then holes


class BoundaryFileError(ValueError):
    """The file is no TopoJSON or GeoJSON of municipalities with CBS codes."""


@dataclass(frozen=True)
class MunicipalityShape:
    code: str
    name: str
    polygons: tuple[Polygon, ...]
    bbox: tuple[float, float, float, float]  # min lon, min lat, max lon, max lat

    def contains(self, lon: float, lat: float) -> bool:
        return any(_in_polygon(lon, lat, polygon) for polygon in self.polygons)

    def near(self, lon: float, lat: float, tolerance: float) -> bool:
        west, south, east, north = self.bbox
        if not (west - tolerance <= lon <= east + tolerance):
            return False
        if not (south - tolerance <= lat <= north + tolerance):
            return False
        return self.contains(lon, lat) or any(
            _segment_distance(lon, lat, a, b) <= tolerance
            for polygon in self.polygons
            for ring in polygon
            for a, b in itertools.pairwise(ring)
        )

    def as_geojson_geometry(self) -> dict[str, Any]:
        if len(self.polygons) == 1:
            return {"type": "Polygon", "coordinates": self.polygons[0]}
        return {"type": "MultiPolygon", "coordinates": list(self.polygons)}


def _in_polygon(lon: float, lat: float, polygon: Polygon) -> bool:
    """Even-odd rule over all rings, so holes count as outside."""
    inside = False
    for ring in polygon:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > lat) != (y2 > lat):
                crossing = x1 + (lat - y1) * (x2 - x1) / (y2 - y1)
                if lon < crossing:
                    inside = not inside
    return inside


def _segment_distance(lon: float, lat: float, a: Point, b: Point) -> float:
    (x1, y1), (x2, y2) = a, b
    dx, dy = x2 - x1, y2 - y1
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((lon - x1) * dx + (lat - y1) * dy) / length))
    px, py = x1 + t * dx, y1 + t * dy
    return float(((lon - px) ** 2 + (lat - py) ** 2) ** 0.5)


def _bbox(polygons: Iterable[Polygon]) -> tuple[float, float, float, float]:
    points = [point for polygon in polygons for ring in polygon for point in ring]
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    return min(lons), min(lats), max(lons), max(lats)


def _decoded_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    transform = topology.get("transform")
    arcs: list[list[Point]] = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy in arc:
                x += dx
                y += dy
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [(float(p[0]), float(p[1])) for p in arc]
        arcs.append(points)
    return arcs


def _ring(arcs: list[list[Point]], indexes: list[int]) -> Ring:
    ring: Ring = []
    for index in indexes:
        points = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        ring.extend(points if not ring else points[1:])
    return ring


def _shapes_from_topology(data: dict[str, Any]) -> Iterator[tuple[dict[str, Any], Any]]:
    arcs = _decoded_arcs(data)
    for layer in data.get("objects", {}).values():
        for geometry in layer.get("geometries", []):
            if geometry.get("type") == "Polygon":
                polygons = [[_ring(arcs, ring) for ring in geometry["arcs"]]]
            elif geometry.get("type") == "MultiPolygon":
                polygons = [[_ring(arcs, ring) for ring in poly] for poly in geometry["arcs"]]
            else:
                continue
            yield geometry.get("properties") or {}, polygons


def _shapes_from_geojson(data: dict[str, Any]) -> Iterator[tuple[dict[str, Any], Any]]:
    for feature in data.get("features", []):
        geometry = feature.get("geometry") or {}
        coordinates: Any = geometry.get("coordinates")
        if geometry.get("type") == "Polygon":
            raw = [coordinates]
        elif geometry.get("type") == "MultiPolygon":
            raw = coordinates
        else:
            continue
        polygons = [[[(float(x), float(y)) for x, y, *_z in ring] for ring in p] for p in raw]
        yield feature.get("properties") or {}, polygons


def parse_boundaries(text: str) -> dict[str, MunicipalityShape]:
    """{CBS code: shape} from a TopoJSON topology or a GeoJSON feature collection whose
    features carry `statcode` (GM….) and `statnaam`. BoundaryFileError names what is wrong."""
    try:
        data = json.loads(text)
    except ValueError as error:
        raise BoundaryFileError("not JSON") from error
    if not isinstance(data, dict):
        raise BoundaryFileError("not a JSON object")
    try:
        if data.get("type") == "Topology":
            rows = list(_shapes_from_topology(data))
        elif data.get("type") == "FeatureCollection":
            rows = list(_shapes_from_geojson(data))
        else:
            raise BoundaryFileError("neither a TopoJSON Topology nor a GeoJSON FeatureCollection")
    except (KeyError, IndexError, TypeError, ValueError) as error:
        if isinstance(error, BoundaryFileError):
            raise
        raise BoundaryFileError("geometry that cannot be read") from error
    shapes: dict[str, MunicipalityShape] = {}
    for properties, polygons in rows:
        code = str(properties.get("statcode") or "")
        if not (code.startswith("GM") and code[2:].isdigit() and len(code) == 6):
            raise BoundaryFileError("a municipality without a CBS code (statcode GM….)")
        shapes[code] = MunicipalityShape(
            code=code,
            name=str(properties.get("statnaam") or code),
            polygons=tuple(polygons),
            bbox=_bbox(polygons),
        )
    if not shapes:
        raise BoundaryFileError("no municipalities")
    return shapes


@cache
def shipped_boundaries() -> dict[str, MunicipalityShape]:
    return parse_boundaries(SHIPPED_TOPOLOGY.read_text(encoding="utf-8"))


def shape_from_geometry(code: str, name: str, geometry: dict[str, Any]) -> MunicipalityShape:
    """A shape back from the GeoJSON geometry `as_geojson_geometry` gave (as stored)."""
    raw = geometry["coordinates"]
    polygons = [raw] if geometry["type"] == "Polygon" else raw
    typed = [[[(float(x), float(y)) for x, y, *_z in ring] for ring in p] for p in polygons]
    return MunicipalityShape(code=code, name=name, polygons=tuple(typed), bbox=_bbox(typed))


def current_boundaries() -> dict[str, MunicipalityShape]:
    """The boundaries in force: the set `koers import_boundaries` stored, else the shipped
    file. One small query says which (and, for an imported set, which import), so every
    process notices a new import without restarting, and decodes each set only once."""
    from django.db.models import Count, Max

    from koers.core.models import MunicipalityBoundary

    stamp = MunicipalityBoundary.objects.aggregate(latest=Max("imported_at"), count=Count("id"))
    if not stamp["count"]:
        return shipped_boundaries()
    return _imported_boundaries(stamp["latest"], stamp["count"])


@lru_cache(maxsize=2)
def _imported_boundaries(latest: Any, count: int) -> dict[str, MunicipalityShape]:
    from koers.core.models import MunicipalityBoundary

    return {
        row.code: shape_from_geometry(row.code, row.name, row.geometry)
        for row in MunicipalityBoundary.objects.all()
    }


def municipality_code_at(
    lat: float, lon: float, shapes: dict[str, MunicipalityShape] | None = None
) -> str | None:
    """The CBS code of the municipality that holds the point, or None."""
    for shape in (shapes or current_boundaries()).values():
        west, south, east, north = shape.bbox
        if west <= lon <= east and south <= lat <= north and shape.contains(lon, lat):
            return shape.code
    return None


def is_in_netherlands(
    lat: float, lon: float, shapes: dict[str, MunicipalityShape] | None = None
) -> bool:
    """Whether the point lies in (or within the tolerance of) some Dutch municipality."""
    return any(
        shape.near(lon, lat, TOLERANCE_DEGREES)
        for shape in (shapes or current_boundaries()).values()
    )
