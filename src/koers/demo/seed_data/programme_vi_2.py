"""The second line of Versterken van Inwoners: experience experts."""

from decimal import Decimal
from typing import Any

# MJP 4.1 'Organiseren van ervaringsdeskundigheid' (r. 1424-1448) and
# 4.5 (r. 1550-1620);
# JP2021 4.4 (r. 4135-4403)
LINE: dict[str, Any] = {
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
                        "Eén in Almere, één in Lelystad; voor jongeren die ondersteuning behoeven."
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
                    "title": ("ExpEx runnen het project zelfstandig en zijn eindverantwoordelijk"),
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
                "Onderzoeken wat de meerwaarde is van individuele cliëntenondersteuning."
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
                        "Besluit over voortzetting individuele cliëntondersteuning (mei 2021)"
                    ),
                    "unit": "milestone",
                    "aggregation": "latest",
                    "target": Decimal("1"),
                    "baseline": None,
                    "verification": ("vastgelegd besluit met onderbouwing van de meerwaarde"),
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
                    "title": ("Relevante regionale informatie blijft beschikbaar voor CMO"),
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
                    "title": ("Informatie en advies aan 20 unieke cliënten per maand (WLZ)"),
                    "unit": "count",
                    # 20 different clients each month: a mean per month, counted from the
                    # cases (signals.unique_clients_per_month), not 240 added up over the
                    # year (a client seen in two months counts in both, twice in one once).
                    "aggregation": "latest",
                    "target": Decimal("20"),
                    "baseline": None,
                    "verification": "cliëntregistratie OCO in Koers (afgeleid)",
                    "phasing": None,
                    "note": (
                        "20 per maand (cliënten die gebruik maken van WLZ in Flevoland "
                        "en ’t Gooi): het gemiddelde aantal verschillende cliënten per "
                        "maand, geteld uit de cliëntondersteuning. Het jaarplan meldt dat "
                        "nu te weinig signalen binnenkomen voor gedegen analyses."
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
                        "Gestopt met individuele cliëntondersteuning aan individuele gemeenten"
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
}
