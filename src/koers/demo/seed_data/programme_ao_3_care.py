"""Line AO-3 of Arbeidsmarkt en Onderwijs, first part of its activities: extra hands for
care, choosing and guiding into the sector."""

from decimal import Decimal
from typing import Any

ACTIVITIES: list[dict[str, Any]] = [
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
                "title": ("Samenwerkingsverband CMO, GGD en Regio+ om snel te schakelen"),
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
        "outcome": ("Meer kandidaten melden zich aan voor Extra handen voor de zorg."),
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
                "verification": ("registratie aanmeldingen Extra handen voor de zorg"),
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
                "verification": ("peildatumoverzicht personeelsbestand Extra handen voor de zorg"),
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
                "verification": ("peildatumoverzicht personeelsbestand Extra handen voor de zorg"),
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
            "Krachtenbundeling door het netwerk gericht op werving en arbeidsmarktcommunicatie."
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
                "note": ("1) sterk in je werk, 2) regionaal contactpunt en 3) loopbaanportal."),
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
            "Geïnteresseerden krijgen een eerlijk en aantrekkelijk beeld van de sector en de regio."
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
]
