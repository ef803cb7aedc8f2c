"""The atlas map's data endpoint at 50 and 5,000 initiatives, against its own SQL in the same
run (the three queries it reads the points with their themes, the themes and the
municipalities with, executed bare).

    .venv/bin/python bench/atlas_map.py            # SQLite, in a temporary data directory
    DATABASE_URL=postgres://…/koers_bench .venv/bin/python bench/atlas_map.py

The bar (issue 18): constant query count, at most 2× its own SQL + 50 ms, gzip-compressed.
Also timed: the boundaries endpoint and the map page (which carries no map data). Not part
of the test suite's pass or fail; the figures go into bench/README.md.
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import sys
import tempfile
from decimal import Decimal

os.environ.setdefault("KOERS_DATA_DIR", tempfile.mkdtemp(prefix="koers-bench-atlas-"))
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
from timing import timed  # noqa: E402 (bench/, beside this file)

from koers.accounts.models import Membership, User  # noqa: E402
from koers.accounts.roles import Role  # noqa: E402
from koers.atlas.map.queries import map_feature_queries  # noqa: E402
from koers.atlas.models import Initiative, InitiativeKind, Theme  # noqa: E402
from koers.core.models import Municipality  # noqa: E402
from koers.directory.models import Organisation  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "9"))
SIZES = (50, 5_000)
PLACES = {
    "GM0034": ("Almere", 52.37, 5.22, 215_000),
    "GM0995": ("Lelystad", 52.51, 5.47, 80_000),
    "GM0303": ("Dronten", 52.52, 5.72, 42_000),
    "GM0171": ("Noordoostpolder", 52.71, 5.75, 48_000),
    "GM0184": ("Urk", 52.66, 5.60, 21_000),
    "GM0050": ("Zeewolde", 52.33, 5.54, 23_000),
}


def add_initiatives(holder: Organisation, start: int, count: int) -> None:
    """`count` initiatives spread over the six municipalities with a point near the centre
    of each, one to three themes each."""
    municipalities = {m.code: m for m in Municipality.objects.filter(code__in=PLACES)}
    codes = list(PLACES)
    Initiative.objects.bulk_create(
        (
            Initiative(
                holder=holder,
                name=f"Initiatief {number:05d}",
                kind=InitiativeKind.VOLUNTEERS,
                municipality=municipalities[codes[number % 6]],
                latitude=Decimal(
                    str(round(PLACES[codes[number % 6]][1] + (number % 97) / 2000, 5))
                ),
                longitude=Decimal(
                    str(round(PLACES[codes[number % 6]][2] + (number % 89) / 2000, 5))
                ),
                confirmed_on=dt.date(2021, 1, 1),
                serves_participation=number % 3,
                is_example=True,
            )
            for number in range(start, start + count)
        ),
        batch_size=500,
    )
    themes = list(Theme.objects.values_list("pk", flat=True))
    through = Initiative.themes.through
    new = Initiative.objects.filter(holder=holder).order_by("pk").values_list("pk", flat=True)
    through.objects.bulk_create(
        (
            through(initiative_id=pk, theme_id=themes[(index + extra) % len(themes)])
            for index, pk in enumerate(new[start:])
            for extra in range(1 + index % 3)
        ),
        batch_size=1000,
    )


def own_sql(user: User) -> object:
    """The queries the endpoint reads (koers.atlas.map.queries.map_feature_queries), bare."""
    querysets = map_feature_queries(Initiative.objects.visible_to(user))

    def run() -> None:
        with connection.cursor() as cursor:
            for queryset in querysets:
                sql, params = queryset.query.sql_with_params()
                cursor.execute(sql, params)
                cursor.fetchall()

    return run


def main() -> None:
    setup_test_environment()
    settings.DEBUG = True  # to count queries
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    holder = Organisation.objects.create(name="Bench CMO", slug="bench-cmo")
    for code, (name, _lat, _lon, population) in PLACES.items():
        Municipality.objects.create(
            code=code, name=name, slug=name.lower(), province_code="PV24", population=population
        )
    director = User.objects.create(username="bench-director")
    Membership.objects.create(user=director, organisation=holder, role=Role.DIRECTEUR)
    client = Client()
    client.force_login(director)

    def page(path: str, **headers: str) -> object:
        def get() -> None:
            response = client.get(path, headers=headers)
            assert response.status_code == 200, (path, response.status_code)

        return get

    print(f"database: {connection.vendor}; rounds: {ROUNDS}")
    print("| initiatives | request | median ms | queries |")
    print("| ---: | --- | ---: | ---: |")
    made = 0
    for size in SIZES:
        add_initiatives(holder, made, size - made)
        made = size
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        steps = {
            "health (baseline)": page("/gezondheid/"),
            "own SQL (3 queries, bare)": own_sql(director),
            "map data endpoint (gzip)": page("/atlas/kaart/gegevens/", accept_encoding="gzip"),
            "boundaries endpoint (gzip)": page("/atlas/kaart/gemeenten/", accept_encoding="gzip"),
            "map page (no data inlined)": page("/atlas/"),
        }
        for label, call in steps.items():
            median, queries = timed(call, ROUNDS)
            print(f"| {size:,} | {label} | {median:.1f} | {queries} |")
        zipped = client.get("/atlas/kaart/gegevens/", headers={"accept-encoding": "gzip"})
        plain = gzip.decompress(zipped.content)
        page_size = len(client.get("/atlas/").content)
        print(
            f"| {size:,} | sizes | data {len(plain) / 1024:.0f} KiB, gzip "
            f"{len(zipped.content) / 1024:.0f} KiB; map page {page_size / 1024:.0f} KiB | |"
        )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
