"""The hours benchmark: the capacity page and the week grid at ten entries and at about a
million, against the bare SQL aggregation the capacity page needs, in the same run.

    .venv/bin/python bench/hours.py            # SQLite, in a temporary data directory
    DATABASE_URL=postgres://…/koers_bench .venv/bin/python bench/hours.py

It builds a measured organisation of 35 staff with ten entries, times the pages, then
fills ten years of hours for it and for nine more organisations of 35 staff (about a
million entries in all) and times them again. Not part of the test suite's pass or fail;
the figures go into bench/README.md.
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import sys
import tempfile
import time
from decimal import Decimal

os.environ.setdefault("KOERS_DATA_DIR", tempfile.mkdtemp(prefix="koers-bench-hours-"))
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
from koers.demo.synthetic import add_hours_organisations, fill_hours  # noqa: E402
from koers.work.models import HoursTarget, StaffProfile, TimeCategory, TimeEntry  # noqa: E402

ROUNDS = 9
YEAR = 2021
# The one scan of the entries the capacity page sums every figure from
# (koers.work.queries.year_totals), written by hand.
BARE_SQL = """
SELECT {month} AS month, activity_id, project_id, category_id, SUM(hours)
FROM work_timeentry
WHERE organisation_id = %s AND date BETWEEN %s AND %s
GROUP BY 1, 2, 3, 4
"""


def bare_sql() -> str:
    if connection.vendor == "postgresql":
        return BARE_SQL.format(month="date_trunc('month', date)")
    return BARE_SQL.format(month="strftime('%%Y-%%m', date)")


def _programme_activity(organisation_id: int) -> object:
    """A plan, programme and activity for the measured organisation, a budget line and a
    cost rate for each of its staff: what the programme budget page works on."""
    from koers.funding.models import BudgetLine, CostType, Direction
    from koers.plans.models import Activity, Plan, Programme
    from koers.work.models import CostRate

    plan = Plan.objects.create(
        organisation_id=organisation_id, title="Bench", start_year=YEAR, end_year=YEAR
    )
    programme = Programme.objects.create(plan=plan, code="B", name="Bench")
    BudgetLine.objects.create(
        organisation_id=organisation_id,
        programme=programme,
        year=YEAR,
        direction=Direction.COST,
        cost_type=CostType.PERSONNEL,
        amount=Decimal(1_000_000),
    )
    CostRate.objects.bulk_create(
        CostRate(profile=profile, year=YEAR, rate=Decimal(75))
        for profile in StaffProfile.objects.filter(organisation_id=organisation_id)
    )
    return Activity.objects.create(programme=programme, code="B1", title="Bench", year=YEAR)


def main() -> None:
    setup_test_environment()
    settings.DEBUG = True  # to count queries
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    [measured] = add_hours_organisations(1, years=0)
    HoursTarget.objects.create(
        organisation_id=measured, year=YEAR, direct_hours=Decimal(20258), direct_share=Decimal(74)
    )
    director = User.objects.create(username="bench-director")
    Membership.objects.create(user=director, organisation_id=measured, role=Role.DIRECTEUR)
    staff = StaffProfile.objects.filter(organisation_id=measured).first()
    assert staff is not None
    Membership.objects.create(user=staff.user, organisation_id=measured, role=Role.MEDEWERKER)
    direct = TimeCategory.objects.get(organisation_id=measured, name="Direct werk")
    activity = _programme_activity(measured)
    for day in range(1, 11):
        TimeEntry.objects.create(
            user=staff.user,
            organisation_id=measured,
            date=dt.date(YEAR, 11, day),
            hours=Decimal(1),
            activity=activity,
        )
    capacity_client, week_client = Client(), Client()
    capacity_client.force_login(director)
    week_client.force_login(staff.user)
    start, end = dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31)

    def run_bare() -> None:
        with connection.cursor() as cursor:
            cursor.execute(bare_sql(), [measured, start, end])
            cursor.fetchall()

    def page(client: Client, path: str) -> object:
        def get() -> None:
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)

        return get

    steps = {
        "health (baseline)": page(capacity_client, "/gezondheid/"),
        "bare SQL: the year's hours, grouped": run_bare,
        "capacity page": page(capacity_client, f"/uren/capaciteit/?peildatum={YEAR}-12-31"),
        "week grid": page(week_client, f"/uren/week/{YEAR}-11-01/"),
        # The programme budget prices the year's hours on programmes (koers.funding.queries).
        "programme budget page": page(
            capacity_client, f"/begroting/?jaar={YEAR}&peildatum={YEAR}-12-31"
        ),
    }
    print(f"database: {connection.vendor}; rounds: {ROUNDS}")
    print("| entries | step | median ms | queries | peak RSS MB |")
    print("| ---: | --- | ---: | ---: | ---: |")
    for stage in ("small", "large"):
        if stage == "large":
            started = time.perf_counter()
            fill_hours(measured, years=10)
            # The year's direct work on the programme's activity, so the budget prices it.
            TimeEntry.objects.filter(
                organisation_id=measured, date__year=YEAR, category=direct
            ).update(activity=activity, category=None)
            add_hours_organisations(9)
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("VACUUM ANALYZE work_timeentry")
            print(f"(loaded in {time.perf_counter() - started:.0f} s)", file=sys.stderr)
        count = TimeEntry.objects.count()
        for name, step in steps.items():
            ms, queries = timed(step, ROUNDS)
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"| {count:,} | {name} | {ms:.1f} | {queries} | {rss:.0f} |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
