"""Programme Versterken van Inwoners, its lines, activities and indicators (its second
line is in programme_vi_2)."""

from decimal import Decimal
from typing import Any

from koers.demo.seed_data import programme_vi_2

# ------------------------------------------------------------------------------------
# Versterken van Inwoners: 001 MJP hoofdstuk 4 (r. 1402-1621), JP2021 hoofdstuk 4
# (r. 3979-4530)
# ------------------------------------------------------------------------------------
PROGRAMME: dict[str, Any] = {
    "code": "VI",
    "name": "Versterken van Inwoners",
    "strategic_goal": (
        "In 2025 hebben inwoners een gelijkwaardige positie bij de organisatie en inrichting "
        "van zorg en welzijn in Flevoland."
    ),
    "introduction": (
        "De visie voor het programma Versterken Inwoners is dat inwoners, patiënten en "
        "cliënten inbreng hebben vanuit een gelijkwaardige positie en zich verantwoordelijk "
        "voelen bij vraagstukken rond zorg en welzijn in Flevoland. Het programma Versterken "
        "Inwoners is nadrukkelijk een ontwikkelprogramma. Het is gericht op het verder "
        "concretiseren van een aantal tactische doelen die de komende jaren in afstemming met "
        "gemeenten en andere stakeholders en uiteraard de provincie als opdrachtgever verder "
        "vertaald worden naar activiteiten. Dit programma beoogt het perspectief van cliënten "
        "structureel en met gewicht in te zetten in de ontwikkelingen in de sector zorg en "
        "welzijn."
    ),
    "fte": None,
    "funders": ["provincie-flevoland"],
    # KS-1: 001 r. 1-4 (the lines serve mainly 'Goede en veerkrachtige Flevolanders');
    # KS-3: 004 r. 357, 386-388, 410 (versterking inbreng patiënten en cliënten, FPF)
    "goals": ["KS-1", "KS-3"],
    "lines": [
        # MJP 4.2 'Agenderen door CMO van het cliëntperspectief' (r. 1450-1479);
        # JP2021 4.3 (r. 4054-4133)
        {
            "code": "VI-1",
            "title": "Initiëren van het gesprek over cliëntperspectieven",
            "activities": [
                {
                    "code": "VI-1.1",
                    "title": "Signalen en onderzoeksresultaten agenderen bij ketenpartners",
                    "description": (
                        "Signalen en onderzoeksresultaten agenderen bij ketenpartners. We "
                        "organiseren 4 bijeenkomsten over relevante ontwikkelingen, waarbij de "
                        "inwoners centraal staan. 1. We gaan met overheden en organisaties het "
                        "gesprek aan. 2. We gaan met inwoners het gesprek aan. 3. We brengen "
                        "overheden, organisaties en inwoners samen om het gesprek met elkaar "
                        "te "
                        "voeren. 4. Tenslotte gaan alle partijen samen bespreken wat ze gaan "
                        "doen."
                    ),
                    "outcome": (
                        "Er is een goede verhouding tot partners in het netwerk dat maakt dat "
                        "kwaliteit en kwantiteit van informatie-uitwisseling beter is."
                    ),
                    "role": "gesprek_verbinding",
                    "phase": "doorontwikkelen",
                    "municipalities": [],
                    "goals": [],
                    "explore": False,
                    "indicators": [
                        {
                            "kind": "output",
                            "title": (
                                "4 bijeenkomsten over relevante ontwikkelingen met inwoners "
                                "centraal"
                            ),
                            "unit": "count",
                            "aggregation": "sum",
                            "target": Decimal("4"),
                            "baseline": None,
                            "verification": "uitnodigingen, deelnemerslijsten en verslagen",
                            "phasing": None,
                            "note": (
                                "Output volgens het jaarplan: ‘Door het gesprek te organiseren "
                                "stimuleren we samenwerking in de regio. De samenwerking in de "
                                "regio Flevoland aangaande zorg en welzijnsvraagstukken krijgt "
                                "vorm en inhoud.’"
                            ),
                        },
                    ],
                },
            ],
        },
        programme_vi_2.LINE,
        # MJP 4.3 'Empowerment van de Flevolander' (r. 1481-1513); JP2021 4.5 (r. 4405-4530)
        {
            "code": "VI-3",
            "title": "Empowerment",
            "activities": [
                {
                    "code": "VI-3.1",
                    "title": "Ondersteunen Flevolandse Patiënten Federatie (FPF)",
                    "description": (
                        "Ondersteunen van FPF in samenwerking met de afdeling communicatie. "
                        "Het "
                        "gaat om communicatie uitingen en het organiseren van een symposium in "
                        "het voorjaar."
                    ),
                    "outcome": (
                        "FPF kan haar rol als regionale partij voor patiënten en cliënten "
                        "beter invullen, zoals bij de Zorgtafel Flevoland."
                    ),
                    "role": "ontwikkeling_beleid_praktijk",
                    "phase": "doorontwikkelen",
                    "municipalities": [],
                    "goals": [],
                    "explore": False,
                    "indicators": [
                        {
                            "kind": "output",
                            "title": "Symposium FPF in het voorjaar",
                            "unit": "milestone",
                            "aggregation": "latest",
                            "target": Decimal("1"),
                            "baseline": None,
                            "verification": "programma en deelnemerslijst van het symposium",
                            "phasing": (0, 1, 1, 1),
                            "note": (
                                "Output volgens het jaarplan: ‘CMO ondersteunt de FPF en heeft "
                                "zicht op wat er leeft bij de patiënten en cliënten in "
                                "Flevoland.’"
                            ),
                        },
                    ],
                },
                {
                    "code": "VI-3.2",
                    "title": "Participeren in relevante netwerken",
                    "description": (
                        "Participeren in relevante netwerken (bijv NAH, dementie, convenant "
                        "informele zorg enz.) als procesondersteuner."
                    ),
                    "outcome": (
                        "We zijn een onderdeel van die netwerken, die daardoor beter in staat "
                        "zijn hun doel te bereiken."
                    ),
                    "role": "gesprek_verbinding",
                    "phase": "versterken",
                    "municipalities": [],
                    "goals": [],
                    "explore": False,
                    "indicators": [
                        {
                            "kind": "output",
                            "title": (
                                "Zichtbaarheid CMO vergroten, signalen opvangen en agenderen "
                                "in netwerken"
                            ),
                            "unit": "milestone",
                            "aggregation": "latest",
                            "target": Decimal("1"),
                            "baseline": None,
                            "verification": (
                                "verslagen van netwerkoverleggen en geagendeerde signalen"
                            ),
                            "phasing": None,
                            "note": (
                                "Output: ‘Zichtbaarheid CMO vergroten, signalen opvangen en "
                                "agenderen en samenwerken met ketenpartners.’ Geen aantal "
                                "netwerken genoemd."
                            ),
                        },
                    ],
                },
                # Adviseren over subsidie aanvragen: JP2021 r. 4480-4530
                {
                    "code": "VI-3.3",
                    "title": "Adviseren over subsidieaanvragen (VSB Fonds, LAG Leader)",
                    "description": (
                        "Adviseren over beoordeling subsidieaanvragen op gestelde criteria."
                    ),
                    "outcome": (
                        "Zichtbaarheid en betrokkenheid bij andere sectoren dan Zorg en Welzijn."
                    ),
                    "role": "ontwikkeling_beleid_praktijk",
                    "phase": "versterken",
                    "municipalities": [],
                    "goals": [],
                    "explore": False,
                    "indicators": [
                        {
                            "kind": "output",
                            "title": (
                                "Inzicht in de onderwerpen en thema’s die spelen in Flevoland"
                            ),
                            "unit": "milestone",
                            "aggregation": "latest",
                            "target": Decimal("1"),
                            "baseline": None,
                            "verification": "uitgebrachte adviezen aan VSB Fonds en LAG",
                            "phasing": None,
                            "note": (
                                "CMO adviseert de beoordelaars van het VSB Fonds en heeft "
                                "zitting in de Lokale actiegroep (LAG) van het Leader "
                                "programma."
                            ),
                        },
                    ],
                },
                {
                    "code": "VI-3.4",
                    "title": "Volgen van positief beoordeelde initiatieven",
                    "description": "Volgen van positief beoordeelde initiatieven.",
                    "outcome": (
                        "Projecten en activiteiten binnen netwerk zorg en welzijn worden "
                        "kansrijker."
                    ),
                    "role": "gesprek_verbinding",
                    "phase": "versterken",
                    "municipalities": [],
                    "goals": [],
                    "explore": False,
                    "indicators": [
                        {
                            "kind": "output",
                            "title": (
                                "Informatie gedeeld binnen het bestaande netwerk in Flevoland"
                            ),
                            "unit": "milestone",
                            "aggregation": "latest",
                            "target": Decimal("1"),
                            "baseline": None,
                            "verification": (
                                "nieuwsbrieven en verslagen waarin de informatie is gedeeld"
                            ),
                            "phasing": None,
                            "note": (
                                "Output: ‘Delen van deze informatie binnen het bestaande "
                                "netwerk in Flevoland.’"
                            ),
                        },
                    ],
                },
            ],
        },
    ],
}
