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
    # Issue 17: the organisations the seeds name that the directory lacked. No contact
    # persons (the seeds name none; persons are drawn only for organisations with contacts,
    # so the example persons stay the same). Already here under their own spelling: the LAG
    # Leader (`lag-leader`), GGD Flevoland and the Regionaal Werkbedrijf Flevoland.
    #
    # 000 r. 525: "Daarnaast is het ministerie van VWS een belangrijke financier
    # (regioplus)"; r. 840: CMO is one of 14 organisations "die door het ministerie van VWS
    # gevraagd zijn te matchen" (Extra handen voor de zorg); 001 r. 2220: "Ministerie van
    # VWS - Ministerie van Volksgezondheid, Welzijn en Sport".
    Org(
        "ministerie-van-vws",
        "Ministerie van Volksgezondheid, Welzijn en Sport",
        K.FUNDER,
        "Ministerie van VWS",
        sector="rijksoverheid",
        tags=("Regio+", "Extra handen voor de zorg"),
    ),
    # 001 r. 4070: "We onderzoeken met welke partijen (zoals bijvoorbeeld de Stadmakerij en
    # het 10 dorpenoverleg) we meet-ups kunnen organiseren in de provincie." The seed names
    # one overleg of ten villages, not the ten villages: it is added as the seed writes it.
    Org("stadmakerij", "Stadmakerij", K.PARTNER, tags=("meet-ups",)),
    Org("10-dorpenoverleg", "10 dorpenoverleg", K.RESIDENTS, tags=("meet-ups",)),
    # 001 r. 1845: "ervaringen delen met andere regionale schakelfuncties FSP (Fries Sociaal
    # Planbureau)".
    Org(
        "fries-sociaal-planbureau",
        "Fries Sociaal Planbureau",
        K.PARTNER,
        "FSP",
        sector="onderzoek",
        tags=("onderzoek", "regionale schakelfunctie"),
    ),
    # 001 r. 1502: "De meeste belangenorganisaties zijn landelijk georganiseerd en zijn
    # aangesloten bij de Patiëntenfederatie Nederland"; r. 1869 "(w.o. Patiëntenfederatie,
    # GGD)".
    Org(
        "patientenfederatie-nederland",
        "Patiëntenfederatie Nederland",
        K.RESIDENTS,
        website="https://www.patientenfederatie.nl",
        sector="patiënten- en cliëntenbelang",
        tags=("Versterken van Inwoners",),
    ),
    # 000 r. 841-845: "CMO doet dat in nauwe afstemming met de GGD/GHOR als regievoerder" and
    # matches "conform de prioritering van GGD/GHOR en Ministerie". GGD Flevoland is in the
    # directory already; the GHOR is added, with the seed's "GGD/GHOR" as its short name.
    Org(
        "ghor-flevoland",
        "GHOR Flevoland",
        K.CARE,
        "GGD/GHOR",
        sector="geneeskundige hulpverlening",
        tags=("Extra handen voor de zorg",),
    ),
    # 003 r. 301: "Ten tweede zet Win4all ook regionaal in op het overkomen van HRM
    # knelpunten en zoekt daarmee aansluiting met Zowelwerk."
    Org("win4all", "Win4all", K.PARTNER, sector="HRM", tags=("Zowelwerk",)),
    # 003 r. 91: "nauwe samenwerking met andere regionale stakeholders (zoals de werkplaats
    # sociaal domein, de GGD, Horizon Flevoland en Sportservice Flevoland)"; r. 327
    # "afspraken met de werkplaats Sociaal Domein"; 004: "Onderzoek (Werkplaats Sociaal
    # Domein)" in the KS budget.
    Org(
        "werkplaats-sociaal-domein",
        "Werkplaats Sociaal Domein",
        K.PARTNER,
        sector="onderzoek",
        tags=("onderzoek", "Krachtige Samenleving"),
    ),
]
