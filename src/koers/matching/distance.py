"""How far apart two municipalities are, the measure of "travels up to N km".

Koers keeps no home addresses of candidates: distance is between the centres of the
municipality she lives in and the one where the shift is, as the crow flies. The centre is
the centroid of the municipality's largest polygon in the boundaries in force
(`koers.core.geo.current_boundaries`); within one municipality the distance is 0."""

from __future__ import annotations

import itertools
import math

from koers.core.geo import MunicipalityShape, current_boundaries

EARTH_RADIUS_KM = 6371.0


def _ring_centroid(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    """(lon, lat, |area|) of a closed ring by the shoelace formula (in degrees: over a
    province the distortion is far below a kilometre of centre)."""
    area2 = cx = cy = 0.0
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        cross = x0 * y1 - x1 * y0
        area2 += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area2 == 0:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2, 0.0
    return cx / (3 * area2), cy / (3 * area2), abs(area2) / 2


def centre_of(shape: MunicipalityShape) -> tuple[float, float]:
    """(lat, lon) of the centroid of the shape's largest outer ring."""
    best = max((_ring_centroid(list(polygon[0])) for polygon in shape.polygons), key=lambda c: c[2])
    return best[1], best[0]


def centres() -> dict[str, tuple[float, float]]:
    """{CBS code: (lat, lon)} of the boundaries in force. A run of the matcher asks once and
    passes the table on (`km_between(..., known=)`)."""
    return {code: centre_of(shape) for code, shape in current_boundaries().items()}


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def km_between(
    code_a: str, code_b: str, known: dict[str, tuple[float, float]] | None = None
) -> float | None:
    """Kilometres between two municipalities' centres (0 for the same one), or None when
    either has no boundary (then distance cannot be judged, and the matcher says so)."""
    if code_a == code_b:
        return 0.0
    table = known if known is not None else centres()
    if code_a not in table or code_b not in table:
        return None
    return haversine_km(table[code_a], table[code_b])
