"""The events and communication items of the demo, behind the Positieve Gezondheid targets.

From the seeds (jaarplan 2021, §2.1 "Thematische blokken met beoogde partners"): the seven
themes, the partners named for each (in the directory, `demo/directory.py`), and that one
meeting is organised with the programme office of Alles is Gezondheid. Example data (the
seeds give no dates, places, registrations or publications): the events' dates and places,
who co-organised and who registered and came, the evaluation scores, and the communication
items. Each event and item is marked as example data.

Six of the seven thematic meetings are here: kunst en cultuur and sport held by the
reference date (with attendance and an evaluation), four planned (with registrations so
far). The seventh, natuur, was held on 23 September but is not recorded yet: in the
walkthrough the coordinator adds it on the events page, and "7 thematische
netwerkbijeenkomsten", which counts the events of its activity, goes from 2 to 3 of 7.

Events and participants are written through `relations.event_services` as the
coordinator, like everything a user records there: they feed indicators, so they pass the
same checks and leave the same audit entries. "21 communicatie-uitingen" and "Actieve
schil van 6 organisaties" are derived from these records too.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from koers.demo.constants import REFERENCE_DATE
from koers.demo.relations_networks import SEED_NETWORKS
from koers.directory.models import Organisation, Person
from koers.plans.models import Activity, Indicator, Plan, Source
from koers.relations.events import services as event_services
from koers.relations.models import CommunicationItem, Event


@dataclass(frozen=True)
class DemoEvent:
    day: dt.date
    theme: str
    place: str
    municipality: str  # slug, or "" when online
    organisers: tuple[str, ...]  # organisation slugs besides the GGD
    invited: tuple[str, ...]  # organisations whose contact persons registered
    registered: int
    evaluation: Decimal | None = None


# The first two were held by the reference date; the others are planned. Registrations are
# drawn from the contact persons of `invited`, in this order of preference.
EVENTS = [
    DemoEvent(
        dt.date(2021, 3, 18),
        "kunst en cultuur",
        "Agora Lelystad",
        "lelystad",
        ("kunstlink",),
        (
            "kunstlink",
            "gemeente-lelystad",
            "welzijn-lelystad",
            "de-kubus",
            "woonzorg-flevoland",
            "flevomeer-bibliotheek",
            "fpf",
            "humanitas",
            "gemeente-almere",
            "ggd-flevoland",
        ),
        22,
        Decimal("7.6"),
    ),
    DemoEvent(
        dt.date(2021, 6, 10),
        "sport",
        "Sportcampus Almere",
        "almere",
        ("sportservice-flevoland", "jeugdfonds-sport-en-cultuur"),
        (
            "sportservice-flevoland",
            "jeugdfonds-sport-en-cultuur",
            "gemeente-almere",
            "gemeente-zeewolde",
            "gemeente-dronten",
            "roc-flevoland",
            "windesheim",
            "medrie",
            "ggd-flevoland",
            "humanitas",
        ),
        28,
        Decimal("8.2"),
    ),
    DemoEvent(
        dt.date(2021, 11, 4),
        "taal en gezondheid",
        "Bibliotheek Emmeloord",
        "noordoostpolder",
        ("bibliotheeknetwerk-flevoland", "huis-voor-taal"),
        (
            "bibliotheeknetwerk-flevoland",
            "flevomeer-bibliotheek",
            "huis-voor-taal",
            "gemeente-noordoostpolder",
            "gemeente-urk",
            "medrie",
            "proscoop",
            "ggd-flevoland",
        ),
        16,
    ),
    DemoEvent(
        dt.date(2021, 11, 25),
        "eenzaamheid",
        "De Rede Dronten",
        "dronten",
        (),
        (
            "een-tegen-eenzaamheid-lelystad",
            "welzijn-lelystad",
            "humanitas",
            "mdf",
            "woonzorg-flevoland",
            "ggz-in-de-wijk",
            "leger-des-heils",
            "gemeente-dronten",
            "gemeente-lelystad",
            "fpf",
        ),
        21,
    ),
    DemoEvent(
        dt.date(2021, 12, 2),
        "mentale gezondheid",
        "Gemeentehuis Zeewolde",
        "zeewolde",
        ("alles-is-gezondheid",),
        (
            "ggz-in-de-wijk",
            "mdf",
            "gemeente-zeewolde",
            "windesheim",
            "fpf",
            "ggd-flevoland",
            "humanitas",
        ),
        10,
    ),
    DemoEvent(
        dt.date(2021, 12, 9),
        "digitale gezondheid",
        "Online",
        "",
        ("proscoop", "medrie"),
        (
            "proscoop",
            "medrie",
            "ozo-verbindzorg",
            "zilveren-kruis",
            "woonzorg-flevoland",
            "fpf",
            "gemeente-almere",
            "ggd-flevoland",
        ),
        12,
    ),
]
NO_SHOWS = 0.18  # share of those registered for a held meeting who did not come

# (date, channel, title, theme) — example publications on WEL in Flevoland and in newsletters.
COMMUNICATIONS = [
    (dt.date(2021, 1, 21), "website", "Positieve Gezondheid in Flevoland: de thema's van 2021", ""),
    (
        dt.date(2021, 2, 11),
        "newsletter",
        "Uitnodiging themabijeenkomst kunst en cultuur",
        "kunst en cultuur",
    ),
    (
        dt.date(2021, 3, 22),
        "website",
        "Terugblik: kunst en cultuur en gezondheid",
        "kunst en cultuur",
    ),
    (
        dt.date(2021, 3, 30),
        "social",
        "Foto's van de themabijeenkomst kunst en cultuur",
        "kunst en cultuur",
    ),
    (dt.date(2021, 4, 15), "newsletter", "Nieuwsbrief WEL in Flevoland april", ""),
    (dt.date(2021, 5, 6), "website", "Sport als sleutel tot meedoen", "sport"),
    (dt.date(2021, 5, 20), "newsletter", "Uitnodiging themabijeenkomst sport", "sport"),
    (dt.date(2021, 6, 14), "website", "Terugblik: de themabijeenkomst sport", "sport"),
    (
        dt.date(2021, 6, 24),
        "press",
        "Persbericht: sportverenigingen en Positieve Gezondheid",
        "sport",
    ),
    (dt.date(2021, 7, 8), "newsletter", "Nieuwsbrief WEL in Flevoland zomer", ""),
    (dt.date(2021, 8, 26), "website", "Natuur en gezondheid: wat de IVN-gidsen zien", "natuur"),
    (dt.date(2021, 9, 9), "social", "Vooraankondiging themabijeenkomst natuur", "natuur"),
    (dt.date(2021, 9, 30), "newsletter", "Nieuwsbrief WEL in Flevoland september", ""),
    (dt.date(2021, 10, 7), "website", "Laaggeletterdheid en gezondheid", "taal en gezondheid"),
    (dt.date(2021, 10, 14), "social", "Week van de eenzaamheid: doe mee", "eenzaamheid"),
]

EXAMPLE = "Voorbeeldgegevens: datum, plaats en deelnemers staan niet in de bronstukken."

# Networks the seeds name (jaarplan 2021): (programme, name, kind, role, purpose). The role
# and the date of joining are example data. More networks, with their seed passages, are in
# `relations_networks`.
NETWORKS = [
    (
        "PG",
        "Alles is Gezondheid (regionetwerk)",
        "national",
        "deelnemer",
        "Landelijk netwerk voor gezondheid; Flevoland als regio zichtbaar maken.",
    ),
    (
        "PG",
        "RIVM Netwerk Brede Gezondheidsconcepten (leerregio)",
        "national",
        "deelnemer",
        "Leren van andere regio's die met brede gezondheidsconcepten werken.",
    ),
    ("PG", "Missie Mentaal", "national", "deelnemer", "Mentale gezondheid op de agenda."),
    (
        "PG",
        "WEL in Flevoland",
        "regional",
        "trekker",
        "Programmamanagement samen met GGD Flevoland.",
    ),
    ("VI", "Netwerk niet-aangeboren hersenletsel (NAH)", "regional", "deelnemer", ""),
    ("VI", "Netwerk dementie", "regional", "deelnemer", ""),
    ("VI", "Convenant informele zorg", "regional", "deelnemer", ""),
    (
        "AO",
        "Netwerk recruiters zorg en welzijn",
        "working_group",
        "secretaris",
        "Komt twee keer per jaar bijeen.",
    ),
    ("AO", "Netwerk Leren en Opleiden", "working_group", "procesbegeleider", ""),
    ("AO", "Netwerk HR-managers", "working_group", "trekker", "Komt drie keer per jaar bijeen."),
]


def build_relations(
    plan: Plan,
    users: dict[str, Any],
    organisations: dict[str, Organisation],
    persons: dict[str, list[Person]],
    note: Any,
) -> None:
    activity = (
        Activity.objects.filter(programme__plan=plan, programme__code="PG", year=2021)
        .filter(indicators__title__startswith="7 thematische")
        .select_related("programme__plan")
        .first()
    )
    if activity is None:
        return
    _derive(activity)
    if not Event.objects.filter(programme=activity.programme).exists():
        for spec in EVENTS:
            _event(spec, activity, users["coordinator"], organisations, persons, note)
    _networks(plan, users)
    if not CommunicationItem.objects.filter(programme=activity.programme).exists():
        for day, channel, title, theme in COMMUNICATIONS:
            event_services.communication_add(
                actor=users["coordinator"],
                programme=activity.programme,
                values={"date": day, "channel": channel, "title": title, "theme": theme},
                is_example=True,
            )
            note("communication items", True)


def _event(
    spec: DemoEvent,
    activity: Activity,
    actor: Any,
    organisations: dict[str, Organisation],
    persons: dict[str, list[Person]],
    note: Any,
) -> None:
    """One thematic meeting with its registrations; attendance when it was held."""
    held = spec.day <= REFERENCE_DATE
    municipality = organisations.get(f"gemeente-{spec.municipality}")
    event = event_services.event_save(
        actor=actor,
        programme=activity.programme,
        values={
            "activity": activity,
            "title": f"Themabijeenkomst {spec.theme}",
            "theme": spec.theme,
            "date": spec.day,
            "place": spec.place,
            "municipality": municipality.municipality if municipality else None,
            "evaluation": spec.evaluation if held else None,
            "note": EXAMPLE,
        },
        co_organisers=[organisations[slug] for slug in (*spec.organisers, "ggd-flevoland")],
        is_example=True,
    )
    note("events", True)
    rng = random.Random(f"{spec.day}:{spec.theme}")
    for organisation, person in _registrations(spec, organisations, persons, rng):
        event_services.participant_add(
            actor=actor,
            event=event,
            person=person,
            organisation=organisation,
            attended=(rng.random() >= NO_SHOWS) if held else None,
        )
        note("participants", True)


def _registrations(
    spec: DemoEvent,
    organisations: dict[str, Organisation],
    persons: dict[str, list[Person]],
    rng: random.Random,
) -> list[tuple[Organisation, Person | None]]:
    """`spec.registered` registrations: contact persons of the invited organisations, one
    from each in turn, and the last organisation once more without a name (it said it would
    send somebody)."""
    pools = {slug: list(persons.get(slug, [])) for slug in spec.invited}
    for pool in pools.values():
        rng.shuffle(pool)
    chosen: list[tuple[Organisation, Person | None]] = []
    while len(chosen) < spec.registered - 1 and any(pools.values()):
        for slug in spec.invited:
            if pools[slug] and len(chosen) < spec.registered - 1:
                chosen.append((organisations[slug], pools[slug].pop()))
    chosen.append((organisations[spec.invited[-1]], None))
    return chosen


def _networks(plan: Plan, users: dict[str, Any]) -> None:
    from koers.plans.models import Programme
    from koers.relations.models import Network
    from koers.relations.networks import services as network_services

    if Network.objects.filter(holder=plan.organisation).exists():
        return
    programmes = {p.code: p for p in Programme.objects.filter(plan=plan)}
    coordinators = {"PG": "coordinator", "AO": "coordinator-ao", "VI": "coordinator-vi"}
    example_start = dt.date(2020, 1, 1)
    for code, name, kind, role, purpose, joined_on in [
        *((*network, example_start) for network in NETWORKS),
        *SEED_NETWORKS,
    ]:
        network_services.network_save(
            actor=users["bedrijfsvoering"],
            holder_id=plan.organisation_id,
            values={
                "name": name,
                "kind": kind,
                "role": role,
                "programme": programmes[code],
                "purpose": purpose,
                "joined_on": joined_on,
            },
            representatives=[users[coordinators[code]]],
            is_example=True,
        )
    Indicator.objects.filter(
        activity__programme=programmes["PG"], title__startswith="Zichtbaarheid in tenminste 3"
    ).update(
        source=Source.DERIVED,
        measure="relations.networks_programme",
        measure_params={"kind": "national"},
    )


def _derive(activity: Activity) -> None:
    """The activity's meetings, communications and active circle count themselves."""
    Indicator.objects.filter(
        activity=activity, title__startswith="7 thematische netwerkbijeenkomsten"
    ).update(source=Source.DERIVED, measure="relations.events_activity", measure_params={})
    Indicator.objects.filter(activity=activity, title__startswith="21 communicatie").update(
        source=Source.DERIVED, measure="relations.communications_programme"
    )
    Indicator.objects.filter(activity=activity, title__startswith="Actieve schil").update(
        source=Source.DERIVED,
        measure="relations.active_organisations",
        measure_params={"exclude": ["ggd-flevoland"]},
    )
