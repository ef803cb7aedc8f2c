"""The registry of derived measures.

Apps that hold records (events, communications, hours …) register measures here, so an
indicator can be "derived from records" without `plans` importing those apps. A derived
value is computed when it is shown, never copied; `records` lets a page or report show
which records were counted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from koers.plans.models import Indicator


@dataclass(frozen=True)
class Measure:
    key: str
    label: Any  # a lazy translation: shown in the user's language
    compute: Callable[[Indicator, dt.date, dt.date], Decimal | None]
    records: Callable[[Indicator, dt.date, dt.date], QuerySet[Any]] | None = None


_registry: dict[str, Measure] = {}


def register(measure: Measure) -> Measure:
    if measure.key in _registry and _registry[measure.key] is not measure:
        raise ValueError(f"A measure named {measure.key!r} is already registered")
    _registry[measure.key] = measure
    return measure


def get_measure(key: str) -> Measure | None:
    return _registry.get(key)


def measure_choices() -> list[tuple[str, Any]]:
    """(key, label) of every measure, by label in the language of the request."""
    return sorted(((m.key, m.label) for m in _registry.values()), key=lambda pair: str(pair[1]))
