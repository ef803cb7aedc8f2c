"""A choropleth of some municipalities drawn on the server as SVG: the boundaries Koers holds
(`koers.core.geo`, "Bron: CBS, Kadaster"), projected flat (longitude scaled by the cosine of
the middle latitude, which is exact enough for a province), each filled by the class of its
value. No script and no tiles: the page's table holds the same figures, the map only shows
them."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from koers.core.geo import ATTRIBUTION, current_boundaries

WIDTH = 400
# Sequential blues (ColorBrewer "Blues", 4 classes): light to dark, every class with enough
# contrast against the next for a boundary line to be seen; the legend names each class.
CLASS_COLOURS = ("#c6dbef", "#6baed6", "#2171b5", "#08306b")
NO_VALUE_COLOUR = "#f0f0f0"


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    path: str
    colour: str
    text: str  # the value as the page writes it, for the area's title


@dataclass(frozen=True)
class LegendClass:
    colour: str
    label: str


@dataclass(frozen=True)
class Choropleth:
    view_box: str
    areas: list[Area]
    legend: list[LegendClass]
    attribution: str = ATTRIBUTION


def choropleth(
    values: dict[str, Decimal],
    texts: dict[str, str],
    codes: list[str],
    number: Callable[[Decimal], str],
) -> Choropleth | None:
    """The municipalities `codes` coloured by `values` in equal-width classes from the lowest to
    the highest; None when Koers holds no boundary for any of them."""
    shapes = [shape for code, shape in current_boundaries().items() if code in codes]
    if not shapes:
        return None
    west = min(s.bbox[0] for s in shapes)
    south = min(s.bbox[1] for s in shapes)
    east = max(s.bbox[2] for s in shapes)
    north = max(s.bbox[3] for s in shapes)
    squeeze = math.cos(math.radians((south + north) / 2))
    scale = WIDTH / ((east - west) * squeeze)
    height = round((north - south) * scale)
    classes = _classes(list(values.values()))
    areas = [
        Area(
            code=shape.code,
            name=shape.name,
            path=" ".join(
                "M"
                + " L".join(
                    f"{(lon - west) * squeeze * scale:.1f},{(north - lat) * scale:.1f}"
                    for lon, lat in ring
                )
                + " Z"
                for polygon in shape.polygons
                for ring in polygon
            ),
            colour=_colour(values.get(shape.code), classes),
            text=texts.get(shape.code, "—"),
        )
        for shape in sorted(shapes, key=lambda s: s.name)
    ]
    legend = [
        LegendClass(colour, _("%(low)s to %(high)s") % {"low": number(low), "high": number(high)})
        for colour, (low, high) in zip(CLASS_COLOURS, classes, strict=False)
    ]
    legend.append(LegendClass(NO_VALUE_COLOUR, _("no figure")))
    return Choropleth(view_box=f"0 0 {WIDTH} {height}", areas=areas, legend=legend)


def _classes(values: list[Decimal]) -> list[tuple[Decimal, Decimal]]:
    if not values:
        return []
    low, high = min(values), max(values)
    if low == high:
        return [(low, high)]
    step = (high - low) / len(CLASS_COLOURS)
    return [(low + step * i, low + step * (i + 1)) for i in range(len(CLASS_COLOURS))]


def _colour(value: Decimal | None, classes: list[tuple[Decimal, Decimal]]) -> str:
    if value is None or not classes:
        return NO_VALUE_COLOUR
    for colour, (_low, high) in zip(CLASS_COLOURS, classes, strict=False):
        if value <= high:
            return colour
    return CLASS_COLOURS[len(classes) - 1]
