"""The hard rules and the fit for all candidates at once, shift by shift, with numpy: the
fast path the run uses (10,000 candidates × 2,000 shifts are 20 million pairs, too many
to judge one by one in Python). It applies exactly the rules of
`koers.matching.engine.rules` (tests hold the two to each other on random pools) and
counts, per shift, how many candidates with the role fail first on which rule — the
why-not of a place nobody could fill."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from koers.matching.distance import haversine_km
from koers.matching.engine import rules
from koers.matching.engine.data import Problem, ShiftData

NEVER = np.int64(10**9)  # a day ordinal beyond any date: "does not expire"
SINCE_ALWAYS = np.int64(-(10**9))
RULE_ORDER = ("stage", "qualification", "availability", "distance", "overlap")


def seconds(moment: dt.datetime) -> float:
    return moment.timestamp()


@dataclass
class ShiftView:
    """The eligible candidates of one shift (positions in the index), their fit and
    distance, and how many candidates with the role fail first on each rule."""

    eligible: np.ndarray  # int positions, in the index's candidate order
    fit: np.ndarray
    km: np.ndarray
    failing: dict[str, int]
    near_misses: np.ndarray  # deployable candidates with the role failing fewest rules


class CandidateIndex:
    def __init__(self, problem: Problem) -> None:
        cands = problem.candidates
        self.problem = problem
        self.ids = np.array([c.id for c in cands], dtype=np.int64)
        self.n = len(cands)
        codes = sorted({c.municipality for c in cands} | {s.municipality for s in problem.shifts})
        self.code_pos = {code: i for i, code in enumerate(codes)}
        self.mun = np.array([self.code_pos[c.municipality] for c in cands], dtype=np.int64)
        self.dist = np.full((len(codes), len(codes)), np.nan)
        for i, a in enumerate(codes):
            for j, b in enumerate(codes):
                if a == b:
                    self.dist[i, j] = 0.0
                elif a in problem.centres and b in problem.centres:
                    self.dist[i, j] = haversine_km(problem.centres[a], problem.centres[b])
        self.max_km = np.array([c.max_travel_km for c in cands], dtype=np.float64)
        self.recent = np.array([c.recent_proposals for c in cands], dtype=np.float64)
        self.deployable = np.array([c.stage in rules.DEPLOYABLE for c in cands], dtype=bool)
        roles = {r for c in cands for r in c.roles} | {s.role for s in problem.shifts}
        self.role_members = {
            role: np.array([role in c.roles for c in cands], dtype=bool) for role in roles
        }
        self._familiar: dict[int, np.ndarray] = {}

        owner, kinds, q_from, q_until = [], [], [], []
        a_owner, a_days, a_start, a_end, a_from, a_until = [], [], [], [], [], []
        b_owner, b_start, b_end = [], [], []
        for pos, c in enumerate(cands):
            for q in c.qualifications:
                owner.append(pos)
                kinds.append(q.kind)
                q_from.append(q.valid_from.toordinal() if q.valid_from else SINCE_ALWAYS)
                q_until.append(q.valid_until.toordinal() if q.valid_until else NEVER)
            for av in c.availability:
                a_owner.append(pos)
                a_days.append(av.weekdays)
                start = av.start_time.hour * 60 + av.start_time.minute
                end = av.end_time.hour * 60 + av.end_time.minute
                a_start.append(start)
                a_end.append(end + rules.MINUTES_PER_DAY if end <= start else end)
                a_from.append(av.valid_from.toordinal())
                a_until.append(av.valid_until.toordinal() if av.valid_until else NEVER)
            for busy in c.busy:
                b_owner.append(pos)
                b_start.append(seconds(busy.starts_at))
                b_end.append(seconds(busy.ends_at))
        kind_arr = np.array(kinds, dtype=object)
        self.q_owner = np.array(owner, dtype=np.int64)
        self.q_from = np.array(q_from, dtype=np.int64)
        self.q_until = np.array(q_until, dtype=np.int64)
        self.q_kind_rows = {k: np.flatnonzero(kind_arr == k) for k in set(kinds)}
        self.a_owner = np.array(a_owner, dtype=np.int64)
        self.a_days = np.array(a_days, dtype=np.int64)
        self.a_start = np.array(a_start, dtype=np.int64)
        self.a_end = np.array(a_end, dtype=np.int64)
        self.a_overnight = self.a_end > rules.MINUTES_PER_DAY
        self.a_from = np.array(a_from, dtype=np.int64)
        self.a_until = np.array(a_until, dtype=np.int64)
        self.b_owner = np.array(b_owner, dtype=np.int64)
        self.b_start = np.array(b_start, dtype=np.float64)
        self.b_end = np.array(b_end, dtype=np.float64)

    def familiar(self, requester_id: int) -> np.ndarray:
        if requester_id not in self._familiar:
            self._familiar[requester_id] = np.array(
                [requester_id in c.worked_for for c in self.problem.candidates], dtype=bool
            )
        return self._familiar[requester_id]

    def _qualified(self, shift: ShiftData, first: int, last: int) -> tuple[np.ndarray, np.ndarray]:
        """(holds every needed qualification through the shift, the latest end of the
        scarcest one as a day ordinal)."""
        ok = np.ones(self.n, dtype=bool)
        scarcest = np.full(self.n, NEVER, dtype=np.int64)
        for group in rules.needed_kinds(shift):
            rows = [self.q_kind_rows[k] for k in group if k in self.q_kind_rows]
            held = np.zeros(self.n, dtype=bool)
            best = np.full(self.n, SINCE_ALWAYS, dtype=np.int64)
            if rows:
                r = np.concatenate(rows)
                valid = r[(self.q_from[r] <= first) & (self.q_until[r] >= last)]
                held[self.q_owner[valid]] = True
                np.maximum.at(best, self.q_owner[valid], self.q_until[valid])
            ok &= held
            scarcest = np.where(held, np.minimum(scarcest, best), scarcest)
        return ok, scarcest

    def _available(self, shift: ShiftData, first: dt.date, last: dt.date) -> np.ndarray:
        covered = np.zeros(self.n, dtype=bool)
        if not len(self.a_owner):
            return covered
        d0 = first.toordinal()
        if rules.is_period(shift):
            hit = (self.a_from <= d0) & (self.a_until >= last.toordinal())
        else:
            start = shift.starts_at.hour * 60 + shift.starts_at.minute
            end = start + int((shift.ends_at - shift.starts_at).total_seconds() // 60)
            today = (
                ((self.a_days >> first.weekday()) & 1).astype(bool)
                & (self.a_start <= start)
                & (self.a_end >= end)
                & (self.a_from <= d0)
                & (self.a_until >= d0)
            )
            before = (first - dt.timedelta(days=1)).weekday()
            day_before = (
                self.a_overnight
                & ((self.a_days >> before) & 1).astype(bool)
                & (self.a_start - rules.MINUTES_PER_DAY <= start)
                & (self.a_end - rules.MINUTES_PER_DAY >= end)
                & (self.a_from <= d0 - 1)
                & (self.a_until >= d0 - 1)
            )
            hit = today | day_before
        covered[self.a_owner[hit]] = True
        return covered

    def view(self, shift: ShiftData, near: int = 0) -> ShiftView:
        first, last = rules.shift_days(shift)
        members = self.role_members.get(shift.role, np.zeros(self.n, dtype=bool))
        pool = members & self.deployable
        qualified, scarcest = self._qualified(shift, first.toordinal(), last.toordinal())
        available = self._available(shift, first, last)
        shift_mun = self.code_pos[shift.municipality]
        km = self.dist[shift_mun, self.mun]
        close = ~np.isnan(km) & (np.nan_to_num(km, nan=np.inf) <= self.max_km)
        blocked = np.zeros(self.n, dtype=bool)
        if len(self.b_owner):
            s0, s1 = seconds(shift.starts_at), seconds(shift.ends_at)
            blocked[self.b_owner[(self.b_start < s1) & (self.b_end > s0)]] = True
        step1 = pool & qualified
        step2 = step1 & available
        step3 = step2 & close
        eligible_mask = step3 & ~blocked
        failing = {
            "stage": int((members & ~self.deployable).sum()),
            "qualification": int((pool & ~qualified).sum()),
            "availability": int((step1 & ~available).sum()),
            "distance": int((step2 & ~close).sum()),
            "overlap": int((step3 & blocked).sum()),
        }
        eligible = np.flatnonzero(eligible_mask)
        e_km = km[eligible]
        days = np.where(
            scarcest[eligible] >= NEVER, NEVER, scarcest[eligible] - last.toordinal()
        ).astype(np.float64)
        closeness = np.maximum(0.0, 1.0 - e_km / np.maximum(self.max_km[eligible], 1.0))
        margin = np.minimum(1.0, days / rules.MARGIN_DAYS)
        familiar = self.familiar(shift.requester_id)[eligible].astype(np.float64)
        fairness = rules.FAIRNESS_STEP * np.minimum(self.recent[eligible], rules.FAIRNESS_CAP)
        fit = np.maximum(
            0.0,
            rules.W_CLOSENESS * closeness
            + rules.W_MARGIN * margin
            + rules.W_FAMILIAR * familiar
            - fairness,
        )
        near_misses = np.empty(0, dtype=np.int64)
        if near:
            misses = pool & ~eligible_mask
            if misses.any():
                fails = (
                    (~qualified).astype(int)
                    + (~available).astype(int)
                    + (~close).astype(int)
                    + blocked.astype(int)
                )
                positions = np.flatnonzero(misses)
                order = np.lexsort((self.ids[positions], fails[positions]))
                near_misses = positions[order[:near]]
        return ShiftView(eligible, fit, e_km, failing, near_misses)
