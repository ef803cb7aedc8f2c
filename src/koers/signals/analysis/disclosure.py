"""Small numbers hidden, and kept hidden: primary and secondary suppression over every figure
the analysis shows at once.

Hiding a count below the threshold (`koers.signals.suppression.visible`) is not enough when
the figures around it add up: in a row "3 · 12 · total 15" the hidden 3 is 15 − 12. So the
figures of one page (or one export) are entered here with the sums that tie them together
(a row and its total, a column and its total, the trend's four quarters and their sum, the
theme × municipality cells and the quarters they span), and `protect` hides more figures
until no combination of those sums gives a small count away.

The reader is assumed to know every figure shown and every sum, and to solve them as a
system of linear equations: a hidden figure is given away when the equations fix it, which
is when it has no part in the null space of the equations restricted to the hidden figures.
Whenever a small count (1 up to the threshold) is fixed that way, one more figure of an
equation it takes part in is hidden — the smallest positive cell, a total only when no cell
will do — and the check runs again. Figures that exist but are not on the page (a quarter
before the period, needed for the trend) are taken as known to her unless they are small
(she may have them from another page; assuming she knows more only hides more).

What this does not defend against: bounds (a hidden count is at least 0, so a hidden pair
summing to 6 beside a "< 5" narrows it down, as with every published suppressed table), and
differencing two requests with different filters. That is why every analysis page hides
small counts, for staff too, and a funder sees no signal one by one.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

from koers.signals.suppression import threshold

Key = Hashable
# Null-space components below this are taken as zero (the equations hold only 0 and ±1).
TOLERANCE = 1e-9
# How many candidates `_more_to_hide` tries before it takes the first (page time).
TRIALS = 0


@dataclass
class Figures:
    """The figures of one page: values by key, which of them are shown, which are totals, and
    the equations that tie them (the figures on one side add up to those on the other)."""

    values: dict[Key, int] = field(default_factory=dict)
    shown: set[Key] = field(default_factory=set)
    totals: set[Key] = field(default_factory=set)
    equations: list[tuple[frozenset[Key], frozenset[Key]]] = field(default_factory=list)

    def add(self, key: Key, value: int, *, shown: bool = True, total: bool = False) -> None:
        self.values[key] = int(value)
        if shown:
            self.shown.add(key)
        if total:
            self.totals.add(key)

    def tie(self, left: Iterable[Key], right: Iterable[Key]) -> None:
        """The figures `left` add up to the figures `right` (a total and its parts, or two
        groupings of the same signals)."""
        self.equations.append((frozenset(left), frozenset(right)))


@dataclass(frozen=True)
class Protected:
    """What may be shown: `value(key)` is the count, or None where it is hidden."""

    values: dict[Key, int]
    hidden: frozenset[Key]

    def value(self, key: Key) -> int | None:
        if key in self.hidden or key not in self.values:
            return None
        return self.values[key]


def small(value: int) -> bool:
    return 0 < value < threshold()


def protect(figures: Figures) -> Protected:
    """Hide every small count, and as many more as it takes that no equation, nor any
    combination of them, gives one away. Each round hides one more figure beside every small
    count the equations still fix, then solves again."""
    values = figures.values
    # A figure that is not on the page (a quarter before the period, counted for the trend)
    # is taken as known all the same unless it is small: the reader may have it from
    # another page, and assuming she knows more only hides more.
    hidden = {key for key in values if small(values[key])}
    while True:
        leaks = sorted((key for key in given_away(figures, hidden) if small(values[key])), key=repr)
        if not leaks:
            return Protected(values=dict(values), hidden=frozenset(hidden))
        more: set[Key] = set()
        for leak in leaks:
            more |= _more_to_hide(figures, hidden | more, leak)
        if not more:  # cannot happen with consistent equations; never show a leak
            return Protected(values=dict(values), hidden=frozenset(values))
        hidden |= more


def given_away(figures: Figures, hidden: set[Key]) -> set[Key]:
    """The hidden figures the equations fix, given every figure that is not hidden."""
    import numpy as np

    unknown = sorted(hidden, key=repr)
    if not unknown:
        return set()
    column = {key: number for number, key in enumerate(unknown)}
    rows = []
    for left, right in figures.equations:
        row = np.zeros(len(unknown))
        for key in left & hidden:
            row[column[key]] += 1
        for key in right & hidden:
            row[column[key]] -= 1
        if row.any():
            rows.append(row)
    if not rows:
        return set()
    # The null space of the equations on the unknowns: a figure with no part in it is fixed.
    _u, singular, rows_v = np.linalg.svd(np.array(rows))
    rank = int((singular > TOLERANCE * max(1.0, float(singular.max(initial=0.0)))).sum())
    free = rows_v[rank:]
    if free.shape[0] == 0:
        return set(unknown)
    fixed = np.abs(free).max(axis=0) < 1e-7
    return {key for key, is_fixed in zip(unknown, fixed, strict=True) if is_fixed}


def _more_to_hide(figures: Figures, hidden: set[Key], leak: Key) -> set[Key]:
    """One more figure to hide so that `leak` is no longer fixed: of the positive figures
    shown in an equation with a hidden one, the first that frees it on its own — cells
    before totals, of the leak's table first, the smallest first (ties broken by key, so the
    result does not depend on set order); when none does on its own, the first of them (the
    next round takes it from there)."""
    candidates = {
        key
        for left, right in figures.equations
        if (left | right) & hidden
        for key in left | right
        if key not in hidden and key in figures.shown and figures.values[key] > 0
    }

    def order(key: Key) -> tuple[bool, bool, bool, int, str]:
        direct = any(
            leak in left | right and key in left | right for left, right in figures.equations
        )
        return (
            key in figures.totals,
            _table_of(key) != _table_of(leak),
            not direct,
            figures.values[key],
            repr(key),
        )

    ranked = sorted(candidates, key=order)
    # Trying each costs a solve; the best few are where a partner is found in practice.
    for key in ranked[:TRIALS]:
        if leak not in given_away(figures, hidden | {key}):
            return {key}
    return set(ranked[:1])


def _table_of(key: Key) -> object:
    return key[0] if isinstance(key, tuple) and key else key
