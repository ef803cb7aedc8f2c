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
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from koers.demo.constants import OWN, REFERENCE_DATE
from koers.demo.directory import loaded
from koers.directory.models import Organisation, Person
from koers.plans.models import Activity, Plan, Programme
from koers.relations.models import Action, ActionStatus, Interaction, Network

GESPREK, TELEFOON, EMAIL, OVERLEG = "gesprek", "telefoon", "e-mail", "overleg"


@dataclass(frozen=True)
class Thread:
    """Contacts that recur through a stretch of the year: with whom, by whom, about what."""

    programme: str
    activity: str  # activity code, or ""
    organisations: tuple[str, ...]  # slugs; each contact is with one or two of them
    staff: tuple[str, ...]  # demo user names; the first records the contacts
    count: int
    first: dt.date
    last: dt.date
    subjects: tuple[str, ...]  # in the order they come up through the stretch
    kinds: tuple[str, ...] = (GESPREK, TELEFOON, EMAIL)
    actions: tuple[str, ...] = ()  # follow-ups, one in `action_share` of the contacts
    action_share: float = 0.5
    network: str = ""  # the contacts are meetings of this network
    all_organisations: bool = False  # every contact is with all of them (a meeting)


@dataclass
class PlannedAction:
    title: str
    owner: str
    due_on: dt.date
    done_on: dt.date | None = None


@dataclass
class Contact:
    day: dt.date
    kind: str
    subject: str
    summary: str
    programme: str
    activity: str
    organisations: list[str]
    staff: list[str]
    network: str = ""
    actions: list[PlannedAction] = field(default_factory=list)


Y = 2021
THREADS = [
    # Positieve Gezondheid (coordinator): WEL in Flevoland with the GGD, the thematic blocks
    # and their partners, Informeel Flevoland in Beeld, the explorations, fundraising.
    Thread(
        "PG",
        "PG-1.1",
        ("ggd-flevoland",),
        ("coordinator",),
        9,
        dt.date(Y, 1, 12),
        dt.date(Y, 10, 5),
        ("Kernteam WEL in Flevoland",),
        (OVERLEG,),
        (
            "Jaarplanning thematische blokken bijwerken",
            "Verslag kernteam rondsturen",
            "Agenda volgend kernteam voorbereiden",
        ),
        0.7,
        network="WEL in Flevoland",
    ),
    Thread(
        "PG",
        "PG-1.1",
        ("kunstlink",),
        ("coordinator",),
        5,
        dt.date(Y, 1, 14),
        dt.date(Y, 3, 30),
        (
            "Opzet themablok kunst en cultuur",
            "Programma en sprekers themabijeenkomst kunst en cultuur",
            "Zaal en uitnodiging kunst en cultuur",
            "Terugblik themabijeenkomst kunst en cultuur",
        ),
        actions=(
            "Uitnodiging themabijeenkomst kunst en cultuur versturen",
            "Bericht voor WEL in Flevoland over kunst en cultuur schrijven",
            "Verslag kunst en cultuur delen met de deelnemers",
        ),
    ),
    Thread(
        "PG",
        "PG-1.1",
        ("sportservice-flevoland", "jeugdfonds-sport-en-cultuur"),
        ("coordinator",),
        6,
        dt.date(Y, 3, 29),
        dt.date(Y, 6, 8),
        (
            "Opzet themablok sport",
            "Sport en Positieve Gezondheid: wie nodigen we uit",
            "Programma themabijeenkomst sport",
            "Laatste afspraken themabijeenkomst sport",
        ),
        actions=(
            "Sprekers themabijeenkomst sport bevestigen",
            "Uitnodiging themabijeenkomst sport versturen",
        ),
    ),
    Thread(
        "PG",
        "PG-1.1",
        ("ivn", "staatsbosbeheer", "natuur-en-milieu-federatie-flevoland"),
        ("coordinator",),
        6,
        dt.date(Y, 6, 21),
        dt.date(Y, 9, 20),
        (
            "Opzet themablok natuur",
            "Natuur en gezondheid: locatie in Urk",
            "Programma themabijeenkomst natuur",
            "Wandeling en sprekers themabijeenkomst natuur",
        ),
        actions=(
            "Locatie themabijeenkomst natuur vastleggen",
            "Uitnodiging themabijeenkomst natuur versturen",
            "Gidsen van IVN vragen voor de wandeling",
        ),
    ),
    Thread(
        "PG",
        "PG-1.1",
        ("bibliotheeknetwerk-flevoland", "flevomeer-bibliotheek", "huis-voor-taal"),
        ("coordinator",),
        5,
        dt.date(Y, 8, 30),
        dt.date(Y, 10, 8),
        (
            "Opzet themablok taal en gezondheid",
            "Laaggeletterdheid en gezondheid: wie spreekt",
            "Programma themabijeenkomst taal en gezondheid",
        ),
        actions=("Bibliotheek Emmeloord vastleggen voor 4 november",),
    ),
    Thread(
        "PG",
        "PG-1.1",
        ("een-tegen-eenzaamheid-lelystad", "welzijn-lelystad", "humanitas"),
        ("coordinator",),
        4,
        dt.date(Y, 9, 1),
        dt.date(Y, 10, 13),
        (
            "Themabijeenkomst eenzaamheid met de convenantpartners",
            "Week van de eenzaamheid en de themabijeenkomst",
        ),
        actions=("Ervaringsverhaal vragen voor de themabijeenkomst eenzaamheid",),
        action_share=0.4,
    ),
    Thread(
        "PG",
        "PG-2.1",
        (
            "gemeente-almere",
            "gemeente-dronten",
            "gemeente-noordoostpolder",
            "gemeente-zeewolde",
        ),
        ("coordinator",),
        12,
        dt.date(Y, 1, 19),
        dt.date(Y, 10, 12),
        (
            "Informeel Flevoland in Beeld: kennismaking",
            "Informele initiatieven in de gemeente in kaart",
            "Procesbegeleiding Informeel Flevoland in Beeld",
            "Digitale kaart van initiatieven: wat de gemeente wil weten",
        ),
        (GESPREK, OVERLEG, EMAIL),
        (
            "Lijst van initiatieven aanvullen",
            "Afspraak met het wijkteam plannen",
            "Kaartlaag met initiatieven controleren",
        ),
        0.6,
    ),
    Thread(
        "PG",
        "PG-2.1",
        ("gemeente-lelystad", "gemeente-urk"),
        ("coordinator",),
        4,
        dt.date(Y, 2, 2),
        dt.date(Y, 9, 14),
        ("Informeel Flevoland in Beeld: vervolg op 2020",),
        (GESPREK, TELEFOON),
        ("Resultaten 2020 terugkoppelen aan de initiatieven",),
    ),
    Thread(
        "PG",
        "PG-2.1",
        ("institute-for-positive-health",),
        ("coordinator",),
        3,
        dt.date(Y, 3, 9),
        dt.date(Y, 9, 28),
        ("Koppeling van de kaart aan het spinnenweb",),
        (GESPREK, TELEFOON),
        ("Voorstel koppeling spinnenweb uitwerken",),
        0.7,
    ),
    Thread(
        "PG",
        "PG-2.2",
        ("ggd-flevoland", "ggz-in-de-wijk", "mdf"),
        ("coordinator",),
        4,
        dt.date(Y, 4, 13),
        dt.date(Y, 9, 30),
        ("Verkenning kopgroep mentale gezondheid", "Draagvlak voor een kopgroep"),
        (GESPREK, OVERLEG),
        ("Plan van aanpak kopgroep opstellen", "Draagvlakanalyse uitwerken"),
        0.6,
    ),
    Thread(
        "PG",
        "PG-2.3",
        ("proscoop", "medrie", "ozo-verbindzorg", "zilveren-kruis"),
        ("coordinator",),
        5,
        dt.date(Y, 2, 16),
        dt.date(Y, 10, 7),
        ("Inventarisatie digitale gezondheid", "Digitale zorg en preventie: wie doet wat"),
        actions=("Overzicht digitale initiatieven bijwerken",),
    ),
    Thread(
        "PG",
        "PG-1.2",
        ("zonmw", "vsb-fonds", "provincie-flevoland"),
        ("coordinator", "bedrijfsvoering"),
        4,
        dt.date(Y, 2, 8),
        dt.date(Y, 9, 24),
        ("Subsidieaanvraag WEL in Flevoland", "Vooroverleg aanvraag"),
        (TELEFOON, EMAIL, GESPREK),
        ("Begroting van de aanvraag afstemmen",),
        0.75,
    ),
    Thread(
        "PG",
        "PG-1.3",
        ("alles-is-gezondheid",),
        ("coordinator",),
        2,
        dt.date(Y, 3, 4),
        dt.date(Y, 9, 16),
        ("Regionetwerk Alles is Gezondheid",),
        (OVERLEG,),
        network="Alles is Gezondheid (regionetwerk)",
        action_share=0,
    ),
    Thread(
        "PG",
        "PG-1.3",
        ("rivm",),
        ("coordinator",),
        2,
        dt.date(Y, 4, 22),
        dt.date(Y, 9, 9),
        ("Leerregio brede gezondheidsconcepten",),
        (OVERLEG,),
        network="RIVM Netwerk Brede Gezondheidsconcepten (leerregio)",
        action_share=0,
    ),
    # Arbeidsmarkt en Onderwijs (coordinator-ao): the Human Capital Agenda, the pool,
    # Extra handen voor de zorg, Regio+.
    Thread(
        "AO",
        "AO-1.1",
        (
            "provincie-flevoland",
            "gemeente-almere",
            "gemeente-lelystad",
            "roc-flevoland",
            "windesheim",
            "regionaal-werkbedrijf-flevoland",
        ),
        ("coordinator-ao", "directeur"),
        8,
        dt.date(Y, 1, 20),
        dt.date(Y, 6, 30),
        ("Verkenning HCA Zorg en Welzijn met bestuurlijke partners",),
        (GESPREK,),
        ("Koersnotitie HCA bijwerken met de uitkomsten",),
        0.6,
    ),
    Thread(
        "AO",
        "AO-1.2",
        ("uwv", "cbs", "regioplus"),
        ("coordinator-ao",),
        5,
        dt.date(Y, 2, 1),
        dt.date(Y, 9, 27),
        ("Cijfers voor de arbeidsmarktpublicatie", "Arbeidsmarktdata zorg en welzijn"),
        (EMAIL, TELEFOON),
        ("Cijfers verwerken in de arbeidsmarktpublicatie",),
    ),
    Thread(
        "AO",
        "AO-2.1",
        (
            "woonzorg-flevoland",
            "medrie",
            "roc-flevoland",
            "windesheim",
            "regionaal-werkbedrijf-flevoland",
        ),
        ("coordinator-ao",),
        9,
        dt.date(Y, 2, 10),
        dt.date(Y, 10, 11),
        ("Deelname aan de pilot Human Capital Pool", "Werk naar werk: plaatsen in de pilot"),
        (GESPREK, TELEFOON, EMAIL),
        ("Intentieverklaring pilot nasturen", "Vacatures voor de pool verzamelen"),
        0.6,
    ),
    Thread(
        "AO",
        "AO-3.1",
        ("ggd-flevoland", "regioplus", "stichting-extra-zorg-samen", "rode-kruis"),
        ("coordinator-ao",),
        6,
        dt.date(Y, 1, 7),
        dt.date(Y, 10, 6),
        ("Stuurgroep Extra handen voor de zorg", "Bestand beschikbare zorgmedewerkers"),
        (OVERLEG, TELEFOON),
        ("Bestand van beschikbare zorgmedewerkers bijwerken",),
    ),
    Thread(
        "AO",
        "AO-3.8",
        ("roc-flevoland", "windesheim", "aeres-hogeschool"),
        ("coordinator-ao",),
        3,
        dt.date(Y, 3, 11),
        dt.date(Y, 9, 23),
        ("Netwerk Leren en Opleiden",),
        (OVERLEG,),
        ("Aeres Hogeschool uitnodigen voor het netwerk",),
        0.5,
        network="Netwerk Leren en Opleiden",
        all_organisations=True,
    ),
    Thread(
        "AO",
        "",
        ("regioplus",),
        ("coordinator-ao",),
        4,
        dt.date(Y, 1, 26),
        dt.date(Y, 9, 21),
        ("Afstemming Samen Regionaal Sterk",),
        (OVERLEG, EMAIL),
        ("Voortgang Regio+ aanleveren",),
    ),
    # Versterken van Inwoners (coordinator-vi, medewerker): ExpEx, OCO, client support and
    # the zorgkantoor, the FPF, the networks, advice on grant applications.
    Thread(
        "VI",
        "VI-2.1",
        ("windesheim", "zonmw", "horizon", "gemeente-almere", "gemeente-lelystad"),
        ("coordinator-vi", "medewerker"),
        8,
        dt.date(Y, 1, 21),
        dt.date(Y, 10, 4),
        ("ExpEx Flevoland: vaste plek in Almere en Lelystad", "ExpEx Flevoland na 2021"),
        (GESPREK, OVERLEG, EMAIL),
        ("Workshops ExpEx plannen", "Verduurzaming ExpEx uitwerken"),
    ),
    Thread(
        "VI",
        "VI-2.3",
        ("gemeente-almere", "woonzorg-flevoland", "humanitas"),
        ("coordinator-vi",),
        5,
        dt.date(Y, 2, 4),
        dt.date(Y, 9, 29),
        ("Convenantpartners OCO Almere",),
        (OVERLEG, GESPREK),
        ("Nieuwe convenantpartner benaderen",),
    ),
    Thread(
        "VI",
        "VI-2.5",
        ("zilveren-kruis",),
        ("medewerker",),
        5,
        dt.date(Y, 1, 28),
        dt.date(Y, 9, 30),
        ("Zorgkantoor: cliëntondersteuning Wlz",),
        (OVERLEG, EMAIL, TELEFOON),
        ("Kwartaalcijfers cliëntondersteuning sturen",),
        0.8,
    ),
    Thread(
        "VI",
        "VI-2.6",
        ("gemeente-dronten",),
        ("medewerker",),
        4,
        dt.date(Y, 3, 3),
        dt.date(Y, 9, 22),
        ("Afbouw cliëntondersteuning Dronten",),
        (GESPREK, TELEFOON),
        ("Lopende vragen overdragen aan de gemeente Dronten",),
        0.7,
    ),
    Thread(
        "VI",
        "VI-2.4",
        ("gemeente-lelystad", "gemeente-almere", "zilveren-kruis"),
        ("coordinator-vi", "directeur"),
        3,
        dt.date(Y, 3, 16),
        dt.date(Y, 5, 25),
        ("Meerwaarde van individuele cliëntondersteuning",),
        (GESPREK,),
        ("Besluit over voortzetting voorbereiden",),
        0.7,
    ),
    Thread(
        "VI",
        "VI-3.1",
        ("fpf",),
        ("medewerker", "coordinator-vi"),
        8,
        dt.date(Y, 1, 13),
        dt.date(Y, 10, 11),
        (
            "Ondersteuning FPF: communicatie",
            "Voorbereiding symposium FPF",
            "Nieuwsbrief FPF",
        ),
        (GESPREK, TELEFOON, EMAIL),
        ("Tekst nieuwsbrief FPF redigeren", "Sprekers symposium FPF benaderen"),
    ),
    Thread(
        "VI",
        "VI-3.2",
        ("ggd-flevoland", "woonzorg-flevoland", "mdf"),
        ("coordinator-vi",),
        3,
        dt.date(Y, 2, 25),
        dt.date(Y, 9, 16),
        ("Netwerk NAH",),
        (OVERLEG,),
        network="Netwerk niet-aangeboren hersenletsel (NAH)",
        action_share=0.3,
        actions=("Signalen uit het netwerk NAH vastleggen",),
    ),
    Thread(
        "VI",
        "VI-3.2",
        ("woonzorg-flevoland", "humanitas", "gemeente-lelystad"),
        ("medewerker",),
        3,
        dt.date(Y, 3, 2),
        dt.date(Y, 10, 5),
        ("Netwerk dementie",),
        (OVERLEG,),
        network="Netwerk dementie",
        action_share=0.3,
        actions=("Casus voor het volgende netwerk voorbereiden",),
    ),
    Thread(
        "VI",
        "VI-3.2",
        ("welzijn-lelystad", "humanitas", "woonzorg-flevoland", "mdf"),
        ("coordinator-vi", "medewerker"),
        3,
        dt.date(Y, 2, 18),
        dt.date(Y, 9, 28),
        ("Convenant informele zorg",),
        (OVERLEG,),
        network="Convenant informele zorg",
        action_share=0,
        all_organisations=True,
    ),
    Thread(
        "VI",
        "VI-3.3",
        ("vsb-fonds", "lag-leader"),
        ("coordinator-vi",),
        4,
        dt.date(Y, 3, 23),
        dt.date(Y, 9, 15),
        ("Advies over aanvragen VSB Fonds", "Beoordelingsronde LAG Leader"),
        (EMAIL, OVERLEG),
        ("Advies over de aanvragen opsturen",),
        0.6,
    ),
    # The director and operations: the province, the municipalities (BOSD), the Zorgtafel.
    Thread(
        "",
        "",
        ("provincie-flevoland",),
        ("directeur",),
        6,
        dt.date(Y, 1, 18),
        dt.date(Y, 10, 4),
        ("Accountgesprek subsidierelatie", "Voortgang jaarplan 2021"),
        (OVERLEG,),
        ("Voortgangsrapportage nasturen", "Eerste opzet jaarplan 2022 delen"),
        0.7,
    ),
    Thread(
        "",
        "",
        (
            "gemeente-almere",
            "gemeente-dronten",
            "gemeente-lelystad",
            "gemeente-noordoostpolder",
            "gemeente-urk",
            "gemeente-zeewolde",
        ),
        ("directeur",),
        3,
        dt.date(Y, 2, 11),
        dt.date(Y, 9, 30),
        ("BOSD: de rol van CMO Flevoland in het sociaal domein",),
        (OVERLEG,),
        ("Notitie over de inzet in de gemeenten rondsturen",),
        0.6,
        all_organisations=True,
    ),
    Thread(
        "",
        "",
        ("zilveren-kruis", "ggd-flevoland"),
        ("directeur",),
        2,
        dt.date(Y, 4, 7),
        dt.date(Y, 8, 31),
        ("Zorgtafel Flevoland: samenwerking op preventie",),
        (OVERLEG,),
        action_share=0,
    ),
    Thread(
        "",
        "",
        ("provincie-flevoland", "zonmw"),
        ("bedrijfsvoering",),
        4,
        dt.date(Y, 1, 6),
        dt.date(Y, 10, 1),
        ("Voorschot en verantwoording", "Verantwoording ExpEx"),
        (EMAIL, TELEFOON),
        ("Factuur voorschot nalopen",),
    ),
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
