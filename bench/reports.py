"""Benchmark the 2021 progress report and accountability report in all three formats, on
the demo and on synthetic plans 4 and 16 times its size.

    .venv/bin/python bench/reports.py          # SQLite in a temporary folder
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/koers_bench .venv/bin/python bench/reports.py

Per report and size: the time to assemble the content from the database (and its number of
queries), then to render Word, PDF and Excel from it, the PDF's pages and pages per second
(which should stay flat as the document grows: rendering is linear), and the process's
peak resident memory. The baseline in the same run is the health check through Django's
test client, so figures from different machines compare as multiples of it. Each figure is
the median of BENCH_ROUNDS rounds (default 3) after a warm-up.

The larger sizes copy every 2021 activity of the demo with its indicators, targets and
realisations (codes suffixed), so the documents grow while their shape stays the demo's.
"""

from __future__ import annotations

import io
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("KOERS_DATA_DIR", tempfile.mkdtemp(prefix="koers-bench-"))
os.environ["KOERS_DEMO"] = "1"
os.environ["KOERS_REFERENCE_DATE"] = "2021-10-15"
os.environ["KOERS_TWO_FACTOR_WAIVED"] = "1"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koers.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import translation  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from koers.accounts.models import User  # noqa: E402
from koers.demo.builder import build  # noqa: E402
from koers.funding.models import Grant  # noqa: E402
from koers.plans.models import Activity, Indicator, Plan, Realisation, Target  # noqa: E402
from koers.reports import content as contents  # noqa: E402
from koers.reports import documents, services  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))


def median_ms(call: Callable[[], Any]) -> tuple[float, Any]:
    result = call()  # warm-up (and the result to report on)
    samples = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), result


def grow(copies: int, made: int) -> None:
    """Add `copies` copies of every original 2021 activity, with indicators, targets and
    realisations (`made` copies exist already)."""
    originals = list(
        Activity.objects.filter(year=2021, code__regex=r"^[A-Z]+-[0-9.]+$").prefetch_related(
            "indicators__targets", "indicators__realisations", "municipalities"
        )
    )
    codes = [activity.code for activity in originals]  # each copy is saved over the original
    with transaction.atomic():
        for number in range(copies):
            for activity, code in zip(originals, codes, strict=True):
                indicators = list(activity.indicators.all())
                activity.pk = None
                activity.code = f"{code}~{made + number + 2}"
                activity.save()
                for indicator in indicators:
                    targets = list(indicator.targets.all())
                    realisations = list(indicator.realisations.all())
                    indicator.pk, indicator.activity = None, activity
                    indicator.save()
                    for target in targets:
                        target.pk, target.indicator = None, indicator
                    Target.objects.bulk_create(targets)
                    for realisation in realisations:
                        realisation.pk, realisation.indicator = None, indicator
                    Realisation.objects.bulk_create(realisations)


def main() -> None:
    setup_test_environment()
    settings.DEBUG = True  # to count queries
    settings.ALLOWED_HOSTS = ["testserver"]
    translation.activate("nl")
    call_command("migrate", verbosity=0)
    build()
    director = User.objects.get(username="directeur")
    plan = Plan.objects.get()
    grant = Grant.objects.filter(kind="instellingssubsidie").order_by("starts_on").first()
    reports = {
        "progress Q3 2021": services.report_prepare(
            actor=director, plan=plan, kind="progress", year=2021, quarter=3
        ),
        "accountability 2021": services.report_prepare(
            actor=director, plan=plan, kind="accountability", year=2021, grant=grant
        ),
    }
    client = Client()
    client.force_login(director)
    baseline, _ = median_ms(lambda: client.get("/gezondheid/"))
    print(f"database: {connection.vendor}; rounds: {ROUNDS}")
    print(f"baseline (health check): {baseline:.1f} ms")
    print(
        "| size | report | activities | content ms | queries | Word ms | PDF ms | PDF pages"
        " | pages/s | Excel ms | peak RSS MB |"
    )
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    done = 1
    for size in (1, 4, 16):
        grow(size - done, done - 1)
        done = size
        activities = Activity.objects.filter(year=2021).count()
        for name, report in reports.items():
            reset_queries()
            content_ms, content = median_ms(lambda report=report: contents.build(report))
            queries = len(connection.queries) // (ROUNDS + 1)
            timings = {}
            for format in ("docx", "pdf", "xlsx"):
                timings[format], data = median_ms(
                    lambda content=content, format=format: documents.render(content, format)
                )
                if format == "pdf":
                    pages = len(PdfReader(io.BytesIO(data)).pages)
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(
                f"| {size}× | {name} | {activities} | {content_ms:.0f} | {queries}"
                f" | {timings['docx']:.0f} | {timings['pdf']:.0f} | {pages}"
                f" | {pages / (timings['pdf'] / 1000):.1f} | {timings['xlsx']:.0f} | {rss:.0f} |"
            )
            sys.stdout.flush()
    print(f"indicators at the end: {Indicator.objects.count():,}")


if __name__ == "__main__":
    main()
