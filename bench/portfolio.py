"""The funder's portfolio over 20 partners × 50 activities × 5 indicators (5,000 indicators,
20,000 realisations), against its own SQL in the same run, and at 2 partners to show the
query count does not grow with them; and what the tenancy check costs the hot pages.

    .venv/bin/python bench/portfolio.py            # SQLite, in a temporary data directory
    DATABASE_URL=postgres://…/koers_bench .venv/bin/python bench/portfolio.py

Timed, each the median of BENCH_ROUNDS requests after a warm-up, in a process left as
`koers serve` leaves a worker (`timing.as_served`):
- the health page (baseline of a request through the whole stack);
- the portfolio's own SQL: the queries the page issues (captured from one request), bare;
- the portfolio page and its workbook, and one line's activities (its goal page);
- an activity page, the dashboard and the capacity page as a partner's staff, with and
  without the tenancy middleware (it acts on refusals only, so an allowed page should not
  change), and a refused request for another partner's activity (where it looks up the
  record's owner).

The bars (issue 22): the portfolio at a constant query count, at most 2× its own SQL + 50 ms;
the tenancy check adds no more than one join to the hot pages. Not part of the test suite's
pass or fail; the figures go into bench/README.md.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from decimal import Decimal

os.environ.setdefault("KOERS_DATA_DIR", tempfile.mkdtemp(prefix="koers-bench-portfolio-"))
os.environ["KOERS_DEMO"] = "1"
os.environ["KOERS_TWO_FACTOR_WAIVED"] = "1"  # bench users sign in as in the demo
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koers.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from timing import as_served, own_sql, timed  # noqa: E402 (bench/, beside this file)

from koers.accounts.models import Membership, User  # noqa: E402
from koers.accounts.roles import Role  # noqa: E402
from koers.directory.models import Organisation  # noqa: E402
from koers.plans.models import (  # noqa: E402
    Activity,
    Goal,
    Indicator,
    Line,
    Plan,
    Programme,
    Realisation,
    Target,
)

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "7"))
SIZES = (2, 20)
ACTIVITIES = 50
INDICATORS = 5
TENANCY = "koers.accounts.tenancy.TenancyMiddleware"


def add_partners(start: int, count: int, province: Organisation, lines: list[Goal]) -> None:
    for number in range(start, start + count):
        partner = Organisation.objects.create(name=f"Partner {number:02d}", slug=f"p{number:02d}")
        plan = Plan.objects.create(
            organisation=partner, funder=province, title="Plan", start_year=2021, end_year=2024
        )
        programme = Programme.objects.create(
            plan=plan, code=f"P{number}", name=f"Programma {number}", strategic_goal="Doel"
        )
        programme.funders.add(province)
        programme.goals.add(lines[number % len(lines)])
        line = Line.objects.create(programme=programme, code="L1", title="Lijn")
        activities = Activity.objects.bulk_create(
            Activity(programme=programme, line=line, year=2021, code=f"A{n}", title=f"Act {n}")
            for n in range(ACTIVITIES)
        )
        indicators = Indicator.objects.bulk_create(
            Indicator(
                activity=activity,
                kind="output",
                title=f"{n + 3} thematische netwerkbijeenkomsten" if n == 0 else f"Telling {n}",
                unit="count",
                aggregation="sum",
                order=n,
            )
            for activity in activities
            for n in range(INDICATORS)
        )
        # Targets and figures that differ from indicator to indicator (some achieved, some
        # on track, some behind), so nothing the page keeps per value flatters it.
        Target.objects.bulk_create(
            Target(indicator=indicator, year=2021, value=Decimal(4 + number % 13))
            for number, indicator in enumerate(indicators)
        )
        Realisation.objects.bulk_create(
            Realisation(
                indicator=indicator,
                date=dt.date(2021, month, 1),
                value=Decimal(1 + (number + month) % 3),
            )
            for number, indicator in enumerate(indicators)
            for month in (2, 4, 6, 8)
        )


def page(client: Client, path: str, status: int = 200) -> object:
    def get() -> None:
        response = client.get(path)
        assert response.status_code == status, (path, response.status_code)

    return get


def signed_in(username: str, organisation: Organisation, role: Role) -> Client:
    user = User.objects.create(username=username)
    Membership.objects.create(user=user, organisation=organisation, role=role)
    client = Client()
    client.force_login(user)
    return client


def main() -> None:
    setup_test_environment()
    settings.DEBUG = True  # to count queries
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    province = Organisation.objects.create(name="Provincie", slug="provincie")
    root = Goal.objects.create(funder=province, code="KS", title="Krachtige Samenleving")
    lines = [
        Goal.objects.create(funder=province, code=f"KS-{n}", title=f"Lijn {n}", parent=root)
        for n in range(1, 5)
    ]
    official = signed_in("bench-provincie", province, Role.OPDRACHTGEVER)
    portfolio = "/portefeuille/?jaar=2021&peildatum=2021-10-15"
    print(f"database: {connection.vendor}; rounds: {ROUNDS}")
    print("| partners | indicators | request | median ms | queries |")
    print("| ---: | ---: | --- | ---: | ---: |")
    made = 0
    for size in SIZES:
        add_partners(made, size - made, province, lines)
        made = size
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        count = Indicator.objects.count()
        as_served()
        steps = {
            "health (baseline)": page(official, "/gezondheid/"),
            "portfolio: own SQL (bare)": own_sql(official, portfolio),
            "portfolio page": page(official, portfolio),
            "a line's activities (portfolio goal page)": page(
                official, f"/portefeuille/doelen/{lines[0].pk}/?jaar=2021&peildatum=2021-10-15"
            ),
            "portfolio workbook": page(official, "/portefeuille/export.xlsx?jaar=2021"),
        }
        for label, call in steps.items():
            median, queries = timed(call, ROUNDS)
            print(f"| {size} | {count:,} | {label} | {median:.1f} | {queries} |")
    tenancy_costs()
    sys.stdout.flush()


def tenancy_costs() -> None:
    """A partner's staff on her own hot pages, and refused on another partner's activity,
    with and without the tenancy middleware."""
    first, second = Organisation.objects.filter(slug__in=("p00", "p01")).order_by("slug")
    staff = User.objects.create(username="bench-staff")
    Membership.objects.create(user=staff, organisation=first, role=Role.DIRECTEUR)
    board = User.objects.create(username="bench-board")  # may not edit: refused
    Membership.objects.create(user=board, organisation=second, role=Role.TOEZICHT)
    own = Activity.objects.filter(programme__plan__organisation=first).order_by("pk").first()
    assert own is not None
    without = [entry for entry in settings.MIDDLEWARE if entry != TENANCY]
    print()
    print("| request | tenancy check | median ms | queries | status |")
    print("| --- | --- | ---: | ---: | ---: |")
    for label, user, path, refused in (
        ("activity page (own)", staff, f"/activiteiten/{own.pk}/", False),
        ("dashboard (own)", staff, "/?jaar=2021", False),
        ("capacity (own)", staff, "/uren/capaciteit/?jaar=2021", False),
        (
            "another partner's activity, edit (refused)",
            board,
            f"/activiteiten/{own.pk}/bewerken/",
            True,
        ),
    ):
        for checked in (False, True):
            status = (404 if checked else 403) if refused else 200
            # A client per set-up: a client keeps the middleware it first loaded.
            with override_settings(MIDDLEWARE=settings.MIDDLEWARE if checked else without):
                client = Client()
                client.force_login(user)
                median, queries = timed(page(client, path, status), ROUNDS)
            state = "on" if checked else "off"
            print(f"| {label} | {state} | {median:.1f} | {queries} | {status} |")


if __name__ == "__main__":
    main()
