"""Which region codes Koers knows: CBS's own coding.

A municipality (GM) must be one Koers knows: in the boundaries in force (the shipped 2024
division of 342, or what `koers import_boundaries` stored) or among its municipality records;
a province (PV) one of the twelve; the country is NL01. Other CBS region levels are
recognised by their prefix and length: parts of the country (LD), COROP regions (CR),
labour-market regions (AM), GGD regions (GG), RegioPlus regions (RP), districts (WK) and
neighbourhoods (BU), the last two only within a known municipality. Anything else "does
not map to a known region", and the dry run of an import says so.

StatLine writes codes padded with spaces ("GM0034    "); they are compared stripped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from koers.core.geo import current_boundaries
from koers.core.models import Municipality

COUNTRY = "NL01"
PROVINCES = {
    "PV20": "Groningen",
    "PV21": "Fryslân",
    "PV22": "Drenthe",
    "PV23": "Overijssel",
    "PV24": "Flevoland",
    "PV25": "Gelderland",
    "PV26": "Utrecht",
    "PV27": "Noord-Holland",
    "PV28": "Zuid-Holland",
    "PV29": "Zeeland",
    "PV30": "Noord-Brabant",
    "PV31": "Limburg",
}
FLEVOLAND = "PV24"

# Level by prefix, with the digits its codes have.
LEVELS = {
    "NL": (_("Country"), 2),
    "LD": (_("Part of the country"), 2),
    "PV": (_("Province"), 2),
    "CR": (_("COROP region"), 2),
    "AM": (_("Labour-market region"), 2),
    "RP": (_("RegioPlus region"), 2),
    "GG": (_("GGD region"), 4),
    "GM": (_("Municipality"), 4),
    "WK": (_("District"), 6),
    "BU": (_("Neighbourhood"), 8),
}
CODE = re.compile(r"^([A-Z]{2})(\d+)$")
# Names StatLine's CSV export writes in the region column instead of codes.
NAMED = {"nederland": COUNTRY, **{f"{name.lower()} (pv)": code for code, name in PROVINCES.items()}}


@dataclass(frozen=True)
class Region:
    code: str
    level: str  # the prefix: NL, PV, GM, …


class Regions:
    """The regions Koers knows, the municipalities read once (an import asks per row)."""

    def __init__(self) -> None:
        municipalities = [
            *((shape.code, shape.name) for shape in current_boundaries().values()),
            *Municipality.objects.values_list("code", "name"),
        ]
        self.municipalities = {code for code, _name in municipalities}
        self.names = {**NAMED, **{name.lower(): code for code, name in municipalities}}
        self._seen: dict[str, Region | None] = {}

    def region_of(self, raw: str) -> Region | None:
        """The region `raw` (a CBS code, or a name StatLine writes) stands for; None when it
        is none Koers knows."""
        if raw not in self._seen:
            self._seen[raw] = self._read(raw.strip())
        return self._seen[raw]

    def _read(self, text: str) -> Region | None:
        code = self.names.get(text.lower()) or text.upper()
        match = CODE.match(code)
        if not match:
            return None
        prefix, digits = match.groups()
        level = LEVELS.get(prefix)
        if level is None or len(digits) != level[1]:
            return None
        if prefix == "NL" and code != COUNTRY:
            return None
        if prefix == "PV" and code not in PROVINCES:
            return None
        if prefix == "GM" and code not in self.municipalities:
            return None
        if prefix in ("WK", "BU") and f"GM{digits[:4]}" not in self.municipalities:
            return None
        return Region(code=code, level=prefix)
