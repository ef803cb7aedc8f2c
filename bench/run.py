"""Benchmark the progress pages at the demo's size and at 100x and 1,000x its realisations.

    .venv/bin/python bench/run.py            # SQLite in a temporary folder
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/koers_bench .venv/bin/python bench/run.py

Each page is requested in-process through Django's test client (no network), warmed up
once, then timed over several rounds; the median is reported with the number of queries.
The baseline in the same run is the health check (one trivial query), so figures from
different machines can be compared as multiples of it. Peak memory is the process's
maximum resident set size after each stage.
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import tempfile
import time

os.environ.setdefault("KOERS_DATA_DIR", tempfile.mkdtemp(prefix="koers-bench-"))
os.environ["KOERS_DEMO"] = "1"
os.environ["KOERS_REFERENCE_DATE"] = "2021-10-15"
# The published demo accounts sign in without a second factor, as under `koers demo`; the
# middleware that checks for it still runs on every request.
os.environ["KOERS_TWO_FACTOR_WAIVED"] = "1"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koers.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from koers.accounts.models import User  # noqa: E402
from koers.demo.builder import build  # noqa: E402
from koers.demo.synthetic import add_realisations  # noqa: E402
from koers.plans.models import Activity, Programme, Realisation  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "15"))


def timed(client: Client, path: str) -> tuple[float, int]:
    client.get(path)  # warm-up
    samples = []
    for _ in range(ROUNDS):
        reset_queries()
        started = time.perf_counter()
        response = client.get(path)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return statistics.median(samples), len(connection.queries)


def main() -> None:
    setup_test_environment()
    settings.DEBUG = True  # to count queries
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    build()
    programme = Programme.objects.get(code="PG")
    # An activity whose indicators are entered by hand (PG-1.1's count events since
    # 2026-12-02, so its page now also times the derived measures).
    activity = Activity.objects.get(code="PG-2.1", year=2021)
    client = Client()
    client.force_login(User.objects.get(username="coordinator"))
    pages = {
        "health (baseline)": "/gezondheid/",
        "dashboard": "/?jaar=2021&peildatum=2021-10-15",
        "programme": f"/programmas/{programme.pk}/?jaar=2021&peildatum=2021-10-15",
        "activity": f"/activiteiten/{activity.pk}/?peildatum=2021-10-15",
    }
    vendor = connection.vendor
    demo_size = Realisation.objects.count()
    print(f"database: {vendor}; rounds per page: {ROUNDS}")
    print("| realisations | page | median ms | × baseline | queries | peak RSS MB |")
    print("| ---: | --- | ---: | ---: | ---: | ---: |")
    for scale in (1, 100, 1_000):  # times the demo's own realisations
        wanted = demo_size * scale
        add_realisations(wanted - Realisation.objects.count())
        if connection.vendor == "postgresql":
            # What autovacuum does after a bulk load: statistics and the visibility map.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE plans_realisation")
        count = Realisation.objects.count()
        baseline = None
        for name, path in pages.items():
            ms, queries = timed(client, path)
            baseline = baseline or ms
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(
                f"| {count:,} | {name} | {ms:.1f} | {ms / baseline:.1f} | {queries} | {rss:.0f} |"
            )
        sys.stdout.flush()


if __name__ == "__main__":
    main()
