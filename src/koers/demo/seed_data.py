"""Demo data for Koers, taken from the seed documents in shared/seeds/.

Sources (line numbers are approximate and refer to the seed text files):

- 001_be9950245f765e5a.txt: Mededeling aan PS (r. 1-110), Meerjarenplan 2021-2024
  (r. 111-2237, "MJP") and Jaarplan 2021 (r. 2239-4568, "JP2021").
- 004_ff36bd477476196f.txt: presentatie Krachtige Samenleving (10 juni 2020).

Dutch texts are quoted from the seeds; only line-break hyphenation has been repaired.
Spelling slips in the seeds are kept as they are. Means of verification ("verification")
are not given in the seeds; they are short descriptions of the obvious evidence.
"""

from decimal import Decimal
from typing import Any

FUNDER_GOALS: list[dict[str, Any]] = [
    # 004 r. 16-24 (ambitie KS), r. 45-63 (4 programmalijnen); 001 r. 306-319 (contourenschets)
    {
        "funder": "provincie-flevoland",
        "code": "KS",
        "title": "Krachtige Samenleving",
        "description": (
            "De provincie heeft voor de komende jaren de ambitie om een bijdrage te leveren aan "
            "een trendbreuk op het gebied van gezondheid en sociale veerkracht. Ten opzichte van "
            "het landelijk gemiddelde streven we naar een beter opleidingsniveau, minder armoede, "
            "betere gezondheid, meer veerkracht en een hogere participatiegraad (zowel wat betreft "
            "werk als andere vormen van maatschappelijke participatie) van Flevolanders."
        ),
        "children": [
            # 004 r. 48-50; uitwerking: WEL in Flevoland (004 r. 204-207)
            {
                "code": "KS-1",
                "title": "Een gezond en veerkrachtig Flevoland",
                "description": (
                    "Uitgaande van de pijlers van positieve gezondheid zetten we in op een "
                    "trendbreuk. Specifieke aandachtspunten zijn overgewicht en beweging "
                    "(waarop Flevoland nu slecht scoort)."
                ),
            },
            # 004 r. 52-54
            {
                "code": "KS-2",
                "title": "Leefbaar platteland",
                "description": (
                    "We zetten ons in voor de bereikbaarheid van voorzieningen, kwaliteit natuur & "
                    "milieu, sociale cohesie en (economische) veerkracht platteland."
                ),
            },
            # 004 r. 56-58
            {
                "code": "KS-3",
                "title": "Toekomstbestendige gezondheidszorg",
                "description": (
                    "We werken aan een zorglandschap dat past bij de behoeften en mogelijkheden "
                    "van "
                    "Flevoland in 2030 en daarna, waarbij bereikbaarheid en betaalbaarheid hand in "
                    "hand gaan."
                ),
            },
            # 004 r. 60-63
            {
                "code": "KS-4",
                "title": "Arbeidsmarkt & participatie",
                "description": (
                    "Samen met de Human Capital Agenda werken aan een goede balans tussen vraag en "
                    "aanbod op de arbeidsmarkt zorg & welzijn, waarbij we op zoek zijn naar "
                    "complementaire focus vanuit Krachtige Samenleving."
                ),
            },
        ],
    },
    # 001 r. 321-349 (Regio+ en het meerjarenplan Samen Regionaal Sterk)
    {
        "funder": "regioplus",
        "code": "RP",
        "title": "Samen Regionaal Sterk",
        "description": (
            "Regio+ is het samenwerkingsverband van de veertien Nederlandse "
            "arbeidsmarktorganisaties in de sector Zorg en Welzijn en wordt gefinancierd door het "
            "Ministerie van VWS om een bijdrage te leveren aan het oplossen van huidige en "
            "toekomstige knelpunten op de arbeidsmarkt in de sector zorg en welzijn. Daarbij moet "
            "de ‘varkenscyclus’, waarin tekorten en overschotten aan personeel elkaar afwisselen, "
            "worden doorbroken of ten minste gedempt."
        ),
        "children": [
            # 001 r. 335-341 (the four themes; the seeds give no further description)
            {"code": "RP-1", "title": "Instroom en toeleiding van personeel", "description": ""},
            {"code": "RP-2", "title": "Opleiding van Personeel", "description": ""},
            {"code": "RP-3", "title": "Behoud van personeel", "description": ""},
            {
                "code": "RP-4",
                "title": "Innovatie in de sector",
                "description": (
                    "Regio+ richt zich specifiek op transformaties op de arbeidsmarkt en sociale "
                    "en "
                    "digitale innovatie in de sector."
                ),
            },
        ],
    },
]

# 001 r. 153-163 (MJP 1.1) and r. 472-476 (MJP 1.4.2)
PLAN: dict[str, Any] = {
    "title": "Meerjarenplan 2021-2024",
    "start_year": 2021,
    "end_year": 2024,
    "description": (
        "In dit meerjarenplan wordt geschetst hoe CMO de komende vier jaar – tot en met 2024 – "
        "haar bijdrage levert aan een betaalbare, goede en toegankelijke Flevolandse sector zorg "
        "en welzijn. Het doel van CMO is om in Flevoland een bijdrage te leveren aan de "
        "sectortransformatie en zo een betaalbare, goede en toegankelijke Flevolandse sector zorg "
        "en welzijn dichterbij te brengen."
    ),
}

PROGRAMMES: list[dict[str, Any]] = [
    # ------------------------------------------------------------------------------------
    # Positieve Gezondheid: 001 MJP hoofdstuk 2 (r. 697-958), JP2021 hoofdstuk 2 (r. 2420-2997)
    # ------------------------------------------------------------------------------------
    {
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
                                    "uitnodigingen, deelnemerslijsten en verslagen van de "
                                    "bijeenkomsten"
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
                                    "overzicht partners die actief bijdragen aan de thematische "
                                    "blokken"
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
                            "Drie subsidieaanvragen schrijven in het kader van Positieve "
                            "Gezondheid."
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
                            "Er is een go-no go moment voor het initiatief kopgroep mentale "
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
    },
    # ------------------------------------------------------------------------------------
    # Arbeidsmarkt en Onderwijs: 001 MJP hoofdstuk 3 (r. 959-1401), JP2021 hoofdstuk 3
    # (r. 2998-3977); Regio+ voorwaarde ca. 4 FTE: r. 2144-2154
    # ------------------------------------------------------------------------------------
    {
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
                                    "koersnotitie waarin de opbrengsten van de verkenning zijn "
                                    "verwerkt"
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
                                "title": (
                                    "Onderzoeks- en vragenopzet strategische personeelsplanning"
                                ),
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
                                "verification": (
                                    "uitnodigingen en verslagen van de klankbordsessies"
                                ),
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
                "title": (
                    "Het helpen ontwikkelen en realiseren van een regionale Human Capital Pool"
                ),
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
                "activities": [
                    # Extra handen voor de Zorg: JP2021 r. 3429-3532
                    {
                        "code": "AO-3.1",
                        "title": "Extra handen voor de zorg: stuurgroep en werkgroep personeel",
                        "description": (
                            "Het deelnemen aan de stuurgroep Covid’19 en het faciliteren van de "
                            "werkgroep personeel."
                        ),
                        "outcome": (
                            "Een bijdrage leveren aan het oplossingsvermogen binnen het "
                            "samenwerkingsverband, zodat snel geacteerd kan worden op knelpunten."
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
                                    "Samenwerkingsverband CMO, GGD en Regio+ om snel te schakelen"
                                ),
                                "unit": "milestone",
                                "aggregation": "latest",
                                "target": Decimal("1"),
                                "baseline": None,
                                "verification": "verslagen van stuurgroep en werkgroep personeel",
                                "phasing": None,
                                "note": (
                                    "Een samenwerkingsverband tussen CMO, GGD en Regio+ waarbinnen "
                                    "snel geschakeld kan worden om vraag en aanbod te reguleren."
                                ),
                            },
                        ],
                    },
                    {
                        "code": "AO-3.2",
                        "title": "Extra handen voor de zorg: campagne werving extra zorgpersoneel",
                        "description": (
                            "Het opstellen en uitvoeren van een online en offline campagne in "
                            "Flevoland gericht op het werven van extra zorgpersoneel die snel "
                            "inzetbaar zijn op COVID afdelingen of andere afdelingen om "
                            "medewerkers vrij te maken voor de COVID afdelingen."
                        ),
                        "outcome": (
                            "Meer kandidaten melden zich aan voor Extra handen voor de zorg."
                        ),
                        "role": "ontwikkeling_beleid_praktijk",
                        "phase": "versterken",
                        "municipalities": [],
                        "goals": [],
                        "explore": False,
                        "indicators": [
                            {
                                "kind": "output",
                                "title": "Online en offline communicatietoolkit",
                                "unit": "milestone",
                                "aggregation": "latest",
                                "target": Decimal("1"),
                                "baseline": None,
                                "verification": "opgeleverde communicatietoolkit",
                                "phasing": None,
                                "note": "Te gebruiken door het samenwerkingsverband.",
                            },
                            {
                                "kind": "outcome",
                                "title": "Aanmeldingen kandidaten Extra handen voor de zorg",
                                "unit": "count",
                                "aggregation": "sum",
                                "target": None,
                                "baseline": None,
                                "verification": (
                                    "registratie aanmeldingen Extra handen voor de zorg"
                                ),
                                "phasing": None,
                                "note": (
                                    "Het jaarplan noemt geen aantal (‘meer kandidaten’). Ter "
                                    "vergelijking: in 2020 kreeg CMO ruim 400 vrijwilligers "
                                    "aangeleverd (seed 000)."
                                ),
                            },
                        ],
                    },
                    {
                        "code": "AO-3.3",
                        "title": "Extra handen voor de zorg: actueel personeelsbestand",
                        "description": (
                            "Het onderhouden en actueel houden van het personeelsbestand door het "
                            "actief nabellen van kandidaten, het aanbieden van "
                            "scholingsmogelijkheden en het blijvend communiceren over recente "
                            "ontwikkelingen samen met Stichting Extra Zorg Samen."
                        ),
                        "outcome": "Een kwalitatief en actueel personeelsbestand.",
                        "role": "ontwikkeling_beleid_praktijk",
                        "phase": "versterken",
                        "municipalities": [],
                        "goals": [],
                        "explore": False,
                        "indicators": [
                            {
                                "kind": "output",
                                "title": "Tenminste 10 beschikbare verzorgenden in het bestand",
                                "unit": "count",
                                "aggregation": "latest",
                                "target": Decimal("10"),
                                "baseline": None,
                                "verification": (
                                    "peildatumoverzicht personeelsbestand Extra handen voor de zorg"
                                ),
                                "phasing": None,
                                "note": "",
                            },
                            {
                                "kind": "output",
                                "title": "Tenminste 10 beschikbare verpleegkundigen in het bestand",
                                "unit": "count",
                                "aggregation": "latest",
                                "target": Decimal("10"),
                                "baseline": None,
                                "verification": (
                                    "peildatumoverzicht personeelsbestand Extra handen voor de zorg"
                                ),
                                "phasing": None,
                                "note": "",
                            },
                        ],
                    },
                    # Kiezen en toeleiden: JP2021 r. 3534-3672; MJP r. 1180-1222
                    {
                        "code": "AO-3.4",
                        "title": "Netwerk Kiezen en Toeleiden",
                        "description": (
                            "Het faciliteren en onderhouden van het netwerk van "
                            "communicatieadviseurs en recruiters."
                        ),
                        "outcome": (
                            "Krachtenbundeling door het netwerk gericht op werving en "
                            "arbeidsmarktcommunicatie."
                        ),
                        "role": "gesprek_verbinding",
                        "phase": "versterken",
                        "municipalities": [],
                        "goals": [],
                        "explore": False,
                        "indicators": [
                            {
                                "kind": "output",
                                "title": "Netwerk komt twee keer bij elkaar",
                                "unit": "count",
                                "aggregation": "sum",
                                "target": Decimal("2"),
                                "baseline": None,
                                "verification": "verslagen van de netwerkbijeenkomsten",
                                "phasing": None,
                                "note": (
                                    "Een netwerk dat zich inzet op de gezamenlijke regionale "
                                    "arbeidsmarktcommunicatie."
                                ),
                            },
                        ],
                    },
                    {
                        "code": "AO-3.5",
                        "title": "Klantreizen Kiezen en Toeleiden",
                        "description": (
                            "Het uitwerken van drie klantreizen om de toeleidingspaden "
                            "inzichtelijk "
                            "te maken en belemmeringen te slechten door de ondersteunende "
                            "dienstverlening zoals regionaal contactpunt, sterk in je werk, "
                            "loopbaanportal en extra handen voor de zorg te ontsluiten."
                        ),
                        "outcome": (
                            "Een bijdrage leveren aan het laagdrempeliger maken voor "
                            "belanghebbenden om te leren en werken in de zorg en welzijn."
                        ),
                        "role": "ontwikkeling_beleid_praktijk",
                        "phase": "doorontwikkelen",
                        "municipalities": [],
                        "goals": [],
                        "explore": False,
                        "indicators": [
                            {
                                "kind": "output",
                                "title": "3 uitgewerkte klantreizen",
                                "unit": "count",
                                "aggregation": "sum",
                                "target": Decimal("3"),
                                "baseline": None,
                                "verification": "uitgewerkte klantreizen",
                                "phasing": None,
                                "note": (
                                    "Gericht op school naar werk, werk naar werk en aan het werk, "
                                    "met een overzicht van ondersteunende dienstverlening van CMO."
                                ),
                            },
                        ],
                    },
                    {
                        "code": "AO-3.6",
                        "title": "Ontwikkelplannen digitaliseren en optimaliseren dienstverlening",
                        "description": (
                            "Het opstellen en uitvoeren van een ontwikkelplan om bestaande "
                            "dienstverlening te digitaliseren en te optimaliseren van: 1) sterk in "
                            "je werk, 2) regionaal contactpunt en 3) loopbaanportal."
                        ),
                        "outcome": "Een geactualiseerde online en offline dienstverlening CMO.",
                        "role": "ontwikkeling_beleid_praktijk",
                        "phase": "doorontwikkelen",
                        "municipalities": [],
                        "goals": [],
                        "explore": False,
                        "indicators": [
                            {
                                "kind": "output",
                                "title": "3 ontwikkelplannen",
                                "unit": "count",
                                "aggregation": "sum",
                                "target": Decimal("3"),
                                "baseline": None,
                                "verification": "vastgestelde ontwikkelplannen",
                                "phasing": None,
                                "note": (
                                    "1) sterk in je werk, 2) regionaal contactpunt en 3) "
                                    "loopbaanportal."
                                ),
                            },
                        ],
                    },
                    {
                        "code": "AO-3.7",
                        "title": "Voorlichting en promotie zorg en welzijn",
                        "description": (
                            "Het organiseren van regionale informatie- en oriëntatie events en het "
                            "uitvoeren landelijke promotie activiteiten."
                        ),
                        "outcome": (
                            "Geïnteresseerden krijgen een eerlijk en aantrekkelijk beeld van de "
                            "sector en de regio."
                        ),
                        "role": "gesprek_verbinding",
                        "phase": "versterken",
                        "municipalities": [],
                        "goals": [],
                        "explore": False,
                        "indicators": [
                            {
                                "kind": "output",
                                "title": "2 regionale events",
                                "unit": "count",
                                "aggregation": "sum",
                                "target": Decimal("2"),
                                "baseline": None,
                                "verification": "programma en deelnemersaantallen van de events",
                                "phasing": None,
                                "note": "",
                            },
                            {
                                "kind": "output",
                                "title": "Deelname aan minimaal 2 landelijke activiteiten",
                                "unit": "count",
                                "aggregation": "sum",
                                "target": Decimal("2"),
                                "baseline": None,
                                "verification": "overzicht landelijke promotieactiviteiten",
                                "phasing": None,
                                "note": "",
                            },
                            # MJP 3.3 Kiezen en toeleiden, termijn 2020-2021 (r. 1190-1207)
                            {
                                "kind": "outcome",
                                "title": "Bereik werkgevers (arbeidsmarkt activeringstrategie)",
                                "unit": "count",
                                "aggregation": "sum",
                                "target": None,
                                "baseline": None,
                                "verification": "registratie bereik arbeidsmarktcommunicatie",
                                "phasing": None,
                                "note": (
                                    "Meerjarig doel: bereik van 150 werkgevers (Meerjarenplan 3.3, "
                                    "termijn 2020-2021; ‘jaarlijks worden deze aantallen gevolgd "
                                    "en "
                                    "bijgesteld’). Het jaarplan 2021 geeft geen jaarwaarde."
                                ),
                            },
                            {
                                "kind": "outcome",
                                "title": "Bereik werkenden (arbeidsmarkt activeringstrategie)",
                                "unit": "count",
                                "aggregation": "sum",
                                "target": None,
                                "baseline": None,
                                "verification": "registratie bereik arbeidsmarktcommunicatie",
                                "phasing": None,
                                "note": (
                                    "Meerjarig doel: bereik van 1.500 werkenden (Meerjarenplan "
                                    "3.3, "
                                    "termijn 2020-2021; ‘jaarlijks worden deze aantallen gevolgd "
                                    "en "
                                    "bijgesteld’). Het jaarplan 2021 geeft geen jaarwaarde."
                                ),
                            },
                            {
                                "kind": "outcome",
                                "title": "Bereik werkzoekenden (arbeidsmarkt activeringstrategie)",
                                "unit": "count",
                                "aggregation": "sum",
                                "target": None,
                                "baseline": None,
                                "verification": "registratie bereik arbeidsmarktcommunicatie",
                                "phasing": None,
                                "note": (
                                    "Meerjarig doel: bereik van 1.000 werkzoekenden (Meerjarenplan "
                                    "3.3, termijn 2020-2021; ‘jaarlijks worden deze aantallen "
                                    "gevolgd en bijgesteld’). Het jaarplan 2021 geeft geen "
                                    "jaarwaarde."
                                ),
                            },
                        ],
                    },
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
                        "outcome": (
                            "Het signaleren van de behoefte aan een regionaal strategisch "
                            "opleidingsplan."
                        ),
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
                                "title": (
                                    "2 themabijeenkomsten met onderwijs-, zorg- en "
                                    "welzijnsinstellingen"
                                ),
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
                                    "productbeschrijvingen en aanbod aan zorg- en "
                                    "welzijnsorganisaties"
                                ),
                                "phasing": None,
                                "note": (
                                    "Ontwikkeld en aangeboden aan zorg- en welzijnsorganisaties."
                                ),
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
                                    "Samen opgesteld met expertise vanuit het programma Positieve "
                                    "Gezondheid."
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
                                "note": (
                                    "Goede voorbeelden gericht op vitaliteit en Positieve "
                                    "Gezondheid."
                                ),
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
                        "outcome": (
                            "Inzicht in bestuurlijke uitdagingen en aanpakken van "
                            "welzijnsorganisaties."
                        ),
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
                                    "startnotitie waarin de opbrengsten van de verkenning zijn "
                                    "verwerkt"
                                ),
                                "phasing": None,
                                "note": "",
                            },
                        ],
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------------------------
    # Versterken van Inwoners: 001 MJP hoofdstuk 4 (r. 1402-1621), JP2021 hoofdstuk 4
    # (r. 3979-4530)
    # ------------------------------------------------------------------------------------
    {
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
            # MJP 4.1 'Organiseren van ervaringsdeskundigheid' (r. 1424-1448) and
            # 4.5 (r. 1550-1620);
            # JP2021 4.4 (r. 4135-4403)
            {
                "code": "VI-2",
                "title": "Ervaringsdeskundigheid",
                "activities": [
                    # ExpEx: JP2021 r. 4140-4259
                    {
                        "code": "VI-2.1",
                        "title": "ExpEx Flevoland",
                        "description": (
                            "We organiseren dat meer opgeleide deskundigen en meer ervaringen van "
                            "jongeren in de regio ingezet wordt ter verbetering van de jeugdzorg."
                        ),
                        "outcome": (
                            "De ervaringsdeskundigheid van jongeren heeft bijgedragen aan een "
                            "gelijkwaardige positie bij organisatie en inrichting van "
                            "jongerenvraagstukken in Flevoland."
                        ),
                        "role": "ontwikkeling_beleid_praktijk",
                        "phase": "versterken",
                        "municipalities": ["almere", "lelystad"],
                        "goals": [],
                        "explore": False,
                        "indicators": [
                            {
                                "kind": "output",
                                "title": "30 jongeren opgeleid tot ExpEx",
                                "unit": "count",
                                "aggregation": "sum",
                                "target": Decimal("30"),
                                "baseline": None,
                                "verification": "deelnemerslijsten en certificaten van de training",
                                "phasing": None,
                                "note": (
                                    "Financiering (ZonMw, Hogeschool Windesheim, Provincie "
                                    "Flevoland) loopt tot eind 2021."
                                ),
                            },
                            {
                                "kind": "output",
                                "title": "100 jongeren in Flevoland bereikt door de ExpEx",
                                "unit": "count",
                                "aggregation": "sum",
                                "target": Decimal("100"),
                                "baseline": None,
                                "verification": "registratie contacten van de ExpEx",
                                "phasing": None,
                                "note": "Jongeren die ondersteuning behoeven.",
                            },
                            {
                                "kind": "output",
                                "title": "20 jeugdzorgorganisaties verbonden aan ExpEx",
                                "unit": "count",
                                "aggregation": "max",
                                "target": Decimal("20"),
                                "baseline": None,
                                "verification": "overzicht aangesloten organisaties",
                                "phasing": None,
                                "note": (
                                    "Deze organisaties gaan naast het afnemen van de diensten van "
                                    "de ExpEx ook als ambassadeur fungeren voor het project."
                                ),
                            },
                            {
                                "kind": "output",
                                "title": "10 workshops voor jongeren",
                                "unit": "count",
                                "aggregation": "sum",
                                "target": Decimal("10"),
                                "baseline": None,
                                "verification": "overzicht gegeven workshops",
                                "phasing": None,
                                "note": "",
                            },
                            {
                                "kind": "output",
                                "title": "10 lezingen voor aangesloten organisaties",
                                "unit": "count",
                                "aggregation": "sum",
                                "target": Decimal("10"),
                                "baseline": None,
                                "verification": "overzicht gegeven lezingen",
                                "phasing": None,
                                "note": "",
                            },
                            {
                                "kind": "output",
                                "title": "Vaste locatie voor jongeren in Almere en Lelystad",
                                "unit": "count",
                                "aggregation": "latest",
                                "target": Decimal("2"),
                                "baseline": None,
                                "verification": "afspraken over de locaties",
                                "phasing": None,
                                "note": (
                                    "Eén in Almere, één in Lelystad; voor jongeren die "
                                    "ondersteuning behoeven."
                                ),
                            },
                        ],
                    },
                    {
                        "code": "VI-2.2",
                        "title": "ExpEx Flevoland: verduurzamen van het project",
                        "description": (
                            "We onderzoeken de mogelijkheden voor het verduurzamen van het "
                            "project. We gaan fondsen aanschrijven en in gesprek met gemeenten en "
                            "organisaties t.b.v. het project."
                        ),
                        "outcome": (
                            "Het project wordt behouden voor en door de jongeren in de regio "
                            "Flevoland. De ervaringsdeskundigheid van jongeren heeft bijgedragen "
                            "aan een gelijkwaardige positie bij organisatie en inrichting van "
                            "jongerenvraagstukken in Flevoland."
                        ),
                        "role": "ontwikkeling_beleid_praktijk",
                        "phase": "doorontwikkelen",
                        "municipalities": [],
                        "goals": [],
                        "explore": False,
                        "indicators": [
                            {
                                "kind": "output",
                                "title": (
                                    "ExpEx runnen het project zelfstandig en zijn "
                                    "eindverantwoordelijk"
                                ),
                                "unit": "milestone",
                                "aggregation": "latest",
                                "target": Decimal("1"),
                                "baseline": None,
                                "verification": "overdrachtsdocument en afspraken met de ExpEx",
                                "phasing": None,
                                "note": "",
                            },
                            {
                                "kind": "outcome",
                                "title": "Project behouden voor en door de jongeren in de regio",
                                "unit": "milestone",
                                "aggregation": "latest",
                                "target": Decimal("1"),
                                "baseline": None,
                                "verification": "toegezegde financiering na 2021",
                                "phasing": None,
                                "note": "De huidige financiering loopt tot eind 2021.",
                            },
                        ],
                    },
                    # OCO Almere: JP2021 r. 4261-4290 (no output/outcome table in the seed)
                    {
                        "code": "VI-2.3",
                        "title": "OCO Almere",
                        "description": (
                            "OCO Almere is in 2018 gestart als een pilot waarin "
                            "ervaringsdeskundigen inwoners ondersteunen bij gesprekken met "
                            "Gemeente en zorgaanbieders. Naar verwachting zal OCO Almere vanaf 1 "
                            "januari 2021 een project zijn geheel gefinancierd door de Gemeente "
                            "Almere en geheel uitgevoerd door CMO. In 2021 gaat CMO in gesprek met "
                            "andere gemeenten en organisaties over de inzet van "
                            "ervaringsdeskundigheid."
                        ),
                        "outcome": (
                            "Door het netwerk van OCO Almere wordt de burgerkracht versterkt; "
                            "organisaties en inwoners komen meer en vaker met elkaar in contact. "
                            "Signalen uit de praktijk worden aangekaart in overleggen met de "
                            "Gemeente Almere, waardoor beleidsbeïnvloeding plaatsvindt."
                        ),
                        "role": "ontwikkeling_beleid_praktijk",
                        "phase": "versterken",
                        "municipalities": ["almere"],
                        "goals": [],
                        "explore": False,
                        "indicators": [
                            {
                                "kind": "output",
                                "title": "Netwerk van 65 vrijwillige ervaringsdeskundigen",
                                "unit": "count",
                                "aggregation": "latest",
                                "target": Decimal("65"),
                                "baseline": Decimal("65"),
                                "verification": "ledenlijst vrijwillige ervaringsdeskundigen",
                                "phasing": None,
                                "note": (
                                    "Het jaarplan noemt de huidige stand (‘ruim 65’), geen "
                                    "streefwaarde; hier als te handhaven niveau opgenomen. Output "
                                    "en outcome zijn afhankelijk van de financiële beslissingen "
                                    "van "
                                    "de gemeenteraad Almere."
                                ),
                            },
                            {
                                "kind": "output",
                                "title": "13 convenantpartners",
                                "unit": "count",
                                "aggregation": "latest",
                                "target": Decimal("13"),
                                "baseline": Decimal("13"),
                                "verification": "getekende convenanten",
                                "phasing": None,
                                "note": (
                                    "Het jaarplan noemt de huidige stand (‘nu 13’), geen "
                                    "streefwaarde; hier als te handhaven niveau opgenomen. "
                                    "Afhankelijk van de financiële beslissingen van de "
                                    "gemeenteraad "
                                    "Almere."
                                ),
                            },
                        ],
                    },
                    # Individuele cliëntondersteuning: JP2021 r. 4292-4403
                    {
                        "code": "VI-2.4",
                        "title": "Onderzoek meerwaarde individuele cliëntondersteuning",
                        "description": (
                            "Onderzoeken wat de meerwaarde is van individuele "
                            "cliëntenondersteuning."
                        ),
                        "outcome": (
                            "Ongeacht de te maken keuze, blijft relevante regionale informatie "
                            "beschikbaar voor CMO."
                        ),
                        "role": "trends_analyse",
                        "phase": "doorontwikkelen",
                        "municipalities": [],
                        "goals": [],
                        "explore": True,
                        "indicators": [
                            {
                                "kind": "output",
                                "title": (
                                    "Besluit over voortzetting individuele cliëntondersteuning "
                                    "(mei 2021)"
                                ),
                                "unit": "milestone",
                                "aggregation": "latest",
                                "target": Decimal("1"),
                                "baseline": None,
                                "verification": (
                                    "vastgelegd besluit met onderbouwing van de meerwaarde"
                                ),
                                "phasing": (0, 1, 1, 1),
                                "note": (
                                    "In mei 2021 is de meerwaarde bekend en besluiten we of we "
                                    "doorgaan. Besluiten we niet door te gaan, dan hebben we een "
                                    "partij gevonden die de OCO WLZ taken per 2022 kan overnemen, "
                                    "met afspraken om relevante regionale informatie beschikbaar "
                                    "te "
                                    "stellen voor CMO."
                                ),
                            },
                            {
                                "kind": "outcome",
                                "title": (
                                    "Relevante regionale informatie blijft beschikbaar voor CMO"
                                ),
                                "unit": "milestone",
                                "aggregation": "latest",
                                "target": Decimal("1"),
                                "baseline": None,
                                "verification": "afspraken over informatielevering",
                                "phasing": None,
                                "note": "",
                            },
                        ],
                    },
                    {
                        "code": "VI-2.5",
                        "title": "Cliëntondersteuning OCO WLZ Flevoland en ’t Gooi",
                        "description": (
                            "Structureel sociale media inzetten om meer bekendheid te creëren voor "
                            "individuele cliëntondersteuning WLZ Flevoland en ‘t Gooi."
                        ),
                        "outcome": "OCO WLZ draagt bij aan het strategisch doel van CMO.",
                        "role": "trends_analyse",
                        "phase": "versterken",
                        "municipalities": [],
                        "goals": [],
                        "explore": False,
                        "indicators": [
                            {
                                "kind": "output",
                                "title": (
                                    "Informatie en advies aan 20 unieke cliënten per maand (WLZ)"
                                ),
                                "unit": "count",
                                "aggregation": "sum",
                                "target": Decimal("240"),
                                "baseline": None,
                                "verification": "cliëntregistratie Adviespunt Zorgbelang",
                                "phasing": None,
                                "note": (
                                    "20 per maand (cliënten die gebruik maken van WLZ in Flevoland "
                                    "en ’t Gooi); jaarwaarde 12 × 20. Het jaarplan meldt dat nu te "
                                    "weinig signalen binnenkomen voor gedegen analyses."
                                ),
                            },
                        ],
                    },
                    {
                        "code": "VI-2.6",
                        "title": "Afbouwen cliëntondersteuning OCO Dronten",
                        "description": "Afbouwen cliëntondersteuning OCO Dronten.",
                        "outcome": "",
                        "role": "ontwikkeling_beleid_praktijk",
                        "phase": "doorontwikkelen",
                        "municipalities": ["dronten"],
                        "goals": [],
                        "explore": False,
                        "indicators": [
                            {
                                "kind": "output",
                                "title": (
                                    "Gestopt met individuele cliëntondersteuning aan individuele "
                                    "gemeenten"
                                ),
                                "unit": "milestone",
                                "aggregation": "latest",
                                "target": Decimal("1"),
                                "baseline": None,
                                "verification": "afspraken met de gemeente Dronten over de afbouw",
                                "phasing": None,
                                "note": (
                                    "We gaan in 2021 met de gemeente Dronten in gesprek of we ze "
                                    "kunnen ondersteunen om ervaringsdeskundigheid in te zetten."
                                ),
                            },
                        ],
                    },
                ],
            },
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
                            "Zichtbaarheid en betrokkenheid bij andere sectoren dan Zorg en "
                            "Welzijn."
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
    },
]

# Multi-year / organisation-wide indicators from the Meerjarenplan 5.2 (001 r. 1636-1672)
ORGANISATION_INDICATORS: list[dict[str, Any]] = [
    {
        "title": "Directe uren",
        "unit": "hours",
        "aggregation": "sum",
        "baseline": Decimal("18117"),
        "targets": {
            2021: Decimal("20258"),
            2022: Decimal("21013"),
            2023: Decimal("22374"),
            2024: Decimal("24173"),
        },
    },
    {
        "title": "Aandeel directe uren",
        "unit": "percentage",
        "aggregation": "latest",
        "baseline": Decimal("64"),
        "targets": {
            2021: Decimal("74"),
            2022: Decimal("77"),
            2023: Decimal("78"),
            2024: Decimal("80"),
        },
    },
]
