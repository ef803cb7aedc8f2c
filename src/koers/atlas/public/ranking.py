"""Spinnenweb matching: which public initiatives fit a resident's six scores, and why.

An initiative's score is the sum over the six dimensions of her need (10 − her score)
times how much the initiative serves that dimension (0–2), plus a bonus when it is in her
municipality (or a smaller one, fading with distance, when it is nearby), halved when
nobody confirmed the entry within the stale period. Distances are between the centres of
the municipalities' bounding boxes in the shipped CBS/Kadaster boundaries: good enough to
tell Almere from Urk, and the resident gives no address.

The database computes the score (the six serves columns times her needs, a CASE for the
place bonus of the few municipalities near hers, a CASE for freshness), orders and cuts to
the ten shown, so the page reads ten rows whatever the size of the atlas
(bench/spinnenweb.py: 5,000 initiatives). Three queries: the municipalities near hers, the
ranked ten, their themes.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.conf import settings
from django.db.models import Case, F, FloatField, Value, When
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from koers.atlas.models import DIMENSIONS, Initiative, InitiativeKind
from koers.atlas.models.initiatives import stale_before
from koers.core.geo import shipped_boundaries
from koers.core.models import Municipality

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
    "score",
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


def place_bonuses(her_code: str) -> dict[str, tuple[float, float]]:
    """{CBS code: (bonus, km)} of her municipality and those within NEARBY_KM of it."""
    bonuses = {her_code: (SAME_MUNICIPALITY_BONUS, 0.0)}
    for code in centres():
        km = distance_km(her_code, code)
        if code != her_code and km is not None and km < NEARBY_KM:
            bonuses[code] = (NEARBY_BONUS * (1 - km / NEARBY_KM), km)
    return bonuses


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
    bonuses = place_bonuses(municipality_code)
    ids = dict(Municipality.objects.filter(code__in=bonuses).values_list("pk", "code"))
    stale_from = stale_before(today)
    fit: Any = Value(0.0)
    for dimension, need in needs:
        if need:
            fit = fit + F(dimension.field) * Value(float(need))
    place = Case(
        *(When(municipality_id=pk, then=Value(bonuses[code][0])) for pk, code in ids.items()),
        default=Value(0.0),
        output_field=FloatField(),
    )
    freshness = Case(
        When(confirmed_on__lt=stale_from, then=Value(STALE_FACTOR)),
        default=Value(1.0),
        output_field=FloatField(),
    )
    ranked = (
        Initiative.objects.public()
        .held_by(holder_id)
        .alias(fit=fit)
        .annotate(score=(F("fit") + place) * freshness)
    )
    if any(need for _d, need in needs):
        ranked = ranked.filter(fit__gt=0)
    rows = list(ranked.order_by("-score", Lower("name"), "pk").values(*VALUES)[:limit])
    themes = _themes_of([row["pk"] for row in rows])
    return [_match(row, scores, municipality_code, bonuses, themes, stale_from) for row in rows]


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
    scores: dict[str, int],
    municipality_code: str,
    bonuses: dict[str, tuple[float, float]],
    themes: dict[int, list[str]],
    stale_from: dt.date,
) -> Match:
    code = row["municipality__code"]
    is_stale = row["confirmed_on"] < stale_from
    km = bonuses[code][1] if code in bonuses else distance_km(municipality_code, code)
    return Match(
        pk=row["pk"],
        name=row["name"],
        kind=str(InitiativeKind(row["kind"]).label),
        description=row["description"],
        website=row["website"],
        municipality=row["municipality__name"],
        themes=tuple(themes[row["pk"]]),
        score=round(row["score"], 1),
        reasons=tuple(_reasons(row, scores, municipality_code, km, is_stale)),
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
