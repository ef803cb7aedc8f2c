"""The hard rules and the score of one candidate for one shift, pair by pair, in plain
Python: the definition the fast path (`koers.matching.engine.index`) is tested against, and
what writes the reasons of a proposal or of a candidate passed over.

Hard rules, in order (each failure is an AGAINST reason, `koers.matching.reasons`):

1. stage: she is deployable (`pool.DEPLOYABLE_STAGES`);
2. role: she works in the request's role;
3. qualifications: one of the role's qualifications (`qualifying.ROLE_QUALIFICATIONS`) and
   every qualification the request requires are valid on every day of the shift (its start
   date, in local time; through the last day for a period longer than a day);
4. availability: one of her availabilities covers the shift: its weekday bit is set for the
   day the window starts, the window (overnight when its end is at or before its start)
   holds the shift's start and end, and its validity covers that day. A window starting the
   evening before covers a shift after midnight. A period longer than a day needs an
   availability valid on every day of the period (the hours are planned with her);
5. distance: between the centres of her municipality and the shift's
   (`distance.km_between`) at most her travel distance; unknown distance is not eligible;
6. no overlap with a holding placement of hers.

Score of an eligible pair, `score = weight × fit`:

    weight = the request's priority (1 low … 4 urgent; not yet prioritised: 2, normal)
    fit    = max(0, 0.5·closeness + 0.3·margin + 0.2·familiar − fairness)
    closeness = 1 − km / travel distance                       (0 … 1, 1 in her own town)
    margin    = min(1, days the scarcest needed qualification stays valid after the
                shift / 365)                                  (1 when none expires)
    familiar  = 1 when a placement of hers at the same organisation took place, else 0
    fairness  = FAIRNESS_STEP × min(proposals to her in the last MATCHING_FAIRNESS_DAYS
                days, FAIRNESS_CAP)                           (0 … 0.5)

so fit lies in 0 … 1 and the same few are not always asked: five recent proposals cost
her as much as living at the edge of her travel distance."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from koers.matching.engine.data import CandidateData, ShiftData
from koers.matching.pool import DEPLOYABLE_STAGES
from koers.matching.qualifying import ROLE_QUALIFICATIONS

NORMAL_WEIGHT = 2
W_CLOSENESS, W_MARGIN, W_FAMILIAR = 0.5, 0.3, 0.2
FAIRNESS_STEP, FAIRNESS_CAP = 0.1, 5
MARGIN_DAYS = 365
MINUTES_PER_DAY = 24 * 60
DEPLOYABLE = frozenset(str(s) for s in DEPLOYABLE_STAGES)

Reason = dict


def weight(shift: ShiftData) -> int:
    return shift.priority or NORMAL_WEIGHT


def shift_days(shift: ShiftData) -> tuple[dt.date, dt.date]:
    """The first and last day a shift asks for: its start date, through the end date for a
    period longer than a day."""
    first = shift.starts_at.date()  # a local moment: the engine's data is localtime'd
    if is_period(shift):
        last = (shift.ends_at - dt.timedelta(microseconds=1)).date()
        return first, max(first, last)
    return first, first


def is_period(shift: ShiftData) -> bool:
    return shift.ends_at - shift.starts_at > dt.timedelta(days=1)


def _minutes(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def _hhmm(t: dt.datetime | dt.time) -> str:
    return f"{t.hour:02d}:{t.minute:02d}"


def covering_window(candidate: CandidateData, shift: ShiftData) -> tuple[int, str, str] | None:
    """(weekday, from, until) of an availability of hers that covers the shift, else None."""
    first, last = shift_days(shift)
    if is_period(shift):
        for a in candidate.availability:
            if a.valid_from <= first and (a.valid_until is None or last <= a.valid_until):
                return first.weekday(), _hhmm(a.start_time), _hhmm(a.end_time)
        return None
    start = _minutes(shift.starts_at.time())
    end = start + int((shift.ends_at - shift.starts_at).total_seconds() // 60)
    for a in candidate.availability:
        a_start, a_end = _minutes(a.start_time), _minutes(a.end_time)
        overnight = a_end <= a_start
        if overnight:
            a_end += MINUTES_PER_DAY
        # The window opening on the shift's day, and (overnight) the one opened the day before.
        for offset in (0, -1) if overnight else (0,):
            day = first + dt.timedelta(days=offset)
            if not a.weekdays >> day.weekday() & 1:
                continue
            if a.valid_from > day or (a.valid_until is not None and day > a.valid_until):
                continue
            lo, hi = a_start + offset * MINUTES_PER_DAY, a_end + offset * MINUTES_PER_DAY
            if lo <= start and end <= hi:
                return day.weekday(), _hhmm(a.start_time), _hhmm(a.end_time)
    return None


def _best_until(candidate: CandidateData, kinds: frozenset[str], first: dt.date, last: dt.date):
    """Among her qualifications of `kinds` valid from `first` through `last`: (True, the
    latest end or None for one that does not expire), or (False, the latest end of one
    that lapsed before `last`, if any)."""
    valid = [
        q
        for q in candidate.qualifications
        if q.kind in kinds
        and (q.valid_from is None or q.valid_from <= first)
        and (q.valid_until is None or last <= q.valid_until)
    ]
    if valid:
        if any(q.valid_until is None for q in valid):
            return True, None
        return True, max(q.valid_until for q in valid if q.valid_until)
    lapsed = [
        q.valid_until
        for q in candidate.qualifications
        if q.kind in kinds and q.valid_until is not None and q.valid_until < last
    ]
    return False, max(lapsed) if lapsed else None


def needed_kinds(shift: ShiftData) -> list[frozenset[str]]:
    """The qualifications a shift needs: the role's (any one of them) and each required."""
    groups = []
    role_kinds = ROLE_QUALIFICATIONS.get(shift.role)
    if role_kinds:
        groups.append(frozenset(str(k) for k in role_kinds))
    groups.extend(frozenset({str(kind)}) for kind in shift.required)
    return groups


@dataclass
class Judgement:
    eligible: bool
    reasons: list[Reason]  # FOR when eligible, else AGAINST (every rule she fails, in order)
    km: float | None = None
    fit: float = 0.0
    score: float = 0.0


def judge(
    candidate: CandidateData,
    shift: ShiftData,
    centres: dict[str, tuple[float, float]],
    fairness_days: int = 30,
) -> Judgement:
    """Every hard rule for this pair, then the score with its reasons."""
    from koers.matching.distance import km_between

    against: list[Reason] = []
    first, last = shift_days(shift)
    if candidate.stage not in DEPLOYABLE:
        against.append({"code": "stage", "stage": candidate.stage})
    if shift.role not in candidate.roles:
        against.append({"code": "no_role", "role": shift.role})
    qualification_for: list[Reason] = []
    untils: list[dt.date | None] = []
    for kinds in needed_kinds(shift):
        ok, until = _best_until(candidate, kinds, first, last)
        kind = min(kinds) if len(kinds) == 1 else _held_kind(candidate, kinds)
        if ok:
            untils.append(until)
            if until is None:
                qualification_for.append({"code": "qualification_open", "kind": kind})
            else:
                qualification_for.append(
                    {"code": "qualification", "kind": kind, "until": until.isoformat()}
                )
        elif until is not None:
            against.append(
                {"code": "qualification_expired", "kind": kind, "until": until.isoformat()}
            )
        else:
            against.append(
                {"code": "qualification_missing", "kind": kind, "day": first.isoformat()}
            )
    window = covering_window(candidate, shift)
    if window is None:
        against.append(
            {
                "code": "not_available",
                "weekday": first.weekday(),
                "start": _hhmm(shift.starts_at),
                "end": _hhmm(shift.ends_at),
            }
        )
    km = km_between(candidate.municipality, shift.municipality, known=centres)
    if km is None:
        unknown = (
            candidate.municipality if candidate.municipality not in centres else shift.municipality
        )
        against.append({"code": "distance_unknown", "municipality": unknown})
    elif km > candidate.max_travel_km:
        against.append({"code": "too_far", "km": round(km, 1), "max_km": candidate.max_travel_km})
    for busy in candidate.busy:
        if busy.starts_at < shift.ends_at and shift.starts_at < busy.ends_at:
            against.append(
                {
                    "code": "overlap",
                    "start": busy.starts_at.isoformat(timespec="minutes"),
                    "end": busy.ends_at.isoformat(timespec="minutes"),
                }
            )
            break
    if against:
        return Judgement(False, against, km=km)
    assert km is not None and window is not None
    fit = fit_of(
        km=km,
        max_km=candidate.max_travel_km,
        days_left=days_left(untils, last),
        familiar=shift.requester_id in candidate.worked_for,
        recent=candidate.recent_proposals,
    )
    reasons: list[Reason] = [{"code": "role", "role": shift.role}, *qualification_for]
    reasons.append(
        {"code": "available", "weekday": window[0], "start": window[1], "end": window[2]}
    )
    reasons.append({"code": "distance", "km": round(km, 1), "max_km": candidate.max_travel_km})
    reasons.append({"code": "priority", "priority": weight(shift)})
    if candidate.recent_proposals:
        reasons.append(
            {"code": "asked_before", "times": candidate.recent_proposals, "days": fairness_days}
        )
    else:
        reasons.append({"code": "rested", "days": fairness_days})
    if shift.requester_id in candidate.worked_for:
        reasons.append({"code": "same_organisation"})
    return Judgement(True, reasons, km=km, fit=fit, score=weight(shift) * fit)


def _held_kind(candidate: CandidateData, kinds: frozenset[str]) -> str:
    held = sorted(q.kind for q in candidate.qualifications if q.kind in kinds)
    return held[0] if held else min(kinds)


def days_left(untils: list[dt.date | None], last: dt.date) -> int | None:
    """Days the scarcest needed qualification stays valid after the shift (None: none
    expires)."""
    ends = [u for u in untils if u is not None]
    return min((u - last).days for u in ends) if ends else None


def fit_of(*, km: float, max_km: int, days_left: int | None, familiar: bool, recent: int) -> float:
    closeness = max(0.0, 1.0 - km / max(max_km, 1))
    margin = 1.0 if days_left is None else min(1.0, days_left / MARGIN_DAYS)
    fairness = FAIRNESS_STEP * min(recent, FAIRNESS_CAP)
    raw = W_CLOSENESS * closeness + W_MARGIN * margin + W_FAMILIAR * float(familiar) - fairness
    return max(0.0, raw)
