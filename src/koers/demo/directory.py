"""The demo's directory: the organisations the seeds name, and a few hundred contact persons.

From the seeds: every organisation below, its kind and what it does (the source is noted per
group), the six municipalities with their CBS codes, and websites where they are public
knowledge. Left blank where not known: no website, sector or municipality is guessed.

Example data (the seeds name no persons): the contact persons, their positions, start dates
and e-mail addresses. Names come from a seeded `random.Random`, so every build, on SQLite
and on PostgreSQL, makes the same persons in the same order. Their e-mail addresses use the
organisation's own domain name under the reserved `.example` top-level domain (RFC 2606):
plausible to read, and unable to reach a real person who happens to share a made-up name.
Each person is marked `is_example` and says so on her page.

Organisations are written like the rest of the demo's reference data (found by slug, created
when missing). The persons and their positions are bulk-loaded, not written through
`relations.services.person_create`: they are a few hundred invented records, and an audit
entry per person would say that a demo user typed each of them in. Instead one audit entry
on the holding organisation records what the build loaded and when.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.utils.text import slugify

from koers.core.audit import audit_write
from koers.core.models import Municipality
from koers.core.privacy import LawfulBasis
from koers.directory.models import Organisation, OrganisationKind, Person, Position, Tag

OWN = "cmo-flevoland"
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


ORGANISATIONS = [
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
    # Seed 001: the research function's partners, Informeel Flevoland in Beeld (IPH), the
    # programme office of Alles is Gezondheid, Versterken van Inwoners' knowledge partners.
    Org(
        "cbs",
        "Centraal Bureau voor de Statistiek",
        K.PARTNER,
        "CBS",
        website="https://www.cbs.nl",
        sector="statistiek",
        tags=("onderzoek",),
        contacts=1,
    ),
    Org(
        "uwv",
        "UWV",
        K.PARTNER,
        website="https://www.uwv.nl",
        sector="arbeidsmarkt",
        tags=("onderzoek", "Human Capital Agenda"),
        contacts=3,
    ),
    Org(
        "rivm",
        "RIVM",
        K.PARTNER,
        website="https://www.rivm.nl",
        sector="publieke gezondheid",
        tags=("onderzoek", "landelijk netwerk"),
        contacts=2,
    ),
    Org(
        "institute-for-positive-health",
        "Institute for Positive Health",
        K.PARTNER,
        "IPH",
        website="https://www.iph.nl",
        sector="Positieve Gezondheid",
        tags=("Informeel Flevoland in Beeld", "spinnenweb"),
        contacts=2,
    ),
    Org(
        "alles-is-gezondheid",
        "Programmabureau Alles is Gezondheid",
        K.PARTNER,
        "Alles is Gezondheid",
        sector="gezondheid",
        tags=("landelijk netwerk",),
        contacts=2,
    ),
    Org(
        "aeres-hogeschool",
        "Aeres Hogeschool",
        K.EDUCATION,
        municipality="dronten",
        sector="hoger onderwijs",
        tags=("onderzoek", "Netwerk Leren en Opleiden"),
        contacts=3,
    ),
    Org(
        "zorgbelang-nederland",
        "Zorgbelang Nederland",
        K.RESIDENTS,
        sector="patiënten- en cliëntenbelang",
        tags=("onderzoek",),
        contacts=1,
    ),
    Org(
        "nederland-zorg-voor-elkaar",
        "Nederland Zorg voor Elkaar",
        K.RESIDENTS,
        sector="bewonersinitiatieven",
        tags=("onderzoek",),
        contacts=1,
    ),
    # Seed 004: the Zorgtafel and the health insurer; 003: the zorgkantoor (Wlz).
    Org(
        "zilveren-kruis",
        "Zilveren Kruis",
        K.PARTNER,
        website="https://www.zilverenkruis.nl",
        sector="zorgverzekeraar en zorgkantoor",
        tags=("Zorgtafel", "cliëntondersteuning Wlz"),
        contacts=6,
    ),
    # Seeds 000, 001, 004: the labour-market programme's partners.
    Org(
        "roc-flevoland",
        "ROC Flevoland",
        K.EDUCATION,
        municipality="almere",
        website="https://www.rocflevoland.nl",
        sector="mbo",
        tags=("Human Capital Pool", "Netwerk Leren en Opleiden"),
        contacts=9,
    ),
    Org(
        "regionaal-werkbedrijf-flevoland",
        "Regionaal Werkbedrijf Flevoland",
        K.PARTNER,
        sector="arbeidsmarkt",
        tags=("Human Capital Agenda",),
        contacts=2,
    ),
    Org(
        "stichting-extra-zorg-samen",
        "Stichting Extra Zorg Samen",
        K.PARTNER,
        sector="zorg",
        tags=("Extra handen voor de zorg",),
        contacts=1,
    ),
    Org(
        "rode-kruis",
        "Rode Kruis",
        K.PARTNER,
        website="https://www.rodekruis.nl",
        sector="hulpverlening",
        tags=("Extra handen voor de zorg",),
        contacts=1,
    ),
    Org("horizon", "Horizon", K.PARTNER, tags=("ExpEx",), contacts=2),
    # Seed 001 §Versterken van Inwoners, "Adviseren over subsidieaanvragen".
    Org(
        "vsb-fonds",
        "VSB Fonds",
        K.FUNDER,
        website="https://www.vsbfonds.nl",
        sector="fonds",
        contacts=1,
    ),
    Org(
        "lag-leader",
        "Lokale Actiegroep Leader",
        K.FUNDER,
        "LAG Leader",
        sector="Europees plattelandsprogramma",
        contacts=2,
    ),
    # DOMAIN.md "Who is who": the evaluators of May 2020.
    Org(
        "berenschot",
        "Berenschot",
        K.PARTNER,
        website="https://www.berenschot.nl",
        sector="advies",
        tags=("evaluatie 2020",),
        contacts=1,
    ),
    Org("zorgfocuz", "Zorgfocuz", K.PARTNER, sector="advies", tags=("evaluatie 2020",), contacts=1),
]

# Example data from here on.
FIRST_NAMES = [
    "Anouk",
    "Annemarie",
    "Astrid",
    "Bianca",
    "Carolien",
    "Charlotte",
    "Daphne",
    "Esther",
    "Eva",
    "Femke",
    "Fleur",
    "Ilse",
    "Ingrid",
    "Iris",
    "Janneke",
    "Jolanda",
    "Karin",
    "Kim",
    "Laura",
    "Linda",
    "Lisa",
    "Manon",
    "Marieke",
    "Marloes",
    "Merel",
    "Miriam",
    "Monique",
    "Naomi",
    "Nienke",
    "Petra",
    "Renate",
    "Rianne",
    "Sandra",
    "Sanne",
    "Saskia",
    "Sophie",
    "Suzanne",
    "Tamara",
    "Wendy",
    "Yvonne",
    "Fatima",
    "Samira",
    "Yasmina",
    "Hanan",
    "Ayse",
    "Elif",
    "Zeynep",
    "Priya",
    "Sharon",
    "Shanti",
    "Maaike",
    "Hester",
    "Greetje",
    "Aaltje",
    "Jantje",
    "Dirkje",
    "Arjen",
    "Bart",
    "Bas",
    "Bram",
    "Daan",
    "Dennis",
    "Erik",
    "Frank",
    "Gerard",
    "Hans",
    "Jeroen",
    "Joost",
    "Jan",
    "Koen",
    "Lars",
    "Marco",
    "Mark",
    "Martijn",
    "Michiel",
    "Niels",
    "Paul",
    "Peter",
    "Remco",
    "Rob",
    "Ruud",
    "Sander",
    "Stefan",
    "Thijs",
    "Tom",
    "Vincent",
    "Wouter",
    "Mohamed",
    "Youssef",
    "Hamza",
    "Mehmet",
    "Emre",
    "Burak",
    "Rajesh",
    "Ricardo",
    "Jurgen",
    "Gert",
    "Klaas",
    "Albert",
    "Hendrik",
    "Jelle",
    "Sjoerd",
    "Wim",
    "Teun",
]
# (infix, last name): the most common Dutch surnames, a few of Urk and of the polders, and
# surnames of Flevolanders with roots elsewhere.
LAST_NAMES = [
    ("de", "Jong"),
    ("", "Jansen"),
    ("de", "Vries"),
    ("van den", "Berg"),
    ("van", "Dijk"),
    ("", "Bakker"),
    ("", "Janssen"),
    ("", "Visser"),
    ("", "Smit"),
    ("", "Meijer"),
    ("de", "Boer"),
    ("", "Mulder"),
    ("de", "Groot"),
    ("", "Bos"),
    ("", "Vos"),
    ("", "Peters"),
    ("", "Hendriks"),
    ("van", "Leeuwen"),
    ("", "Dekker"),
    ("", "Brouwer"),
    ("de", "Wit"),
    ("", "Dijkstra"),
    ("", "Smits"),
    ("de", "Graaf"),
    ("van der", "Meer"),
    ("van der", "Linden"),
    ("", "Kok"),
    ("", "Jacobs"),
    ("de", "Haan"),
    ("", "Vermeulen"),
    ("van den", "Heuvel"),
    ("van der", "Veen"),
    ("van den", "Broek"),
    ("de", "Bruijn"),
    ("de", "Bruin"),
    ("van der", "Heijden"),
    ("", "Schouten"),
    ("van", "Beek"),
    ("", "Willems"),
    ("van", "Vliet"),
    ("van de", "Ven"),
    ("", "Hoekstra"),
    ("", "Maas"),
    ("", "Verhoeven"),
    ("", "Koster"),
    ("van", "Dam"),
    ("van der", "Wal"),
    ("", "Prins"),
    ("", "Blom"),
    ("", "Huisman"),
    ("", "Peeters"),
    ("de", "Jonge"),
    ("", "Kuipers"),
    ("van", "Veen"),
    ("", "Post"),
    ("", "Kuiper"),
    ("", "Veenstra"),
    ("", "Kramer"),
    ("van den", "Brink"),
    ("", "Scholten"),
    ("van", "Wijk"),
    ("", "Postma"),
    ("", "Martens"),
    ("", "Vink"),
    ("de", "Ruiter"),
    ("", "Timmermans"),
    ("", "Groen"),
    ("", "Gerritsen"),
    ("", "Jonker"),
    ("van", "Loon"),
    ("", "Boer"),
    ("van der", "Velde"),
    ("", "Willemsen"),
    ("", "Smeets"),
    ("de", "Lange"),
    ("de", "Vos"),
    ("", "Bosch"),
    ("van", "Dongen"),
    ("", "Schipper"),
    ("de", "Koning"),
    ("van der", "Laan"),
    ("", "Koning"),
    ("van der", "Velden"),
    ("", "Driessen"),
    ("van", "Doorn"),
    ("", "Hermans"),
    ("", "Evers"),
    ("van den", "Bosch"),
    ("van der", "Meulen"),
    ("", "Hofman"),
    ("", "Bosman"),
    ("", "Wolters"),
    ("", "Sanders"),
    ("van der", "Horst"),
    ("", "Mol"),
    ("", "Kuijpers"),
    ("", "Molenaar"),
    ("van de", "Pol"),
    ("de", "Leeuw"),
    ("", "Verbeek"),
    ("", "Romkes"),
    ("", "Schraal"),
    ("", "Brands"),
    ("", "Kapitein"),
    ("", "Korf"),
    ("", "Woord"),
    ("", "Pasterkamp"),
    ("", "Bulder"),
    ("", "Hakvoort"),
    ("", "El Amrani"),
    ("", "Yilmaz"),
    ("", "Kaya"),
    ("", "Demir"),
    ("", "Bouzid"),
    ("", "Ramdin"),
    ("", "Sewnarain"),
    ("", "Esajas"),
    ("", "Pinas"),
    ("", "Wijngaarde"),
]
TITLES = {
    K.MUNICIPALITY: (
        "Beleidsadviseur sociaal domein",
        "Beleidsmedewerker gezondheid en preventie",
        "Beleidsadviseur Wmo",
        "Beleidsadviseur jeugd",
        "Accounthouder welzijn",
        "Teamleider sociaal domein",
        "Projectleider eenzaamheid",
        "Onderzoeker onderzoek en statistiek",
        "Beleidsadviseur participatie",
        "Contractmanager sociaal domein",
    ),
    K.PROVINCE: (
        "Beleidsadviseur Krachtige Samenleving",
        "Programmamanager Krachtige Samenleving",
        "Subsidieadviseur",
        "Accounthouder CMO Flevoland",
        "Beleidsadviseur arbeidsmarkt",
        "Beleidsadviseur zorg",
        "Controller",
    ),
    K.FUNDER: ("Programmasecretaris", "Fondsadviseur", "Projectadviseur", "Accountmanager"),
    K.CARE: (
        "HR-adviseur",
        "Manager HR",
        "Recruiter",
        "Teamleider",
        "Beleidsadviseur",
        "Projectleider",
        "Opleidingscoördinator",
        "Gezondheidsbevorderaar",
        "Coördinator vrijwilligers",
    ),
    K.EDUCATION: (
        "Lector",
        "Docent-onderzoeker",
        "Opleidingsmanager",
        "Stagecoördinator",
        "Onderzoeker",
        "Projectleider werkplekleren",
    ),
    K.RESIDENTS: ("Voorzitter", "Secretaris", "Bestuurslid", "Coördinator", "Vrijwilliger"),
    K.PARTNER: ("Projectleider", "Coördinator", "Adviseur", "Directeur", "Medewerker"),
}
GGD_TITLES = (
    "Gezondheidsbevorderaar",
    "Epidemioloog",
    "Beleidsadviseur publieke gezondheid",
    "Programmamanager WEL in Flevoland",
    "Teamleider gezondheidsbevordering",
    "Jeugdarts",
    "Adviseur GHOR",
)
PURPOSES = {
    K.MUNICIPALITY: (
        "Contactpersoon van de gemeente voor afstemming over de programma's van CMO Flevoland "
        "in het sociaal domein."
    ),
    K.PROVINCE: (
        "Contactpersoon bij de opdrachtgever voor de subsidierelatie en het programma "
        "Krachtige Samenleving."
    ),
    K.FUNDER: "Contactpersoon bij de financier voor aanvragen, beschikkingen en verantwoording.",
}
PURPOSE_PARTNER = (
    "Contactpersoon voor de samenwerking in de programma's van CMO Flevoland: "
    "netwerkbijeenkomsten, overleg en opvolging."
)
PURPOSE_CONSENT = (
    "Aangemeld voor de nieuwsbrief en de netwerkbijeenkomsten van WEL in Flevoland, met "
    "toestemming."
)
# A name the browser journey types in itself; the generator leaves it to her.
RESERVED_NAMES = {("Kees", "", "Bakker")}


def build_municipalities(note: Any) -> dict[str, Municipality]:
    """The six municipalities of Flevoland, by slug."""
    municipalities = {}
    for code, name in MUNICIPALITIES:
        municipality, was = Municipality.objects.get_or_create(
            code=code, defaults={"name": name, "slug": slugify(name), "province_code": "PV24"}
        )
        note("municipalities", was)
        municipalities[municipality.slug] = municipality
    return municipalities


def build_organisations(
    municipalities: dict[str, Municipality], note: Any
) -> dict[str, Organisation]:
    """Every organisation of the seeds, by slug; those missing are added (in one go: the
    build runs in many tests)."""
    specs = _organisation_specs()
    found = {o.slug: o for o in Organisation.objects.filter(slug__in=[s.slug for s in specs])}
    missing = [spec for spec in specs if spec.slug not in found]
    added = Organisation.objects.bulk_create(
        [
            Organisation(
                slug=spec.slug,
                name=spec.name,
                short_name=spec.short,
                kind=spec.kind,
                municipality=municipalities.get(spec.municipality),
                website=spec.website,
                sector=spec.sector,
            )
            for spec in missing
        ]
    )
    note("organisations", len(added))
    names = sorted({name for spec in missing for name in spec.tags})
    Tag.objects.bulk_create([Tag(name=name) for name in names], ignore_conflicts=True)
    tags = dict(Tag.objects.filter(name__in=names).values_list("name", "pk"))
    through = Organisation.tags.through
    through.objects.bulk_create(
        [
            through(organisation_id=organisation.pk, tag_id=tags[name])
            for organisation, spec in zip(added, missing, strict=True)
            for name in spec.tags
        ]
    )
    found.update((organisation.slug, organisation) for organisation in added)
    return {spec.slug: found[spec.slug] for spec in specs}


def _organisation_specs() -> list[Org]:
    specs = list(ORGANISATIONS)
    for _code, name in MUNICIPALITIES:
        slug = slugify(name)
        specs.append(
            Org(
                f"gemeente-{slug}",
                f"Gemeente {name}",
                K.MUNICIPALITY,
                name,
                slug,
                MUNICIPALITY_WEBSITES[slug],
                "overheid",
                ("BOSD",),
                MUNICIPALITY_CONTACTS[slug],
            )
        )
    return specs


def build_persons(
    holder: Organisation, organisations: dict[str, Organisation], note: Any
) -> dict[str, list[Person]]:
    """The example contact persons, held by `holder`, once; returns them per organisation
    slug (her current one), in the order they were made."""
    existing = Person.objects.filter(holder=holder, is_example=True)
    if existing.exists():
        return _by_organisation(existing)
    rng = random.Random(20211015)  # fixed seed: the same persons on every build
    specs = [spec for spec in _organisation_specs() if spec.contacts]
    taken = set(RESERVED_NAMES)
    emails: set[str] = set()
    persons: list[Person] = []
    positions: list[tuple[int, Position]] = []
    for spec in specs:
        organisation = organisations[spec.slug]
        titles = GGD_TITLES if spec.slug == "ggd-flevoland" else TITLES[spec.kind]
        style = rng.choice(("initial", "first", "first"))
        for _n in range(spec.contacts):
            first, infix, last = _name(rng, taken)
            started = dt.date(2006, 1, 1) + dt.timedelta(days=rng.randrange(15 * 365))
            consent = rng.random() < 0.08
            person = Person(
                holder=holder,
                first_name=first,
                infix=infix,
                last_name=last,
                email=_email(first, infix, last, _domain(spec), style, emails),
                purpose=PURPOSE_CONSENT if consent else PURPOSES.get(spec.kind, PURPOSE_PARTNER),
                lawful_basis=LawfulBasis.CONSENT if consent else LawfulBasis.LEGITIMATE_INTERESTS,
                consent_given_on=(
                    dt.date(2020, 9, 1) + dt.timedelta(days=rng.randrange(400)) if consent else None
                ),
                is_example=True,
            )
            index = len(persons)
            persons.append(person)
            positions.append(
                (
                    index,
                    Position(
                        organisation=organisation, title=rng.choice(titles), started_on=started
                    ),
                )
            )
            if rng.random() < 0.12:  # she came from another organisation of the directory
                before = organisations[rng.choice(specs).slug]
                if before.pk != organisation.pk:
                    began = started - dt.timedelta(days=rng.randrange(2 * 365, 9 * 365))
                    positions.append(
                        (
                            index,
                            Position(
                                organisation=before,
                                title=rng.choice(TITLES[K(before.kind)]),
                                started_on=began,
                                ended_on=started - dt.timedelta(days=1),
                            ),
                        )
                    )
    Person.objects.bulk_create(persons)
    for index, position in positions:
        position.person = persons[index]
    Position.objects.bulk_create([position for _index, position in positions])
    loaded(holder, note, persons=len(persons), positions=len(positions))
    return _by_organisation(Person.objects.filter(holder=holder, is_example=True))


def loaded(holder: Organisation, note: Any, **counts: int) -> None:
    """Count what was bulk-loaded, and say so in one audit entry on the holder (no actor: the
    build did it, not a user)."""
    for kind, count in counts.items():
        note(kind, count)
    audit_write(actor=None, action="demo.example_data", instance=holder, after=counts)


def _by_organisation(persons: Any) -> dict[str, list[Person]]:
    """Persons per the slug of the organisation of their current position, in creation order."""
    found: dict[str, list[Person]] = {}
    rows = (
        Position.objects.filter(person__in=persons, ended_on__isnull=True)
        .select_related("person", "organisation")
        .order_by("person_id")
    )
    for position in rows:
        found.setdefault(position.organisation.slug, []).append(position.person)
    return found


def _name(rng: random.Random, taken: set[tuple[str, str, str]]) -> tuple[str, str, str]:
    while True:
        first = rng.choice(FIRST_NAMES)
        infix, last = rng.choice(LAST_NAMES)
        if (first, infix, last) not in taken:
            taken.add((first, infix, last))
            return first, infix, last


def _domain(spec: Org) -> str:
    """The organisation's domain name under .example: ggdflevoland.example."""
    host = urlsplit(spec.website).hostname or ""
    stem = host.removeprefix("www.").rsplit(".", 1)[0] if host else spec.slug.replace("-", "")
    return f"{stem}.example"


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.lower() if ch.isalnum())


def _email(first: str, infix: str, last: str, domain: str, style: str, taken: set[str]) -> str:
    surname = _ascii(infix + last)
    local = f"{_ascii(first)[0]}.{surname}" if style == "initial" else f"{_ascii(first)}.{surname}"
    address, serial = f"{local}@{domain}", 1
    while address in taken:
        serial += 1
        address = f"{local}{serial}@{domain}"
    taken.add(address)
    return address
