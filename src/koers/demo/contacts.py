"""A year of contacts and follow-up actions, up to the demo's reference date (example data).

From the seeds: whom CMO works with on what — the partners, activities and networks of the
jaarplan 2021 (seed 001), the Ronde Tafel Eenzaamheid Lelystad (003), the Zorgtafel and the
health insurer (004). Example data: every contact itself (date, kind, subject, summary, who
took part) and every action. Each contact is marked `is_example` and says so on its page,
in the list and under My actions.

Contacts and actions are bulk-loaded, not written through `relations.contact_services`:
- `interaction_save` would write an audit entry per contact saying a demo user recorded it
  on the day of the build, which is not what happened; one audit entry on the holding
  organisation records what the build loaded instead;
- `action_add` queues an e-mail to the owner of every action given to a colleague (through
  the task worker, on commit); the build must not send mail, and bulk-loading queues none;
- the build runs in the tests of the demo, and a few hundred contacts through the services
  would cost several thousand queries each time.
The services' rules hold by construction (the tests of the demo check them): persons are
the holder's, staff and owners are its members, activities belong to the programme,
networks are the holder's, done actions have a done date and open ones none.

The threads of contacts are data modules of their own (`contact_threads`,
`contact_threads_vi`, with their shapes in `contact_types`); this module holds the story
around the reference date and the build.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from koers.demo.constants import OWN, REFERENCE_DATE
from koers.demo.contact_threads import ARBEIDSMARKT_EN_ONDERWIJS, POSITIEVE_GEZONDHEID
from koers.demo.contact_threads_vi import DIRECTION, VERSTERKEN_VAN_INWONERS
from koers.demo.contact_types import (
    GESPREK,
    OVERLEG,
    TELEFOON,
    Contact,
    PlannedAction,
    Y,
)
from koers.demo.directory import loaded
from koers.directory.models import Organisation, Person
from koers.plans.models import Activity, Plan, Programme
from koers.relations.models import Action, ActionStatus, Interaction, Network

# The threads of the year, by programme and then the direction's (their data modules).
THREADS = [
    *POSITIEVE_GEZONDHEID,
    *ARBEIDSMARKT_EN_ONDERWIJS,
    *VERSTERKEN_VAN_INWONERS,
    *DIRECTION,
]

# Contacts close to the reference date whose actions make My actions of the coordinator and
# the staff member what they are on 15 October 2021: something overdue, something due this
# week, something later, and something given to a colleague.
STORY = [
    Contact(
        dt.date(Y, 6, 14),
        GESPREK,
        "Terugblik themabijeenkomst sport",
        "Goed bezocht; Sportservice wil het thema in de eigen nieuwsbrief terug laten komen.",
        "PG",
        "PG-1.1",
        ["sportservice-flevoland"],
        ["coordinator"],
        actions=[
            PlannedAction(
                "Verslag themabijeenkomst sport delen met Sportservice Flevoland",
                "coordinator",
                dt.date(Y, 7, 2),
            )
        ],
    ),
    Contact(
        dt.date(Y, 10, 6),
        OVERLEG,
        "Voorbereiding themabijeenkomst taal en gezondheid",
        "Programma staat; twee sprekers moeten nog bevestigen. De bibliotheek zorgt voor koffie.",
        "PG",
        "PG-1.1",
        ["flevomeer-bibliotheek", "huis-voor-taal"],
        ["coordinator"],
        actions=[
            PlannedAction(
                "Sprekers bevestigen voor de themabijeenkomst taal en gezondheid",
                "coordinator",
                dt.date(Y, 10, 15),
            ),
            PlannedAction(
                "Uitnodiging themabijeenkomst taal en gezondheid versturen",
                "coordinator",
                dt.date(Y, 10, 21),
            ),
        ],
    ),
    Contact(
        dt.date(Y, 10, 13),
        TELEFOON,
        "Zaal voor de themabijeenkomst eenzaamheid",
        "De Rede in Dronten heeft 25 november plaats; optie genomen tot eind oktober.",
        "PG",
        "PG-1.1",
        ["gemeente-dronten"],
        ["coordinator"],
        actions=[
            PlannedAction(
                "Optie op De Rede omzetten in een reservering", "coordinator", dt.date(Y, 10, 29)
            ),
            PlannedAction(
                "Begroting aanvraag ZonMw nalopen", "bedrijfsvoering", dt.date(Y, 10, 22)
            ),
        ],
    ),
    Contact(
        dt.date(Y, 9, 30),
        OVERLEG,
        "Kwartaaloverleg cliëntondersteuning Wlz",
        "Het zorgkantoor vraagt de cijfers van het derde kwartaal voor 8 oktober.",
        "VI",
        "VI-2.5",
        ["zilveren-kruis"],
        ["medewerker", "coordinator-vi"],
        actions=[
            PlannedAction(
                "Cijfers cliëntondersteuning derde kwartaal naar het zorgkantoor",
                "medewerker",
                dt.date(Y, 10, 8),
            )
        ],
    ),
    Contact(
        dt.date(Y, 10, 11),
        GESPREK,
        "Laatste stap afbouw cliëntondersteuning Dronten",
        "Drie lopende vragen gaan naar het sociaal team van de gemeente.",
        "VI",
        "VI-2.6",
        ["gemeente-dronten"],
        ["medewerker"],
        actions=[
            PlannedAction(
                "Overdracht lopende vragen OCO Dronten afronden", "medewerker", dt.date(Y, 10, 15)
            )
        ],
    ),
    Contact(
        dt.date(Y, 10, 12),
        OVERLEG,
        "ExpEx Flevoland: vaste plek in Lelystad",
        "De gemeente denkt mee over een ruimte; Windesheim wil de evaluatie delen.",
        "VI",
        "VI-2.1",
        ["gemeente-lelystad", "windesheim"],
        ["coordinator-vi", "medewerker"],
        actions=[
            PlannedAction(
                "Bezichtiging ruimte ExpEx in Lelystad plannen", "medewerker", dt.date(Y, 10, 27)
            ),
            PlannedAction(
                "Evaluatie ExpEx opvragen bij Windesheim", "coordinator-vi", dt.date(Y, 10, 20)
            ),
        ],
    ),
]

SUMMARIES = (
    "Besproken wat er sinds het vorige contact is gebeurd en wat de volgende stap is.",
    "Afspraken gemaakt over wie wat doet; de opvolging staat hieronder.",
    "Kort afgestemd; geen nieuwe afspraken nodig.",
    "Informatie uitgewisseld over de stand van zaken en de planning voor het najaar.",
    "Wensen en zorgen van de partner gehoord; we komen erop terug.",
)
DONE_SHARE = 0.85  # of the actions due before the reference date


def build_contacts(
    plan: Plan,
    users: dict[str, Any],
    organisations: dict[str, Organisation],
    persons: dict[str, list[Person]],
    note: Any,
) -> None:
    """The year's contacts and actions, once."""
    holder = organisations[OWN]
    if Interaction.objects.filter(holder=holder, is_example=True).exists():
        return
    rng = random.Random(2021_01_04)  # fixed seed: the same year on every build
    contacts = sorted(
        [*_from_threads(rng, REFERENCE_DATE), *STORY], key=lambda c: (c.day, c.subject)
    )
    _load(plan, holder, users, organisations, persons, contacts, rng, note)


def _from_threads(rng: random.Random, reference: dt.date) -> list[Contact]:
    contacts = []
    for thread in THREADS:
        span = (min(thread.last, reference) - thread.first).days
        for n in range(thread.count):
            day = _working_day(
                thread.first + dt.timedelta(days=span * n // max(thread.count - 1, 1))
            )
            day = min(day, reference)
            staff = [thread.staff[0], *[u for u in thread.staff[1:] if rng.random() < 0.5]]
            contact = Contact(
                day=day,
                kind=rng.choice(thread.kinds),
                # the subjects in their order through the stretch: first things first
                subject=thread.subjects[n * len(thread.subjects) // thread.count],
                summary=rng.choice(SUMMARIES),
                programme=thread.programme,
                activity=thread.activity,
                organisations=(
                    list(thread.organisations)
                    if thread.all_organisations
                    else rng.sample(
                        thread.organisations, min(len(thread.organisations), rng.choice((1, 1, 2)))
                    )
                ),
                staff=staff,
                network=thread.network,
            )
            if thread.actions and rng.random() < thread.action_share:
                owner = rng.choice(staff)
                due = _working_day(day + dt.timedelta(days=rng.randrange(5, 22)))
                contact.actions.append(
                    PlannedAction(
                        rng.choice(thread.actions), owner, due, _done_on(rng, day, due, reference)
                    )
                )
            contacts.append(contact)
    return contacts


def _done_on(rng: random.Random, day: dt.date, due: dt.date, reference: dt.date) -> dt.date | None:
    """Most actions due before the reference date were done, around their due date."""
    if due >= reference or rng.random() >= DONE_SHARE:
        return None
    return min(max(day, due + dt.timedelta(days=rng.randrange(-4, 4))), reference)


def _working_day(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def _load(
    plan: Plan,
    holder: Organisation,
    users: dict[str, Any],
    organisations: dict[str, Organisation],
    persons: dict[str, list[Person]],
    contacts: list[Contact],
    rng: random.Random,
    note: Any,
) -> None:
    programmes = {p.code: p for p in Programme.objects.filter(plan=plan)}
    activities = {a.code: a for a in Activity.objects.filter(programme__plan=plan, year=2021)}
    networks = {n.name: n for n in Network.objects.filter(holder=holder)}
    interactions = []
    for contact in contacts:
        activity = activities.get(contact.activity)
        interactions.append(
            Interaction(
                holder=holder,
                date=contact.day,
                kind=contact.kind,
                subject=contact.subject,
                summary=contact.summary,
                programme=programmes.get(contact.programme),
                activity=activity,
                network=networks.get(contact.network),
                created_by=users[contact.staff[0]],
                is_example=True,
            )
        )
    Interaction.objects.bulk_create(interactions)
    links: dict[str, list[Any]] = {"organisations": [], "persons": [], "staff": []}
    actions = []
    for interaction, contact in zip(interactions, contacts, strict=True):
        through = Interaction.organisations.through
        for slug in contact.organisations:
            links["organisations"].append(
                through(interaction_id=interaction.pk, organisation_id=organisations[slug].pk)
            )
            pool = persons.get(slug, [])
            for person in rng.sample(pool, min(len(pool), rng.choice((0, 1, 1, 2)))):
                links["persons"].append(
                    Interaction.persons.through(interaction_id=interaction.pk, person_id=person.pk)
                )
        for username in contact.staff:
            links["staff"].append(
                Interaction.staff.through(interaction_id=interaction.pk, user_id=users[username].pk)
            )
        for planned in contact.actions:
            actions.append(
                Action(
                    holder=holder,
                    interaction=interaction,
                    title=planned.title,
                    owner=users[planned.owner],
                    due_on=planned.due_on,
                    status=ActionStatus.DONE if planned.done_on else ActionStatus.OPEN,
                    done_on=planned.done_on,
                    created_by=users[contact.staff[0]],
                )
            )
    for name, rows in links.items():
        getattr(Interaction, name).through.objects.bulk_create(rows)
    Action.objects.bulk_create(actions)
    loaded(holder, note, contacts=len(interactions), actions=len(actions))
