"""Networks the seeds name beside those of the annual plan's role tables (issue 17), with
CMO's role where the seed states it. Built by `koers.demo.relations._networks`, like the
others: (programme, name, kind, role, purpose, member since). Each is marked as example
data, as the demo's other networks are; where the seed gives no date of joining or no role,
the comment says what is example.
"""

from __future__ import annotations

import datetime as dt

SEED_NETWORKS = [
    # 001 r. 830-834 (PG role table): "Deelnemer ronde tafel Eenzaamheid Lelystad — Inbreng
    # van het gedachtegoed Positieve Gezondheid en verbinding leggen naar gemeenten en
    # programma Versterken Inwoners." 003 r. 121: "CMO vervulde de rol van onafhankelijk
    # procesbegeleider in het project Eenzaamheid Lelystad in 2019". The participants are in
    # the directory, tagged "Ronde Tafel Eenzaamheid Lelystad". The day in 2019 is example.
    (
        "PG",
        "Ronde Tafel Eenzaamheid Lelystad",
        "regional",
        "deelnemer",
        "Inbreng van het gedachtegoed Positieve Gezondheid en verbinding leggen naar "
        "gemeenten en programma Versterken Inwoners.",
        dt.date(2019, 1, 1),
    ),
    # 003 r. 343: "daarom zijn in het hele land RAAT netwerken gestart. In Flevoland zijn
    # wij als werkgeversorganisatie initiatiefnemer en faciliteren wij dit netwerk."
    # 001 r. 2228: "RAAT Flevoland - Regionale Actieplannen Aanpak Tekorten Flevoland";
    # r. 3056: "In 2021 worden de middelen voor RAAT niet gecontinueerd". The date is example.
    (
        "AO",
        "RAAT Flevoland",
        "regional",
        "procesbegeleider",
        "Regionale Actieplannen Aanpak Tekorten Flevoland: collectieve en individuele acties "
        "tegen de tekorten op de arbeidsmarkt van zorg en welzijn. CMO is initiatiefnemer en "
        "faciliteert het netwerk; de opbrengsten worden geborgd in de Human Capital Agenda.",
        dt.date(2019, 1, 1),
    ),
    # 001 r. 3053-3054: "CMO heeft daarom in 2020 … de verbinding gemaakt met het Regionaal
    # Werkbedrijf Flevoland door zitting te nemen in de denktank Zorg en Welzijn". The day
    # in 2020 is example.
    (
        "AO",
        "Denktank Zorg en Welzijn (Regionaal Werkbedrijf Flevoland)",
        "working_group",
        "deelnemer",
        "Verbinding met het Regionaal Werkbedrijf Flevoland over de arbeidsmarkt van zorg en "
        "welzijn.",
        dt.date(2020, 1, 1),
    ),
    # 001 r. 3434-3440: "Hiervoor is in Flevoland een lichte netwerkstructuur van
    # samenwerkingspartners opgericht, bestaande uit een stuurgroep, regiegroep en werkgroep,
    # om tijdig knelpunten te signaleren en te verhelpen. CMO is lid van de stuurgroep en
    # faciliteert de werkgroep." r. 3450-3454: "Het deelnemen aan de stuurgroep Covid'19 en
    # het faciliteren van de werkgroep personeel." (Seed 000 r. 836-848 tells of Extra handen
    # in spring 2020; the date is example.) CMO's place in the regiegroep the seed does not
    # give: "deelnemer" there is example, and its purpose says so.
    (
        "AO",
        "Extra handen voor de zorg: stuurgroep Covid-19",
        "regional",
        "deelnemer",
        "Lichte netwerkstructuur om tijdig knelpunten in de extra zorgcapaciteit te "
        "signaleren en te verhelpen. CMO is lid van de stuurgroep.",
        dt.date(2020, 4, 1),
    ),
    (
        "AO",
        "Extra handen voor de zorg: regiegroep",
        "regional",
        "deelnemer",
        "Lichte netwerkstructuur om tijdig knelpunten in de extra zorgcapaciteit te "
        "signaleren en te verhelpen. De rol van CMO in de regiegroep noemt het jaarplan niet "
        "(voorbeeld).",
        dt.date(2020, 4, 1),
    ),
    (
        "AO",
        "Extra handen voor de zorg: werkgroep personeel",
        "working_group",
        "procesbegeleider",
        "Lichte netwerkstructuur om tijdig knelpunten in de extra zorgcapaciteit te "
        "signaleren en te verhelpen. CMO faciliteert de werkgroep.",
        dt.date(2020, 4, 1),
    ),
    # 001 r. 4486-4491: "Bij het Leader programma is CMO een van de regionale
    # vertegenwoordigers die vanuit hun kennis en deskundigheid zitting hebben in de Lokale
    # actiegroep (LAG), die door de provincie is ingesteld ter advisering over aanvragen voor
    # het Europese Leader subsidietraject." The LAG itself is in the directory (`lag-leader`);
    # this is CMO's seat in it. The date is example.
    (
        "VI",
        "Lokale Actiegroep (LAG) Leader",
        "regional",
        "deelnemer",
        "Zitting als regionale vertegenwoordiger; advies over aanvragen voor het Europese "
        "Leader-subsidietraject.",
        dt.date(2020, 1, 1),
    ),
]
