"""Synthetic volume on top of the demo, for scale tests and benchmarks (never shown as real data).

`add_realisations` spreads N example realisations over the demo's 2021 indicators in
bulk, so a benchmark can compare the same page at the demo's size and at many times it.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from django.db import transaction

from koers.accounts.models import User
from koers.core.audit import audit_write
from koers.plans.models import Indicator, Realisation

BATCH = 5_000


@transaction.atomic
def add_realisations(total: int, *, year: int = 2021, seed: int = 7) -> int:
    """Add `total` example realisations (value 1, dates Jan–Sep) to the year's indicators."""
    if total <= 0:
        return 0
    rng = random.Random(seed)
    indicators = list(Indicator.objects.filter(activity__year=year).values_list("pk", "unit"))
    recorder = User.objects.order_by("pk").first()
    start = dt.date(year, 1, 1)
    made = 0
    while made < total:
        size = min(BATCH, total - made)
        Realisation.objects.bulk_create(
            Realisation(
                indicator_id=pk,
                date=start + dt.timedelta(days=rng.randrange(270)),
                value=Decimal(0) if unit == "milestone" else Decimal(1),
                recorded_by=recorder,
                is_example=True,
            )
            for pk, unit in (rng.choice(indicators) for _ in range(size))
        )
        made += size
    return made


def add_hours_organisations(
    organisations: int, *, staff: int = 35, years: int = 10, last_year: int = 2021, seed: int = 11
) -> list[int]:
    """Add `organisations` synthetic organisations, each with `staff` staff members who
    register about 1.1 entries a working day for `years` years up to `last_year`.

    About 100,000 entries per organisation for ten years: ten organisations give the
    million entries the hours benchmark needs. Returns the new organisations' ids.
    """
    from koers.directory.models import Organisation, OrganisationKind
    from koers.work.models import StaffProfile, TimeCategory

    created = []
    for _number in range(organisations):
        serial = Organisation.objects.count() + 1
        organisation = Organisation.objects.create(
            name=f"Synthetische organisatie {serial}",
            slug=f"synthetisch-{serial}-{seed}",
            kind=OrganisationKind.OWN,
        )
        created.append(organisation.pk)
        TimeCategory.objects.create(organisation=organisation, name="Direct werk", direct=True)
        TimeCategory.objects.create(organisation=organisation, name="Indirect")
        users = User.objects.bulk_create(
            User(username=f"synth-{organisation.pk}-{n:02d}", first_name="Synth", last_name=str(n))
            for n in range(staff)
        )
        StaffProfile.objects.bulk_create(
            StaffProfile(user=user, organisation=organisation) for user in users
        )
        entries = fill_hours(organisation.pk, years=years, last_year=last_year, seed=seed + serial)
        # Bulk-loaded, like the demo's persons: one entry says what was loaded (no actor).
        audit_write(
            actor=None,
            action="demo.example_data",
            instance=organisation,
            after={"staff": staff, "time entries": entries},
            organisation_id=organisation.pk,
        )
    return created


def fill_hours(organisation_id: int, *, years: int, last_year: int = 2021, seed: int = 11) -> int:
    """Register about 1.1 entries a working day for every staff member of the organisation
    over `years` years up to `last_year`, on its "Direct werk" and "Indirect" categories.

    Rows go in with executemany in batches, not through model objects, so a million takes
    a minute, not many. Returns the number of entries added.
    """
    from django.db import connection

    from koers.work.models import StaffProfile, TimeCategory, TimeEntry

    rng = random.Random(seed)
    direct = TimeCategory.objects.get(organisation_id=organisation_id, name="Direct werk")
    indirect = TimeCategory.objects.get(organisation_id=organisation_id, name="Indirect")
    users = list(
        StaffProfile.objects.filter(organisation_id=organisation_id).values_list(
            "user_id", flat=True
        )
    )
    table = TimeEntry._meta.db_table
    columns = "user_id, organisation_id, date, hours, category_id, note, created_at"
    insert = f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s, %s, %s, %s, %s)"  # noqa: S608
    now = dt.datetime.now(tz=dt.UTC)
    rows: list[Any] = []
    added = 0
    day = dt.date(last_year - years + 1, 1, 1)
    end = dt.date(last_year, 12, 31)
    with transaction.atomic(), connection.cursor() as cursor:
        while day <= end:
            if day.weekday() < 5:
                for user_id in users:
                    hours = Decimal(rng.choice((4, 6, 7, 8)))
                    if rng.random() < 0.1:
                        rows.append(
                            (user_id, organisation_id, day, Decimal(2), indirect.pk, "", now)
                        )
                        hours -= 2
                    category = direct if rng.random() < 0.78 else indirect
                    rows.append((user_id, organisation_id, day, hours, category.pk, "", now))
            if len(rows) >= BATCH * 4:
                cursor.executemany(insert, rows)
                added += len(rows)
                rows = []
            day += dt.timedelta(days=1)
        if rows:
            cursor.executemany(insert, rows)
            added += len(rows)
    return added
