"""The demo's example realisations: a plausible spread through 2021 up to the reference
date, bulk-loaded and marked as example data, with no audit entry (see koers.demo.builder).
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from koers.accounts.models import User
from koers.core.models import Municipality
from koers.core.periods import Year
from koers.demo.constants import DEMO_YEAR, REFERENCE_DATE
from koers.plans.models import Indicator, Plan, Realisation, Source, Target
from koers.plans.progress import expected_by

YEAR_START = dt.date(DEMO_YEAR, 1, 4)  # the first working day of 2021


def build_realisations(
    plan: Plan, users: dict[str, User], municipalities: dict[str, Municipality]
) -> int:
    """A plausible spread of example realisations through 2021 up to the reference date."""
    rng = random.Random(2021)  # fixed seed: the same demo every time
    year = Year(DEMO_YEAR)
    recorders = [
        users["coordinator"],
        users["coordinator-ao"],
        users["coordinator-vi"],
        users["medewerker"],
    ]
    rows: list[Realisation] = []
    indicators = (
        Indicator.objects.filter(activity__programme__plan=plan, activity__year=DEMO_YEAR)
        .select_related("activity__programme")
        .prefetch_related("activity__municipalities", "targets")
        .order_by("pk")  # creation order: the same demo on every database
    )
    for indicator in indicators:
        target = next((t for t in indicator.targets.all() if t.year == DEMO_YEAR), None)
        if target is None or indicator.source == Source.DERIVED:
            continue
        places: list[Municipality | None] = [*indicator.activity.municipalities.all()] or [None]
        spread = _spread(indicator, target, year, rng)
        if indicator.baseline is not None and _is_state(indicator, target, year):
            # The seed gives the stand at the start of the year (OCO Almere: "ruim 65"
            # volunteers, "nu 13" covenant partners, 001 r. 4267-4273): the first reading is
            # that stand, the example readings grow from it. No draw from `rng` for it, so
            # every other indicator keeps its example values.
            recorder = indicator.activity.programme.coordinator or recorders[0]
            rows.append(_example(indicator, YEAR_START, indicator.baseline, places[0], recorder))
            spread = _from_baseline(indicator, indicator.baseline, target.value, spread)
        for day, value in spread:
            rows.append(_example(indicator, day, value, rng.choice(places), rng.choice(recorders)))
    Realisation.objects.bulk_create(rows)
    return len(rows)


def _example(
    indicator: Indicator,
    day: dt.date,
    value: Decimal,
    place: Municipality | None,
    user: User,
) -> Realisation:
    return Realisation(
        indicator=indicator,
        date=day,
        value=value,
        municipality=place,
        recorded_by=user,
        is_example=True,
    )


def _is_state(indicator: Indicator, target: Target, year: Year) -> bool:
    """A state measured now and then, not a count that adds up over the year."""
    return (
        indicator.unit != "milestone"
        and expected_by(
            target=target.value,
            phasing=target.phasing,
            cumulative=indicator.aggregation == "sum",
            year=year,
            reference=REFERENCE_DATE,
        )
        is None
    )


def _from_baseline(
    indicator: Indicator,
    baseline: Decimal,
    target: Decimal,
    spread: list[tuple[dt.date, Decimal]],
) -> list[tuple[dt.date, Decimal]]:
    """The drawn readings of a state, moved to start from `baseline` and grow: the higher
    the draw put the last reading (from 40% to 105% of the target), the more it rises above
    the baseline — by half to all of a tenth of it, and by at least 1 to 2 (13 partners
    become 14 or 15; 65 volunteers up to 71)."""
    if not spread or not target:
        return spread
    top = max(value for _day, value in spread) / target
    growth = max(Decimal("0.5"), min(Decimal(1), (top - Decimal("0.4")) / Decimal("0.65")))
    rise = max(baseline / 10, Decimal(2)) * growth
    steps = len(spread)
    return [
        (day, max(baseline, _round(indicator, baseline + rise * (i + 1) / steps)))
        for i, (day, _value) in enumerate(spread)
    ]


def _random_day(rng: random.Random, last: dt.date) -> dt.date:
    first = dt.date(DEMO_YEAR, 1, 11)
    return first + dt.timedelta(days=rng.randrange((last - first).days))


def _spread(
    indicator: Indicator, target: Target, year: Year, rng: random.Random
) -> list[tuple[dt.date, Decimal]]:
    """Values for one indicator: somewhere between well behind and ahead of the pace."""
    last = REFERENCE_DATE - dt.timedelta(days=3)
    if indicator.unit == "milestone":
        return [(_random_day(rng, last), Decimal(1))] if rng.random() < 0.4 else []
    expected = expected_by(
        target=target.value,
        phasing=target.phasing,
        cumulative=indicator.aggregation == "sum",
        year=year,
        reference=REFERENCE_DATE,
    )
    if expected is None:  # a state measured now and then: climb towards the target
        level = target.value * Decimal(str(rng.uniform(0.4, 1.05)))
        days = sorted(_random_day(rng, last) for _ in range(rng.randint(1, 3)))
        steps = len(days)
        return [(day, _round(indicator, level * (i + 1) / steps)) for i, day in enumerate(days)]
    total = _round(indicator, expected * Decimal(str(rng.uniform(0.55, 1.15))))
    if total <= 0:
        return []
    pieces = min(int(total), rng.randint(1, 6)) if indicator.unit == "count" else rng.randint(1, 4)
    pieces = max(pieces, 1)
    days = sorted(_random_day(rng, last) for _ in range(pieces))
    share = _round(indicator, total / pieces)
    values = [share] * (pieces - 1) + [total - share * (pieces - 1)]
    return [(day, value) for day, value in zip(days, values, strict=True) if value > 0]


def _round(indicator: Indicator, value: Decimal) -> Decimal:
    if indicator.unit in ("count", "milestone"):
        return value.quantize(Decimal(1))
    if indicator.unit == "percentage":
        return min(Decimal(100), value.quantize(Decimal("0.1")))
    return value.quantize(Decimal("0.01"))
