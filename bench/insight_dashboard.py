"""The dashboards of insight over 50 datasets × 400 regions × 20 periods (400,000 values),
against their own SQL in the same run, and at 5 datasets to show the query count does not
grow with them.

    .venv/bin/python bench/insight_dashboard.py            # SQLite, in a temporary data directory
    DATABASE_URL=postgres://…/koers_bench .venv/bin/python bench/insight_dashboard.py

Timed, each the median of BENCH_ROUNDS requests after a warm-up:
- the health page (baseline of a request through the whole stack);
- the area dashboard's own SQL: the queries the page issues (captured from one request),
  executed bare;
- the area dashboard of Almere (every key figure as a tile against Flevoland and the country);
- the benchmark of the six municipalities on one figure, with its map;
- the labour-market page.

The bar (issue 21): constant query count, at most 2× its own SQL + 50 ms. Not part of the
test suite's pass or fail; the figures go into bench/README.md.
"""

from __future__ import annotations

import os
import sys
import tempfile
from decimal import Decimal

os.environ.setdefault("KOERS_DATA_DIR", tempfile.mkdtemp(prefix="koers-bench-insight-dash-"))
os.environ["KOERS_DEMO"] = "1"
os.environ["KOERS_TWO_FACTOR_WAIVED"] = "1"  # bench users sign in as in the demo
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koers.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402
from timing import own_sql, timed  # noqa: E402 (bench/, beside this file)

from koers.accounts.models import Membership, User  # noqa: E402
from koers.accounts.roles import Role  # noqa: E402
from koers.core.geo import shipped_boundaries  # noqa: E402
from koers.core.models import Municipality  # noqa: E402
from koers.directory.models import Organisation  # noqa: E402
from koers.insight.models import Dataset, KeyFigure, LabourFlow, Observation, Topic  # noqa: E402
from koers.insight.regions import PROVINCES  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "9"))
SIZES = (5, 50)
REGIONS = 400
PERIODS = [f"{2005 + year}JJ00" for year in range(20)]
FLEVOLAND = {
    "GM0034": "Almere",
    "GM0050": "Zeewolde",
    "GM0171": "Noordoostpolder",
    "GM0184": "Urk",
    "GM0303": "Dronten",
    "GM0995": "Lelystad",
}


def region_codes() -> list[str]:
    codes = ["NL01", *PROVINCES, *sorted(shipped_boundaries())]
    codes += [f"CR{n:02d}" for n in range(1, REGIONS - len(codes) + 1)]
    return codes[:REGIONS]


def add_datasets(start: int, count: int, codes: list[str]) -> None:
    flows = [*LabourFlow.values, ""]
    for number in range(start, start + count):
        dataset = Dataset.objects.create(
            source="Bench",
            table_id=f"bench{number:02d}",
            title=f"Tabel {number}",
            imported_at=timezone.now(),
            period_covered="2005–2024",
        )
        topic = Topic.objects.create(dataset=dataset, key="waarde", title=f"Cijfer {number}")
        Observation.objects.bulk_create(
            (
                Observation(
                    dataset=dataset,
                    topic=topic,
                    region=code,
                    period=period,
                    value=Decimal(1000 + index * 7 + year),
                )
                for index, code in enumerate(codes)
                for year, period in enumerate(PERIODS)
            ),
            batch_size=5000,
        )
        KeyFigure.objects.create(topic=topic, flow=flows[number % len(flows)], position=number)


def main() -> None:
    setup_test_environment()
    settings.DEBUG = True  # to count queries
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    organisation = Organisation.objects.create(name="Bench CMO", slug="bench-cmo")
    for code, name in FLEVOLAND.items():
        Municipality.objects.create(code=code, name=name, slug=name.lower(), province_code="PV24")
    director = User.objects.create(username="bench-director")
    Membership.objects.create(user=director, organisation=organisation, role=Role.DIRECTEUR)
    client = Client()
    client.force_login(director)
    codes = region_codes()

    def page(path: str) -> object:
        def get() -> None:
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)

        return get

    print(f"database: {connection.vendor}; rounds: {ROUNDS}")
    print("| datasets | values | request | median ms | queries |")
    print("| ---: | ---: | --- | ---: | ---: |")
    made = 0
    for size in SIZES:
        add_datasets(made, size - made, codes)
        made = size
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        values = Observation.objects.count()
        steps = {
            "health (baseline)": page("/gezondheid/"),
            "area: own SQL (bare)": own_sql(client, "/inzicht/gebied/GM0034/"),
            "area dashboard (Almere)": page("/inzicht/gebied/GM0034/"),
            "benchmark with map": page("/inzicht/vergelijken/"),
            "labour market": page("/inzicht/arbeidsmarkt/"),
        }
        for label, call in steps.items():
            median, queries = timed(call, ROUNDS)
            print(f"| {size} | {values:,} | {label} | {median:.1f} | {queries} |")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
