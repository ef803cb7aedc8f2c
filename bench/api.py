"""The API's lists at 10 and at 10,000 rows, each against its own SQL in the same run, and
a repeat call answered from its ETag (304).

    .venv/bin/python bench/api.py            # SQLite, in a temporary data directory
    DATABASE_URL=postgres://…/koers_bench_api .venv/bin/python bench/api.py

Timed, each the median of BENCH_ROUNDS requests after a warm-up, in a process left as
`koers serve` leaves a worker (`timing.as_served`), with a key of a funder's official:
- the health page (baseline of a request through the whole stack), and the API's root (the
  stack's own cost: it reads nothing);
- per list (indicators with their progress, activities, a dataset's values): its own SQL
  (the queries one call issues, the key's look-up and the call's log line included) run
  bare, the call itself with a page of 100 rows, and the same call with If-None-Match
  set to the tag the first answer carried.

The bars (issue 23): a constant query count at 10 and 10,000 rows; each call at most 2× its
own SQL + 20 ms; a repeat answered from its tag within 5 ms. Not part of the test suite's
pass or fail; the figures go into bench/README.md.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from decimal import Decimal

os.environ.setdefault("KOERS_DATA_DIR", tempfile.mkdtemp(prefix="koers-bench-api-"))
os.environ["KOERS_DEMO"] = "1"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koers.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402
from timing import as_served, own_sql, timed  # noqa: E402 (bench/, beside this file)

from koers.accounts.models import Membership, User  # noqa: E402
from koers.accounts.roles import Role  # noqa: E402
from koers.api.models import ApiToken  # noqa: E402
from koers.api.tokens import new_key  # noqa: E402
from koers.directory.models import Organisation  # noqa: E402
from koers.insight.models import Dataset, Observation, Topic  # noqa: E402
from koers.plans.models import (  # noqa: E402
    Activity,
    Indicator,
    Line,
    Plan,
    Programme,
    Realisation,
    Target,
)

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "7"))
SIZES = (10, 10_000)
PAGE = "page_size=100"


def add_rows(start: int, count: int, programme: Programme, line: Line, dataset: Dataset) -> None:
    """`count` more activities, each with one indicator (a target, two figures), and
    `count` more values of the dataset."""
    activities = Activity.objects.bulk_create(
        Activity(programme=programme, line=line, year=2021, code=f"A{n}", title=f"Activiteit {n}")
        for n in range(start, start + count)
    )
    indicators = Indicator.objects.bulk_create(
        Indicator(activity=a, kind="output", title="Bijeenkomsten", unit="count", aggregation="sum")
        for a in activities
    )
    Target.objects.bulk_create(
        Target(indicator=indicator, year=2021, value=Decimal(4 + n % 13))
        for n, indicator in enumerate(indicators)
    )
    Realisation.objects.bulk_create(
        Realisation(indicator=indicator, date=dt.date(2021, month, 1), value=Decimal(1 + n % 3))
        for n, indicator in enumerate(indicators)
        for month in (3, 7)
    )
    topic = dataset.topics.get()
    Observation.objects.bulk_create(
        Observation(
            dataset=dataset,
            topic=topic,
            region=f"GM{n % 400:04d}",
            period=f"{2000 + n // 400}JJ00",
            value=Decimal(n),
        )
        for n in range(start, start + count)
    )


def call(client: Client, key: str, path: str, status: int = 200, tag: str = "") -> object:
    headers = {"Authorization": f"Bearer {key}"}
    if tag:
        headers["If-None-Match"] = tag

    def get() -> None:
        response = client.get(path, headers=headers)
        assert response.status_code == status, (path, response.status_code, response.content)

    return get


def main() -> None:
    setup_test_environment()
    settings.DEBUG = True  # to count queries
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.API_RATE_LIMIT = 10**9  # the bench calls far more often than a key may
    settings.REFERENCE_DATE = "2021-10-15"
    call_command("migrate", verbosity=0)
    province = Organisation.objects.create(name="Provincie", slug="provincie")
    partner = Organisation.objects.create(name="Partner", slug="partner")
    plan = Plan.objects.create(
        organisation=partner, funder=province, title="Plan", start_year=2021, end_year=2024
    )
    programme = Programme.objects.create(plan=plan, code="P1", name="Programma", strategic_goal="-")
    programme.funders.add(province)
    line = Line.objects.create(programme=programme, code="L1", title="Lijn")
    dataset = Dataset.objects.create(
        source="Bench", table_id="b-1", title="Waarden", imported_at=timezone.now()
    )
    Topic.objects.create(dataset=dataset, key="waarde", title="Waarde")
    official = User.objects.create(username="bench-provincie")
    Membership.objects.create(user=official, organisation=province, role=Role.OPDRACHTGEVER)
    key = new_key()
    ApiToken.objects.create(
        user=official,
        name="bench",
        prefix=key.prefix,
        digest=key.digest,
        scopes=["plans", "statistics"],
        expires_at=timezone.now() + dt.timedelta(days=1),
    )
    client = Client()
    lists = {
        "indicators with progress": f"/api/v1/indicators?year=2021&{PAGE}",
        "activities": f"/api/v1/activities?{PAGE}",
        "a dataset's values": f"/api/v1/datasets/{dataset.pk}/observations?{PAGE}",
    }
    print(f"database: {connection.vendor}; rounds: {ROUNDS}")
    print("| rows | request | median ms | queries |")
    print("| ---: | --- | ---: | ---: |")
    made = 0
    for size in SIZES:
        add_rows(made, size - made, programme, line, dataset)
        made = size
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        as_served()
        for label, path in (
            ("health (baseline)", "/gezondheid/"),
            ("API root (no query)", "/api/v1/"),
        ):
            median, queries = timed(lambda path=path: client.get(path), ROUNDS)
            print(f"| {size:,} | {label} | {median:.1f} | {queries} |")
        for label, path in lists.items():
            first = client.get(path, headers={"Authorization": f"Bearer {key.text}"})
            assert first.status_code == 200, first.content
            steps = {
                f"{label}: own SQL (bare)": own_sql_with_key(client, key.text, path),
                f"{label}: call": call(client, key.text, path),
                f"{label}: repeat with its tag (304)": call(
                    client, key.text, path, 304, first["ETag"]
                ),
            }
            for step, run in steps.items():
                median, queries = timed(run, ROUNDS)
                print(f"| {size:,} | {step} | {median:.1f} | {queries} |")
    sys.stdout.flush()


def own_sql_with_key(client: Client, key: str, path: str) -> object:
    """`timing.own_sql` for a call that carries the key in its header."""

    class Keyed:
        def get(self, target: str) -> object:
            return client.get(target, headers={"Authorization": f"Bearer {key}"})

    return own_sql(Keyed(), path)


if __name__ == "__main__":
    main()
