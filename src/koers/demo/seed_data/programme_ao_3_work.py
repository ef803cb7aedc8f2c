"""Line AO-3 of Arbeidsmarkt en Onderwijs, second part of its activities: learning and
training, working and staying, strategic relationship management."""

from decimal import Decimal
from typing import Any

ACTIVITIES: list[dict[str, Any]] = [
    # Leren en opleiden: JP2021 r. 3674-3789; MJP r. 1224-1280
    {
        "code": "AO-3.8",
        "title": "Netwerk Leren en Opleiden",
        "description": (
            "Het faciliteren en onderhouden van het netwerk Leren en Opleiden van "
            "opleidings- en hr-adviseurs om kennis uit te wisselen, knelpunten te "
            "signaleren en maken van afspraken."
        ),
        "outcome": (
            "Bijdrage leveren aan het versterken van de samenwerking tussen "
            "onderwijs en werkgevers voor een goede aansluiting "
            "onderwijs-arbeidsmarkt en stimuleren van leven lang ontwikkelen."
        ),
        "role": "gesprek_verbinding",
        "phase": "versterken",
        "municipalities": [],
        "goals": [],
        "explore": False,
        "indicators": [
            {
                "kind": "output",
                "title": "Deelname hbo-instelling aan het netwerk",
                "unit": "milestone",
                "aggregation": "latest",
                "target": Decimal("1"),
                "baseline": None,
                "verification": "deelnemerslijst netwerk Leren en Opleiden",
                "phasing": None,
                "note": "",
            },
            {
                "kind": "output",
                "title": "Netwerk uitgebreid met 2 instellingen",
                "unit": "count",
                "aggregation": "sum",
                "target": Decimal("2"),
                "baseline": None,
                "verification": "deelnemerslijst netwerk Leren en Opleiden",
                "phasing": None,
                "note": (
                    "‘Het netwerk versterken met deelname hbo-instelling en "
                    "uitbreiden met twee instellingen’: of de hbo-instelling een "
                    "van de twee is, zegt het jaarplan niet."
                ),
            },
        ],
    },
    {
        "code": "AO-3.9",
        "title": "Verkennen regionaal strategisch opleidingsplan",
        "description": (
            "Binnen de activiteiten en netwerken van CMO wordt verkent wat de a) "
            "de "
            "behoefte, b) de noodzaak, c) trends zijn met betrekking tot leren en "
            "opleiden."
        ),
        "outcome": ("Het signaleren van de behoefte aan een regionaal strategisch opleidingsplan."),
        "role": "trends_analyse",
        "phase": "nieuw",
        "municipalities": [],
        "goals": [],
        "explore": False,
        "indicators": [
            {
                "kind": "output",
                "title": "Startnotitie regionaal strategisch opleidingsplan",
                "unit": "milestone",
                "aggregation": "latest",
                "target": Decimal("1"),
                "baseline": None,
                "verification": "vastgestelde startnotitie",
                "phasing": None,
                "note": "",
            },
        ],
    },
    {
        "code": "AO-3.10",
        "title": "Leven lang ontwikkelen: themabijeenkomsten",
        "description": (
            "Het organiseren van twee thema bijeenkomsten gericht op de "
            "mogelijkheden van de flexibilisering van het onderwijs, de "
            "aansluiting "
            "hiervan op het functiegebouw en de skillsbenadering."
        ),
        "outcome": (
            "Een bijdrage leveren aan de dialoog over de mogelijkheden van "
            "flexibilisering in het onderwijs, het functiegebouw en de "
            "skillsbenadering."
        ),
        "role": "gesprek_verbinding",
        "phase": "versterken",
        "municipalities": [],
        "goals": [],
        "explore": False,
        "indicators": [
            {
                "kind": "output",
                "title": ("2 themabijeenkomsten met onderwijs-, zorg- en welzijnsinstellingen"),
                "unit": "count",
                "aggregation": "sum",
                "target": Decimal("2"),
                "baseline": None,
                "verification": "uitnodigingen, deelnemerslijsten en verslagen",
                "phasing": None,
                "note": "",
            },
        ],
    },
    {
        "code": "AO-3.11",
        "title": "Dienstverlening digitale innovatie in de zorg en welzijn",
        "description": (
            "Het ontwikkelen en ontsluiten van dienstverlening gericht op digitale "
            "innovatie in de zorg en welzijn."
        ),
        "outcome": (
            "Een bijdrage leveren aan de digitale innovatie van de sector en "
            "werkgevers hierin ondersteunen."
        ),
        "role": "ontwikkeling_beleid_praktijk",
        "phase": "doorontwikkelen",
        "municipalities": [],
        "goals": [],
        "explore": False,
        "indicators": [
            {
                "kind": "output",
                "title": "3 producten voor digitale innovatie aangeboden",
                "unit": "count",
                "aggregation": "sum",
                "target": Decimal("3"),
                "baseline": None,
                "verification": (
                    "productbeschrijvingen en aanbod aan zorg- en welzijnsorganisaties"
                ),
                "phasing": None,
                "note": ("Ontwikkeld en aangeboden aan zorg- en welzijnsorganisaties."),
            },
        ],
    },
    # Werken en behoud: JP2021 r. 3791-3914; MJP r. 1282-1340
    {
        "code": "AO-3.12",
        "title": "Netwerk HR managers",
        "description": (
            "Het faciliteren en onderhouden van het netwerk HR managers gericht op "
            "de thema’s duurzame inzetbaarheid, vitaliteit, werkplezier, "
            "employability, leiderschap en anders werken."
        ),
        "outcome": (
            "Bijdrage leveren aan het versterken van de samenwerking HR managers "
            "gericht op een gezond organisatie- en werkklimaat voor de medewerker."
        ),
        "role": "gesprek_verbinding",
        "phase": "versterken",
        "municipalities": [],
        "goals": [],
        "explore": False,
        "indicators": [
            {
                "kind": "output",
                "title": "Netwerk uitgebreid met 2 HR managers",
                "unit": "count",
                "aggregation": "sum",
                "target": Decimal("2"),
                "baseline": None,
                "verification": "deelnemerslijst netwerk HR managers",
                "phasing": None,
                "note": "",
            },
            {
                "kind": "output",
                "title": "Netwerk komt 3 keer bijeen",
                "unit": "count",
                "aggregation": "sum",
                "target": Decimal("3"),
                "baseline": None,
                "verification": "verslagen van de netwerkbijeenkomsten",
                "phasing": None,
                "note": "",
            },
        ],
    },
    {
        "code": "AO-3.13",
        "title": "Train-de-trainer aanbod voor zorgprofessionals",
        "description": (
            "Het ontwikkelen en aanbieden van een aantrekkelijk aanbod gericht op "
            "het trainen van zorgprofessionals om mentaal fysiek en fit te blijven."
        ),
        "outcome": (
            "Een bijdrage leveren aan de deskundigheidsbevordering van vitaliteit "
            "en Positieve Gezondheid in organisaties."
        ),
        "role": "ontwikkeling_beleid_praktijk",
        "phase": "doorontwikkelen",
        "municipalities": [],
        "goals": ["KS-1"],
        "explore": False,
        "indicators": [
            {
                "kind": "output",
                "title": "Train-de-trainer aanbod voor zorgprofessionals",
                "unit": "milestone",
                "aggregation": "latest",
                "target": Decimal("1"),
                "baseline": None,
                "verification": "beschrijving van het aanbod",
                "phasing": None,
                "note": (
                    "Samen opgesteld met expertise vanuit het programma Positieve Gezondheid."
                ),
            },
        ],
    },
    {
        "code": "AO-3.14",
        "title": "Praktische handreikingen vitaliteit uit pilots",
        "description": (
            "Ophalen van hetgeen wat werkt vanuit de pilots gericht op vitaliteit, "
            "ontwikkeling van tenminste 2 praktische handreikingen en verspreiden "
            "van goede voorbeelden onder de leden."
        ),
        "outcome": (
            "Het stimuleren van kennisontwikkeling en -uitwisseling gericht op "
            "vitaliteit, Positieve Gezondheid."
        ),
        "role": "ontwikkeling_beleid_praktijk",
        "phase": "versterken",
        "municipalities": [],
        "goals": ["KS-1"],
        "explore": False,
        "indicators": [
            {
                "kind": "output",
                "title": "2 praktische handreikingen",
                "unit": "count",
                "aggregation": "sum",
                "target": Decimal("2"),
                "baseline": None,
                "verification": "gepubliceerde handreikingen",
                "phasing": None,
                "note": ("Goede voorbeelden gericht op vitaliteit en Positieve Gezondheid."),
            },
        ],
    },
    {
        "code": "AO-3.15",
        "title": "Sterk in je Werk trajecten",
        "description": (
            "Het coördineren van sterk in je werk trajecten om medewerkers mentale "
            "ondersteuning te bieden en inzicht te geven in loopbaanontwikkeling."
        ),
        "outcome": (
            "Middels Sterk in je Werk (Plus) een bijdrage leveren aan "
            "loopbanontwikkeling en inzetbaarheid van medewerkers."
        ),
        "role": "ontwikkeling_beleid_praktijk",
        "phase": "versterken",
        "municipalities": [],
        "goals": [],
        "explore": False,
        "indicators": [
            {
                "kind": "output",
                "title": "Minimaal 150 Sterk in je Werk trajecten afgenomen",
                "unit": "count",
                "aggregation": "sum",
                "target": Decimal("150"),
                "baseline": None,
                "verification": "registratie afgenomen trajecten",
                "phasing": None,
                "note": "",
            },
        ],
    },
    # Strategisch relatiemanagement: JP2021 3.5 (r. 3916-3958); MJP r. 1342-1398
    {
        "code": "AO-3.16",
        "title": "Verkenning versterken verbinding welzijnsorganisaties",
        "description": (
            "Uitvoeren van een verkenning langs welzijnsorganisaties over het "
            "starten van een netwerk van welzijnsorganisaties."
        ),
        "outcome": ("Inzicht in bestuurlijke uitdagingen en aanpakken van welzijnsorganisaties."),
        "role": "gesprek_verbinding",
        "phase": "nieuw",
        "municipalities": [],
        "goals": [],
        "explore": False,
        "indicators": [
            {
                "kind": "output",
                "title": "Startnotitie verbinding welzijnsorganisaties",
                "unit": "milestone",
                "aggregation": "latest",
                "target": Decimal("1"),
                "baseline": None,
                "verification": (
                    "startnotitie waarin de opbrengsten van de verkenning zijn verwerkt"
                ),
                "phasing": None,
                "note": "",
            },
        ],
    },
    # Arbeidsmarktonderzoek: JP2021 3.6 (r. 3960-3976). The section has no summary table
    # "Activiteiten | Output | Outcome": its text is the activity, the outcome is its
    # sentence on what the analysis is for, and it names no output, so the activity has no
    # indicator (an indicator is for CMO to add, not for the demo to invent).
    {
        "code": "AO-3.17",
        "title": "Arbeidsmarktonderzoek",
        "description": (
            "Zoals in de programmalijnen is aangegeven, goede arbeidsmarktinformatie geeft "
            "sturing en duiding aan vraagstukken van nu en in de toekomst. Een gezamenlijke "
            "analyse helpt het tripartiete netwerk ook om samenhangend beleid en inzet te "
            "kiezen. Juist nu is die informatie van belang. De doorwerkingen van de crisis op de "
            "arbeidsmarkt worden steeds zichtbaarder. Dit heeft gevolgen voor de korte en "
            "middellange termijn. We zullen samenwerken met regionale partners zoals het UWV om "
            "de analyses van de arbeidsmarkt zo accuraat mogelijk te krijgen. De dialoog over de "
            "impact van de coronacrisis op de regionale arbeidsmarktopgave is van belang voor de "
            "beleidsvoorbereidende periode die hierna gaat komen. Aan de hand daarvan kan "
            "gezamenlijk geformuleerd worden aan welke knoppen bovenregionaal en regionaal "
            "gedraaid moet worden. Voor het programma Arbeidsmarkt en Onderwijs investeren we "
            "daarom in uitbreiding van de onderzoeksfunctie."
        ),
        "outcome": (
            "Een gezamenlijke analyse helpt het tripartiete netwerk ook om samenhangend beleid "
            "en inzet te kiezen."
        ),
        "role": "trends_analyse",
        "phase": "doorontwikkelen",
        "municipalities": [],
        "goals": [],
        "explore": False,
        "indicators": [],
    },
]
