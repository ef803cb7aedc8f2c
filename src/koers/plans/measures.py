"""The registry of derived measures.

Apps that hold records (events, communications, hours …) register measures here, so an
indicator can be "derived from records" without `plans` importing those apps. A derived
value is computed when it is shown, never copied; `records` lets a page or report show
which records were counted. A measure may also say how to compute many indicators at once
(`compute_many`), so a page or report with many derived indicators costs a query per
measure rather than one per indicator.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from koers.plans.models import Indicator


ManyComputation = Callable[[list["Indicator"], dt.date, dt.date], dict[int, Decimal | None]]
Choices = Callable[["Indicator"], list[tuple[str, Any]]]


def choices_of(enumeration: str) -> Choices:
    """The choices of a TextChoices named by its dotted path, read when a form asks: an app's
    measures are declared before its models may be imported."""

    def choices(_indicator: Indicator) -> list[tuple[str, Any]]:
        from django.utils.module_loading import import_string

        return list(import_string(enumeration).choices)

    return choices


@dataclass(frozen=True)
class Parameter:
    """One setting a measure reads from `Indicator.measure_params`, declared so the
    indicator's measurement page can offer it as a field: a choice when `choices` is given
    (several at once when `many`), a whole number when `number`, else a line of text (several
    comma-separated values when `many`). Empty means "not narrowed": every parameter is
    optional unless `required`.

    A parameter may stand for several stored ones (a key figure names a table, a topic and a
    breakdown): `stores` turns the chosen value into those, `reads` finds it back, and `keys`
    names them.

    `default`: what the measure reads when the parameter is not stored, shown as chosen (a
    measure that excludes some kinds unless told otherwise); such a parameter is stored even
    when empty, since empty then means "none", not the default. `empty_label`: what an empty
    single choice means ("(any)" unless said)."""

    name: str
    label: Any
    help_text: Any = ""
    choices: Choices | None = None
    many: bool = False
    number: bool = False
    required: bool = False
    stores: Callable[[str], dict[str, Any]] | None = None
    reads: Callable[[dict[str, Any]], str] | None = None
    keys: tuple[str, ...] = ()
    default: Any = None
    empty_label: Any = None

    @property
    def stored_keys(self) -> tuple[str, ...]:
        """The keys of `measure_params` this parameter writes."""
        return self.keys or (self.name,)

    def stored(self, value: Any) -> dict[str, Any]:
        """What choosing `value` stores; nothing for an empty value (unless the parameter has
        a default, which empty must override)."""
        if value in (None, "", []):
            return {self.name: [] if self.many else ""} if self.default is not None else {}
        if self.stores is not None:
            return self.stores(value)
        return {self.name: value}

    def current(self, params: dict[str, Any]) -> Any:
        """The value the stored `params` hold for this parameter, as the field shows it."""
        if self.reads is not None:
            return self.reads(params)
        if self.name not in params and self.default is not None:
            value = self.default
        else:
            value = params.get(self.name, [] if self.many else "")
        if isinstance(value, tuple):
            value = list(value)
        if self.many and not self.choices and isinstance(value, list):
            return ", ".join(str(item) for item in value)
        return value


@dataclass(frozen=True)
class Measure:
    key: str
    label: Any  # a lazy translation: shown in the user's language
    compute: Callable[[Indicator, dt.date, dt.date], Decimal | None]
    records: Callable[[Indicator, dt.date, dt.date], QuerySet[Any]] | None = None
    # {indicator pk: value} for many indicators of this measure over the same period
    compute_many: ManyComputation | None = None
    # The value is the number of `records`, so a page may list them as what it counted
    # ("2 / 7": the two meetings); not for sums, differences or anything else.
    counts_records: bool = False
    # What it may be narrowed or pointed by; see `Parameter`.
    parameters: tuple[Parameter, ...] = ()

    @property
    def parameter_keys(self) -> frozenset[str]:
        """Every key of `measure_params` its parameters write."""
        return frozenset(key for parameter in self.parameters for key in parameter.stored_keys)

    def compute_all(
        self, indicators: list[Indicator], start: dt.date, end: dt.date
    ) -> dict[int, Decimal | None]:
        if self.compute_many is not None:
            return self.compute_many(indicators, start, end)
        return {indicator.pk: self.compute(indicator, start, end) for indicator in indicators}


_registry: dict[str, Measure] = {}


def register(measure: Measure) -> Measure:
    if measure.key in _registry and _registry[measure.key] is not measure:
        raise ValueError(f"A measure named {measure.key!r} is already registered")
    _registry[measure.key] = measure
    return measure


def get_measure(key: str) -> Measure | None:
    return _registry.get(key)


def count_per_scope(
    indicators: list[Indicator],
    records: QuerySet[Any],
    *,
    scope: Callable[[Indicator], Any],
    scope_field: str,
    narrowing: Callable[[Indicator], str] = lambda indicator: "",
    narrowing_lookup: str = "",
    distinct: bool = False,
) -> dict[int, Decimal | None]:
    """What counting `records` per indicator gives, in one grouped query per distinct
    narrowing (a theme, a kind) instead of one per indicator: `scope` is what an indicator
    counts over (its programme, its activity), stored in `scope_field` of the records."""
    from django.db.models import Count

    groups: dict[str, list[Indicator]] = defaultdict(list)
    for indicator in indicators:
        groups[narrowing(indicator)].append(indicator)
    values: dict[int, Decimal | None] = {}
    for narrowed, group in groups.items():
        counted = records.filter(**{f"{scope_field}__in": {scope(i) for i in group}})
        if narrowed:
            counted = counted.filter(**{narrowing_lookup: narrowed})
        counts = dict(
            counted.order_by()
            .values_list(scope_field)
            .annotate(count=Count("pk", distinct=distinct))
            .values_list(scope_field, "count")
        )
        for indicator in group:
            values[indicator.pk] = Decimal(counts.get(scope(indicator), 0))
    return values


def lists_records(model: Any) -> bool:
    """Whether the records of `model` may be listed one by one as evidence. Records about
    people (hours, memberships …) are counted, never listed, unless the model says how to
    describe one without them (`evidence_text`); the activity page and the reports both
    follow this, as funders see aggregates only."""
    return not hasattr(model, "personal_data") or hasattr(model, "evidence_text")


def measure_choices() -> list[tuple[str, Any]]:
    """(key, label) of every measure, by label in the language of the request."""
    return sorted(((m.key, m.label) for m in _registry.values()), key=lambda pair: str(pair[1]))
