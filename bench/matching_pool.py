"""The pool page, the candidates list and the call-back list at 10 and 10,000 candidates:
the same number of queries at both sizes, and the time of each page (median of ROUNDS),
against the pool's own counting query (`available_by_role`) executed bare in the same run.

    .venv/bin/python bench/matching_pool.py            # SQLite, in a temporary data directory
    DATABASE_URL=postgres://…/koers_bench .venv/bin/python bench/matching_pool.py

The bar (issue 19): constant query counts at 10 and 10,000 candidates. Not part of the test
suite's pass or fail; the figures go into bench/README.md.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time

os.environ.setdefault("KOERS_DATA_DIR", tempfile.mkdtemp(prefix="koers-bench-pool-"))
os.environ["KOERS_DEMO"] = "1"
os.environ["KOERS_TWO_FACTOR_WAIVED"] = "1"  # bench users sign in as in the demo
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koers.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from koers.accounts.models import Membership, User  # noqa: E402
from koers.accounts.roles import Role  # noqa: E402
from koers.core.models import Municipality  # noqa: E402
from koers.core.privacy import LawfulBasis  # noqa: E402
from koers.directory.models import Organisation, Person  # noqa: E402
from koers.matching.models import (  # noqa: E402
    Availability,
    Candidate,
    CandidateRole,
    CareRole,
    Qualification,
    QualificationKind,
    Route,
    Stage,
    StageChange,
)
from koers.matching.pool import available_by_role  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "7"))
SIZES = (10, 10_000)
ROLES = [CareRole.VERZORGENDE, CareRole.VERPLEEGKUNDIGE, CareRole.HELPENDE, CareRole.BEGELEIDER]
STAGES = [Stage.AANGEMELD, Stage.INTAKE_GEHAD, Stage.INZETBAAR, Stage.INZETBAAR, Stage.GESTOPT]


def add_candidates(
    holder: Organisation, places: list[Municipality], start: int, count: int
) -> None:
    """`count` candidates with a person, one or two roles, a qualification (every seventh
    expired), an availability (every seventh lapsed) and their funnel steps: at either size
    some are available today, so every list has rows."""
    today = timezone.localdate()
    persons = Person.objects.bulk_create(
        (
            Person(
                holder=holder,
                first_name="Kandidaat",
                last_name=f"{number:05d}",
                purpose="Extra handen",
                lawful_basis=LawfulBasis.CONSENT,
                consent_given_on=dt.date(2021, 1, 1),
            )
            for number in range(start, start + count)
        ),
        batch_size=1000,
    )
    candidates = Candidate.objects.bulk_create(
        (
            Candidate(
                holder=holder,
                person=person,
                municipality=places[number % len(places)],
                route=Route.LANDELIJKE_WEBSITE,
                stage=STAGES[number % len(STAGES)],
                stage_since=dt.date(2021, 2, 1),
                signed_up_on=dt.date(2021, 1, 1) + dt.timedelta(days=number % 300),
                last_contact_on=today - dt.timedelta(days=number % 120),
            )
            for number, person in enumerate(persons, start=start)
        ),
        batch_size=1000,
    )
    CandidateRole.objects.bulk_create(
        (
            CandidateRole(candidate=candidate, role=role)
            for number, candidate in enumerate(candidates, start=start)
            for role in {ROLES[number % 4], ROLES[(number // 5) % 4]}
        ),
        batch_size=2000,
    )
    Qualification.objects.bulk_create(
        (
            Qualification(
                candidate=candidate,
                kind=[QualificationKind.BIG, QualificationKind.DIPLOMA_VIG][number % 2],
                valid_until=today + dt.timedelta(days=-5 if number % 7 == 1 else 400),
            )
            for number, candidate in enumerate(candidates, start=start)
        ),
        batch_size=2000,
    )
    Availability.objects.bulk_create(
        (
            Availability(
                candidate=candidate,
                start_time=dt.time(7),
                end_time=dt.time(15, 30),
                valid_from=dt.date(2021, 1, 1),
                valid_until=today + dt.timedelta(days=-5 if number % 7 == 0 else 200),
            )
            for number, candidate in enumerate(candidates, start=start)
        ),
        batch_size=2000,
    )
    StageChange.objects.bulk_create(
        (
            StageChange(candidate=candidate, stage=stage, on=dt.date(2021, 1, 1))
            for candidate in candidates
            for stage in STAGES[: STAGES.index(candidate.stage) + 1]
        ),
        batch_size=2000,
    )


def measured(call: object) -> tuple[float, int]:
    call()  # type: ignore[operator]  (warm-up)
    samples, queries = [], 0
    for _ in range(ROUNDS):
        reset_queries()
        started = time.perf_counter()
        call()  # type: ignore[operator]
        samples.append((time.perf_counter() - started) * 1000)
        queries = len(connection.queries)
    return statistics.median(samples), queries


def main() -> None:
    setup_test_environment()
    settings.DEBUG = True  # to count queries
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    holder = Organisation.objects.create(name="Bench CMO", slug="bench-cmo")
    places = [
        Municipality.objects.create(code=code, name=name, slug=name.lower())
        for code, name in [("GM0034", "Almere"), ("GM0995", "Lelystad"), ("GM0303", "Dronten")]
    ]
    director = User.objects.create(username="bench-director")
    Membership.objects.create(user=director, organisation=holder, role=Role.DIRECTEUR)
    client = Client()
    client.force_login(director)

    def page(path: str) -> object:
        def get() -> None:
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)

        return get

    today = timezone.localdate()
    pages = {
        "pool page (/extra-handen/)": page("/extra-handen/"),
        "candidates, available today": page("/extra-handen/kandidaten/?beschikbaar=ja"),
        "call-back list": page("/extra-handen/nabellen/"),
        "available_by_role bare": lambda: available_by_role(holder.pk, today),
    }
    rows: list[tuple[str, int, float, int]] = []
    made = 0
    for size in SIZES:
        add_candidates(holder, places, made, size - made)
        made = size
        for name, call in pages.items():
            ms, queries = measured(call)
            rows.append((name, size, ms, queries))
    print(f"{connection.vendor}, {ROUNDS} rounds, median")
    print("| page | candidates | ms | queries |")
    print("| --- | ---: | ---: | ---: |")
    for name, size, ms, queries in rows:
        print(f"| {name} | {size:,} | {ms:.1f} | {queries} |")
    counts = {}
    for name, _size, _ms, queries in rows:
        counts.setdefault(name, set()).add(queries)
    changed = [name for name, seen in counts.items() if len(seen) > 1]
    if changed:
        print("query counts differ between sizes:", ", ".join(changed))
        sys.exit(1)


if __name__ == "__main__":
    main()
