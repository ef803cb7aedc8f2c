"""What surrounds the 2021 activities in the seeds: the programmes' target dates, the
tactical goals of Versterken van Inwoners, WEL's standing tasks, the partners the seeds
name per activity, and the dated milestones of the multi-year plan.

Line numbers refer to 001_be9950245f765e5a.txt unless another seed is named; each fact
carries its passage.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

# --- target dates of programmes: (date, precision) -------------------------------------------
PROGRAMME_TARGETS: dict[str, tuple[dt.date, str]] = {
    # r. 705: "Het strategische doel van dit programma is dat eind 2023 gezondheid en leefstijl
    # in brede zin op de agenda staat in Flevoland."
    "PG": (dt.date(2023, 12, 31), "year"),
    # r. 1408: "in 2025 hebben inwoners een gelijkwaardige positie bij de organisatie en
    # inrichting van zorg en welzijn in Flevoland."
    "VI": (dt.date(2025, 12, 31), "year"),
}

# --- target dates of activities: code → (date, precision) ------------------------------------
ACTIVITY_TARGETS: dict[str, tuple[dt.date, str]] = {
    # r. 4304-4305: "In mei 2021 zullen we een keuze maken of we de activiteiten van OCO WLZ
    # en OCO SD blijven uitvoeren"; r. 4340-4342: "In mei 2021 is de meerwaarde van de
    # individuele cliëntenondersteuning bekend. We besluiten of we doorgaan".
    "VI-2.4": (dt.date(2021, 5, 31), "month"),
}

# --- tactical goals: programme → [(line code or None, text, year)] ----------------------------
# MJP ch. 4 (r. 1408-1411): "gericht op het verder concretiseren van een aantal tactische
# doelen". The seed puts the three under the programme's sections 4.1-4.3, not under its
# lines, so they are goals of the programme.
TACTICAL_GOALS: dict[str, list[tuple[str | None, str, int]]] = {
    "VI": [
        # 4.1 Organiseren van ervaringsdeskundigheid, r. 1444-1445
        (
            None,
            "In 2025 zijn voor heel Flevoland de ervaringen en wensen van inwoners en "
            "patiënten/cliënten over de sector zorg en welzijn beschikbaar en geanalyseerd.",
            2025,
        ),
        # 4.2 Agenderen door CMO van het cliëntperspectief, r. 1476-1479
        (
            None,
            "In 2025 gebruiken organisaties van en voor inwoners en patiënten/cliënten de "
            "geanalyseerde ervaringsdeskundigheidsinformatie voor hun overleggen met aanbieders "
            "en financiers van zorg en welzijn. Daardoor zijn deze partijen bij die overleggen "
            "een gelijkwaardige gesprekspartner.",
            2025,
        ),
        # 4.3 Empowerment van de Flevolander in de sector zorg en welzijn, r. 1507-1511
        (
            None,
            "In 2025 faciliteert en ondersteunt CMO een netwerk van bewonersgroepen, zodat "
            "deze zelfstandig de belangen van inwoners en patiënten/cliënten bij discussies en "
            "beleidstrajecten binnen de sector zorg en welzijn kan vertegenwoordigen. De "
            "Flevolandse Patiënten Federatie is de kernpartner van dit netwerk.",
            2025,
        ),
    ],
}

# --- standing tasks: programme → [{line, title, role, description}] ---------------------------
# JP2021 2.1, the table "Rol | Taken en verantwoordelijkheden" (r. 2482-2516; MJP 2.1
# r. 763-806 has the same roles): CMO's tasks in WEL in Flevoland, run with GGD Flevoland.
# "Procesbegeleiding gemeenten" is left out: it is activity PG-2.1 with its own output.
STANDING_TASKS: dict[str, list[dict[str, Any]]] = {
    "PG": [
        {
            "line": "PG-1",
            "title": "Programmamanagement WEL in Flevoland",
            "role": "Programmamanagement",
            # r. 2484-2488
            "description": (
                "Gezamenlijk programmamanagement met GGD Flevoland en aansturing/coördinatie "
                "van medewerkers die vanuit CMO betrokken zijn bij WEL in Flevoland."
            ),
        },
        {
            "line": "PG-1",
            "title": "Secretaris van WEL in Flevoland",
            "role": "Secretarisfunctie",
            # r. 2490
            "description": "Secretariële taken behorend bij programmamanagement.",
        },
        {
            "line": "PG-1",
            "title": "Werkgroep communicatie",
            "role": "Trekker werkgroep communicatie",
            # r. 2492-2496
            "description": (
                "Verantwoordelijk voor het opzetten en vormgeven van een digitaal platform en "
                "een bijbehorende initiatievenkaart (met bestaande en nieuwe initiatieven)."
            ),
        },
        {
            "line": "PG-1",
            "title": "Academie WEL",
            "role": "Trekker Academie WEL",
            # r. 2500-2504
            "description": (
                "Ontwikkeling en uitvoering van de WEL Academie met opleiding en "
                "trainingsaanbod vanuit betrokken partners om professionals te inspireren en "
                "te scholen rondom het gedachtegoed Positieve Gezondheid."
            ),
        },
        {
            "line": "PG-1",
            "title": "Bijeenkomsten WEL in Flevoland",
            "role": "Organisator bijeenkomsten",
            # r. 2510-2516
            "description": (
                "Organiseren van bijeenkomsten om domein overstijgend kennis te delen, te "
                "inspireren en in beeld te brengen. Hierbij kunnen bestaande of nieuwe thema’s "
                "worden aangedragen, zoals laaggeletterdheid en de conferentie Taal en "
                "Gezondheid eind 2020."
            ),
        },
    ],
}

# --- partners per activity: code → [(organisation slug, role)] --------------------------------
PARTNERS: dict[str, list[tuple[str, str]]] = {
    # r. 2474-2475: "CMO is, samen met netwerkpartner GGD Flevoland, verantwoordelijk voor
    # aansturing en de dagelijkse uitvoering van het programma WEL" — the activities of line
    # PG-1 ("De activiteiten van CMO binnen het programma WEL in Flevoland").
    "PG-1.1": [("ggd-flevoland", "partner")],
    "PG-1.2": [("ggd-flevoland", "partner")],
    "PG-1.3": [("ggd-flevoland", "partner")],
    # r. 2758: "Samen met het Institute for Positive Health (IPH) verkent CMO de
    # mogelijkheden om deze digitale kaart te koppelen aan de digitale versies van het
    # spinnenweb"
    "PG-2.1": [("institute-for-positive-health", "partner")],
    # r. 4156: "Het project wordt gefinancierd door Zonmw, Hogeschool Windesheim en de
    # Provincie Flevoland. De financiering loopt tot eind 2021."
    "VI-2.1": [
        ("zonmw", "financier"),
        ("windesheim", "financier"),
        ("provincie-flevoland", "financier"),
    ],
    # r. 1510-1511: "De Flevolandse Patiënten Federatie is de kernpartner van dit netwerk."
    "VI-3.1": [("fpf", "partner")],
    # r. 3968-3970 (JP2021 3.6): "We zullen samenwerken met regionale partners zoals het UWV
    # om de analyses van de arbeidsmarkt zo accuraat mogelijk te krijgen."
    "AO-3.17": [("uwv", "partner")],
}

# --- milestones of the multi-year plan ----------------------------------------------------------
MILESTONES: list[dict[str, Any]] = [
    {
        # 003: "Daarom zal CMO Flevoland per 1 juli 2020 een statutaire wijziging doorvoeren
        # waardoor het huidige bestuur wordt omgevormd tot Raad van Toezicht"; 000 r. 643:
        # "Per 1 juli zal CMO met een Raad van Toezicht werken"; 001 r. 1703: "Op bestuurlijk
        # niveau is in 2020 voor een Raad van Toezichtmodel gekozen." — done.
        "title": "CMO werkt met een Raad van Toezicht",
        "date": dt.date(2020, 7, 1),
        "precision": "day",
        "done": True,
    },
    {
        # r. 1774-1775 (MJP 5.3.1): "In het voorjaar van 2021 zal daarom een ervaren
        # onderzoeker … geworven worden." The seeds do not say it happened: not done.
        "title": "Ervaren onderzoeker geworven (onderzoeksfunctie)",
        "date": dt.date(2021, 5, 31),
        "precision": "season",
        "done": False,
        "activity": "AO-3.17",
    },
    {
        # r. 2174 (MJP 5.5.4): "per 1 januari 2022 een Raad van Advies worden ingesteld"
        "title": "Raad van Advies ingesteld",
        "date": dt.date(2022, 1, 1),
        "precision": "day",
        "done": False,
    },
    {
        # r. 2191 (MJP 5.5.5): "Deze evaluatie wordt opgeleverd op 30 april 2023."
        "title": "Eerste evaluatie opgeleverd: ontwikkeling van CMO en de samenwerking 2021-2022",
        "date": dt.date(2023, 4, 30),
        "precision": "day",
        "done": False,
    },
    {
        # r. 2195-2199 (MJP 5.5.5): "vanaf juni 2024 een evaluatie … Deze evaluatie wordt
        # opgeleverd in september 2024."
        "title": "Tweede evaluatie opgeleverd: bijdrage aan de programmadoelen",
        "date": dt.date(2024, 9, 30),
        "precision": "month",
        "done": False,
    },
]
