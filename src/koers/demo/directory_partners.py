"""The demo directory's other partners: research, health care and insurers, the labour
market, subsidy advice and the evaluators (see koers.demo.directory)."""

from __future__ import annotations

from koers.demo.directory_organisations import K, Org

PARTNERS = [
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
