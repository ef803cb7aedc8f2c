"""Who goes where: the greedy baseline and the solver, on the eligible pairs of
`koers.matching.engine.index`.

Greedy (the baseline): shifts by priority (highest first), then start; each takes its
best-scoring eligible candidates who are not yet given an overlapping shift.

Solver: a 0/1 program solved by HiGHS (`scipy.optimize.milp`) over the eligible (candidate,
shift) pairs. Why a MILP rather than min-cost flow: a candidate may take several shifts
as long as they do not overlap, and that is not a flow (a flow would need one node per
candidate per moment); why not OR-Tools' CP-SAT: scipy is already locked, HiGHS solves
these to proven optimality in seconds, and no dependency is added.

    maximise   Σ x[c,s] · (weight[s] + fit[c,s] / M)
    subject to Σ_c x[c,s] ≤ places[s]                      for every shift
               Σ_{s ∈ C} x[c,s] ≤ 1                        for every candidate c and every
                                                           clique C of her shifts that
                                                           overlap one another
               x[c,s] ∈ {0, 1}

Overlapping intervals meet pairwise in a common point, and for intervals a maximal set of
mutually overlapping ones is the set containing some interval's start, so one constraint
per shift start of hers suffices (duplicates dropped). `weight` is an integer (the
priority), so the first term moves in whole steps; M is one more than the most places
that can be filled, and fit is at most 1, so all fit together stays below one step: the
solver first fills the most priority-weighted places, and only among those equal does fit
decide (lexicographic). It runs with `mip_rel_gap=0` and a time limit.

To keep 10,000 candidates × 2,000 shifts small, each shift keeps its K best eligible
candidates by fit (`K = max(K_MIN, K_PER_PLACE × places)`), plus every pair greedy chose,
so greedy's answer is always a feasible answer of the program. After solving, places left
open by the pruning are filled from the full eligible lists where a candidate is still
free (the "completion" step; it can only add). If HiGHS stops without an answer, or with
one that fills less than greedy (a time limit), the run keeps greedy's answer and says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from koers.matching.engine import rules
from koers.matching.engine.data import ShiftData
from koers.matching.engine.index import CandidateIndex, ShiftView, seconds

K_MIN, K_PER_PLACE = 10, 3
TIME_LIMIT_SECONDS = 35.0


@dataclass
class Solution:
    """{shift position: [candidate positions]} with what the solver said."""

    chosen: dict[int, list[int]]
    status: str = ""
    fallback: bool = False
    completed: int = 0
    variables: int = 0
    constraints: int = 0
    extra: dict = field(default_factory=dict)


class Calendar:
    """Each candidate's shifts so far (as seconds), to refuse a second overlapping one."""

    def __init__(self) -> None:
        self.taken: dict[int, list[tuple[float, float]]] = {}

    def free(self, cand: int, start: float, end: float) -> bool:
        return all(not (s < end and start < e) for s, e in self.taken.get(cand, ()))

    def take(self, cand: int, start: float, end: float) -> None:
        self.taken.setdefault(cand, []).append((start, end))


def order_of_shifts(shifts: list[ShiftData]) -> list[int]:
    return sorted(
        range(len(shifts)),
        key=lambda i: (-rules.weight(shifts[i]), shifts[i].starts_at, shifts[i].id),
    )


def ranked(view: ShiftView, ids: np.ndarray) -> np.ndarray:
    """Positions into `view.eligible`, best fit first (ties: lower candidate id)."""
    return np.lexsort((ids[view.eligible], -view.fit))


def greedy(shifts: list[ShiftData], views: list[ShiftView], index: CandidateIndex) -> Solution:
    calendar = Calendar()
    chosen: dict[int, list[int]] = {}
    for i in order_of_shifts(shifts):
        shift, view = shifts[i], views[i]
        start, end = seconds(shift.starts_at), seconds(shift.ends_at)
        picked: list[int] = []
        for k in ranked(view, index.ids):
            if len(picked) >= shift.places:
                break
            cand = int(view.eligible[k])
            if calendar.free(cand, start, end):
                calendar.take(cand, start, end)
                picked.append(cand)
        chosen[i] = picked
    return Solution(chosen, status="greedy")


def keep_per_shift(places: int) -> int:
    return max(K_MIN, K_PER_PLACE * places)


def solve(
    shifts: list[ShiftData],
    views: list[ShiftView],
    index: CandidateIndex,
    baseline: Solution,
    time_limit: float = TIME_LIMIT_SECONDS,
) -> Solution:
    pair_shift: list[int] = []
    pair_cand: list[int] = []
    pair_fit: list[float] = []
    for i, (shift, view) in enumerate(zip(shifts, views, strict=True)):
        fit_of = dict(zip(view.eligible.tolist(), view.fit.tolist(), strict=True))
        kept = view.eligible[ranked(view, index.ids)[: keep_per_shift(shift.places)]].tolist()
        for cand in dict.fromkeys(kept + baseline.chosen.get(i, [])):
            pair_shift.append(i)
            pair_cand.append(cand)
            pair_fit.append(fit_of[cand])
    n_vars = len(pair_shift)
    if n_vars == 0:
        return Solution({i: [] for i in range(len(shifts))}, status="empty")
    fillable = sum(min(s.places, len(v.eligible)) for s, v in zip(shifts, views, strict=True))
    big_m = fillable + 1
    weights = np.array([rules.weight(shifts[i]) for i in pair_shift], dtype=np.float64)
    objective = -(weights + np.array(pair_fit) / big_m)

    rows: list[int] = []
    cols: list[int] = []
    upper: list[float] = []
    by_shift: dict[int, list[int]] = {}
    by_cand: dict[int, list[int]] = {}
    for var, (i, cand) in enumerate(zip(pair_shift, pair_cand, strict=True)):
        by_shift.setdefault(i, []).append(var)
        by_cand.setdefault(cand, []).append(var)
    for i, variables in by_shift.items():
        if len(variables) > shifts[i].places:
            row = len(upper)
            upper.append(shifts[i].places)
            rows.extend([row] * len(variables))
            cols.extend(variables)
    for variables in by_cand.values():
        if len(variables) < 2:
            continue
        times = sorted(
            (seconds(shifts[pair_shift[v]].starts_at), seconds(shifts[pair_shift[v]].ends_at), v)
            for v in variables
        )
        cliques: set[tuple[int, ...]] = set()
        for start, _end, _v in times:
            clique = tuple(sorted(v for s, e, v in times if s <= start < e))
            if len(clique) > 1:
                cliques.add(clique)
        for clique in cliques:
            row = len(upper)
            upper.append(1)
            rows.extend([row] * len(clique))
            cols.extend(clique)
    constraints = []
    if upper:
        matrix = sparse.csr_array(
            (np.ones(len(rows)), (np.array(rows), np.array(cols))), shape=(len(upper), n_vars)
        )
        constraints.append(LinearConstraint(matrix, -np.inf, np.array(upper, dtype=np.float64)))
    result = milp(
        objective,
        constraints=constraints,
        integrality=np.ones(n_vars),
        bounds=Bounds(0, 1),
        options={"time_limit": time_limit, "mip_rel_gap": 0, "disp": False},
    )
    chosen: dict[int, list[int]] = {i: [] for i in range(len(shifts))}
    if result.x is None:
        return _fallback(baseline, f"no answer ({result.message})", n_vars, len(upper))
    for picked in np.flatnonzero(result.x > 0.5).tolist():
        chosen[pair_shift[picked]].append(pair_cand[picked])
    solution = Solution(
        chosen,
        status="optimal" if result.status == 0 else str(result.message),
        variables=n_vars,
        constraints=len(upper),
    )
    solution.completed = _complete(shifts, views, index, solution)
    if weighted_filled(shifts, solution) < weighted_filled(shifts, baseline):
        return _fallback(baseline, solution.status, n_vars, len(upper))
    return solution


def _fallback(baseline: Solution, status: str, n_vars: int, n_rows: int) -> Solution:
    return Solution(
        {i: list(c) for i, c in baseline.chosen.items()},
        status=status,
        fallback=True,
        variables=n_vars,
        constraints=n_rows,
    )


def _complete(
    shifts: list[ShiftData], views: list[ShiftView], index: CandidateIndex, solution: Solution
) -> int:
    """Fill places the pruning left open with candidates still free; returns how many."""
    calendar = Calendar()
    for i, cands in solution.chosen.items():
        for cand in cands:
            calendar.take(cand, seconds(shifts[i].starts_at), seconds(shifts[i].ends_at))
    added = 0
    for i in order_of_shifts(shifts):
        shift, view = shifts[i], views[i]
        picked = solution.chosen[i]
        if len(picked) >= shift.places:
            continue
        start, end = seconds(shift.starts_at), seconds(shift.ends_at)
        for k in ranked(view, index.ids):
            if len(picked) >= shift.places:
                break
            cand = int(view.eligible[k])
            if cand not in picked and calendar.free(cand, start, end):
                calendar.take(cand, start, end)
                picked.append(cand)
                added += 1
    return added


def filled(solution: Solution) -> int:
    return sum(len(c) for c in solution.chosen.values())


def weighted_filled(shifts: list[ShiftData], solution: Solution) -> int:
    return sum(rules.weight(shifts[i]) * len(c) for i, c in solution.chosen.items())
