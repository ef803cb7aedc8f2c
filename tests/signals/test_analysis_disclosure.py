"""Secondary suppression (koers.signals.analysis.disclosure): no small count can be worked out
of the figures shown and the sums between them — checked by hand on small tables and, for
many random tables, by solving the equations exactly (a second, independent reader)."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

from koers.signals.analysis.disclosure import Figures, protect


def table(cells: list[list[int]]) -> Figures:
    """A table with row totals, column totals and a grand total, tied as a reader knows."""
    figures = Figures()
    rows, columns = len(cells), len(cells[0])
    for r in range(rows):
        for c in range(columns):
            figures.add(("cell", r, c), cells[r][c])
        figures.add(("row", r), sum(cells[r]), total=True)
        figures.tie([("row", r)], [("cell", r, c) for c in range(columns)])
    for c in range(columns):
        figures.add(("column", c), sum(cells[r][c] for r in range(rows)), total=True)
        figures.tie([("column", c)], [("cell", r, c) for r in range(rows)])
    figures.add(("all",), sum(map(sum, cells)), total=True)
    figures.tie([("all",)], [("row", r) for r in range(rows)])
    figures.tie([("all",)], [("column", c) for c in range(columns)])
    return figures


def exactly_known(figures: Figures, hidden: frozenset[object]) -> set[object]:
    """The hidden figures the equations fix, by Gauss–Jordan elimination over the rationals
    (independent of the module's floating-point null space)."""
    unknown = sorted(hidden, key=repr)
    index = {key: n for n, key in enumerate(unknown)}
    matrix = []
    for left, right in figures.equations:
        row = [Fraction(0)] * len(unknown)
        for key in left & hidden:
            row[index[key]] += 1
        for key in right & hidden:
            row[index[key]] -= 1
        if any(row):
            matrix.append(row)
    pivots = []
    rank = 0
    for column in range(len(unknown)):
        pivot = next((r for r in range(rank, len(matrix)) if matrix[r][column] != 0), None)
        if pivot is None:
            continue
        matrix[rank], matrix[pivot] = matrix[pivot], matrix[rank]
        lead = matrix[rank][column]
        matrix[rank] = [value / lead for value in matrix[rank]]
        for r in range(len(matrix)):
            if r != rank and matrix[r][column] != 0:
                factor = matrix[r][column]
                matrix[r] = [a - factor * b for a, b in zip(matrix[r], matrix[rank], strict=True)]
        pivots.append(column)
        rank += 1
    known = set()
    for r, column in enumerate(pivots):
        if all(value == 0 for c, value in enumerate(matrix[r]) if c != column):
            known.add(unknown[column])
    return known


def leaked(figures: Figures, hidden: frozenset[object]) -> list[object]:
    return [key for key in exactly_known(figures, hidden) if 0 < figures.values[key] < 5]


def test_a_small_count_is_hidden_and_zero_is_shown() -> None:
    shown = protect(table([[0, 12, 30], [7, 9, 40]]))
    assert shown.value(("cell", 0, 0)) == 0
    assert shown.value(("cell", 0, 1)) == 12


def test_a_lone_small_count_in_a_row_takes_another_cell_with_it() -> None:
    figures = table([[3, 12, 30], [7, 9, 40]])
    shown = protect(figures)
    assert shown.value(("cell", 0, 0)) is None
    # 3 = 45 − 12 − 30 otherwise; the smallest other cell of its row goes too
    assert shown.value(("cell", 0, 1)) is None
    # and then its column would give 12 = 21 − 9: a cell of that column goes as well
    assert shown.value(("cell", 1, 1)) is None or shown.value(("cell", 1, 0)) is None
    assert leaked(figures, shown.hidden) == []


def test_a_small_total_is_hidden_with_its_parts() -> None:
    figures = table([[1, 2, 0], [20, 30, 40]])
    shown = protect(figures)
    assert shown.value(("row", 0)) is None
    assert shown.value(("cell", 0, 2)) == 0
    assert leaked(figures, shown.hidden) == []


def test_a_small_figure_not_shown_is_protected_too() -> None:
    """A quarter before the period is counted (for the trend) but not shown: a sum over it
    must not give a small count away either."""
    figures = Figures()
    figures.add("before", 2, shown=False)
    figures.add("last", 20)
    figures.add("sum", 22, total=True)
    figures.tie(["sum"], ["before", "last"])
    shown = protect(figures)
    assert shown.value("before") is None
    assert shown.value("sum") is None or shown.value("last") is None


def test_tables_without_small_counts_are_shown_whole() -> None:
    figures = table([[5, 12], [7, 9]])
    assert protect(figures).hidden == frozenset()


@pytest.mark.parametrize("seed", range(40))
def test_no_random_table_gives_a_small_count_away(seed: int) -> None:
    """Random tables of mostly small counts, two of them sharing their column totals (as the
    page's tables share the quarter totals): solved exactly, no small count comes out."""
    chance = random.Random(seed)
    rows, columns = chance.randint(2, 6), chance.randint(2, 5)
    figures = table(
        [[chance.choice([0, 1, 2, 3, 4, 5, 6, 9, 14]) for _ in range(columns)] for _ in range(rows)]
    )
    second = [[0] * columns for _ in range(2)]
    for c in range(columns):
        total = figures.values[("column", c)]
        second[0][c] = chance.randint(0, total)
        second[1][c] = total - second[0][c]
    for r in range(2):
        for c in range(columns):
            figures.add(("other", r, c), second[r][c])
        figures.add(("other-row", r), sum(second[r]), total=True)
        figures.tie([("other-row", r)], [("other", r, c) for c in range(columns)])
    for c in range(columns):
        figures.tie([("column", c)], [("other", r, c) for r in range(2)])
    shown = protect(figures)
    assert all(shown.value(key) is None for key, v in figures.values.items() if 0 < v < 5)
    assert leaked(figures, shown.hidden) == []
