"""The analysis of signals (signals:analysis) at 1,000 and 100,000 signals, against its own
SQL in the same run (the grouped counts `koers.signals.analysis.queries.grouped_queries` gives
and the quarter range, executed bare through the cursor).

    .venv/bin/python bench/signals_analysis.py            # SQLite, in a temporary data directory
    DATABASE_URL=postgres://…/koers_bench .venv/bin/python bench/signals_analysis.py

The bar (issue 20): the same number of queries at every size, aggregation in the database,
the page at most 2× its own SQL + 50 ms. Also timed: the suppression and trend on their own
(`analysis()` minus its SQL is mostly `disclosure.protect`) and the Excel export. Not part of
the test suite's pass or fail; the figures go into bench/README.md.
"""

from __future__ import annotations

import os
import sys
import tempfile
from functools import partial

os.environ.setdefault("KOERS_DATA_DIR", tempfile.mkdtemp(prefix="koers-bench-signals-"))
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
from koers.core.models import Municipality  # noqa: E402
from koers.directory.models import Organisation  # noqa: E402
from koers.signals.analysis import queries  # noqa: E402
from koers.signals.analysis.disclosure import Figures, Protected, protect  # noqa: E402
from koers.signals.analysis.queries import Filters, analysis, grouped_queries  # noqa: E402
from koers.signals.models import Category, Signal  # noqa: E402
from koers.signals.models.choices import Channel, Law  # noqa: E402
from koers.signals.weeks import IsoWeek, Quarter  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "9"))
SIZES = (1_000, 100_000)
PLACES = {
    "GM0034": "Almere",
    "GM0995": "Lelystad",
    "GM0303": "Dronten",
    "GM0171": "Noordoostpolder",
    "GM0184": "Urk",
    "GM0050": "Zeewolde",
}
THEMES = (
    "Toegang tot zorg",
    "Wachtlijsten",
    "Eenzaamheid",
    "Mantelzorg",
    "Cliëntondersteuning",
    "Jeugdzorg",
    "Wonen en zorg",
    "Informatie en bejegening",
)
QUERY = "?tot=2021-4&kwartalen=8"


def add_signals(holder: Organisation, start: int, count: int) -> None:
    """`count` signals over 2020–2021 (every ISO week), the themes and their sub-categories,
    six municipalities, every law and channel; a tenth not interpreted, a few without a
    municipality; "Wachtlijsten" twice as frequent in the last quarter."""
    municipalities = list(Municipality.objects.filter(code__in=PLACES).order_by("code"))
    mains = list(Category.objects.filter(holder=holder, parent__isnull=True).order_by("pk"))
    subs = {c.parent_id: c for c in Category.objects.filter(holder=holder, parent__isnull=False)}
    laws, channels = Law.values, Channel.values
    weeks = [IsoWeek(year, week) for year in (2020, 2021) for week in range(1, 53)]
    rising = mains[1]

    def signal(number: int) -> Signal:
        week = weeks[number % len(weeks)]
        category = mains[(number * 7) % len(mains)]
        if week >= IsoWeek(2021, 40) and number % 5 == 0:
            category = rising
        if number % 3 == 0:
            category = subs[category.pk]
        return Signal(
            holder=holder,
            iso_year=week.year,
            iso_week=week.week,
            quarter=week.quarter,
            channel=channels[number % len(channels)],
            law=laws[(number * 5) % len(laws)],
            sentiment="negatief",
            category=None if number % 10 == 9 else category,
            municipality=None if number % 97 == 0 else municipalities[number % 6],
            description="Voorbeeld",
        )

    Signal.objects.bulk_create(
        (signal(number) for number in range(start, start + count)), batch_size=2000
    )


def own_sql(filters: Filters) -> object:
    def run() -> None:
        with connection.cursor() as cursor:
            for queryset in grouped_queries(filters).values():
                sql, params = queryset.query.sql_with_params()
                cursor.execute(sql, params)
                cursor.fetchall()

    return run


def page_figures(filters: Filters) -> Figures:
    """The figures `analysis()` hands to the suppression, caught on their way in."""
    caught: list[Figures] = []

    def catch(figures: Figures) -> Protected:
        caught.append(figures)
        return protect(figures)

    queries.protect = catch
    try:
        analysis(filters)
    finally:
        queries.protect = protect
    return caught[0]


def main() -> None:
    setup_test_environment()
    settings.DEBUG = True  # to count queries
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    holder = Organisation.objects.create(name="Bench CMO", slug="bench-cmo")
    for code, name in PLACES.items():
        Municipality.objects.get_or_create(
            code=code, defaults={"name": name, "slug": name.lower(), "province_code": "PV24"}
        )
    for position, name in enumerate(THEMES):
        main = Category.objects.create(holder=holder, name=name, position=position)
        Category.objects.create(holder=holder, name=f"{name}: overig", parent=main)
    director = User.objects.create(username="bench-director")
    Membership.objects.create(user=director, organisation=holder, role=Role.DIRECTEUR)
    client = Client()
    client.force_login(director)
    filters = Filters(holder_id=holder.pk, last=Quarter(2021, 4), quarters=8)

    def page(path: str) -> object:
        def get() -> None:
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)

        return get

    print(f"database: {connection.vendor}; rounds: {ROUNDS}")
    print("| signals | request | median ms | queries |")
    print("| ---: | --- | ---: | ---: |")
    made = 0
    for size in SIZES:
        add_signals(holder, made, size - made)
        made = size
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        figures = page_figures(filters)
        steps = {
            "health (baseline)": page("/gezondheid/"),
            "own SQL (4 grouped queries, bare)": own_sql(filters),
            "analysis() (SQL + suppression + trend)": lambda: analysis(filters),
            f"suppression alone ({len(figures.values)} figures)": partial(protect, figures),
            "analysis page": page("/signalen/analyse/" + QUERY),
            "Excel export": page("/signalen/analyse/export.xlsx" + QUERY),
        }
        for label, call in steps.items():
            median, queries = timed(call, ROUNDS)
            print(f"| {size:,} | {label} | {median:.1f} | {queries} |")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
