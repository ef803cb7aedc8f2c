"""Small matching problems built by hand, on plain data (no database)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from koers.matching.engine.data import (
    AvailabilityData,
    BusyData,
    CandidateData,
    Problem,
    QualificationData,
    ShiftData,
)

ALMERE, LELYSTAD, DRONTEN, URK = "GM0034", "GM0995", "GM0303", "GM0184"
# (lat, lon) of the municipalities' centres, near enough: Almere–Lelystad about 22 km.
CENTRES = {
    ALMERE: (52.37, 5.22),
    LELYSTAD: (52.52, 5.47),
    DRONTEN: (52.53, 5.72),
    URK: (52.66, 5.60),
}
DAY = dt.date(2027, 1, 4)  # a Monday
EVERY_DAY = 0b1111111
NURSE = "verpleegkundige"


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def candidate(pk: int, **changes: Any) -> CandidateData:
    values: dict[str, Any] = {
        "id": pk,
        "stage": "inzetbaar",
        "municipality": ALMERE,
        "max_travel_km": 40,
        "roles": frozenset({NURSE}),
        "qualifications": (QualificationData("big", None, None),),
        "availability": (AvailabilityData(EVERY_DAY, dt.time(7), dt.time(23), DAY),),
    }
    values.update(changes)
    return CandidateData(**values)


def shift(pk: int, start: dt.datetime, end: dt.datetime, **changes: Any) -> ShiftData:
    values: dict[str, Any] = {
        "id": pk,
        "request_id": pk,
        "requester_id": 1,
        "role": NURSE,
        "municipality": ALMERE,
        "starts_at": start,
        "ends_at": end,
        "places": 1,
        "priority": 2,
    }
    values.update(changes)
    return ShiftData(**values)


def problem(candidates: list[CandidateData], shifts: list[ShiftData]) -> Problem:
    return Problem(candidates=candidates, shifts=shifts, centres=CENTRES)


def random_problem(seed: int, candidates: int = 150, shifts: int = 40) -> Problem:
    """A varied pool for holding the fast path to the pair-by-pair rules."""
    rng = random.Random(seed)
    codes = [*CENTRES, "GM9999"]  # one without a boundary: distance unknown
    roles = [NURSE, "verzorgende", "helpende", "gastvrouw"]
    kinds = ["big", "diploma_vig", "diploma_helpende", "vog"]
    times = [(7, 15), (15, 23), (23, 7), (22, 6), (0, 0), (9, 17)]
    pool = []
    for pk in range(1, candidates + 1):
        quals = tuple(
            QualificationData(
                rng.choice(kinds),
                rng.choice([None, DAY - dt.timedelta(days=rng.randint(0, 40))]),
                rng.choice([None, DAY + dt.timedelta(days=rng.randint(-5, 20))]),
            )
            for _ in range(rng.randint(0, 3))
        )
        avail = []
        for _ in range(rng.randint(0, 2)):
            a, b = rng.choice(times)
            since = DAY + dt.timedelta(days=rng.randint(-5, 10))
            avail.append(
                AvailabilityData(
                    rng.randint(1, EVERY_DAY),
                    dt.time(a),
                    dt.time(b),
                    since,
                    rng.choice([None, since + dt.timedelta(days=rng.randint(0, 20))]),
                )
            )
        busy = ()
        if rng.random() < 0.2:
            start = at(DAY + dt.timedelta(days=rng.randint(0, 14)), rng.randint(0, 23))
            busy = (BusyData(start, start + dt.timedelta(hours=rng.randint(2, 12))),)
        pool.append(
            candidate(
                pk,
                stage=rng.choice(["inzetbaar", "voorgesteld", "geplaatst", "aangemeld", "gestopt"]),
                municipality=rng.choice(codes),
                max_travel_km=rng.choice([5, 15, 30, 60]),
                roles=frozenset(rng.sample(roles, rng.randint(0, 2))),
                qualifications=quals,
                availability=tuple(avail),
                busy=busy,
                recent_proposals=rng.randint(0, 6),
                worked_for=frozenset({rng.randint(1, 4)}) if rng.random() < 0.3 else frozenset(),
            )
        )
    rows = []
    for pk in range(1, shifts + 1):
        start = at(DAY + dt.timedelta(days=rng.randint(0, 14)), rng.randint(0, 23))
        hours = rng.choice([4, 8, 8, 10, 60])  # 60: a period over days
        rows.append(
            shift(
                pk,
                start,
                start + dt.timedelta(hours=hours),
                role=rng.choice(roles),
                municipality=rng.choice(codes[:-1]),
                places=rng.randint(1, 4),
                priority=rng.choice([None, 1, 2, 3, 4]),
                requester_id=rng.randint(1, 4),
                required=rng.choice([(), ("vog",)]),
            )
        )
    return problem(pool, rows)
