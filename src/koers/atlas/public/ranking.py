"""Spinnenweb matching: which public initiatives fit a resident's six scores, and why.

An initiative's score is the sum over the six dimensions of her need (10 − her score)
times how much the initiative serves that dimension (0–2), plus a bonus when it is in her
municipality (or a smaller one, fading with distance, when it is nearby), halved when
nobody confirmed the entry within the stale period. Distances are between the centres of
the municipalities' bounding boxes in the shipped CBS/Kadaster boundaries: good enough to
tell Almere from Urk, and the resident gives no address.

One query reads the public initiatives as plain values and one pass scores them (5,000
initiatives in a few milliseconds; bench/spinnenweb.py); a second query fetches the themes
of the few that are shown.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from koers.atlas.models import DIMENSIONS, Initiative, InitiativeKind
from koers.atlas.models.initiatives import stale_before
from koers.core.geo import shipped_boundaries

SCORE_MAX = 10
# A score at or below this is "low": the reason names the dimension.
LOW_SCORE = 5
SAME_MUNICIPALITY_BONUS = 20.0
# A neighbour gets up to this much, less with distance, nothing from NEARBY_KM on.
NEARBY_BONUS = 10.0
NEARBY_KM = 30.0
STALE_FACTOR = 0.5
SHOWN = 10

VALUES = (
    "pk",
    "name",
    "kind",
    "description",
    "website",
    "confirmed_on",
    "municipality__code",
    "municipality__name",
    *(d.field for d in DIMENSIONS),
)


@dataclass(frozen=True)
class Match:
    pk: int
    name: str
    kind: str
    description: str
    website: str
    municipality: str
    themes: tuple[str, ...]
    score: float
    reasons: tuple[str, ...]
    is_stale: bool


@cache
def centres() -> dict[str, tuple[float, float]]:
    """{CBS code: (lon, lat)} of the centre of each municipality's bounding box."""
    return {
        code: ((shape.bbox[0] + shape.bbox[2]) / 2, (shape.bbox[1] + shape.bbox[3]) / 2)
        for code, shape in shipped_boundaries().items()
    }


def distance_km(code: str, other: str) -> float | None:
    """Between two municipalities' centres (equirectangular: exact enough within a province);
    None when either is not in the shipped boundaries."""
    here, there = centres().get(code), centres().get(other)
    if here is None or there is None:
        return None
    mean_lat = math.radians((here[1] + there[1]) / 2)
    dx = math.radians(there[0] - here[0]) * math.cos(mean_lat)
    dy = math.radians(there[1] - here[1])
    return 6371.0 * math.hypot(dx, dy)


def _place_bonus(her_code: str, code: str) -> tuple[float, float | None]:
    """(bonus, distance in km) of an initiative in `code` for a resident of `her_code`."""
    if code == her_code:
        return SAME_MUNICIPALITY_BONUS, 0.0
    km = distance_km(her_code, code)
    if km is None or km >= NEARBY_KM:
        return 0.0, km
    return NEARBY_BONUS * (1 - km / NEARBY_KM), km


def rank(
    *,
    holder_id: int,
    scores: dict[str, int],
    municipality_code: str,
    today: dt.date,
    limit: int = SHOWN,
) -> list[Match]:
    """The `limit` public initiatives of the holder's atlas that fit `scores` ({dimension
    key: 0–10}) best, best first, each with its reasons. Initiatives that serve none of her
    needs are left out, unless she has none (then place and freshness decide)."""
    needs = [(d, SCORE_MAX - scores[d.key]) for d in DIMENSIONS]
    has_need = any(need for _d, need in needs)
    stale_from = stale_before(today)
    places: dict[str, tuple[float, float | None]] = {}
    scored: list[tuple[float, str, dict[str, Any]]] = []
    rows = Initiative.objects.public().held_by(holder_id).order_by().values(*VALUES)
    for row in rows:
        fit = sum(need * row[d.field] for d, need in needs)
        if has_need and not fit:
            continue
        code = str(row["municipality__code"])
        if code not in places:
            places[code] = _place_bonus(municipality_code, code)
        score = fit + places[code][0]
        if row["confirmed_on"] < stale_from:
            score *= STALE_FACTOR
        scored.append((score, str(row["name"]).casefold(), row))
    best = heapq.nsmallest(limit, scored, key=lambda item: (-item[0], item[1], item[2]["pk"]))
    themes = _themes_of([int(row["pk"]) for _s, _n, row in best])
    return [
        _match(row, score, scores, municipality_code, places, themes, stale_from)
        for score, _name, row in best
    ]


def _themes_of(pks: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {pk: [] for pk in pks}
    if not pks:
        return found
    links = (
        Initiative.themes.through.objects.filter(initiative_id__in=pks)
        .order_by("theme__order", "theme__name")
        .values_list("initiative_id", "theme__name")
    )
    for pk, name in links:
        found[pk].append(name)
    return found


def _match(
    row: dict[str, Any],
    score: float,
    scores: dict[str, int],
    municipality_code: str,
    places: dict[str, tuple[float, float | None]],
    themes: dict[int, list[str]],
    stale_from: dt.date,
) -> Match:
    pk = int(row["pk"])
    code = str(row["municipality__code"])
    is_stale = row["confirmed_on"] < stale_from
    return Match(
        pk=pk,
        name=str(row["name"]),
        kind=str(InitiativeKind(row["kind"]).label),
        description=str(row["description"]),
        website=str(row["website"]),
        municipality=str(row["municipality__name"]),
        themes=tuple(themes[pk]),
        score=round(score, 1),
        reasons=tuple(_reasons(row, scores, municipality_code, places[code][1], is_stale)),
        is_stale=is_stale,
    )


def _reasons(
    row: dict[str, Any],
    scores: dict[str, int],
    municipality_code: str,
    km: float | None,
    is_stale: bool,
) -> list[str]:
    """Why the initiative is on her list, in her words: her lowest scores it serves first."""
    served = [d for d in DIMENSIONS if row[d.field]]
    low = sorted(
        (d for d in served if scores[d.key] <= LOW_SCORE), key=lambda d: (scores[d.key], d.key)
    )
    reasons = [_("You scored low on %(dimension)s") % {"dimension": d.label} for d in low]
    if not low and served:
        strongest = max(served, key=lambda d: (SCORE_MAX - scores[d.key]) * row[d.field])
        reasons.append(_("It works on %(dimension)s") % {"dimension": strongest.label})
    if row["municipality__code"] == municipality_code:
        reasons.append(_("In your municipality"))
    elif km is not None and km < NEARBY_KM:
        reasons.append(
            _("Nearby: %(municipality)s, about %(km)s km away")
            % {"municipality": row["municipality__name"], "km": round(km)}
        )
    if is_stale:
        reasons.append(
            _("Not confirmed in the last %(months)s months: ask whether it still runs")
            % {"months": settings.ATLAS_STALE_MONTHS}
        )
    return reasons
