"""The matcher on small cases with known best answers (plain data, no database): the hard
rules one by one, overnight availability, an expired qualification, the fairness term, the
solver against greedy (one case greedy gets wrong), and the fast path against the rules."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from koers.matching.engine import rules, solve
from koers.matching.engine.data import AvailabilityData, BusyData, QualificationData
from koers.matching.engine.index import CandidateIndex
from koers.matching.engine.match import run_matching
from koers.matching.reasons import AGAINST, FOR, describe
from tests.matching.engine_cases import (
    ALMERE,
    CENTRES,
    DAY,
    EVERY_DAY,
    LELYSTAD,
    URK,
    at,
    candidate,
    problem,
    random_problem,
    shift,
)

MONDAY = 0b0000001
DAY_SHIFT = (at(DAY, 8), at(DAY, 16))


def judged(c, s):  # type: ignore[no-untyped-def]
    return rules.judge(c, s, CENTRES)


def codes(judgement: rules.Judgement) -> list[str]:
    return [r["code"] for r in judgement.reasons]


def chosen(outcome) -> set[tuple[int, int]]:  # type: ignore[no-untyped-def]
    return {(a.shift_id, a.candidate_id) for a in outcome.assignments}


# --- the hard rules, one by one --------------------------------------------------------------


def test_a_candidate_who_meets_every_rule_is_eligible_with_reasons_for() -> None:
    j = judged(candidate(1), shift(1, *DAY_SHIFT))
    assert j.eligible
    assert codes(j) == ["role", "qualification_open", "available", "distance", "priority", "rested"]
    assert all(r["code"] in FOR for r in j.reasons)


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"stage": "aangemeld"}, "stage"),
        ({"stage": "doorverwezen"}, "stage"),
        ({"roles": frozenset({"verzorgende"})}, "no_role"),
        ({"qualifications": ()}, "qualification_missing"),
        ({"qualifications": (QualificationData("diploma_vig"),)}, "qualification_missing"),
        (
            {"availability": (AvailabilityData(EVERY_DAY, dt.time(9), dt.time(17), DAY),)},
            "not_available",
        ),
        (
            {"availability": (AvailabilityData(0b1111110, dt.time(7), dt.time(23), DAY),)},
            "not_available",
        ),
        (
            {
                "availability": (
                    AvailabilityData(EVERY_DAY, dt.time(7), dt.time(23), DAY + dt.timedelta(1)),
                )
            },
            "not_available",
        ),
        ({"municipality": URK, "max_travel_km": 10}, "too_far"),
        ({"municipality": "GM9999"}, "distance_unknown"),
        ({"busy": (BusyData(at(DAY, 15), at(DAY, 20)),)}, "overlap"),
    ],
)
def test_each_hard_rule_refuses_on_its_own(changes: dict, code: str) -> None:
    j = judged(candidate(1, **changes), shift(1, *DAY_SHIFT))
    assert not j.eligible
    assert codes(j) == [code]
    assert code in AGAINST
    assert describe(j.reasons[0]) != code  # rendered as a sentence, not the bare code
    index = CandidateIndex(problem([candidate(1, **changes)], [shift(1, *DAY_SHIFT)]))
    assert not len(index.view(shift(1, *DAY_SHIFT)).eligible)


def test_a_busy_time_that_only_touches_the_shift_is_no_overlap() -> None:
    j = judged(candidate(1, busy=(BusyData(at(DAY, 16), at(DAY, 20)),)), shift(1, *DAY_SHIFT))
    assert j.eligible


def test_every_failure_is_listed_in_the_rules_order() -> None:
    j = judged(
        candidate(
            1,
            stage="gestopt",
            roles=frozenset(),
            qualifications=(),
            municipality=URK,
            max_travel_km=5,
        ),
        shift(1, *DAY_SHIFT, required=("vog",)),
    )
    assert codes(j) == [
        "stage",
        "no_role",
        "qualification_missing",
        "qualification_missing",
        "too_far",
    ]


def test_a_required_qualification_must_be_held_too() -> None:
    s = shift(1, *DAY_SHIFT, required=("vog",))
    assert not judged(candidate(1), s).eligible
    with_vog = candidate(1, qualifications=(QualificationData("big"), QualificationData("vog")))
    assert judged(with_vog, s).eligible


# --- overnight availability ------------------------------------------------------------------


NIGHTS_FROM_MONDAY = AvailabilityData(MONDAY, dt.time(22), dt.time(6), DAY)


@pytest.mark.parametrize(
    ("start", "end", "eligible"),
    [
        (at(DAY, 23), at(DAY + dt.timedelta(1), 5), True),  # Monday night
        (at(DAY, 22), at(DAY + dt.timedelta(1), 6), True),  # the whole window
        (at(DAY + dt.timedelta(1), 1), at(DAY + dt.timedelta(1), 5), True),  # after midnight
        (at(DAY, 21), at(DAY + dt.timedelta(1), 5), False),  # starts before the window
        (at(DAY, 23), at(DAY + dt.timedelta(1), 7), False),  # ends after it
        (at(DAY + dt.timedelta(1), 23), at(DAY + dt.timedelta(2), 5), False),  # Tuesday night
        (at(DAY - dt.timedelta(1), 23), at(DAY, 5), False),  # Sunday night: not hers
    ],
)
def test_overnight_availability(start: dt.datetime, end: dt.datetime, eligible: bool) -> None:
    c = candidate(1, availability=(NIGHTS_FROM_MONDAY,))
    s = shift(1, start, end)
    assert judged(c, s).eligible is eligible
    index = CandidateIndex(problem([c], [s]))
    assert bool(len(index.view(s).eligible)) is eligible


def test_an_overnight_window_before_its_first_valid_day_does_not_count() -> None:
    late = AvailabilityData(EVERY_DAY, dt.time(22), dt.time(6), DAY + dt.timedelta(1))
    s = shift(1, at(DAY + dt.timedelta(1), 1), at(DAY + dt.timedelta(1), 5))
    assert not judged(candidate(1, availability=(late,)), s).eligible


# --- a qualification that expires ------------------------------------------------------------


def test_an_expired_qualification_stops_counting_on_the_day_after_its_last() -> None:
    until = DAY + dt.timedelta(days=2)
    c = candidate(1, qualifications=(QualificationData("big", None, until),))
    last_day = shift(1, at(until, 8), at(until, 16))
    next_day = shift(2, at(until + dt.timedelta(1), 8), at(until + dt.timedelta(1), 16))
    assert judged(c, last_day).eligible
    j = judged(c, next_day)
    assert not j.eligible
    assert j.reasons == [
        {"code": "qualification_expired", "kind": "big", "until": until.isoformat()}
    ]
    index = CandidateIndex(problem([c], [last_day, next_day]))
    assert len(index.view(last_day).eligible) == 1
    assert len(index.view(next_day).eligible) == 0


def test_a_qualification_not_yet_valid_does_not_count() -> None:
    later = QualificationData("big", DAY + dt.timedelta(1), None)
    assert not judged(candidate(1, qualifications=(later,)), shift(1, *DAY_SHIFT)).eligible


def test_a_period_needs_the_qualification_through_its_last_day() -> None:
    period = shift(1, at(DAY, 0), at(DAY + dt.timedelta(days=5), 0))
    short = candidate(1, qualifications=(QualificationData("big", None, DAY + dt.timedelta(2)),))
    assert not judged(short, period).eligible
    assert judged(candidate(2), period).eligible


# --- the score -------------------------------------------------------------------------------


def test_the_fit_follows_the_documented_formula() -> None:
    c = candidate(
        1,
        municipality=LELYSTAD,
        max_travel_km=44,
        qualifications=(QualificationData("big", None, DAY + dt.timedelta(73)),),
        recent_proposals=2,
        worked_for=frozenset({1}),
    )
    j = judged(c, shift(1, *DAY_SHIFT, priority=3))
    km = j.km
    assert km is not None and 20 < km < 25
    expected = 0.5 * (1 - km / 44) + 0.3 * (73 / 365) + 0.2 * 1 - 0.1 * 2
    assert j.fit == pytest.approx(expected)
    assert j.score == pytest.approx(3 * expected)
    assert {"code": "asked_before", "times": 2, "days": 30} in j.reasons
    assert {"code": "same_organisation"} in j.reasons


def test_an_unprioritised_request_weighs_as_normal() -> None:
    assert rules.weight(shift(1, *DAY_SHIFT, priority=None)) == rules.NORMAL_WEIGHT == 2


def test_the_fairness_term_gives_the_place_to_who_was_asked_less() -> None:
    rested, asked = candidate(1), candidate(2, recent_proposals=3)
    s = shift(1, *DAY_SHIFT)
    assert judged(rested, s).fit - judged(asked, s).fit == pytest.approx(0.3)
    for method in ("greedy", "solver"):
        outcome = run_matching(problem([asked, rested], [s]), method, trace_memory=False)
        assert chosen(outcome) == {(1, 1)}
    # Without the proposals she would have had it (lower id wins a tie).
    even = run_matching(problem([candidate(2), candidate(1)], [s]), trace_memory=False)
    assert chosen(even) == {(1, 1)}
    fair = run_matching(
        problem([candidate(1, recent_proposals=3), candidate(2)], [s]), trace_memory=False
    )
    assert chosen(fair) == {(1, 2)}


def test_the_fairness_term_stops_growing_at_its_cap() -> None:
    s = shift(1, *DAY_SHIFT)
    assert (
        judged(candidate(1, recent_proposals=5), s).fit
        == judged(candidate(1, recent_proposals=50), s).fit
    )


# --- greedy against the solver ---------------------------------------------------------------


def test_greedy_loses_a_place_the_solver_fills() -> None:
    """Two overlapping shifts. Anna (Almere) fits both and fits the first best; Bea
    (Lelystad) can only do the first. Greedy gives the first to Anna and leaves the second
    open; the best answer gives Bea the first and Anna the second."""
    anna = candidate(1)
    bea = candidate(
        2,
        municipality=LELYSTAD,
        availability=(AvailabilityData(EVERY_DAY, dt.time(7), dt.time(17), DAY),),
    )
    first = shift(1, at(DAY, 8), at(DAY, 16))
    second = shift(2, at(DAY, 12), at(DAY, 20))
    case = problem([anna, bea], [first, second])

    greedy = run_matching(case, "greedy", trace_memory=False)
    assert chosen(greedy) == {(1, 1)}
    assert greedy.stats["greedy"]["filled"] == 1
    assert [u["shift"] for u in greedy.stats["unfilled"]] == [2]
    assert {"code": "count_elsewhere", "count": 1} in greedy.stats["unfilled"][0]["reasons"]

    best = run_matching(case, "solver", trace_memory=False)
    assert best.method == "solver"
    assert chosen(best) == {(1, 2), (2, 1)}
    assert best.stats["solver"]["filled"] == 2
    assert best.stats["solver"]["weighted_share"] == 100.0
    assert best.stats["greedy"]["weighted_share"] == 50.0
    assert best.stats["unfilled"] == []


def test_a_higher_priority_wins_over_a_better_fit() -> None:
    """One candidate, two overlapping shifts: urgent far away, low next door."""
    c = candidate(1, municipality=ALMERE)
    near_low = shift(1, at(DAY, 8), at(DAY, 16), priority=1)
    far_urgent = shift(2, at(DAY, 9), at(DAY, 17), priority=4, municipality=LELYSTAD)
    for method in ("greedy", "solver"):
        assert chosen(
            run_matching(problem([c], [near_low, far_urgent]), method, trace_memory=False)
        ) == {(2, 1)}


def test_fit_never_buys_a_lost_place() -> None:
    """Three places, two candidates who fit a lot and one who barely fits: the solver
    fills all three, then among such answers takes the best fit."""
    a, b = candidate(1), candidate(2)
    weak = candidate(
        3,
        municipality=LELYSTAD,
        max_travel_km=25,
        recent_proposals=4,
        availability=(AvailabilityData(EVERY_DAY, dt.time(7), dt.time(13), DAY),),
    )
    morning = shift(1, at(DAY, 8), at(DAY, 12), places=2)
    noon = shift(2, at(DAY, 11), at(DAY, 15))
    case = problem([a, b, weak], [morning, noon])
    assert judged(weak, morning).eligible and judged(weak, morning).fit == 0.0
    outcome = run_matching(case, trace_memory=False)
    assert outcome.stats["greedy"]["filled"] == 2
    assert outcome.stats["solver"]["filled"] == 3
    assert (1, 3) in chosen(outcome)


def test_a_candidate_takes_shifts_that_do_not_overlap() -> None:
    c = candidate(1)
    early, late = shift(1, at(DAY, 7), at(DAY, 15)), shift(2, at(DAY, 15), at(DAY, 23))
    for method in ("greedy", "solver"):
        assert chosen(run_matching(problem([c], [early, late]), method, trace_memory=False)) == {
            (1, 1),
            (2, 1),
        }


def test_three_overlapping_shifts_take_one_candidate_once() -> None:
    c = candidate(1)
    shifts = [shift(k, at(DAY, 8 + k), at(DAY, 14 + k)) for k in range(3)]
    outcome = run_matching(problem([c], shifts), trace_memory=False)
    assert len(outcome.assignments) == 1


def test_the_solver_falls_back_to_greedy_without_an_answer_in_time() -> None:
    case = random_problem(3, candidates=80, shifts=30)
    index = CandidateIndex(case)
    views = [index.view(s) for s in case.shifts]
    baseline = solve.greedy(case.shifts, views, index)
    answer = solve.solve(case.shifts, views, index, baseline, time_limit=0.0)
    assert answer.fallback
    assert answer.chosen == baseline.chosen


@pytest.mark.parametrize("seed", range(4))
def test_the_solver_never_fills_less_than_greedy_and_never_double_books(seed: int) -> None:
    case = random_problem(seed)
    outcome = run_matching(case, trace_memory=False)
    assert outcome.stats["solver"]["weighted_filled"] >= outcome.stats["greedy"]["weighted_filled"]
    by_id = {s.id: s for s in case.shifts}
    taken: dict[int, list] = {}
    per_shift: dict[int, int] = {}
    for a in outcome.assignments:
        s = by_id[a.shift_id]
        for other in taken.get(a.candidate_id, []):
            assert not (other.starts_at < s.ends_at and s.starts_at < other.ends_at)
        taken.setdefault(a.candidate_id, []).append(s)
        per_shift[s.id] = per_shift.get(s.id, 0) + 1
        assert per_shift[s.id] <= s.places
        assert a.reasons and all(r["code"] in FOR for r in a.reasons)


# --- the fast path holds to the rules --------------------------------------------------------


@pytest.mark.parametrize("seed", range(3))
def test_the_numpy_index_agrees_with_the_rules_pair_by_pair(seed: int) -> None:
    case = random_problem(seed)
    index = CandidateIndex(case)
    for s in case.shifts:
        view = index.view(s)
        fast = dict(zip(index.ids[view.eligible].tolist(), view.fit.tolist(), strict=True))
        for c in case.candidates:
            j = judged(c, s)
            assert (c.id in fast) is j.eligible, (c.id, s.id, j.reasons)
            if j.eligible:
                assert fast[c.id] == pytest.approx(j.fit)
        members = [c for c in case.candidates if s.role in c.roles]
        assert sum(view.failing.values()) == sum(not judged(c, s).eligible for c in members)


def test_why_not_names_the_rules_and_who_came_closest() -> None:
    far = candidate(1, municipality=URK, max_travel_km=5)
    stopped = candidate(2, stage="gestopt")
    s = shift(1, *DAY_SHIFT, places=2)
    outcome = run_matching(problem([far, stopped], [s]), trace_memory=False)
    [row] = outcome.stats["unfilled"]
    assert row["missing"] == 2
    assert {"code": "no_candidates"} in row["reasons"]
    assert {"code": "count_stage", "count": 1} in row["reasons"]
    assert {"code": "count_distance", "count": 1} in row["reasons"]
    assert row["near_misses"][0]["candidate"] == 1
    assert row["near_misses"][0]["reasons"][0]["code"] == "too_far"


def test_passed_over_candidates_say_others_fitted_better() -> None:
    near, far = candidate(1), candidate(2, municipality=LELYSTAD)
    outcome = run_matching(problem([near, far], [shift(1, *DAY_SHIFT)]), trace_memory=False)
    [passed] = outcome.stats["passed_over"]
    assert passed["candidate"] == 2
    assert passed["reasons"][0]["code"] == "outscored"
    assert passed["reasons"][0]["score"] < passed["reasons"][0]["best"]


def test_memory_and_time_are_measured_per_method() -> None:
    outcome = run_matching(random_problem(1))
    for key in ("eligibility", "greedy", "solver"):
        assert outcome.stats[key]["seconds"] >= 0
        assert outcome.stats[key]["peak_mb"] >= 0
    assert outcome.stats["eligibility"]["peak_mb"] > 0  # numpy's arrays are traced
    untraced = run_matching(random_problem(1), trace_memory=False)
    assert untraced.stats["eligibility"]["peak_mb"] == 0
    assert np.isclose(untraced.stats["places"], outcome.stats["places"])


def test_shifts_split_into_groups_only_where_nothing_overlaps() -> None:
    shifts = [
        shift(1, at(DAY, 8), at(DAY, 12)),
        shift(2, at(DAY, 15), at(DAY, 20)),  # touches the third: no overlap
        shift(3, at(DAY, 11), at(DAY, 15)),  # overlaps the first
        shift(4, at(DAY, 20), at(DAY + dt.timedelta(1), 8)),
        shift(5, at(DAY + dt.timedelta(1), 7), at(DAY + dt.timedelta(1), 9)),  # overlaps 4
    ]
    assert solve.time_groups(shifts) == [[0, 2], [1], [3, 4]]


@pytest.mark.parametrize("seed", range(3))
def test_solving_group_by_group_reaches_the_optimum_of_the_whole_program(seed: int) -> None:
    case = random_problem(seed, candidates=120, shifts=40)
    index = CandidateIndex(case)
    views = [index.view(s) for s in case.shifts]
    baseline = solve.greedy(case.shifts, views, index)
    by_groups = solve.solve(case.shifts, views, index, baseline)
    whole = solve._solve_group(
        list(range(len(case.shifts))), case.shifts, views, index, baseline, 30.0
    )
    assert whole.status == "optimal"
    assert not by_groups.fallback
    grouped = solve.weighted_filled(case.shifts, by_groups)
    assert grouped >= solve.weighted_filled(case.shifts, whole)
