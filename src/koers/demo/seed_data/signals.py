"""The demo's signals and client support: what comes from the seeds and what is example data.

From the seeds: the themes (seed 001, chapter 4; seed 003, see
`koers.signals.categories.seed`), the problem ("Op dit moment krijgen we te weinig
signalen binnen om gedegen analyses te kunnen maken", JP2021 r. 4290), the two schemes of
client support (OCO Wlz Flevoland en 't Gooi, VI-2.5; OCO Dronten, wound down in 2021,
VI-2.6), "Informatie en advies aan 20 unieke cliënten per maand", and the four yearly
meetings with the province where the client's perspective is put on the agenda.

Example data (voorbeeldgegevens; every signal's text and every case's question says so):
the signals' texts and counts, the rise of informal carers' overload in the third quarter
of 2021, the agenda items and their responses, the clients, cases, contacts and
volunteers. Everything is drawn from a seeded `random.Random`: the same demo every time.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

EXAMPLE = "(voorbeeldgegevens)"

# (main, sub or None): (law, target group, phrases). A signal's text is an opener, one of
# its phrases, and a closer; the classifier learns the themes from the phrases.
TEXTS: dict[tuple[str, str | None], tuple[str, str, tuple[str, ...]]] = {
    ("Toegang tot zorg", "Indicatie en toegang"): (
        "wlz",
        "ouderen",
        (
            "de aanvraag voor een Wlz-indicatie bij het CIZ duurt maanden",
            "het keukentafelgesprek voor de Wmo-aanvraag werd steeds verzet",
            "niemand kon uitleggen welke indicatie nodig is voor zorg thuis",
        ),
    ),
    ("Toegang tot zorg", "Eigen bijdrage en kosten"): (
        "wmo",
        "ouderen",
        (
            "de eigen bijdrage voor de Wmo-voorziening is onverwacht hoog",
            "door de eigen bijdrage zegt zij de thuiszorg op",
            "de rekening van het CAK kwam zonder uitleg over de kosten",
        ),
    ),
    ("Toegang tot zorg", "Bereikbaarheid van zorg"): (
        "zvw",
        "algemeen",
        (
            "de huisartsenpost is 's avonds slecht bereikbaar",
            "de dichtstbijzijnde fysiotherapeut met plek zit buiten de gemeente",
            "de tandarts neemt geen nieuwe patiënten meer aan",
        ),
    ),
    ("Wachtlijsten", "Verpleeghuis"): (
        "wlz",
        "ouderen",
        (
            "de wachtlijst voor een plek in het verpleeghuis is meer dan een jaar",
            "moeder staat al maanden op de wachtlijst voor het verpleeghuis",
            "er is geen verpleeghuisplek, terwijl thuis wonen niet meer gaat",
        ),
    ),
    ("Wachtlijsten", "Ggz"): (
        "zvw",
        "ggz",
        (
            "de wachttijd voor behandeling in de ggz is meer dan twintig weken",
            "na de intake bij de ggz volgt een lange wachttijd zonder overbrugging",
        ),
    ),
    ("Wachtlijsten", "Jeugdhulp"): (
        "jeugdwet",
        "jongeren",
        (
            "de wachtlijst voor jeugdhulp bij de specialistische aanbieder blijft groeien",
            "het kind wacht al maanden op een plek in de jeugdhulp",
        ),
    ),
    ("Wachtlijsten", "Huishoudelijke hulp"): (
        "wmo",
        "ouderen",
        (
            "de huishoudelijke hulp is toegekend maar er is geen hulp beschikbaar",
            "wachten op huishoudelijke hulp omdat de aanbieder geen personeel heeft",
        ),
    ),
    ("Eenzaamheid", "Ouderen"): (
        "wmo",
        "ouderen",
        (
            "alleenstaande oudere voelt zich eenzaam sinds de dagbesteding dicht is",
            "weinig bezoek en geen aanspraak, de dagen zijn lang en eenzaam",
            "eenzame ouderen weten de ontmoetingsplek in de wijk niet te vinden",
        ),
    ),
    ("Eenzaamheid", "Jongeren"): (
        "overig",
        "jongeren",
        (
            "jongeren voelen zich eenzaam door het thuisonderwijs en weinig contact",
            "een jongere mist vrienden en contact sinds de verhuizing naar de stad",
        ),
    ),
    ("Eenzaamheid", "Na verlies of verhuizing"): (
        "wmo",
        "algemeen",
        (
            "na het overlijden van haar partner is zij eenzaam en alleen",
            "na de verhuizing naar een nieuwe wijk heeft hij geen sociaal netwerk",
        ),
    ),
    ("Mantelzorg", "Overbelasting"): (
        "wmo",
        "mantelzorgers",
        (
            "de mantelzorger is overbelast en uitgeput door de zorg voor haar man",
            "zorgen voor vader naast werk en gezin houdt de mantelzorger niet vol",
            "de mantelzorger slaapt slecht en is op door de dagelijkse zorg",
        ),
    ),
    ("Mantelzorg", "Respijtzorg"): (
        "wmo",
        "mantelzorgers",
        (
            "er is geen respijtzorg of logeeropvang om de mantelzorger te ontlasten",
            "de dagopvang is gesloten, de mantelzorger heeft geen respijt meer",
        ),
    ),
    ("Mantelzorg", "Erkenning en ondersteuning"): (
        "wmo",
        "mantelzorgers",
        (
            "de mantelzorger voelt zich niet gezien door de wijkverpleging",
            "het mantelzorgcompliment en de steunpunt mantelzorg zijn onbekend",
        ),
    ),
    ("Cliëntondersteuning", "Bekendheid"): (
        "wlz",
        "ouderen",
        (
            "de cliënt wist niet dat onafhankelijke cliëntondersteuning gratis is",
            "het zorgkantoor noemde de cliëntondersteuner niet bij de aanvraag",
            "cliëntondersteuning is onbekend bij de familie en de huisarts",
        ),
    ),
    ("Cliëntondersteuning", "Onafhankelijkheid"): (
        "wmo",
        "algemeen",
        (
            "de cliëntondersteuner van de gemeente voelt niet onafhankelijk",
            "twijfel of de ondersteuner in het gesprek aan de kant van de cliënt staat",
        ),
    ),
    ("Cliëntondersteuning", "Bereikbaarheid van de ondersteuner"): (
        "wlz",
        "algemeen",
        (
            "de cliëntondersteuner is telefonisch slecht bereikbaar",
            "het duurde weken voor de cliëntondersteuner kon langskomen",
        ),
    ),
    ("Jeugdzorg", "Toegang en verwijzing"): (
        "jeugdwet",
        "gezinnen",
        (
            "het gezin wordt van het wijkteam naar de jeugdarts verwezen en terug",
            "de verwijzing naar jeugdzorg via de huisarts wordt door de gemeente niet erkend",
        ),
    ),
    ("Jeugdzorg", "Overgang naar volwassenheid"): (
        "jeugdwet",
        "jongeren",
        (
            "bij achttien jaar stopt de jeugdhulp en begint niets nieuws",
            "de overgang van jeugdzorg naar volwassenenzorg rond achttien loopt mis",
        ),
    ),
    ("Jeugdzorg", "Passend onderwijs"): (
        "jeugdwet",
        "gezinnen",
        (
            "het kind zit thuis zonder passend onderwijs en zonder zorg op school",
            "school en jeugdhulp wijzen naar elkaar, het kind zit al maanden thuis",
        ),
    ),
    ("Wonen en zorg", "Geschikte woning"): (
        "wmo",
        "beperking",
        (
            "er is geen gelijkvloerse woning beschikbaar voor iemand in een rolstoel",
            "de woningaanpassing voor de traplift wordt niet vergoed",
        ),
    ),
    ("Wonen en zorg", "Zorg thuis"): (
        "wlz",
        "ouderen",
        (
            "de wijkverpleging komt op wisselende tijden en steeds andere gezichten",
            "langer thuis wonen lukt niet zonder meer zorg thuis in de avond",
        ),
    ),
    ("Wonen en zorg", "Beschermd wonen"): (
        "wmo",
        "ggz",
        (
            "er is geen plek in beschermd wonen na de opname",
            "uitstroom uit beschermd wonen stokt door gebrek aan woningen",
        ),
    ),
    ("Informatie en bejegening", "Informatievoorziening"): (
        "overig",
        "algemeen",
        (
            "de brief van de gemeente over de voorziening is onbegrijpelijk",
            "op de website van de gemeente staat niet waar je met een vraag heen kunt",
        ),
    ),
    ("Informatie en bejegening", "Bejegening"): (
        "overig",
        "algemeen",
        (
            "de medewerker aan de telefoon was kortaf en luisterde niet",
            "zij voelde zich niet serieus genomen en niet gehoord in het gesprek",
        ),
    ),
    ("Informatie en bejegening", "Klachten en bezwaar"): (
        "overig",
        "algemeen",
        (
            "de klacht bij de zorgaanbieder bleef maanden onbeantwoord",
            "het bezwaar tegen het besluit van de gemeente liep vast",
        ),
    ),
    ("Vervoer", "Wmo-vervoer"): (
        "wmo",
        "beperking",
        (
            "de regiotaxi komt te laat en de rit duurt uren",
            "het Wmo-vervoer rijdt niet naar de dagbesteding in de buurgemeente",
        ),
    ),
    ("Vervoer", "Vervoer naar zorg"): (
        "zvw",
        "ouderen",
        (
            "zittend ziekenvervoer naar het ziekenhuis wordt niet vergoed",
            "zonder auto is het ziekenhuis in de andere stad niet te bereiken",
        ),
    ),
    ("Geld en bestaanszekerheid", "Schulden"): (
        "participatiewet",
        "gezinnen",
        (
            "door schulden durft het gezin de zorgkosten niet te maken",
            "de wachttijd bij de schuldhulpverlening van de gemeente is lang",
        ),
    ),
    ("Geld en bestaanszekerheid", "Participatiewet en inkomen"): (
        "participatiewet",
        "algemeen",
        (
            "de bijstandsuitkering wordt gekort en er blijft te weinig over voor zorg",
            "de kostendelersnorm maakt mantelzorg in huis financieel onmogelijk",
        ),
    ),
}

OPENERS = (
    "Inwoner vertelt dat",
    "Cliënt geeft aan dat",
    "Tijdens het gesprek bleek dat",
    "Melding via de adviseur:",
    "Familielid laat weten dat",
    "In de bijeenkomst werd genoemd dat",
)
CLOSERS = (
    "",
    "Dit speelt al langere tijd.",
    "Zij vraagt wat zij nu kan doen.",
    "Meer mensen in de wijk herkennen dit.",
    "Graag aandacht voor dit probleem.",
)

# How often each theme comes in per quarter, relative: the seeds' "te weinig signalen"
# is visible in the small counts per theme and municipality.
THEME_WEIGHTS = {
    "Toegang tot zorg": 10,
    "Wachtlijsten": 14,
    "Eenzaamheid": 9,
    "Mantelzorg": 7,
    "Cliëntondersteuning": 8,
    "Jeugdzorg": 7,
    "Wonen en zorg": 7,
    "Informatie en bejegening": 8,
    "Vervoer": 5,
    "Geld en bestaanszekerheid": 5,
}
SIGNALS_PER_QUARTER = 64
# The theme that rises: informal carers overloaded in the summer of 2021, when day care and
# respite were still closed (example data, not a finding of the seeds).
RISING_THEME = "Mantelzorg"
RISING_QUARTER = (2021, 3)
RISING_EXTRA = 20
# The quarters of the demo: 2020 and 2021 up to the reference date (the last in part).
QUARTERS = [(2020, 1), (2020, 2), (2020, 3), (2020, 4), (2021, 1), (2021, 2), (2021, 3), (2021, 4)]
# The last signals, not yet interpreted: no category yet, for the coordinator to interpret.
NOT_INTERPRETED = 9

CHANNEL_WEIGHTS = {
    "oco": 30,
    "advieslijn": 24,
    "expex": 10,
    "clientenraad": 8,
    "bijeenkomst": 10,
    "formulier": 11,
    "enquete": 7,
}
MUNICIPALITY_WEIGHTS = {
    "almere": 40,
    "lelystad": 20,
    "noordoostpolder": 12,
    "dronten": 12,
    "zeewolde": 8,
    "urk": 8,
}
SENTIMENT_WEIGHTS = {"negatief": 75, "gemengd": 17, "positief": 8}

# The four yearly meetings with the province of 2021.
MEETINGS = [
    ("Kwartaaloverleg provincie 2021 K1", dt.date(2021, 3, 18)),
    ("Kwartaaloverleg provincie 2021 K2", dt.date(2021, 6, 17)),
    ("Kwartaaloverleg provincie 2021 K3", dt.date(2021, 9, 23)),
    ("Kwartaaloverleg provincie 2021 K4", dt.date(2021, 12, 9)),
]

# Agenda items: title, question, the (main, sub) whose signals it bundles and from which
# quarters, the meeting (index in MEETINGS), the dated steps, response, feedback, to whom.
AGENDA_ITEMS: list[dict[str, Any]] = [
    {
        "title": "Wachttijden voor een verpleeghuisplek (Wlz)",
        "question": (
            "Wij vragen de provincie om met het zorgkantoor en de aanbieders in gesprek te "
            "gaan over de wachttijden voor een verpleeghuisplek in Flevoland, en over "
            "overbruggingszorg voor wie thuis wacht. " + EXAMPLE
        ),
        "theme": ("Wachtlijsten", "Verpleeghuis"),
        "quarters": [(2020, 3), (2020, 4), (2021, 1)],
        "meeting": 0,
        "steps": [
            ("nieuw", dt.date(2021, 2, 15), "Signalen gebundeld."),
            ("geduid", dt.date(2021, 3, 1), "Besproken in het team."),
            ("geagendeerd", dt.date(2021, 3, 18), "Op de agenda van het kwartaaloverleg."),
            ("teruggekoppeld", dt.date(2021, 4, 20), "Teruggekoppeld aan de melders."),
        ],
        "response": (
            "De provincie neemt het punt mee naar de Zorgtafel Flevoland en vraagt het "
            "zorgkantoor om een overzicht van de wachttijden per kwartaal. " + EXAMPLE
        ),
        "feedback": (
            "Via de nieuwsbrief en de cliëntenraden gemeld wat de provincie toezegde. " + EXAMPLE
        ),
        "fed_back_to": "Cliëntenraden van de Wlz-aanbieders; de adviseurs van de advieslijn",
    },
    {
        "title": "Bekendheid van onafhankelijke cliëntondersteuning",
        "question": (
            "Wij bevelen aan dat gemeenten, zorgkantoor en huisartsen bij elke aanvraag "
            "wijzen op gratis, onafhankelijke cliëntondersteuning. " + EXAMPLE
        ),
        "theme": ("Cliëntondersteuning", "Bekendheid"),
        "quarters": [(2021, 1), (2021, 2)],
        "meeting": 1,
        "steps": [
            ("nieuw", dt.date(2021, 5, 25), "Signalen gebundeld."),
            ("geduid", dt.date(2021, 6, 3), "Geduid met de ervaringsdeskundigen."),
            ("geagendeerd", dt.date(2021, 6, 17), "Op de agenda van het kwartaaloverleg."),
        ],
        "response": (
            "De provincie vraagt de gemeenten wat zij doen om cliëntondersteuning bekend te "
            "maken; terugkoppeling volgt in het najaar. " + EXAMPLE
        ),
        "feedback": "",
        "fed_back_to": "",
    },
    {
        "title": "Overbelaste mantelzorgers",
        "question": (
            "Het aantal signalen over overbelaste mantelzorgers stijgt. Wij vragen aandacht "
            "voor respijtzorg in alle zes gemeenten. " + EXAMPLE
        ),
        "theme": ("Mantelzorg", None),
        "quarters": [(2021, 3)],
        "meeting": 3,
        "steps": [
            ("nieuw", dt.date(2021, 10, 5), "Stijging gezien in de analyse."),
            ("geduid", dt.date(2021, 10, 12), "Geduid in het team."),
        ],
        "response": "",
        "feedback": "",
        "fed_back_to": "",
    },
]

# Client support. The schemes by the activity they belong to.
CASE_TYPES = [
    # (name, activity code, law, retention months)
    ("OCO Wlz Flevoland en ’t Gooi", "VI-2.5", "wlz", 24),
    ("OCO Dronten sociaal domein", "VI-2.6", "wmo", 24),
]
# Different clients per month of OCO Wlz (example data around the plan's 20); October is
# counted to the reference date.
WLZ_CLIENTS_PER_MONTH = {1: 17, 2: 19, 3: 22, 4: 18, 5: 21, 6: 23, 7: 16, 8: 15, 9: 22, 10: 11}
# OCO Dronten is wound down in 2021: fewer clients each month, none after June.
DRONTEN_CLIENTS_PER_MONTH = {1: 6, 2: 5, 3: 5, 4: 3, 5: 2, 6: 1}
QUESTIONS = {
    "wlz": (
        "Vraag over de aanvraag van een Wlz-indicatie en de keuze tussen thuis en een "
        "verpleeghuis.",
        "Vraag over het zorgplan en het gesprek met de zorgaanbieder.",
        "Vraag over een persoonsgebonden budget in de Wlz.",
        "Vraag over verhuizing naar een andere zorglocatie.",
    ),
    "wmo": (
        "Vraag over de voorbereiding van het keukentafelgesprek.",
        "Vraag over de beschikking voor huishoudelijke hulp.",
        "Vraag over bezwaar tegen een besluit over een voorziening.",
    ),
}
CONTACT_FORMS = {"telefoon": 45, "huisbezoek": 20, "spreekuur": 15, "beeldbellen": 12, "email": 8}
OUTCOMES = {"informatie": 45, "doorverwezen": 20, "opgelost": 25, "niet_opgelost": 6, "gestopt": 4}
BIRTH_BANDS = {
    "tot_1940": 22,
    "1940_1949": 30,
    "1950_1959": 18,
    "1960_1969": 10,
    "1970_1979": 7,
    "1980_1989": 6,
    "1990_1999": 4,
    "vanaf_2000": 3,
}
# Volunteers (experience experts) in client support: invented people, by scheme, with
# when they were active.
VOLUNTEERS = [
    ("Annelies", "", "Groot", 0, dt.date(2019, 9, 1), None),
    ("Henk", "van", "Leeuwen", 0, dt.date(2020, 2, 1), None),
    ("Fatma", "", "Yilmaz", 0, dt.date(2020, 6, 1), dt.date(2021, 5, 31)),
    ("Joke", "", "Bakker", 0, dt.date(2021, 3, 1), None),
    ("Gerrit", "de", "Boer", 0, dt.date(2021, 9, 1), None),
    ("Ria", "", "Hoekman", 1, dt.date(2019, 1, 1), dt.date(2021, 6, 30)),
    ("Kees", "", "Visser", 1, dt.date(2020, 4, 1), dt.date(2021, 6, 30)),
]
VOLUNTEER_PURPOSE = "Vrijwilliger (ervaringsdeskundige) in de cliëntondersteuning."
# The indicator that counts itself from the cases: the plan's "20 unieke cliënten per
# maand" as a mean per month, not 240 a year.
DERIVED_INDICATORS = [
    ("Informatie en advies aan 20 unieke cliënten per maand", "signals.unique_clients_per_month")
]
