"""The organisations of the demo directory as the seeds name them (see koers.demo.directory):
the municipalities, who is who, and the partners of the annual plan's thematic blocks and of
the loneliness round table. The other partners are in directory_partners."""

from __future__ import annotations

from dataclasses import dataclass

from koers.demo.constants import OWN
from koers.directory.models import OrganisationKind

K = OrganisationKind

# DOMAIN.md "Municipalities (CBS codes)".
MUNICIPALITIES = [
    ("GM0034", "Almere"),
    ("GM0303", "Dronten"),
    ("GM0995", "Lelystad"),
    ("GM0171", "Noordoostpolder"),
    ("GM0184", "Urk"),
    ("GM0050", "Zeewolde"),
]
# Contact persons per municipality (example data: Almere is the largest, Urk the smallest).
MUNICIPALITY_CONTACTS = {
    "almere": 30,
    "lelystad": 26,
    "dronten": 15,
    "noordoostpolder": 15,
    "urk": 10,
    "zeewolde": 11,
}
MUNICIPALITY_WEBSITES = {
    "almere": "https://www.almere.nl",
    "dronten": "https://www.dronten.nl",
    "lelystad": "https://www.lelystad.nl",
    "noordoostpolder": "https://www.noordoostpolder.nl",
    "urk": "https://www.urk.nl",
    "zeewolde": "https://www.zeewolde.nl",
}


@dataclass(frozen=True)
class Org:
    slug: str
    name: str
    kind: OrganisationKind
    short: str = ""
    municipality: str = ""  # slug
    website: str = ""
    sector: str = ""
    tags: tuple[str, ...] = ()
    contacts: int = 0  # example contact persons


ORGANISATIONS_OF_THE_PLAN = [
    # DOMAIN.md "Who is who"; seeds 000, 001.
    Org(OWN, "CMO Flevoland", K.OWN, "CMO Flevoland", "lelystad", "https://www.cmoflevoland.nl"),
    Org(
        "provincie-flevoland",
        "Provincie Flevoland",
        K.PROVINCE,
        "Provincie Flevoland",
        "lelystad",
        "https://www.flevoland.nl",
        "overheid",
        ("Krachtige Samenleving",),
        20,
    ),
    Org(
        "regioplus",
        "RegioPlus",
        K.FUNDER,
        "Regio+",
        website="https://www.regioplus.nl",
        sector="arbeidsmarkt zorg en welzijn",
        tags=("Samen Regionaal Sterk",),
        contacts=4,
    ),
    Org(
        "ggd-flevoland",
        "GGD Flevoland",
        K.CARE,
        "GGD Flevoland",
        "lelystad",
        "https://www.ggdflevoland.nl",
        "publieke gezondheid",
        ("WEL in Flevoland", "Positieve Gezondheid", "Extra handen voor de zorg"),
        22,
    ),
    Org(
        "zonmw",
        "ZonMw",
        K.FUNDER,
        "ZonMw",
        website="https://www.zonmw.nl",
        sector="fonds",
        tags=("ExpEx",),
        contacts=2,
    ),
    Org(
        "windesheim",
        "Hogeschool Windesheim",
        K.EDUCATION,
        "Windesheim",
        website="https://www.windesheim.nl",
        sector="hoger onderwijs",
        tags=("ExpEx", "Human Capital Pool", "Netwerk Leren en Opleiden"),
        contacts=13,
    ),
    Org(
        "fpf",
        "Flevolandse Patiënten Federatie",
        K.RESIDENTS,
        "FPF",
        sector="patiënten- en cliëntenbelang",
        tags=("Versterken van Inwoners",),
        contacts=9,
    ),
    # Jaarplan 2021 §2.1, "Thematische blokken met beoogde partners".
    Org(
        "kunstlink",
        "KunstLink",
        K.PARTNER,
        sector="kunst en cultuur",
        tags=("WEL in Flevoland", "kunst en cultuur"),
        contacts=5,
    ),
    Org(
        "sportservice-flevoland",
        "Sportservice Flevoland",
        K.PARTNER,
        sector="sport",
        tags=("WEL in Flevoland", "sport"),
        contacts=6,
    ),
    Org(
        "jeugdfonds-sport-en-cultuur",
        "Jeugdfonds Sport en Cultuur",
        K.PARTNER,
        website="https://www.jeugdfondssportencultuur.nl",
        sector="sport en cultuur",
        tags=("WEL in Flevoland", "sport"),
        contacts=3,
    ),
    Org(
        "ivn",
        "IVN",
        K.PARTNER,
        website="https://www.ivn.nl",
        sector="natuur",
        tags=("WEL in Flevoland", "natuur"),
        contacts=3,
    ),
    Org(
        "staatsbosbeheer",
        "Staatsbosbeheer",
        K.PARTNER,
        website="https://www.staatsbosbeheer.nl",
        sector="natuur",
        tags=("WEL in Flevoland", "natuur"),
        contacts=3,
    ),
    Org(
        "natuur-en-milieu-federatie-flevoland",
        "Natuur en Milieu Federatie Flevoland",
        K.PARTNER,
        sector="natuur en milieu",
        tags=("WEL in Flevoland", "natuur"),
        contacts=2,
    ),
    Org(
        "bibliotheeknetwerk-flevoland",
        "Bibliotheeknetwerk Flevoland",
        K.PARTNER,
        sector="bibliotheek",
        tags=("WEL in Flevoland", "taal en gezondheid"),
        contacts=2,
    ),
    Org(
        "flevomeer-bibliotheek",
        "Flevomeer Bibliotheek",
        K.PARTNER,
        sector="bibliotheek",
        tags=("WEL in Flevoland", "taal en gezondheid"),
        contacts=5,
    ),
    Org(
        "huis-voor-taal",
        "Huis voor Taal",
        K.PARTNER,
        sector="laaggeletterdheid",
        tags=("WEL in Flevoland", "taal en gezondheid"),
        contacts=2,
    ),
    Org(
        "proscoop",
        "Proscoop",
        K.PARTNER,
        website="https://www.proscoop.nl",
        sector="eerstelijnszorg",
        tags=("WEL in Flevoland", "digitale gezondheid"),
        contacts=3,
    ),
    Org(
        "medrie",
        "Medrie",
        K.CARE,
        website="https://www.medrie.nl",
        sector="huisartsenzorg",
        tags=("WEL in Flevoland", "digitale gezondheid", "Human Capital Pool"),
        contacts=6,
    ),
    Org(
        "ozo-verbindzorg",
        "OZO Verbindzorg",
        K.PARTNER,
        sector="digitale zorg",
        tags=("WEL in Flevoland", "digitale gezondheid"),
        contacts=2,
    ),
    # Jaarplan 2021 §2.1 (eenzaamheid) and seed 003, "Ronde Tafel Eenzaamheid Lelystad".
    Org(
        "een-tegen-eenzaamheid-lelystad",
        "Een tegen Eenzaamheid Lelystad",
        K.PARTNER,
        municipality="lelystad",
        sector="welzijn",
        tags=("eenzaamheid",),
        contacts=2,
    ),
    Org(
        "mdf",
        "MDF",
        K.CARE,
        municipality="lelystad",
        tags=("eenzaamheid", "Ronde Tafel Eenzaamheid Lelystad"),
        contacts=3,
    ),
    Org(
        "woonzorg-flevoland",
        "Woonzorg Flevoland",
        K.CARE,
        municipality="lelystad",
        sector="ouderenzorg",
        tags=("eenzaamheid", "Ronde Tafel Eenzaamheid Lelystad", "Human Capital Pool"),
        contacts=8,
    ),
    Org(
        "humanitas",
        "Humanitas",
        K.PARTNER,
        website="https://www.humanitas.nl",
        sector="welzijn (vrijwilligers)",
        tags=("eenzaamheid", "Ronde Tafel Eenzaamheid Lelystad"),
        contacts=3,
    ),
    Org(
        "welzijn-lelystad",
        "Welzijn Lelystad",
        K.CARE,
        municipality="lelystad",
        sector="welzijn",
        tags=("eenzaamheid", "Ronde Tafel Eenzaamheid Lelystad"),
        contacts=8,
    ),
    Org(
        "de-kubus",
        "De Kubus",
        K.PARTNER,
        municipality="lelystad",
        tags=("Ronde Tafel Eenzaamheid Lelystad",),
        contacts=1,
    ),
    Org(
        "leger-des-heils",
        "Leger des Heils",
        K.CARE,
        website="https://www.legerdesheils.nl",
        sector="maatschappelijke opvang",
        tags=("Ronde Tafel Eenzaamheid Lelystad",),
        contacts=2,
    ),
    Org(
        "jongeren-maken-de-stad",
        "Jongeren maken de Stad",
        K.PARTNER,
        municipality="lelystad",
        tags=("Ronde Tafel Eenzaamheid Lelystad",),
        contacts=1,
    ),
    Org(
        "lelystadse-uitdaging",
        "Lelystadse Uitdaging",
        K.PARTNER,
        municipality="lelystad",
        tags=("Ronde Tafel Eenzaamheid Lelystad",),
        contacts=1,
    ),
    Org(
        "ido",
        "IDO",
        K.PARTNER,
        municipality="lelystad",
        tags=("Ronde Tafel Eenzaamheid Lelystad",),
        contacts=1,
    ),
    Org(
        "ggz-in-de-wijk",
        "GGZ in de wijk",
        K.CARE,
        municipality="lelystad",
        sector="ggz",
        tags=("Ronde Tafel Eenzaamheid Lelystad", "mentale gezondheid"),
        contacts=2,
    ),
]
