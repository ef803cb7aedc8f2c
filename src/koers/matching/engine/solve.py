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
per shift start of hers suffices (duplicates dropped). No row joins two shifts that do
not overlap (even through a chain of others), so the program splits exactly into one
program per group of overlapping shifts (`time_groups`), each solved on its own — the same
optimum, found far faster (at 2,000 shifts, dozens of small programs instead of one of
40,000 variables that HiGHS needed 20 seconds for). `weight` is an integer (the
priority), so the first term moves in whole steps; M is one more than the most places
that can be filled in the group, and fit is at most 1, so all fit together stays below one step: the
solver first fills the most priority-weighted places, and only among those equal does fit
decide (lexicographic). It runs with `mip_rel_gap=0` and a time limit.

To keep 10,000 candidates × 2,000 shifts small, each shift keeps its K best eligible
candidates by fit (`K = max(K_MIN, K_PER_PLACE × places)`), plus every pair greedy chose,
so greedy's answer is always a feasible answer of the program. After solving, places left
open by the pruning are filled from the full eligible lists where a candidate is still
free (the "completion" step; it can only add). If HiGHS stops without an answer, or with
one that fills less than greedy (a time limit), that group keeps greedy's answer and the
run says so.
"""

from __future__ import annotations

import time
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


def time_groups(shifts: list[ShiftData]) -> list[list[int]]:
    """The shifts split into groups no constraint joins: a capacity row holds one shift, a
    no-overlap row the overlapping shifts of one candidate, so shifts that do not overlap,
    even through a chain of others, never meet in a row. Each group is a program of its
    own (exactly the same optimum, far smaller programs)."""
    groups: list[list[int]] = []
    reach = None
    for i in sorted(range(len(shifts)), key=lambda k: (shifts[k].starts_at, shifts[k].id)):
        if reach is None or shifts[i].starts_at >= reach:
            groups.append([])
            reach = shifts[i].ends_at
        groups[-1].append(i)
        reach = max(reach, shifts[i].ends_at)
    return groups


def solve(
    shifts: list[ShiftData],
    views: list[ShiftView],
    index: CandidateIndex,
    baseline: Solution,
    time_limit: float = TIME_LIMIT_SECONDS,
) -> Solution:
    """The best assignment (see the module's docstring), group by group of overlapping
    shifts, within `time_limit` seconds in all; a group that gets no better answer than
    greedy's in its time keeps greedy's (and the solution says so)."""
    deadline = time.monotonic() + time_limit
    chosen: dict[int, list[int]] = {i: [] for i in range(len(shifts))}
    statuses: dict[str, int] = {}
    variables = rows = 0
    fell_back = False
    for group in time_groups(shifts):
        left = deadline - time.monotonic()
        answer = _solve_group(group, shifts, views, index, baseline, max(left, 0.0))
        variables += answer.variables
        rows += answer.constraints
        statuses[answer.status] = statuses.get(answer.status, 0) + 1
        worse = _weighted(group, shifts, answer) < _weighted(group, shifts, baseline)
        if answer.fallback or worse:
            fell_back = True
            answer = baseline
        for i in group:
            chosen[i] = list(answer.chosen.get(i, []))
    solution = Solution(
        chosen,
        status=", ".join(f"{status}: {n}" for status, n in sorted(statuses.items())),
        fallback=fell_back,
        variables=variables,
        constraints=rows,
        extra={"groups": sum(statuses.values())},
    )
    solution.completed = _complete(shifts, views, index, solution)
    return solution


def _weighted(group: list[int], shifts: list[ShiftData], solution: Solution) -> int:
    return sum(rules.weight(shifts[i]) * len(solution.chosen.get(i, [])) for i in group)


def _solve_group(
    group: list[int],
    shifts: list[ShiftData],
    views: list[ShiftView],
    index: CandidateIndex,
    baseline: Solution,
    time_limit: float,
) -> Solution:
    pair_shift: list[int] = []
    pair_cand: list[int] = []
    pair_fit: list[float] = []
    for i in group:
        shift, view = shifts[i], views[i]
        fit_of = dict(zip(view.eligible.tolist(), view.fit.tolist(), strict=True))
        kept = view.eligible[ranked(view, index.ids)[: keep_per_shift(shift.places)]].tolist()
        for cand in dict.fromkeys(kept + baseline.chosen.get(i, [])):
            pair_shift.append(i)
            pair_cand.append(cand)
            pair_fit.append(fit_of[cand])
    n_vars = len(pair_shift)
    if n_vars == 0:
        return Solution({}, status="empty")
    fillable = sum(min(shifts[i].places, len(views[i].eligible)) for i in group)
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
    chosen: dict[int, list[int]] = {i: [] for i in group}
    if not upper:  # nothing competes: every pair is taken
        for i, cand in zip(pair_shift, pair_cand, strict=True):
            chosen[i].append(cand)
        return Solution(chosen, status="optimal", variables=n_vars)
    if time_limit <= 0:
        return _fallback(baseline, "time limit reached", n_vars, len(upper))
    matrix = sparse.csr_array(
        (np.ones(len(rows)), (np.array(rows), np.array(cols))), shape=(len(upper), n_vars)
    )
    result = milp(
        objective,
        constraints=[LinearConstraint(matrix, -np.inf, np.array(upper, dtype=np.float64))],
        integrality=np.ones(n_vars),
        bounds=Bounds(0, 1),
        options={"time_limit": time_limit, "mip_rel_gap": 0, "disp": False},
    )
    if result.x is None:
        return _fallback(baseline, "time limit reached", n_vars, len(upper))
    for picked in np.flatnonzero(result.x > 0.5).tolist():
        chosen[pair_shift[picked]].append(pair_cand[picked])
    return Solution(
        chosen,
        status="optimal" if result.status == 0 else "time limit reached",
        variables=n_vars,
        constraints=len(upper),
    )


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
