"""The funders' goals and CMO Flevoland's multi-year plan 2021-2024."""

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
