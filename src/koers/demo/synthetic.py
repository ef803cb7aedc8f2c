"""Synthetic volume on top of the demo, for scale tests and benchmarks (never shown as real data).

`add_realisations` spreads N example realisations over the demo's 2021 indicators in
bulk, so a benchmark can compare the same page at the demo's size and at many times it.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction

from koers.accounts.models import User
from koers.plans.models import Indicator, Realisation

BATCH = 5_000


@transaction.atomic
def add_realisations(total: int, *, year: int = 2021, seed: int = 7) -> int:
    """Add `total` example realisations (value 1, dates Jan–Sep) to the year's indicators."""
    if total <= 0:
        return 0
    rng = random.Random(seed)
    indicators = list(Indicator.objects.filter(activity__year=year).values_list("pk", "unit"))
    recorder = User.objects.order_by("pk").first()
    start = dt.date(year, 1, 1)
    made = 0
    while made < total:
        size = min(BATCH, total - made)
        Realisation.objects.bulk_create(
            Realisation(
                indicator_id=pk,
                date=start + dt.timedelta(days=rng.randrange(270)),
                value=Decimal(0) if unit == "milestone" else Decimal(1),
                recorded_by=recorder,
                is_example=True,
            )
            for pk, unit in (rng.choice(indicators) for _ in range(size))
        )
        made += size
    return made
