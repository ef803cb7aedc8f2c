"""Names that look like personal data to a de-identifier but are what a signal is about:
the Netherlands' municipalities (from the shipped CBS/Kadaster 2024 boundaries), the
villages and districts of the region, and the laws. "Wlz in Almere" keeps Almere."""

from __future__ import annotations

import json
from functools import cache

from koers.core.geo import SHIPPED_TOPOLOGY

# Villages and districts of Flevoland and 't Gooi that are no municipality of their own.
REGION_PLACES = (
    "Almere Buiten",
    "Almere Haven",
    "Almere Hout",
    "Almere Pampus",
    "Almere Poort",
    "Almere Stad",
    "Almere Duin",
    "Bant",
    "Biddinghuizen",
    "Creil",
    "Emmeloord",
    "Ens",
    "Espel",
    "Kraggenburg",
    "Lelystad-Haven",
    "Luttelgeest",
    "Marknesse",
    "Nagele",
    "Rutten",
    "Swifterbant",
    "Tollebeek",
    "Flevoland",
    "Flevopolder",
    "Noordoostpolder",
    "Het Gooi",
    "'t Gooi",
    "Bussum",
    "Naarden",
    "Muiden",
    "Muiderberg",
    "Nederland",
)

LAWS = ("Wlz", "Wmo", "Zvw", "Jeugdwet", "Participatiewet", "CIZ", "WLZ", "WMO")


@cache
def protected_names() -> frozenset[str]:
    """Lower-case names that are never taken out of a signal."""
    data = json.loads(SHIPPED_TOPOLOGY.read_text(encoding="utf-8"))
    municipalities = {
        geometry["properties"]["statnaam"]
        for layer in data["objects"].values()
        for geometry in layer["geometries"]
    }
    return frozenset(name.casefold() for name in (*municipalities, *REGION_PLACES, *LAWS))


def is_protected(text: str) -> bool:
    return text.strip(" .,;:").casefold() in protected_names()
