"""Small numbers hidden, and kept hidden: primary and secondary suppression over every figure
the analysis shows at once.

Hiding a count below the threshold (`koers.signals.suppression.visible`) is not enough when
the figures around it add up: in a row "3 · 12 · total 15" the hidden 3 is 15 − 12. So the
figures of one page (or one export) are entered here with the sums that tie them together
(a row and its total, a column and its total, the trend's four quarters and their sum, the
theme × municipality cells and the quarters they span), and `protect` hides more figures
until no sum can give away a small count.

The reader is simulated: every figure shown is known; a sum with a single unknown figure
reveals it; what it reveals is known too, and so on. Whenever that would reveal a count
between 1 and the threshold, one more figure in that sum is hidden (the smallest positive
cell, a total only when no cell will do) and the reading starts again. Figures that exist but
are not on the page (a quarter before the period, needed for the trend) count as unknown from
the start, and deriving one is harmless unless it is small. This is the usual singleton-line
heuristic of statistical offices; it does not defend against solving many sums at once as
a system of equations, nor against differencing two requests with different filters, which
is why counts are hidden on every page, for staff too (see docs/signals.md).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

from koers.signals.suppression import threshold

Key = Hashable


@dataclass
class Figures:
    """The figures of one page: values by key, which of them are shown, which are totals, and
    the sums that tie them (each a set of keys whose values satisfy one linear equation with
    coefficients ±1, so that one unknown among them can be worked out)."""

    values: dict[Key, int] = field(default_factory=dict)
    shown: set[Key] = field(default_factory=set)
    totals: set[Key] = field(default_factory=set)
    sums: list[frozenset[Key]] = field(default_factory=list)

    def add(self, key: Key, value: int, *, shown: bool = True, total: bool = False) -> None:
        self.values[key] = int(value)
        if shown:
            self.shown.add(key)
        if total:
            self.totals.add(key)

    def tie(self, keys: Iterable[Key]) -> None:
        """These figures satisfy one sum (a total and its parts, or two groupings of the
        same signals)."""
        tied = frozenset(keys)
        if len(tied) > 1:
            self.sums.append(tied)


@dataclass(frozen=True)
class Protected:
    """What may be shown: `value(key)` is the count, or None where it is hidden."""

    values: dict[Key, int]
    hidden: frozenset[Key]

    def value(self, key: Key) -> int | None:
        if key in self.hidden or key not in self.values:
            return None
        return self.values[key]

    def is_hidden(self, key: Key) -> bool:
        return self.value(key) is None


def _small(value: int) -> bool:
    return 0 < value < threshold()


def protect(figures: Figures) -> Protected:
    """Hide every small count, and as many more as it takes that no sum reveals one."""
    values = figures.values
    hidden = {key for key in values if key not in figures.shown or _small(values[key])}
    while True:
        leak = _first_leak(figures, hidden)
        if leak is None:
            return Protected(values=dict(values), hidden=frozenset(hidden))
        more = _more_to_hide(figures, hidden, leak) - hidden
        if not more:  # cannot happen with consistent sums; never loop for ever
            return Protected(values=dict(values), hidden=frozenset(values))
        hidden |= more


def _first_leak(figures: Figures, hidden: set[Key]) -> frozenset[Key] | None:
    """The first sum whose one unknown figure is a small count, reading as a reader would."""
    known = set(figures.values) - hidden
    changed = True
    while changed:
        changed = False
        for tied in figures.sums:
            unknown = [key for key in tied if key not in known]
            if len(unknown) != 1:
                continue
            if _small(figures.values[unknown[0]]):
                return tied
            known.add(unknown[0])
            changed = True
    return None


def _more_to_hide(figures: Figures, hidden: set[Key], tied: frozenset[Key]) -> set[Key]:
    """One figure of `tied` to hide as well: the smallest positive cell shown (ties broken
    by key, so the result does not depend on set order), else the smallest positive total.
    When everything shown in it is zero, the figures it was worked out from are hidden."""
    candidates = [
        key
        for key in tied
        if key not in hidden and key in figures.shown and figures.values[key] > 0
    ]
    cells = [key for key in candidates if key not in figures.totals]
    pool = cells or candidates
    if pool:
        return {min(pool, key=lambda key: (figures.values[key], repr(key)))}
    # Every figure shown in this sum is zero, so its unknown figure was worked out of
    # another sum and a zero here only passes it on: hide the positive figures of every
    # sum that shares a figure with this one (rare: it needs totals not shown at all).
    near = {
        key
        for other in figures.sums
        if other & tied
        for key in other
        if key not in hidden and key in figures.shown and figures.values[key] > 0
    }
    return near
