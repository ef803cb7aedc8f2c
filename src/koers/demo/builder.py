"""Build the CMO Flevoland 2021 demo from the facts in the seeds (see seed_data.py).

Once per database: the build ends with an audit entry ("demo.built") that lists what it
made, and a database that has it is left as it is, so running the build again changes
nothing — not what a user recorded in between, nor what she renamed (the build looks
records up by their titles and codes, which users change: a renamed project was once added
again, after a restore). A database holding data the build did not make is refused.

What users record in Koers is written through the services, as a demo user, with its
audit entries: events and their participants, communication items, networks, grants and
their steps. Volumes of invented records are bulk-loaded and marked as example data, with
no audit entry that would claim a user typed them in: the realisations
(`realisations.py`), the hours (`hours.py`), the persons and their positions
(`directory.py`, one audit entry says what was loaded) and the year of contacts and
actions (`contacts.py`, likewise; bulk-loading also queues none of the e-mails `action_add`
sends). The build runs in many tests, which is
the other reason for bulk loading: see each module for its counts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from koers.accounts.models import Membership, User
from koers.accounts.roles import Role
from koers.atlas.network.services import snapshot_store
from koers.core.audit import audit_write
from koers.core.models import AuditEntry, Municipality
from koers.demo import directory, seed_data
from koers.demo.atlas import ATLAS_NETWORK_YEARS, build_atlas, link_pg_indicator
from koers.demo.chain_details import build_chain_details
from koers.demo.constants import DEMO_PASSWORD, DEMO_YEAR, OWN, REFERENCE_DATE
from koers.demo.contacts import build_contacts
from koers.demo.funding import build_funding
from koers.demo.hours import build_hours
from koers.demo.matching import build_matching, derive_indicators
from koers.demo.multi_year import build_multi_year
from koers.demo.opportunities import build_opportunities
from koers.demo.partner import build_partner
from koers.demo.population import build_population
from koers.demo.realisations import build_realisations
from koers.demo.relations import build_relations
from koers.demo.reports import build_reports
from koers.demo.research import build_research
from koers.demo.risks import build_risks
from koers.demo.signals import build_signals
from koers.directory.models import Organisation
from koers.insight.models import FigureNote, Topic
from koers.insight.services import figure_note_save
from koers.insight.snapshot import load_snapshot
from koers.plans.models import (
    Activity,
    AnnualPlan,
    AnnualPlanEvent,
    AnnualPlanStatus,
    Decision,
    Goal,
    Indicator,
    Line,
    Plan,
    Programme,
    Realisation,
    Target,
)

BUILT = "demo.built"


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    role: Role
    organisation: str
    programmes: tuple[str, ...] = ()

    @property
    def description(self) -> str:
        return str(self.role.label)


# Invented people (the seeds name no staff); every account is demo-only.
USERS = [
    DemoUser("beheerder", "Bart", "Beheer", Role.BEHEERDER, OWN),
    DemoUser("directeur", "Dorien", "Dekker", Role.DIRECTEUR, OWN),
    DemoUser("bedrijfsvoering", "Bas", "Verhoef", Role.BEDRIJFSVOERING, OWN),
    DemoUser("coordinator", "Carla", "Smit", Role.COORDINATOR, OWN, ("PG",)),
    DemoUser("coordinator-ao", "Ahmed", "Ouali", Role.COORDINATOR, OWN, ("AO",)),
    DemoUser("coordinator-vi", "Vera", "IJzerman", Role.COORDINATOR, OWN, ("VI",)),
    DemoUser("medewerker", "Mila", "de Wit", Role.MEDEWERKER, OWN),
    DemoUser("provincie", "Pieter", "van Dijk", Role.OPDRACHTGEVER, "provincie-flevoland"),
    DemoUser("regioplus", "Rianne", "Post", Role.OPDRACHTGEVER, "regioplus"),
    DemoUser("toezicht", "Theo", "Zwart", Role.TOEZICHT, OWN),
    # Extra Handen voor de Zorg: the GGD/GHOR's official who sets the requests' priorities
    # (a member of CMO, where the requests are kept) and a care organisation's contact.
    DemoUser("ggd-ghor", "Gerda", "Hoekstra", Role.PRIORITEIT, OWN),
    DemoUser("zorgvrager", "Zeynep", "Kaya", Role.ZORGVRAGER, "woonzorg-flevoland"),
    # Keeps what the organisations on the installation share (docs/tenancy.md); CMO hosts it.
    DemoUser("installatie", "Ilse", "Jansen", Role.INSTALLATIEBEHEERDER, OWN),
    DemoUser("sportservice", "Sanne", "Visser", Role.DIRECTEUR, "sportservice-flevoland"),
]

# What the dashboard shows first: three indicators per programme that the seeds put up front.
KEY_TITLE_PREFIXES = (
    "7 thematische netwerkbijeenkomsten",
    "21 communicatie-uitingen",
    "Actieve schil van 6 organisaties",
    "Minimaal 150 Sterk in je Werk",
    "5 werkgevers verbinden zich",
    "Tenminste 10 beschikbare verzorgenden",
    "4 bijeenkomsten",
    "30 jongeren",
    "Informatie en advies aan 20 unieke cliënten",
)


class DemoRefused(Exception):
    """The database holds data the demo did not build."""


def _refusal() -> str:
    """Why the build may not run here, or "" on an empty database."""
    organisations, users = Organisation.objects.count(), User.objects.count()
    if not organisations and not users:
        return ""
    return (
        f"This database already holds data that `koers demo` did not build ({organisations} "
        f"organisations, {users} accounts), or a demo built by an older version of Koers. "
        "The demo builds only into an empty database: remove var/demo (or point "
        "KOERS_DEMO_DATABASE_URL at an empty database) and run it again. Nothing was changed."
    )


@transaction.atomic
def build(*, realisations: bool = True, hours: bool = True) -> dict[str, int]:
    """Build the demo once. Returns how many records of each kind were created: nothing
    when this database has the demo already; DemoRefused when it holds other data.

    `hours=False` leaves out the 2021 hours (about 11,000 entries), for tests that do not
    need them."""
    if AuditEntry.objects.filter(action=BUILT).exists():
        return {}
    if refusal := _refusal():
        raise DemoRefused(refusal)
    created: dict[str, int] = {}

    def note(kind: str, was_created: bool | int) -> None:
        """Count what was made: one record (True), or how many were bulk-loaded."""
        if was_created:
            created[kind] = created.get(kind, 0) + int(was_created)

    municipalities = directory.build_municipalities(note)
    build_population(note)
    organisations = directory.build_organisations(municipalities, note)
    goals = _build_goals(organisations, note)
    plan, was = Plan.objects.get_or_create(
        organisation=organisations[OWN],
        title=seed_data.PLAN["title"],
        defaults={
            "start_year": seed_data.PLAN["start_year"],
            "end_year": seed_data.PLAN["end_year"],
            "description": seed_data.PLAN.get("description", ""),
            "funder": organisations["provincie-flevoland"],
        },
    )
    note("plans", was)

    users = _build_users(organisations, note)
    persons = directory.build_persons(organisations[OWN], organisations, note)
    coordinators = {code: u for u in USERS for code in u.programmes}
    for order, spec in enumerate(seed_data.PROGRAMMES):
        coordinator = (
            users[coordinators[spec["code"]].username] if spec["code"] in coordinators else None
        )
        programme = _build_programme(plan, order, spec, goals, organisations, coordinator, note)
        for line_order, line_spec in enumerate(spec["lines"]):
            line, was = Line.objects.get_or_create(
                programme=programme,
                code=line_spec["code"],
                defaults={"title": line_spec["title"], "order": line_order},
            )
            note("lines", was)
            for activity_order, activity_spec in enumerate(line_spec["activities"]):
                _build_activity(
                    programme,
                    line,
                    activity_order,
                    activity_spec,
                    goals,
                    municipalities,
                    coordinator,
                    note,
                )
    for user in USERS:
        if user.programmes:
            membership = Membership.objects.get(
                user=users[user.username], organisation=organisations[OWN], role=user.role
            )
            membership.programmes.add(
                *Programme.objects.filter(plan=plan, code__in=user.programmes)
            )

    _build_annual_plans(plan, users, note)
    build_chain_details(plan, organisations, note)
    if hours:
        entries = build_hours(plan, users, organisations, REFERENCE_DATE, note)
        if entries:
            created["time entries"] = entries
    build_funding(plan, users, organisations, note)
    build_risks(plan, users, organisations)
    build_relations(plan, users, organisations, persons, note)
    # After the events: the atlas derives ties from the meetings' co-organisers.
    build_atlas(plan, organisations, municipalities, persons, note)
    # The yearly networks the network page, its fragility panel and the derived measures
    # read (stored, as the worker stores them), and PG-2.1's indicator that counts the atlas.
    for year in ATLAS_NETWORK_YEARS:
        snapshot_store(holder_id=plan.organisation_id, year=year)
    link_pg_indicator(plan)
    build_contacts(plan, users, organisations, persons, note)
    # Extra Handen voor de Zorg: the pool, the requests, the placements, the trajectories;
    # the pool's indicators and Sterk in je Werk's count themselves (before the example
    # realisations, which derived indicators do not get).
    build_matching(plan, users, organisations, municipalities, note)
    derive_indicators(plan)
    # Signals and client support: the example signals, the agenda taken to the province,
    # the OCO cases behind "20 unieke cliënten per maand" (which counts itself from them).
    build_signals(plan, users, organisations, municipalities, note)
    if (
        realisations
        and not Realisation.objects.filter(
            indicator__activity__programme__plan=plan, is_example=True
        ).exists()
    ):
        created["realisations"] = build_realisations(plan, users, municipalities)
    build_opportunities(plan, users, organisations, note)
    # The statistics a new installation ships (the seeds' labour-market figures, the example
    # inhabitants), as `koers setup` loads them.
    for imported in load_snapshot():
        note("statistics values", imported.added)
    note("notes on figures", build_figure_note(users["directeur"]))
    build_research(plan, users["directeur"], note)
    build_reports(plan, users, organisations, note)
    build_multi_year(plan, users, note)
    build_partner(organisations, users, note, realisations=realisations, hours=hours)
    # What the build made, in one entry (no actor: the build did it, not a user): the
    # records written through the services have their own entries besides.
    audit_write(actor=None, action=BUILT, instance=organisations[OWN], after=created)
    return created


def build_figure_note(director: Any) -> bool:
    """The multi-year plan's own reading of the expected shortage (seed 001, §3.1), as a note
    on that figure: what the dashboards show beside it."""
    topic = (
        Topic.objects.filter(dataset__table_id="mjp-2021-arbeidsmarkt").order_by("position").first()
    )
    if topic is None or FigureNote.objects.filter(topic=topic).exists():
        return False
    figure_note_save(
        director,
        FigureNote(
            topic=topic,
            region="PV24",
            period="2022JJ00",
            text=(
                "Het meerjarenplan noemt dit tekort de aanleiding voor een regionaal dashboard "
                "zorg en welzijn, vertrekkend vanuit instroom, doorstroom, werk en behoud en "
                "uitstroom (meerjarenplan 2021–2024, §3.1)."
            ),
        ),
    )
    return True


def _build_goals(organisations: dict[str, Organisation], note: Any) -> dict[str, Goal]:
    goals: dict[str, Goal] = {}
    for order, root in enumerate(seed_data.FUNDER_GOALS):
        funder = organisations[root["funder"]]
        parent, was = Goal.objects.get_or_create(
            funder=funder,
            code=root["code"],
            defaults={
                "title": root["title"],
                "description": root.get("description", ""),
                "order": order,
            },
        )
        note("goals", was)
        goals[parent.code] = parent
        for child_order, child in enumerate(root["children"]):
            goal, was = Goal.objects.get_or_create(
                funder=funder,
                code=child["code"],
                defaults={
                    "title": child["title"],
                    "description": child.get("description", ""),
                    "parent": parent,
                    "order": child_order,
                },
            )
            note("goals", was)
            goals[goal.code] = goal
    return goals


def _build_users(organisations: dict[str, Organisation], note: Any) -> dict[str, User]:
    users = {}
    for spec in USERS:
        user, was = User.objects.get_or_create(
            username=spec.username,
            defaults={
                "first_name": spec.first_name,
                "last_name": spec.last_name,
                "email": f"{spec.username}@demo.koers.invalid",
            },
        )
        if was:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        note("users", was)
        _, was = Membership.objects.get_or_create(
            user=user, organisation=organisations[spec.organisation], role=spec.role
        )
        note("memberships", was)
        users[spec.username] = user
    return users


def _build_programme(
    plan: Plan,
    order: int,
    spec: dict[str, Any],
    goals: dict[str, Goal],
    organisations: dict[str, Organisation],
    coordinator: User | None,
    note: Any,
) -> Programme:
    programme, was = Programme.objects.get_or_create(
        plan=plan,
        code=spec["code"],
        defaults={
            "name": spec["name"],
            "strategic_goal": spec["strategic_goal"],
            "introduction": spec.get("introduction", ""),
            "fte": spec.get("fte"),
            "coordinator": coordinator,
            "order": order,
        },
    )
    note("programmes", was)
    if was:
        programme.goals.set([goals[code] for code in spec.get("goals", [])])
        programme.funders.set([organisations[slug] for slug in spec.get("funders", [])])
    return programme


def _build_activity(
    programme: Programme,
    line: Line,
    order: int,
    spec: dict[str, Any],
    goals: dict[str, Goal],
    municipalities: dict[str, Municipality],
    owner: User | None,
    note: Any,
) -> None:
    activity, was = Activity.objects.get_or_create(
        programme=programme,
        year=DEMO_YEAR,
        code=spec["code"],
        defaults={
            "line": line,
            "title": spec["title"],
            "description": spec["description"],
            "outcome": spec.get("outcome", ""),
            "role": spec["role"],
            "phase": spec["phase"],
            "owner": owner,
            "status": "running",
            "decision": Decision.PENDING if spec.get("explore") else Decision.NONE,
            "order": order,
        },
    )
    note("activities", was)
    if not was:
        return
    activity.municipalities.set([municipalities[slug] for slug in spec.get("municipalities", [])])
    activity.goals.set([goals[code] for code in spec.get("goals", [])])
    for indicator_order, indicator_spec in enumerate(spec["indicators"]):
        title = indicator_spec["title"]
        indicator = Indicator.objects.create(
            activity=activity,
            kind=indicator_spec["kind"],
            title=title,
            unit=indicator_spec["unit"],
            aggregation=indicator_spec["aggregation"],
            baseline=indicator_spec.get("baseline"),
            verification=indicator_spec.get("verification", ""),
            note=indicator_spec.get("note", ""),
            is_key=title.startswith(KEY_TITLE_PREFIXES),
            order=indicator_order,
        )
        note("indicators", True)
        if indicator_spec.get("target") is not None:
            phasing = indicator_spec.get("phasing")
            Target.objects.create(
                indicator=indicator,
                year=DEMO_YEAR,
                value=indicator_spec["target"],
                q1=Decimal(phasing[0]) if phasing else None,
                q2=Decimal(phasing[1]) if phasing else None,
                q3=Decimal(phasing[2]) if phasing else None,
            )
            note("targets", True)


def _build_annual_plans(plan: Plan, users: dict[str, User], note: Any) -> None:
    tz = timezone.get_current_timezone()
    steps_2021 = [
        (
            AnnualPlanStatus.CONCEPT,
            AnnualPlanStatus.SUBMITTED,
            "directeur",
            dt.datetime(2020, 10, 30, 10, tzinfo=tz),
            "",
        ),
        (
            AnnualPlanStatus.SUBMITTED,
            AnnualPlanStatus.ADOPTED,
            "provincie",
            dt.datetime(2020, 12, 15, 14, tzinfo=tz),
            "Subsidiebeschikking 2021 (voorbeeld).",
        ),
    ]
    annual_2021, was = AnnualPlan.objects.get_or_create(
        plan=plan, year=DEMO_YEAR, defaults={"status": AnnualPlanStatus.ADOPTED}
    )
    note("annual plans", was)
    if was:
        for source, target, username, at, comment in steps_2021:
            AnnualPlanEvent.objects.create(
                annual_plan=annual_2021,
                from_status=source,
                to_status=target,
                actor=users[username],
                at=at,
                comment=comment,
            )
    for year in plan.years:
        if year != DEMO_YEAR:
            _, was = AnnualPlan.objects.get_or_create(plan=plan, year=year)
            note("annual plans", was)
