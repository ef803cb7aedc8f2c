"""Programme Positieve Gezondheid, its lines, activities and indicators."""

from decimal import Decimal
from typing import Any

# ------------------------------------------------------------------------------------
# Positieve Gezondheid: 001 MJP hoofdstuk 2 (r. 697-958), JP2021 hoofdstuk 2 (r. 2420-2997)
# ------------------------------------------------------------------------------------
PROGRAMME: dict[str, Any] = {
    "code": "PG",
    "name": "Positieve Gezondheid",
    "strategic_goal": (
        "Het strategische doel van dit programma is dat eind 2023 gezondheid en leefstijl in "
        "brede zin op de agenda staat in Flevoland. Dit leidt ertoe dat een trendbreuk op gang "
        "is gekomen naar Positieve Gezondheid zodat we uitgaan van wat Flevolanders wél kunnen "
        "en willen voor een gezond en betekenisvol leven."
    ),
    "introduction": (
        "Gezondheid is in meerdere opzichten een van de grote maatschappelijke uitdagingen van "
        "dit moment, en zal dat de komende decennia blijven. Vanuit het programma Positieve "
        "Gezondheid ontwikkelt CMO een steeds bredere blik op de gezondheid van de Flevolander "
        "en draagt CMO bij aan de provinciale doelstellingen binnen WEL in Flevoland. De "
        "activiteiten van CMO binnen het programma Positieve Gezondheid vallen zowel binnen "
        "(als tactische uitvoerder) als buiten het programma WEL in Flevoland. CMO is samen "
        "met "
        "netwerkpartner GGD Flevoland verantwoordelijk voor aansturing en de dagelijkse "
        "uitvoering van het programma WEL."
    ),
    # 001 r. 725: "Er is voor 2021-2025 ca. 2 fte voor het programma voorzien."
    "fte": Decimal("2.0"),
    "funders": ["provincie-flevoland"],
    "goals": ["KS-1"],
    "lines": [
        # MJP 2.1 "De activiteiten van CMO binnen het programma WEL in Flevoland" (r. 747-875);
        # JP2021 2.3 verbinding partners (r. 2548-2730), fondsenwerving (r. 2800-2845),
        # landelijke netwerken (r. 2847-2900)
        {
            "code": "PG-1",
            "title": "De activiteiten van CMO binnen het programma WEL in Flevoland",
            "activities": [
                {
                    "code": "PG-1.1",
                    "title": "Versterking verbinding van partners",
                    "description": (
                        "Samenwerking aangaan met informele maatschappelijke initiatieven en "
                        "andere kansrijke netwerken."
                    ),
                    "outcome": (
                        "Professionals en beleidsmakers hebben een beter beeld gekregen van "
                        "bestaande initiatieven en netwerken op het gebied van preventie en "
                        "gezondheidsbevordering in Flevoland. Meer organisaties van buiten de "
                        "sector zorg en welzijn leveren een structurele bijdrage aan het "
                        "bevorderen van Positieve Gezondheid in de provincie Flevoland. De "
                        "organisaties die betrokken zijn bij Positieve Gezondheid in Flevoland "
                        "hebben vanuit thema’s een basis voor samenwerking gevonden. Zij gaan "
                        "in de jaren na 2021 aan de slag met methoden om de inwoners van "
                        "Flevoland te bereiken, te inspireren en een omgeving te bieden die "
                        "bijdraagt aan meer gezonde jaren. Via de in 2021 tot stand gebrachte "
                        "thematische samenwerkingsverbanden, worden in de jaren erna "
                        "dwarsverbanden gelegd tussen thema’s zodat de preventie-aanpak een "
                        "meer integraal karakter krijgt."
                    ),
                    "role": "gesprek_verbinding",
                    "phase": "versterken",
                    "municipalities": [],
                    "goals": [],
                    "explore": False,
                    "indicators": [
                        {
                            "kind": "output",
                            "title": "7 thematische netwerkbijeenkomsten",
                            "unit": "count",
                            "aggregation": "sum",
                            "target": Decimal("7"),
                            "baseline": None,
                            "verification": (
                                "uitnodigingen, deelnemerslijsten en verslagen van de bijeenkomsten"
                            ),
                            "phasing": (1, 2, 3, 7),
                            "note": (
                                "Thema’s: kunst en cultuur, sport, natuur, taal & gezondheid, "
                                "eenzaamheid, mentale gezondheid en digitale gezondheid; "
                                "variërend in grootte en verspreid over de provincie. Eén "
                                "bijeenkomst wordt samen met het programmabureau van Alles is "
                                "Gezondheid georganiseerd. De slagkracht op het thema "
                                "eenzaamheid is afhankelijk van goedkeuring door Provinciale "
                                "Staten van de voorgenomen extra investering."
                            ),
                        },
                        {
                            "kind": "output",
                            "title": "21 communicatie-uitingen over de thema’s",
                            "unit": "count",
                            "aggregation": "sum",
                            "target": Decimal("21"),
                            "baseline": None,
                            "verification": (
                                "gepubliceerde berichten op het platform WEL in Flevoland en "
                                "in nieuwsbrieven"
                            ),
                            "phasing": None,
                            "note": (
                                "In de outputkolom volgt: ‘Meer zichtbaar zijn van de "
                                "informele netwerken.’"
                            ),
                        },
                        {
                            "kind": "output",
                            "title": (
                                "Actieve schil van 6 organisaties naast CMO, GGD, gemeenten en "
                                "provincie"
                            ),
                            "unit": "count",
                            "aggregation": "max",
                            "target": Decimal("6"),
                            "baseline": None,
                            "verification": (
                                "overzicht partners die actief bijdragen aan de thematische blokken"
                            ),
                            "phasing": None,
                            "note": (
                                "Organisaties die actief bijdragen aan de thematische blokken "
                                "van Positieve Gezondheid. In de outputkolom staat ook: "
                                "‘Samenwerkingsverband met het zorg- en welzijnsnetwerk.’"
                            ),
                        },
                    ],
                },
                {
                    "code": "PG-1.2",
                    "title": "Fondsenwerving voor WEL in Flevoland",
                    "description": (
                        "Drie subsidieaanvragen schrijven in het kader van Positieve Gezondheid."
                    ),
                    "outcome": (
                        "Er is een multiplier gerealiseerd op de bestaande investering in tijd "
                        "en geld, waardoor er meer capaciteit ingezet kan worden op het "
                        "bevorderen van Positieve Gezondheid."
                    ),
                    "role": "gesprek_verbinding",
                    "phase": "versterken",
                    "municipalities": [],
                    "goals": [],
                    "explore": False,
                    "indicators": [
                        {
                            "kind": "output",
                            "title": "3 subsidieaanvragen geschreven",
                            "unit": "count",
                            "aggregation": "sum",
                            "target": Decimal("3"),
                            "baseline": None,
                            "verification": "ingediende subsidieaanvragen",
                            "phasing": None,
                            "note": (
                                "In het jaarplan als activiteit geformuleerd; samen met "
                                "netwerkpartners met expertise over fondsenwerving."
                            ),
                        },
                        {
                            "kind": "output",
                            "title": "Minimaal 1 subsidietoekenning",
                            "unit": "count",
                            "aggregation": "sum",
                            "target": Decimal("1"),
                            "baseline": None,
                            "verification": "toekenningsbrief van de subsidiegever",
                            "phasing": None,
                            "note": "",
                        },
                    ],
                },
                {
                    "code": "PG-1.3",
                    "title": "Zichtbaarheid in landelijke netwerken",
                    "description": ("Actieve participatie in tenminste 3 nationale netwerken."),
                    "outcome": (
                        "Flevoland profileert zich landelijk als regio waar breed samengewerkt "
                        "wordt op het terrein van Positieve Gezondheid."
                    ),
                    "role": "gesprek_verbinding",
                    "phase": "versterken",
                    "municipalities": [],
                    "goals": [],
                    "explore": False,
                    "indicators": [
                        {
                            "kind": "output",
                            "title": "Zichtbaarheid in tenminste 3 nationale netwerken",
                            "unit": "count",
                            "aggregation": "max",
                            "target": Decimal("3"),
                            "baseline": None,
                            "verification": (
                                "verslagen van netwerkbijeenkomsten en landelijke publicaties"
                            ),
                            "phasing": None,
                            "note": (
                                "Alles is Gezondheid (regionetwerk), RIVM Netwerk Brede "
                                "Gezondheidsconcepten (leerregio), Missie Mentaal."
                            ),
                        },
                    ],
                },
            ],
        },
        # MJP 2.2 "Andere activiteiten binnen het programma Positieve Gezondheid" (r. 877-956);
        # JP2021 Informeel Flevoland in Beeld (r. 2732-2798) and
        # 2.4 Verkennen in 2021 (r. 2902-2997)
        {
            "code": "PG-2",
            "title": "Andere activiteiten binnen het programma Positieve Gezondheid",
            "activities": [
                {
                    "code": "PG-2.1",
                    "title": "Informeel Flevoland in Beeld",
                    "description": (
                        "Procesbegeleiding 2 gemeenten. Samen met de gemeenten Lelystad en Urk "
                        "worden lokale structuren in beeld gebracht die Positieve Gezondheid "
                        "(kunnen) bevorderen. Deze lijn zetten we in 2021 en 2022 door door "
                        "hetzelfde traject te doen in de vier overige gemeenten in Flevoland. "
                        "Het is van belang deze informatie actueel te houden en op termijn ook "
                        "te ontsluiten voor de inwoners van Flevoland. Daarom wordt in 2021 "
                        "gestart met het opzetten van een digitale interactieve kaart waarop "
                        "staat welke initiatieven samenwerken, op welke onderwerpen dit "
                        "gebeurt, welke personen centraal staan in het netwerk en waar het "
                        "netwerk kwetsbaar is. Samen met het Institute for Positive Health "
                        "(IPH) verkent CMO de mogelijkheden om deze digitale kaart te koppelen "
                        "aan de digitale versies van het spinnenweb, welke als "
                        "gespreksinstrument gebruikt wordt."
                    ),
                    "outcome": (
                        "De basis is gelegd om in de komende jaren de digitale kaart van "
                        "informele netwerken naar behoefte van de betrokken partners door te "
                        "ontwikkelen en ter beschikking te stellen aan een breder publiek."
                    ),
                    "role": "ontwikkeling_beleid_praktijk",
                    "phase": "doorontwikkelen",
                    "municipalities": ["almere", "dronten", "noordoostpolder", "zeewolde"],
                    "goals": [],
                    "explore": False,
                    "indicators": [
                        {
                            "kind": "output",
                            "title": "Procesbegeleiding 2 gemeenten",
                            "unit": "count",
                            "aggregation": "sum",
                            "target": Decimal("2"),
                            "baseline": None,
                            "verification": "verslagen van de procesbegeleiding per gemeente",
                            "phasing": None,
                            "note": (
                                "Lelystad en Urk in 2020; in 2021-2022 de vier overige "
                                "gemeenten. Welke twee in 2021 noemt het jaarplan niet."
                            ),
                        },
                        {
                            "kind": "output",
                            "title": "Eerste versie digitale kaart (intern gebruik)",
                            "unit": "milestone",
                            "aggregation": "latest",
                            "target": Decimal("1"),
                            "baseline": None,
                            "verification": "opgeleverde digitale kaart",
                            "phasing": None,
                            "note": "",
                        },
                        {
                            "kind": "output",
                            "title": (
                                "Samenwerking met IPH: koppeling informeel Flevoland en "
                                "digitaal gespreksinstrument"
                            ),
                            "unit": "milestone",
                            "aggregation": "latest",
                            "target": Decimal("1"),
                            "baseline": None,
                            "verification": "afspraken of verslag van de verkenning met IPH",
                            "phasing": None,
                            "note": "Koppeling aan de digitale versies van het spinnenweb.",
                        },
                    ],
                },
                {
                    "code": "PG-2.2",
                    "title": "Verkennen: kopgroep mentale gezondheid",
                    "description": (
                        "Analyse van inzet op mentale gezondheid: welke partijen al actief "
                        "zijn "
                        "op dit thema en waar behoefte ligt voor extra inzet. Zo zullen er "
                        "verkennende gesprekken gevoerd worden met werkgevers binnen de "
                        "programmalijn Arbeidsmarkt en Onderwijs over dit thema in relatie tot "
                        "vitaliteit en duurzame inzetbaarheid."
                    ),
                    "outcome": (
                        "Er is een go-no go moment voor het initiatief kopgroep mentale gezondheid."
                    ),
                    "role": "trends_analyse",
                    "phase": "nieuw",
                    "municipalities": [],
                    "goals": [],
                    "explore": True,
                    "indicators": [
                        {
                            "kind": "output",
                            "title": "Plan van aanpak met draagvlakanalyse kopgroep",
                            "unit": "milestone",
                            "aggregation": "latest",
                            "target": Decimal("1"),
                            "baseline": None,
                            "verification": "plan van aanpak met draagvlakanalyse",
                            "phasing": None,
                            "note": (
                                "Op basis hiervan kan een go/no go gegeven worden met "
                                "betrekking tot het starten van de Kopgroep."
                            ),
                        },
                        {
                            "kind": "outcome",
                            "title": "Go/no-go kopgroep mentale gezondheid",
                            "unit": "milestone",
                            "aggregation": "latest",
                            "target": Decimal("1"),
                            "baseline": None,
                            "verification": "vastgelegd besluit",
                            "phasing": None,
                            "note": "",
                        },
                    ],
                },
                {
                    "code": "PG-2.3",
                    "title": "Verkennen: kansen van digitalisering",
                    "description": (
                        "Inventariseren van mogelijkheden rond eHealth en digitalisering."
                    ),
                    "outcome": (
                        "Er is een go-no go moment voor het initiatief digitalisering en "
                        "gezondheid."
                    ),
                    "role": "trends_analyse",
                    "phase": "nieuw",
                    "municipalities": [],
                    "goals": [],
                    "explore": True,
                    "indicators": [
                        {
                            "kind": "output",
                            "title": (
                                "Netwerkpartners digitalisering verbonden aan WEL en "
                                "gezamenlijke ambities geformuleerd"
                            ),
                            "unit": "milestone",
                            "aggregation": "latest",
                            "target": Decimal("1"),
                            "baseline": None,
                            "verification": "notitie met gezamenlijke ambities",
                            "phasing": None,
                            "note": (
                                "Beoogde partners in het thema digitale gezondheid: Proscoop, "
                                "Medrie, OZO Verbindzorg."
                            ),
                        },
                        {
                            "kind": "outcome",
                            "title": "Go/no-go initiatief digitalisering en gezondheid",
                            "unit": "milestone",
                            "aggregation": "latest",
                            "target": Decimal("1"),
                            "baseline": None,
                            "verification": "vastgelegd besluit",
                            "phasing": None,
                            "note": "",
                        },
                    ],
                },
            ],
        },
    ],
}
