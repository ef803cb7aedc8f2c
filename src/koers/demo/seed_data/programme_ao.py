"""Programme Arbeidsmarkt en Onderwijs, its lines, activities and indicators (the
activities of line AO-3 are in programme_ao_3_care and programme_ao_3_work)."""

from decimal import Decimal
from typing import Any

from koers.demo.seed_data import programme_ao_3_care as care
from koers.demo.seed_data import programme_ao_3_work as work

# ------------------------------------------------------------------------------------
# Arbeidsmarkt en Onderwijs: 001 MJP hoofdstuk 3 (r. 959-1401), JP2021 hoofdstuk 3
# (r. 2998-3977); Regio+ voorwaarde ca. 4 FTE: r. 2144-2154
# ------------------------------------------------------------------------------------
PROGRAMME: dict[str, Any] = {
    "code": "AO",
    "name": "Arbeidsmarkt en Onderwijs",
    "strategic_goal": (
        "Het in balans brengen en houden van de arbeidsmarkt voor de zorg en welzijn met "
        "voldoende beschikbare werknemers passend bij de vraag van werkgevers, bevordering van "
        "wendbaarheid van werknemers gericht op ontwikkelen en (blijven) leren en activerend "
        "inclusief arbeidsmarktbeleid: iedereen doet mee."
    ),
    "introduction": (
        "Het programma ‘Arbeidsmarkt en Onderwijs’ verbindt de doelstellingen van het "
        "programma "
        "van Regio+ ‘Samen Regionaal Sterk’ en het programma van de provincie Flevoland "
        "‘Krachtige Samenleving – arbeidsmarkt en participatie’. Daarmee ontstaat een "
        "gezamenlijke aanpak gericht op het versterken en uitbreiden van menselijk kapitaal "
        "voor de sector zorg en welzijn. De tekorten op de arbeidsmarkt in de zorg en welzijn "
        "lopen op. Zo wordt in Flevoland een tekort van ongeveer 1.087 medewerkers verwacht in "
        "2022. De arbeidsmarkt wordt ruimer doordat ongeveer een derde (33%) van de werknemers "
        "in Flevoland werkt in sectoren, die te maken hebben met een (zeer) grote krimp van "
        "werkgelegenheid."
    ),
    # 001 r. 2154: "Regio+ stelt daarbij als voorwaarde dat CMO ca. 4FTE inzet"
    "fte": Decimal("4.0"),
    "funders": ["provincie-flevoland", "regioplus"],
    "goals": ["KS-4", "RP-1", "RP-2", "RP-3", "RP-4"],
    "lines": [
        # MJP 3.1 (r. 999-1084); JP2021 3.2 Actielijn 1 (r. 3089-3293)
        {
            "code": "AO-1",
            "title": "Ontwikkelen van de Human Capital Agenda - Zorg en Welzijn Flevoland",
            "activities": [
                {
                    "code": "AO-1.1",
                    "title": "Verkenning langs bestuurlijke partners (koersnotitie HCA ZWF)",
                    "description": (
                        "Uitvoeren van een verkenning langs bestuurlijke partners door "
                        "strategisch het gesprek te voeren met partners over de actualiteit "
                        "t.a.v. 1) instroom, 2) behoud en 3) kwaliteit (menselijk kapitaal)."
                    ),
                    "outcome": (
                        "Inzicht in bestuurlijke uitdagingen en wensen ten aanzien van 1) "
                        "instroom, 2) behoud en 3) kwaliteit (menselijk kapitaal)."
                    ),
                    "role": "gesprek_verbinding",
                    "phase": "doorontwikkelen",
                    "municipalities": [],
                    "goals": [],
                    "explore": False,
                    "indicators": [
                        {
                            "kind": "output",
                            "title": "Koersnotitie HCA ZWF",
                            "unit": "milestone",
                            "aggregation": "latest",
                            "target": Decimal("1"),
                            "baseline": None,
                            "verification": (
                                "koersnotitie waarin de opbrengsten van de verkenning zijn verwerkt"
                            ),
                            "phasing": None,
                            "note": (
                                "Deze rij staat twee keer in het jaarplan (onder "
                                "‘Samenwerkingsverband – netwerk HCA Zorg en Welzijn’ en onder "
                                "‘Ontwikkelen van de HCA Zorg en Welzijn’); hier één keer "
                                "opgenomen. Uitgangspunt: de provinciale bijdrage voor de HCA "
                                "wordt toegekend."
                            ),
                        },
                    ],
                },
                {
                    "code": "AO-1.2",
                    "title": "Arbeidsmarktpublicatie zorg en welzijn Flevoland",
                    "description": (
                        "Het doorontwikkelen van één arbeidsmarktpublicatie bestaande uit het "
                        "benutten van meerdere data- en onderzoekbronnen van verschillende "
                        "partners – landelijk, provinciaal en regionaal."
                    ),
                    "outcome": (
                        "Een bijdrage leveren aan het transparant maken van kansen, "
                        "bedreigingen, sterkten en zwakten op de arbeidsmarkt Zorg en Welzijn "
                        "in Flevoland om gezamenlijk een beter en gedeeld beeld te krijgen."
                    ),
                    "role": "trends_analyse",
                    "phase": "doorontwikkelen",
                    "municipalities": [],
                    "goals": [],
                    "explore": False,
                    "indicators": [
                        {
                            "kind": "output",
                            "title": "Arbeidsmarktpublicatie zorg en welzijn Flevoland",
                            "unit": "milestone",
                            "aggregation": "latest",
                            "target": Decimal("1"),
                            "baseline": None,
                            "verification": "verschenen publicatie",
                            "phasing": None,
                            "note": (
                                "Onderdeel ‘Vraag en aanbod regionale arbeidsmarkt in beeld’."
                            ),
                        },
                    ],
                },
                {
                    "code": "AO-1.3",
                    "title": "Onderzoeks- en vragenopzet strategische personeelsplanning",
                    "description": (
                        "Het ontwikkelen en uitvoeren van een onderzoek- en vragenopzet voor "
                        "een strategisch personeelsplanning dat antwoord geeft op korte en "
                        "middellange termijn voor personeelsvraagstukken vanuit "
                        "werkgeversperspectief."
                    ),
                    "outcome": (
                        "Een bijdrage leveren aan het creëren van inzicht en overzicht in de "
                        "vraag van zorg en welzijn werkgevers op de arbeidsmarkt nu en over 2 "
                        "jaar."
                    ),
                    "role": "trends_analyse",
                    "phase": "doorontwikkelen",
                    "municipalities": [],
                    "goals": [],
                    "explore": False,
                    "indicators": [
                        {
                            "kind": "output",
                            "title": ("Onderzoeks- en vragenopzet strategische personeelsplanning"),
                            "unit": "milestone",
                            "aggregation": "latest",
                            "target": Decimal("1"),
                            "baseline": None,
                            "verification": "vastgestelde onderzoeks- en vragenopzet",
                            "phasing": None,
                            "note": (
                                "Onderdeel ‘Vraag en aanbod regionale arbeidsmarkt in beeld’."
                            ),
                        },
                    ],
                },
                {
                    "code": "AO-1.4",
                    "title": "Opdrachtformulering HCA Zorg en Welzijn",
                    "description": (
                        "Het formuleren van gemeenschappelijke opgave, doelen en activiteiten "
                        "voor de komende vier jaar (eerste aanzet)."
                    ),
                    "outcome": (
                        "Eerste contouren van concrete samenwerking tussen partners (op maat "
                        "naar agenda en samenwerkingsrelatie / netwerk)."
                    ),
                    "role": "ontwikkeling_beleid_praktijk",
                    "phase": "doorontwikkelen",
                    "municipalities": [],
                    "goals": [],
                    "explore": False,
                    "indicators": [
                        {
                            "kind": "output",
                            "title": "Opdrachtformulering HCA Zorg en Welzijn",
                            "unit": "milestone",
                            "aggregation": "latest",
                            "target": Decimal("1"),
                            "baseline": None,
                            "verification": "opdrachttekst HCA",
                            "phasing": None,
                            "note": (
                                "Om met elkaar tot één agenda te komen met goede projecten en "
                                "financiering."
                            ),
                        },
                    ],
                },
                {
                    "code": "AO-1.5",
                    "title": "Klankbordsessies HCA met partners",
                    "description": (
                        "Het organiseren van twee klankbordsessies met partners met als doel "
                        "input te leveren op: 1) meerjarige ambities en doelstellingen, 2) "
                        "uitvoeringsstrategie en 3) concrete vervolgprojecten op instroom, "
                        "behoud en kwaliteit."
                    ),
                    "outcome": (
                        "Doorvertaling van bestuurlijke ambities naar een concrete agenda met "
                        "bijbehorende projecten / activiteiten en begrotingen."
                    ),
                    "role": "gesprek_verbinding",
                    "phase": "doorontwikkelen",
                    "municipalities": [],
                    "goals": [],
                    "explore": False,
                    "indicators": [
                        {
                            "kind": "output",
                            "title": "3 klankbordsessies met partners",
                            "unit": "count",
                            "aggregation": "sum",
                            "target": Decimal("3"),
                            "baseline": None,
                            "verification": ("uitnodigingen en verslagen van de klankbordsessies"),
                            "phasing": None,
                            "note": (
                                "Het jaarplan is inconsistent: de activiteit noemt twee "
                                "klankbordsessies, de output drie. Streefwaarde 3 volgens de "
                                "outputkolom."
                            ),
                        },
                    ],
                },
            ],
        },
        # MJP 3.2 (r. 1086-1172); JP2021 3.3 Actielijn 2 (r. 3295-3409)
        {
            "code": "AO-2",
            "title": ("Het helpen ontwikkelen en realiseren van een regionale Human Capital Pool"),
            "activities": [
                {
                    "code": "AO-2.1",
                    "title": "Pilot Human Capital Pool: activiteitenplan werk naar werk",
                    "description": (
                        "Het opstellen en uitvoeren van een activiteitenplan voor de pilot "
                        "Human Capital Pool gericht op het experimenteren met de aanpak "
                        "gericht "
                        "op werk naar werk."
                    ),
                    "outcome": (
                        "Inzicht in mogelijkheden en knelpunten van samenwerking op realiseren "
                        "intersectorale mobiliteit."
                    ),
                    "role": "ontwikkeling_beleid_praktijk",
                    "phase": "doorontwikkelen",
                    "municipalities": [],
                    "goals": [],
                    "explore": False,
                    "indicators": [
                        {
                            "kind": "output",
                            "title": "5 werkgevers verbinden zich aan de pilot",
                            "unit": "count",
                            "aggregation": "max",
                            "target": Decimal("5"),
                            "baseline": None,
                            "verification": "ondertekende deelnameafspraken pilot",
                            "phasing": None,
                            "note": (
                                "Verbinden zich aan de pilot en helpen mee bij de opstart. "
                                "Geen aanvullende financiering voor de HCA-Pool aangevraagd "
                                "(JP2021 5.1)."
                            ),
                        },
                        {
                            "kind": "output",
                            "title": "2 onderwijsinstellingen verbinden zich aan de pilot",
                            "unit": "count",
                            "aggregation": "max",
                            "target": Decimal("2"),
                            "baseline": None,
                            "verification": "ondertekende deelnameafspraken pilot",
                            "phasing": None,
                            "note": "",
                        },
                        {
                            "kind": "output",
                            "title": "2 sociale partners verbinden zich aan de pilot",
                            "unit": "count",
                            "aggregation": "max",
                            "target": Decimal("2"),
                            "baseline": None,
                            "verification": "ondertekende deelnameafspraken pilot",
                            "phasing": None,
                            "note": "",
                        },
                    ],
                },
                {
                    "code": "AO-2.2",
                    "title": "Klantreis intersectorale mobiliteit",
                    "description": (
                        "Het uitwerken van de klantreis voor intersectorale mobiliteit vanuit "
                        "de werkgever en werknemer waarbij de dienstverlening van Zowelwerk – "
                        "CMO wordt ontsloten zoals Sterk in je Werk, Regionaal Contactpunt, "
                        "Extra handen voor de zorg."
                    ),
                    "outcome": (
                        "Het ontsluiten van dienstverleningsproducten die passen bij klantreis "
                        "van werkgevers en werknemers / zij-instroom."
                    ),
                    "role": "ontwikkeling_beleid_praktijk",
                    "phase": "doorontwikkelen",
                    "municipalities": [],
                    "goals": [],
                    "explore": False,
                    "indicators": [
                        {
                            "kind": "output",
                            "title": "Roadmap voor nieuwe werknemers in de zorg en welzijn",
                            "unit": "milestone",
                            "aggregation": "latest",
                            "target": Decimal("1"),
                            "baseline": None,
                            "verification": "opgeleverde roadmap",
                            "phasing": None,
                            "note": "Met de dienstverlening vanuit Zowelwerk-CMO.",
                        },
                    ],
                },
                {
                    "code": "AO-2.3",
                    "title": "Opschalingsplan pilot intersectorale mobiliteit",
                    "description": (
                        "Het ontwikkelen van een opschalingsplan vanuit de aanbevelingen van "
                        "de "
                        "pilot voor intersectorale mobiliteit door relevante partijen bijeen "
                        "te brengen die hieraan samen kunnen en willen werken."
                    ),
                    "outcome": (
                        "Mogelijke voortzetting/herhaling van de eerste pilot tijdens de "
                        "planontwikkeling afhankelijk van het succes van de pilot."
                    ),
                    "role": "ontwikkeling_beleid_praktijk",
                    "phase": "doorontwikkelen",
                    "municipalities": [],
                    "goals": [],
                    "explore": False,
                    "indicators": [
                        {
                            "kind": "output",
                            "title": "1 opschalings- en uitvoeringsplan",
                            "unit": "milestone",
                            "aggregation": "latest",
                            "target": Decimal("1"),
                            "baseline": None,
                            "verification": "opgeleverd opschalings- en uitvoeringsplan",
                            "phasing": None,
                            "note": "Voor opschalen van de pilot.",
                        },
                    ],
                },
            ],
        },
        # MJP 3.3 (r. 1174-1400); JP2021 3.4 Actielijn 3 (r. 3411-3914) and
        # 3.5 Strategisch relatiemanagement (r. 3916-3958; in MJP 3.3 'Netwerkbeheer')
        {
            "code": "AO-3",
            "title": (
                "Het continueren en versterken van de basisdienstverlening en bestaande "
                "activiteiten"
            ),
            "activities": [*care.ACTIVITIES, *work.ACTIVITIES],
        },
    ],
}
