"""One run of the matcher on plain data: eligibility for every shift, greedy, the solver
(for a solver run), each timed and weighed (tracemalloc's peak) in the same run, then the
proposals with their reasons and the why-not of what stayed open. No database here: the
service loads the problem and stores the outcome."""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from koers.matching.engine import rules, solve
from koers.matching.engine.data import Assignment, Problem
from koers.matching.engine.index import CandidateIndex, ShiftView

NEAR_MISSES = 3  # candidates with the role shown, with what they lack, per unfilled shift
PASSED_OVER = 3  # best eligible candidates not proposed, per shift, with why not
SOLVER, GREEDY = "solver", "greedy"


@dataclass
class Outcome:
    method: str  # whose answer was proposed (a solver run that fell back says greedy)
    assignments: list[Assignment]
    stats: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Meter:
    seconds: float = 0.0
    peak_mb: float = 0.0


@contextmanager
def _measured(meter: _Meter) -> Iterator[None]:
    started = time.perf_counter()
    tracing = tracemalloc.is_tracing()
    if tracing:
        tracemalloc.reset_peak()
    try:
        yield
    finally:
        meter.seconds += time.perf_counter() - started
        if tracing:
            meter.peak_mb = max(meter.peak_mb, tracemalloc.get_traced_memory()[1] / 2**20)


def run_matching(problem: Problem, method: str = SOLVER, *, trace_memory: bool = True) -> Outcome:
    started_tracing = trace_memory and not tracemalloc.is_tracing()
    if started_tracing:
        tracemalloc.start()
    try:
        return _run(problem, method)
    finally:
        if started_tracing:
            tracemalloc.stop()


def _run(problem: Problem, method: str) -> Outcome:
    shifts = [s for s in problem.shifts if s.places > 0]
    eligibility, greedy_meter, solver_meter = _Meter(), _Meter(), _Meter()
    with _measured(eligibility):
        index = CandidateIndex(problem)
        views = [index.view(s, near=NEAR_MISSES) for s in shifts]
    with _measured(greedy_meter):
        baseline = solve.greedy(shifts, views, index)
    figures: dict[str, Any] = {
        "candidates": len(problem.candidates),
        "shifts": len(shifts),
        "places": sum(s.places for s in shifts),
        "weighted_places": sum(rules.weight(s) * s.places for s in shifts),
        "eligible_pairs": int(sum(len(v.eligible) for v in views)),
        "eligibility": _figures_of(eligibility),
        GREEDY: {**_figures_of(greedy_meter), **_quality(shifts, baseline)},
    }
    chosen, used = baseline, GREEDY
    if method == SOLVER:
        with _measured(solver_meter):
            answer = solve.solve(shifts, views, index, baseline)
        figures[SOLVER] = {
            **_figures_of(solver_meter),
            **_quality(shifts, answer),
            "status": answer.status,
            "variables": answer.variables,
            "constraints": answer.constraints,
            "completed": answer.completed,
            "groups": answer.extra.get("groups", 0),
            "fell_back": answer.fallback,
            "k_min": solve.K_MIN,
            "k_per_place": solve.K_PER_PLACE,
        }
        chosen, used = answer, (GREEDY if answer.fallback else SOLVER)
    figures["used"] = used
    assignments = _assignments(problem, shifts, chosen, index)
    figures["unfilled"], figures["passed_over"] = _why_not(problem, shifts, views, chosen, index)
    return Outcome(used, assignments, figures)


def _figures_of(meter: _Meter) -> dict[str, float]:
    return {"seconds": round(meter.seconds, 3), "peak_mb": round(meter.peak_mb, 1)}


def _quality(shifts: list, solution: solve.Solution) -> dict[str, Any]:
    total = sum(rules.weight(s) * s.places for s in shifts)
    weighted = solve.weighted_filled(shifts, solution)
    return {
        "filled": solve.filled(solution),
        "weighted_filled": weighted,
        "weighted_share": round(100 * weighted / total, 1) if total else 0.0,
    }


def _assignments(
    problem: Problem, shifts: list, solution: solve.Solution, index: CandidateIndex
) -> list[Assignment]:
    out = []
    for i, positions in sorted(solution.chosen.items()):
        for pos in positions:
            judgement = rules.judge(
                problem.candidates[pos], shifts[i], problem.centres, problem.fairness_days
            )
            out.append(
                Assignment(
                    shift_id=shifts[i].id,
                    candidate_id=int(index.ids[pos]),
                    score=round(judgement.score, 4),
                    reasons=judgement.reasons,
                )
            )
    return out


def _why_not(
    problem: Problem,
    shifts: list,
    views: list[ShiftView],
    solution: solve.Solution,
    index: CandidateIndex,
) -> tuple[list[dict], list[dict]]:
    """Per unfilled shift: how many with the role fail first on which rule, and the few who
    came closest with what they lack. Per shift: its best eligible candidates who were not
    proposed, and why (given a shift at the same time, or others fitted better)."""
    by_candidate: dict[int, list[int]] = {}
    for i, positions in solution.chosen.items():
        for pos in positions:
            by_candidate.setdefault(pos, []).append(i)
    unfilled, passed_over = [], []
    for i, (shift, view) in enumerate(zip(shifts, views, strict=True)):
        picked = solution.chosen.get(i, [])
        fit_of = dict(zip(view.eligible.tolist(), view.fit.tolist(), strict=True))
        weakest = min((fit_of[p] for p in picked), default=None)
        missing = shift.places - len(picked)
        elsewhere = listed = 0
        for k in solve.ranked(view, index.ids):
            if listed >= PASSED_OVER and missing <= 0:
                break
            pos = int(view.eligible[k])
            if pos in picked:
                continue
            busy = any(_overlap(shifts[j], shift) for j in by_candidate.get(pos, ()))
            elsewhere += busy
            if listed >= PASSED_OVER:
                continue
            listed += 1
            reason: dict[str, Any] = (
                {"code": "assigned_elsewhere"}
                if busy
                else {
                    "code": "outscored",
                    "score": round(rules.weight(shift) * fit_of[pos], 2),
                    "best": round(rules.weight(shift) * (weakest or 0.0), 2),
                }
            )
            passed_over.append(
                {"shift": shift.id, "candidate": int(index.ids[pos]), "reasons": [reason]}
            )
        if missing <= 0:
            continue
        reasons: list[dict] = []
        if not len(view.eligible):
            reasons.append({"code": "no_candidates"})
        elif elsewhere:
            reasons.append({"code": "count_elsewhere", "count": elsewhere})
        for rule in ("stage", "qualification", "availability", "distance", "overlap"):
            if view.failing[rule]:
                reasons.append({"code": f"count_{rule}", "count": view.failing[rule]})
        near = []
        for pos in view.near_misses.tolist():
            judgement = rules.judge(
                problem.candidates[pos], shift, problem.centres, problem.fairness_days
            )
            near.append({"candidate": int(index.ids[pos]), "reasons": judgement.reasons})
        unfilled.append(
            {
                "shift": shift.id,
                "request": shift.request_id,
                "missing": missing,
                "reasons": reasons,
                "near_misses": near,
            }
        )
    return unfilled, passed_over


def _overlap(a: Any, b: Any) -> bool:
    return a.id != b.id and a.starts_at < b.ends_at and b.starts_at < a.ends_at
