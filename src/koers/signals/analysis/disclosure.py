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

import numpy as np

from koers.signals.suppression import threshold

Key = Hashable
# A figure is fixed by the equations when its unit vector lies in their row space: the squared
# length of its projection onto that space is 1 (the equations hold only 0 and ±1).
TOLERANCE = 1e-7


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


def protect(figures: Figures) -> Protected:
    """Hide every small count, and as many more as it takes that no equation, nor any
    combination of them, gives one away. Each round first leaves no equation with a single
    hidden figure (`no_lone_hidden`), then hides one more figure beside every small count
    the equations together still fix, and solves again."""
    system = _System(figures)
    # A figure that is not on the page (a quarter before the period, counted for the trend)
    # is taken as known all the same unless it is small: the reader may have it from
    # another page, and assuming she knows more only hides more.
    hidden = system.small.copy()
    while True:
        hidden = system.no_lone_hidden(hidden)
        leaks = np.flatnonzero(system.fixed(hidden) & system.small)
        if leaks.size == 0:
            return system.protected(hidden)
        chosen = hidden.copy()
        for leak in leaks:
            partner = system.partner(chosen, int(leak))
            if partner is not None:
                chosen[partner] = True
        if (chosen == hidden).all():  # cannot happen with consistent equations; never leak
            return system.protected(np.ones_like(hidden))
        hidden = chosen


class _System:
    """The figures as arrays, in one order (by `repr` of the key, so the outcome does not
    depend on set order): the equations as a matrix of 0 and ±1 with a column per figure."""

    def __init__(self, figures: Figures) -> None:
        self.keys: list[Key] = sorted(figures.values, key=repr)
        self.index = {key: number for number, key in enumerate(self.keys)}
        self.values = np.array([figures.values[key] for key in self.keys], dtype=np.int64)
        rows = []
        for left, right in figures.equations:
            row = np.zeros(len(self.keys))
            # A key that has no value is not on the page and not counted: it plays no part.
            for key in left & self.index.keys():
                row[self.index[key]] += 1
            for key in right & self.index.keys():
                row[self.index[key]] -= 1
            if row.any():
                rows.append(row)
        self.matrix = np.array(rows).reshape(len(rows), len(self.keys))
        self.member = self.matrix != 0
        self.small = (self.values > 0) & (self.values < threshold())
        self.shown = np.array([key in figures.shown for key in self.keys], dtype=bool)
        self.total = np.array([key in figures.totals for key in self.keys], dtype=bool)
        tables = [_table_of(key) for key in self.keys]
        table_numbers = {table: n for n, table in enumerate(dict.fromkeys(tables))}
        self.table = np.array([table_numbers[table] for table in tables])

    def fixed(self, hidden: np.ndarray) -> np.ndarray:
        """Which figures are hidden and yet fixed by the equations, the shown ones known."""
        columns = np.flatnonzero(hidden)
        result = np.zeros(len(self.keys), dtype=bool)
        if columns.size == 0:
            return result
        restricted = self.matrix[:, columns]
        restricted = restricted[self.member[:, columns].any(axis=1)]
        if restricted.shape[0] == 0:
            return result
        _u, singular, rows_v = np.linalg.svd(restricted, full_matrices=False)
        rank = int((singular > 1e-9 * max(1.0, float(singular.max(initial=0.0)))).sum())
        # The row space's orthonormal basis: a hidden figure is fixed exactly when its unit
        # vector lies in it, when its projection keeps the whole length.
        projected = (rows_v[:rank] ** 2).sum(axis=0)
        result[columns] = projected > 1 - TOLERANCE
        return result

    def no_lone_hidden(self, hidden: np.ndarray) -> np.ndarray:
        """`hidden` with one more figure hidden in every equation that holds a single hidden
        figure, until none does (or no figure of it can be hidden): an equation with one
        unknown gives it away. The textbook rule of secondary suppression, and cheap; what it
        leaves the exact solve (`fixed`) finds, in far fewer rounds."""
        hidden = hidden.copy()
        stuck = np.zeros(self.member.shape[0], dtype=bool)
        while True:
            lone = np.flatnonzero((self.member[:, hidden].sum(axis=1) == 1) & ~stuck)
            if lone.size == 0:
                return hidden
            for equation in lone:
                members = self.member[equation]
                if (members & hidden).sum() != 1:  # an earlier one of this pass took care
                    continue
                about = int(np.flatnonzero(members & hidden)[0])
                candidates = np.flatnonzero(members & self._may_hide(hidden))
                if candidates.size == 0:
                    stuck[equation] = True  # the exact solve decides (a total, elsewhere)
                    continue
                hidden[self._best(candidates, about)] = True

    def _may_hide(self, hidden: np.ndarray) -> np.ndarray:
        return ~hidden & self.shown & (self.values > 0)

    def _best(self, candidates: np.ndarray, about: int) -> int:
        """Of `candidates`, the one to hide beside `about`: cells before totals, of its table
        first, those in an equation with it first, the smallest first, ties broken by key."""
        direct = self.member[self.member[:, about]].any(axis=0)[candidates]
        order = np.lexsort(
            (
                candidates,  # the key's place in repr order: the last tie-breaker
                self.values[candidates],
                ~direct,
                self.table[candidates] != self.table[about],
                self.total[candidates],
            )
        )
        return int(candidates[order[0]])

    def partner(self, hidden: np.ndarray, leak: int) -> int | None:
        """One more figure to hide beside `leak`: of the positive figures shown in an
        equation with a hidden one, cells before totals, of the leak's table first, those
        in an equation with the leak first, the smallest first, ties broken by key (the next
        round checks whether that was enough, and adds another if not)."""
        touching = self.member[self.member[:, hidden].any(axis=1)].any(axis=0)
        candidates = np.flatnonzero(touching & self._may_hide(hidden))
        if candidates.size == 0:
            return None
        return self._best(candidates, leak)

    def protected(self, hidden: np.ndarray) -> Protected:
        return Protected(
            values={key: int(value) for key, value in zip(self.keys, self.values, strict=True)},
            hidden=frozenset(self.keys[i] for i in np.flatnonzero(hidden)),
        )


def _table_of(key: Key) -> object:
    return key[0] if isinstance(key, tuple) and key else key
