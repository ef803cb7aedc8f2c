"""Benchmark the matcher on a synthetic pool: 10,000 candidates, 500 open requests with
2,000 shifts in Flevoland (no database: the engine works on plain data,
koers.matching.engine).

    .venv/bin/python bench/matching.py [CANDIDATES] [REQUESTS] [SHIFTS]

One run of `run_matching` computes eligibility, the greedy baseline and the solver on the
same problem, so the baseline is in the same run. It is run twice: once without tracing
(the times), once with tracemalloc (the peak Python memory of each step; tracing slows
Python code, so those times are not the ones to read). Quality is the priority-weighted
share of places filled: Σ priority × places filled / Σ priority × places asked.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import resource
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koers.settings")
import django

django.setup()

from koers.core.geo import shipped_boundaries  # noqa: E402
from koers.matching.distance import centre_of  # noqa: E402
from koers.matching.engine.data import (  # noqa: E402
    AvailabilityData,
    BusyData,
    CandidateData,
    Problem,
    QualificationData,
    ShiftData,
)
from koers.matching.engine.match import run_matching  # noqa: E402

FLEVOLAND = ["GM0034", "GM0995", "GM0303", "GM0171", "GM0184", "GM0050"]
ROLES = [
    ("verzorgende", 0.40, ["diploma_vig", "big"]),
    ("verpleegkundige", 0.20, ["big"]),
    ("helpende", 0.20, ["diploma_helpende"]),
    ("begeleider", 0.10, []),
    ("gastvrouw", 0.10, []),
]
WINDOWS = [(dt.time(7), dt.time(15)), (dt.time(15), dt.time(23)), (dt.time(23), dt.time(7))]
TODAY = dt.date(2027, 1, 4)


def synthetic_problem(candidates: int, requests: int, shifts: int, seed: int = 19) -> Problem:
    rng = random.Random(seed)  # noqa: S311 (benchmark data)
    centres = {code: centre_of(shipped_boundaries()[code]) for code in FLEVOLAND}
    role_names = [r[0] for r in ROLES]
    role_weights = [r[1] for r in ROLES]
    kinds_of = {r[0]: r[2] for r in ROLES}
    pool = []
    for n in range(candidates):
        roles = {rng.choices(role_names, role_weights)[0]}
        if rng.random() < 0.2:
            roles.add(rng.choices(role_names, role_weights)[0])
        quals = []
        for role in sorted(roles):
            if kinds_of[role]:
                until = TODAY + dt.timedelta(days=rng.randint(-60, 900))
                quals.append(QualificationData(rng.choice(kinds_of[role]), None, until))
        if rng.random() < 0.5:
            quals.append(QualificationData("vog", TODAY - dt.timedelta(days=400), None))
        windows = rng.sample(WINDOWS, 1)
        availability = tuple(
            AvailabilityData(
                weekdays=sum(1 << d for d in rng.sample(range(7), rng.choice([1, 2, 3]))),
                start_time=a,
                end_time=b,
                valid_from=TODAY - dt.timedelta(days=rng.randint(0, 200)),
                valid_until=(
                    None if rng.random() < 0.5 else TODAY + dt.timedelta(days=rng.randint(0, 60))
                ),
            )
            for a, b in windows
        )
        busy = ()
        if rng.random() < 0.1:
            start = dt.datetime.combine(TODAY + dt.timedelta(days=rng.randint(0, 27)), dt.time(7))
            busy = (BusyData(start, start + dt.timedelta(hours=8)),)
        pool.append(
            CandidateData(
                id=n + 1,
                stage=rng.choices(
                    ["inzetbaar", "voorgesteld", "geplaatst", "aangemeld", "gestopt"],
                    [0.3, 0.05, 0.05, 0.4, 0.2],
                )[0],
                municipality=rng.choice(FLEVOLAND),
                max_travel_km=rng.choice([10, 15, 25, 40, 60]),
                roles=frozenset(roles),
                qualifications=tuple(quals),
                availability=availability,
                busy=busy,
                recent_proposals=rng.choice([0, 0, 0, 1, 2, 5]),
                worked_for=frozenset({rng.randint(1, 60)}) if rng.random() < 0.1 else frozenset(),
            )
        )
    shift_rows = []
    per_request = max(1, shifts // requests)
    for r in range(requests):
        role = rng.choices(role_names, role_weights)[0]
        municipality = rng.choice(FLEVOLAND)
        priority = rng.choice([None, 1, 2, 3, 4])
        required = ("vog",) if rng.random() < 0.2 else ()
        people = rng.choice([2, 4, 6, 8, 10, 12])
        requester = rng.randint(1, 60)
        first = TODAY + dt.timedelta(days=rng.randint(0, 20))
        for k in range(per_request):
            a, b = rng.choice(WINDOWS)
            day = first + dt.timedelta(days=k // 2)
            start = dt.datetime.combine(day, a)
            end = dt.datetime.combine(day + dt.timedelta(days=1 if b <= a else 0), b)
            shift_rows.append(
                ShiftData(
                    id=len(shift_rows) + 1,
                    request_id=r + 1,
                    requester_id=requester,
                    role=role,
                    municipality=municipality,
                    starts_at=start,
                    ends_at=end,
                    places=people,
                    priority=priority,
                    required=required,
                )
            )
    return Problem(pool, shift_rows[:shifts], centres)


def main() -> None:
    candidates = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    requests = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    shifts = int(sys.argv[3]) if len(sys.argv) > 3 else 2_000
    problem = synthetic_problem(candidates, requests, shifts)
    print(f"{candidates} candidates, {requests} requests, {len(problem.shifts)} shifts")
    started = time.perf_counter()
    plain = run_matching(problem, "solver", trace_memory=False)
    whole = time.perf_counter() - started
    traced = run_matching(problem, "solver", trace_memory=True)
    s = plain.stats
    print(
        f"places {s['places']} (weighted {s['weighted_places']}), eligible pairs "
        f"{s['eligible_pairs']}; solver: {s['solver']['variables']} variables, "
        f"{s['solver']['constraints']} constraints, status {s['solver']['status']}, "
        f"groups {s['solver']['groups']}, completed {s['solver']['completed']}, "
        f"fell back: {s['solver']['fell_back']}"
    )
    print("| step | seconds | peak traced MB | filled | weighted share % |")
    print("| --- | ---: | ---: | ---: | ---: |")
    e, et = s["eligibility"], traced.stats["eligibility"]
    print(f"| eligibility + fit (shared) | {e['seconds']:.2f} | {et['peak_mb']:.0f} | | |")
    for key, label in (("greedy", "greedy (baseline)"), ("solver", "solver (HiGHS MILP)")):
        f, ft = s[key], traced.stats[key]
        print(
            f"| {label} | {f['seconds']:.2f} | {ft['peak_mb']:.0f} | {f['filled']} | "
            f"{f['weighted_share']} |"
        )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"whole run (eligibility, greedy, solver, reasons, why-not): {whole:.1f} s; "
        f"peak RSS {rss:.0f} MB"
    )


if __name__ == "__main__":
    main()
