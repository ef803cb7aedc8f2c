"""The demo's 2021 hours: teams, staff with contracts, categories, the plan's hours targets,
time entries up to the reference date, submitted and approved weeks, closed months.

Consistent with the plan's KPIs (DOMAIN.md, 001 §5.2): 20,258 direct hours and 74% direct
in 2021 imply about 27,400 registered hours a year. The demo has 35 staff (as CMO has), so
their contracts average about 0.4 FTE of registered time; the named demo accounts have the
larger contracts. Everyone but the named accounts is a numbered, invented staff member who
cannot sign in. Entries are written in bulk (seed data), not through the services: the
rules hold for them by construction and the test of the demo checks the totals.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model

from koers.demo import seed_data
from koers.directory.models import Organisation
from koers.plans.models import Activity, Plan
from koers.work.models import (
    ClosedMonth,
    Contract,
    HoursTarget,
    Project,
    StaffProfile,
    Team,
    TimeCategory,
    TimeEntry,
    Week,
    WeekStatus,
)
from koers.work.rules import monday_of
from koers.work.services import project_save

YEAR = 2021
REFERENCE_YEAR = 2019  # the year the multi-year plan's hours KPIs start from (001 §5.2)
TEAMS = ["Project & Advies", "Zorgbelang Flevoland", "Zowelwerk"]
# (name, direct, needs a note)
CATEGORIES = [
    ("Management en leiding", False, False),
    ("Intern overleg", False, False),
    ("Scholing en ontwikkeling", False, False),
    ("Verlof", False, False),
    ("Ziekte", False, False),
    ("Overig indirect", False, True),
]
# username → (team, FTE, direct norm %, programmes whose work she does)
NAMED_STAFF = {
    "directeur": (0, Decimal("1.0"), Decimal(30), ("PG", "AO", "VI")),
    "bedrijfsvoering": (0, Decimal("0.8"), Decimal(10), ()),
    "coordinator": (0, Decimal("0.8"), Decimal(85), ("PG",)),
    "coordinator-ao": (2, Decimal("0.8"), Decimal(85), ("AO",)),
    "coordinator-vi": (1, Decimal("0.8"), Decimal(85), ("VI",)),
    "medewerker": (1, Decimal("0.6"), Decimal(90), ("VI",)),
}
EXTRA_STAFF = 29
HOURS_PER_FTE_WEEK = Decimal(36)
LEAVE, SICK = Decimal("0.08"), Decimal("0.03")  # share of days off, of days ill


def build_hours(
    plan: Plan,
    users: dict[str, Any],
    organisations: dict[str, Organisation],
    reference: dt.date,
    note: Any,
) -> int:
    """Create the hours part of the demo once; returns the number of time entries made."""
    own = plan.organisation
    for year, direct, share, is_reference in _targets():
        _target, was = HoursTarget.objects.get_or_create(
            organisation=own,
            year=year,
            defaults={
                "direct_hours": direct,
                "direct_share": share,
                "is_reference": is_reference,
                "source": "Meerjarenplan 2021–2024, §5.2"
                + (" (referentiejaar)" if is_reference else ""),
            },
        )
        note("hours targets", was)
    teams = [Team.objects.get_or_create(organisation=own, name=name)[0] for name in TEAMS]
    categories = {
        name: TimeCategory.objects.get_or_create(
            organisation=own, name=name, defaults={"direct": direct, "needs_note": needs_note}
        )[0]
        for name, direct, needs_note in CATEGORIES
    }
    expex = _expex_project(plan, users, organisations, note)
    if TimeEntry.objects.filter(organisation=own).exists():
        return 0
    staff = _staff(own, users, teams)
    activities: dict[str, list[Activity]] = {}
    for activity in Activity.objects.filter(programme__plan=plan, year=YEAR).select_related(
        "programme"
    ):
        activities.setdefault(activity.programme.code, []).append(activity)
    rng = random.Random(YEAR)
    entries: list[TimeEntry] = []
    day = dt.date(YEAR, 1, 4)  # 1 January is a holiday; the first working week starts here
    while day <= reference:
        if day.weekday() < 5:
            for user, contract, programmes in staff:
                entries.extend(
                    _day(rng, user, own, day, contract, programmes, activities, categories, expex)
                )
        day += dt.timedelta(days=1)
    TimeEntry.objects.bulk_create(entries, batch_size=2000)
    _weeks(own, [user for user, _c, _p in staff], users, reference)
    return len(entries)


def _targets() -> list[tuple[int, Decimal, Decimal, bool]]:
    """The plan's hours KPIs: the reference year and the targets for 2021–2024.

    Seed 001 §5.2 (the table under "twee kernindicatoren"): "Referentie-jaar 2019 2021 2022
    2023 2024 … Aantal directe uren 18117 20258 21013 22374 24173 … Aandeel directe
    uren/totale uren 64% 74% 77% 78% 80%"."""
    hours, share = seed_data.ORGANISATION_INDICATORS
    return [
        (REFERENCE_YEAR, hours["baseline"], share["baseline"], True),
        *(
            (year, hours["targets"][year], share["targets"][year], False)
            for year in sorted(hours["targets"])
        ),
    ]


def _expex_project(
    plan: Plan, users: dict[str, Any], organisations: dict[str, Organisation], note: Any
) -> Project | None:
    """ExpEx Flevoland: funded by ZonMw, Windesheim and the province until the end of 2021.

    Operations adds it through the service of the project pages, as she would (with its
    audit entry); the build runs once per database, so a renamed project is never added
    again (builder.build)."""
    activity = (
        Activity.objects.filter(
            programme__plan=plan, year=YEAR, indicators__title__contains="ExpEx"
        )
        .select_related("programme")
        .first()
    )
    if activity is None:
        return None
    project = Project.objects.filter(organisation=plan.organisation, code="EXPEX").first()
    if project is None:
        project = project_save(
            actor=users["bedrijfsvoering"],
            organisation_id=plan.organisation_id,
            values={
                "programme": activity.programme,
                "code": "EXPEX",
                "title": "ExpEx Flevoland",
                "funder": organisations.get("zonmw"),
                "starts_on": dt.date(YEAR, 1, 1),
                "ends_on": dt.date(YEAR, 12, 31),
                "status": "running",
            },
        )
        note("projects", True)
    project.activities.add(activity)
    return project


def _staff(
    own: Organisation, users: dict[str, Any], teams: list[Team]
) -> list[tuple[Any, Contract, tuple[str, ...]]]:
    user_model = get_user_model()
    coordinator = users["coordinator"]
    staff = []
    specs: list[tuple[Any, int, Decimal, Decimal, tuple[str, ...]]] = [
        (users[name], team, fte, norm, programmes)
        for name, (team, fte, norm, programmes) in NAMED_STAFF.items()
    ]
    codes = ("PG", "AO", "VI")
    for number in range(1, EXTRA_STAFF + 1):
        user, _was = user_model.objects.get_or_create(
            username=f"demo-staf-{number:02d}",
            defaults={"first_name": "Medewerker", "last_name": f"{number:02d}"},
        )
        if user.has_usable_password():
            user.set_unusable_password()
            user.save()
        fte = Decimal(("0.28", "0.33", "0.39", "0.44")[number % 4])
        specs.append(
            (
                user,
                0 if number <= 17 else (1 if number <= 25 else 2),
                fte,
                Decimal(98),
                (codes[number % 3],),
            )
        )
    for user, team, fte, norm, programmes in specs:
        profile, _was = StaffProfile.objects.get_or_create(
            user=user,
            defaults={
                "organisation": own,
                "team": teams[team],
                "coordinator": None if user == coordinator else coordinator,
            },
        )
        contract, _was = Contract.objects.get_or_create(
            profile=profile,
            starts_on=dt.date(YEAR, 1, 1),
            defaults={
                "fte": fte,
                "hours_per_week": (fte * HOURS_PER_FTE_WEEK).quantize(Decimal("0.5")),
                "direct_norm": norm,
            },
        )
        staff.append((user, contract, programmes))
    return staff


def _quarter(hours: Decimal) -> Decimal:
    return (hours * 4).quantize(Decimal(1)) / 4


def _day(
    rng: random.Random,
    user: Any,
    own: Organisation,
    day: dt.date,
    contract: Contract,
    programmes: tuple[str, ...],
    activities: dict[str, list[Activity]],
    categories: dict[str, TimeCategory],
    expex: Project | None,
) -> list[TimeEntry]:
    hours = _quarter(contract.hours_per_week / 5)
    if hours <= 0:
        return []

    def entry(amount: Decimal, **target: Any) -> TimeEntry:
        return TimeEntry(user=user, organisation=own, date=day, hours=amount, **target)

    expex_code = expex.programme.code if expex is not None and expex.programme else None
    roll = Decimal(str(rng.random()))
    if roll < LEAVE:
        return [entry(hours, category=categories["Verlof"])]
    if roll < LEAVE + SICK:
        return [entry(hours, category=categories["Ziekte"])]
    direct = _quarter(hours * contract.direct_norm / 100 * Decimal(str(rng.uniform(0.85, 1.1))))
    direct = min(direct, hours)
    indirect = hours - direct
    made = []
    if direct > 0 and programmes:
        code = rng.choice(programmes)
        if expex_code == code and rng.random() < 0.15:
            made.append(entry(direct, project=expex))
        elif activities.get(code):
            made.append(entry(direct, activity=rng.choice(activities[code])))
        else:
            indirect = hours
    elif direct > 0:
        indirect = hours
    if indirect > 0:
        name = rng.choice(["Management en leiding", "Intern overleg", "Scholing en ontwikkeling"])
        made.append(entry(indirect, category=categories[name]))
    return made


def _weeks(own: Organisation, staff: list[Any], users: dict[str, Any], reference: dt.date) -> None:
    """Weeks handed in up to the week before the reference date, approved up to the end of
    September; a few not handed in (so the capacity page has someone to remind), and
    January to August closed by operations."""
    last = monday_of(reference) - dt.timedelta(days=7)
    approved_until = dt.date(YEAR, 9, 27)
    late = {users["medewerker"].pk: {last - dt.timedelta(days=7), last}}
    for lagging in staff[10:12]:
        late[lagging.pk] = {last}
    coordinator = users["coordinator"]
    weeks = []
    monday = dt.date(YEAR, 1, 4)
    while monday <= last:
        for user in staff:
            if monday in late.get(user.pk, set()):
                continue
            approved = monday <= approved_until
            weeks.append(
                Week(
                    user=user,
                    organisation=own,
                    monday=monday,
                    status=WeekStatus.APPROVED if approved else WeekStatus.SUBMITTED,
                    submitted_at=_moment(monday + dt.timedelta(days=4)),
                    decided_by=(users["directeur"] if user == coordinator else coordinator)
                    if approved
                    else None,
                    decided_at=_moment(monday + dt.timedelta(days=7)) if approved else None,
                )
            )
        monday += dt.timedelta(days=7)
    Week.objects.bulk_create(weeks, batch_size=2000)
    for month in range(1, 9):
        ClosedMonth.objects.get_or_create(
            organisation=own,
            month=dt.date(YEAR, month, 1),
            defaults={"closed_by": users["bedrijfsvoering"]},
        )


def _moment(day: dt.date) -> dt.datetime:
    from django.utils import timezone

    return timezone.make_aware(dt.datetime.combine(day, dt.time(16, 30)))
