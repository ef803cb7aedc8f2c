"""The spinnenweb benchmark: ranking the public initiatives of an atlas for one resident at
500 and at 5,000 initiatives, against the bare query that reads them, in the same run.

    .venv/bin/python bench/spinnenweb.py            # SQLite, in a temporary data directory
    DATABASE_URL=postgres://…/koers_bench .venv/bin/python bench/spinnenweb.py

Three figures per size, each the median of ROUNDS after a warm-up: the baseline (one
plain read of the columns a ranking needs of every public initiative), `rank()` (scored,
ordered and cut to ten in the database, with the ten's themes) and the whole public page
(a POST of six scores and a municipality through Django's test client: form, counts,
ranking, template).
Target: the ranking ≤ 100 ms at 5,000 initiatives. Not part of the test suite's pass or
fail; the figures go into bench/README.md.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import resource
import statistics
import sys
import tempfile
import time

os.environ.setdefault("KOERS_DATA_DIR", tempfile.mkdtemp(prefix="koers-bench-spinnenweb-"))
os.environ["KOERS_PUBLIC_SPINNENWEB"] = "1"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koers.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from koers.atlas.models import DIMENSIONS, Initiative, Theme  # noqa: E402
from koers.atlas.public import views  # noqa: E402
from koers.atlas.public.ranking import rank  # noqa: E402
from koers.core.models import Municipality  # noqa: E402
from koers.directory.models import Organisation  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "15"))
SIZES = (500, 5000)
FLEVOLAND = {
    "GM0034": "Almere",
    "GM0995": "Lelystad",
    "GM0303": "Dronten",
    "GM0050": "Zeewolde",
    "GM0171": "Noordoostpolder",
    "GM0184": "Urk",
}
SCORES = {"body": 7, "mind": 4, "meaning": 6, "quality": 8, "participation": 2, "daily": 9}
TODAY = dt.date(2026, 12, 6)
# The baseline: one plain read of what a ranking needs of every public initiative (its
# place, freshness and six dimension tags), as a ranking done outside the database would
# have to fetch before it could score anything.
READ = ("pk", "municipality_id", "confirmed_on", *(d.field for d in DIMENSIONS))


def timed(call: object) -> tuple[float, int]:
    call()  # type: ignore[operator]  (warm-up)
    samples = []
    queries = 0
    for _ in range(ROUNDS):
        reset_queries()
        started = time.perf_counter()
        call()  # type: ignore[operator]
        samples.append((time.perf_counter() - started) * 1000)
        queries = len(connection.queries)
    return statistics.median(samples), queries


def fill(holder: Organisation, places: list[Municipality], up_to: int) -> None:
    """Public initiatives (a tenth not public, about half stale) up to `up_to` in all."""
    rng = random.Random(up_to)  # noqa: S311 (example data, a fixed seed)
    have = Initiative.objects.filter(holder=holder).count()
    themes = list(Theme.objects.all())
    made = Initiative.objects.bulk_create(
        Initiative(
            holder=holder,
            name=f"Initiatief {n:05d}",
            kind="bewonersinitiatief",
            description="Een voorbeeld voor de meting.",
            municipality=rng.choice(places),
            is_public=rng.random() > 0.1,
            is_example=True,
            confirmed_on=TODAY - dt.timedelta(days=rng.randrange(0, 730)),
            **{d.field: rng.choice((0, 0, 1, 2)) for d in DIMENSIONS},
        )
        for n in range(have, up_to)
    )
    Initiative.themes.through.objects.bulk_create(
        Initiative.themes.through(initiative_id=i.pk, theme_id=rng.choice(themes).pk) for i in made
    )


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    setup_test_environment()
    settings.DEBUG = True  # to count queries
    settings.ALLOWED_HOSTS = ["testserver"]
    views.SCORINGS_PER_HOUR = 10**6  # the bench posts far more often than a resident
    call_command("migrate", verbosity=0)
    holder = Organisation.objects.create(name="CMO Flevoland", slug="cmo-flevoland")
    places = [
        Municipality.objects.get_or_create(code=code, defaults={"name": name, "slug": code})[0]
        for code, name in FLEVOLAND.items()
    ]
    client = Client()
    posted = {**{k: str(v) for k, v in SCORES.items()}, "municipality": "GM0995"}
    print(f"database: {connection.vendor}, rounds: {ROUNDS}")
    print("| initiatives | what | median ms | × baseline | queries | peak RSS MB |")
    print("| ---: | --- | ---: | ---: | ---: | ---: |")
    for size in SIZES:
        fill(holder, places, size)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        baseline, base_queries = timed(
            lambda: list(Initiative.objects.public().held_by(holder.pk).order_by().values(*READ))
        )
        ranking, rank_queries = timed(
            lambda: rank(
                holder_id=holder.pk, scores=SCORES, municipality_code="GM0995", today=TODAY
            )
        )

        def page() -> None:
            response = client.post("/atlas/spinnenweb/", posted)
            assert response.status_code == 200, response.status_code

        whole, page_queries = timed(page)
        for what, ms, queries in (
            ("bare query (baseline)", baseline, base_queries),
            ("rank()", ranking, rank_queries),
            ("public page (POST)", whole, page_queries),
        ):
            print(
                f"| {size:,} | {what} | {ms:.1f} | {ms / baseline:.1f} | {queries} "
                f"| {peak_mb():.0f} |"
            )
        sys.stdout.flush()


if __name__ == "__main__":
    main()
