"""The demo's Extra Handen voor de Zorg (issue 19): the 2020 story and the 2021 pool.

From the seeds:
- 000 r. 838-847: CMO is one of 14 organisations the ministry of VWS asked to match former
  care staff who volunteer (through the national website www.extrahandenvoordezorg.nl)
  with the region's needs, "in nauwe afstemming met de GGD/GHOR", matching "conform de
  prioritering van GGD/GHOR en Ministerie"; "ruim 400 vrijwilligers" came in and each was
  contacted to see how she could be deployed; those not deployable in care were referred
  to the Red Cross (Ready to Help); 111 were handed over to care organisations, "verreweg
  het grootste deel" placed in the new zorghotels in Emmeloord and Lelystad.
- 001 r. 126: on 12 March 2020 CMO turned its work around to organise Extra Handen for the
  Covid centres and several care organisations.
- 001 r. 3429-3520 (jaarplan 2021): an online and offline campaign to recruit more staff;
  "een actueel personeelsbestand ... met tenminste 10 beschikbare verzorgenden en 10
  beschikbare verpleegkundigen", kept current by actively calling candidates back, with
  Stichting Extra Zorg Samen.
- 001 r. 3897-3909: "Minimaal 150 Sterk in je Werk trajecten worden afgenomen"; the plan
  also names the loopbaanportal, the regionaal contactpunt and the Human Capital Pool's
  work-to-work moves.

Example data (voorbeeldgegevens), where the seeds give no figure: the exact counts at each
step below (412 is "ruim 400"; the split of the 111 over the care organisations), every
name, date, municipality, role and qualification, the requests and their shifts, the
priorities, the calls, the 2021 pool's size on the reference date and the trajectories.
The two zorghotels are named after the seed's description (the seed gives no names).
"""

from __future__ import annotations

import datetime as dt

from koers.matching.models import CareRole, Priority, Route, TrajectoryKind

D = dt.date

EXAMPLE = "Voorbeeldgegevens"

# --- the directory ----------------------------------------------------------------------
# (slug, name, municipality slug) of the care organisations the 2020 matches went to that
# the directory does not hold yet.
ZORGHOTELS = [
    ("zorghotel-emmeloord", "Zorghotel Emmeloord", "noordoostpolder"),
    ("zorghotel-lelystad", "Zorghotel Lelystad", "lelystad"),
]
RED_CROSS = "rode-kruis"
REFERRAL_REASON = "Ready to Help: niet inzetbaar in de zorg"

# --- the 2020 cohort (seed 000) -------------------------------------------------------------
SIGN_UP_FROM = D(2020, 3, 23)  # the national website opened after 12 March
SIGN_UP_UNTIL = D(2020, 6, 30)
SIGNED_UP_2020 = 412  # "ruim 400"
ROUTES_2020 = {  # how they came in (most through the national website)
    Route.LANDELIJKE_WEBSITE: 371,
    Route.DOORVERWIJZING: 27,
    Route.OVERIG: 14,
}
NOT_REACHED_2020 = 46  # no intake: not reached after three calls, stopped
REFERRED_2020 = 118  # after the intake, to the Red Cross (Ready to Help)
HANDED_OVER_2020 = 111  # seed 000
# Where the 111 went: most to the zorghotels.
PLACED_WITH = {
    "zorghotel-emmeloord": 46,
    "zorghotel-lelystad": 38,
    "woonzorg-flevoland": 12,
    "ggd-flevoland": 7,
    "leger-des-heils": 5,
    "mdf": 3,
}
# The rest of the deployable ones (412 − 46 − 118 − 111 = 137) were called back in early
# 2021 ("actief nabellen"): some were available again, most had gone back to their own work
# or studies, a few were not reached (they are on the call-back list).
RENEWED_2021 = 17
NOT_REACHED_2021 = 12

# --- the 2021 campaign (seed 001) -----------------------------------------------------------
SIGNED_UP_2021 = 48
# Of them: deployable, not reached (stopped), referred to the Red Cross; the rest are still
# in the intake (the latest sign-ups).
CAMPAIGN_DEPLOYABLE = 22
CAMPAIGN_NOT_REACHED = 7
CAMPAIGN_REFERRED = 6
CAMPAIGN_FROM = D(2021, 1, 18)
CAMPAIGN_UNTIL = D(2021, 9, 24)
CAMPAIGN_NOTE = "Campagne Extra handen voor de zorg Flevoland 2021"

# --- the 2021 pool on the reference date (15 October 2021) -----------------------------------
# Available on the reference date, per role, against the plan's 10 + 10: carers above,
# nurses behind (example data).
AVAILABLE_ON_REFERENCE = {CareRole.VERZORGENDE: 12, CareRole.VERPLEEGKUNDIGE: 8}
# Deployable but not counted on the reference date, for the call-back list: availability
# ended in the summer, a BIG registration or diploma lapsed.
LAPSED_AVAILABILITY = 9
LAPSED_QUALIFICATION = 3
# Other roles in the pool (no qualification rule): hosts, facilities, care assistants.
OTHER_ROLES_AVAILABLE = {CareRole.GASTVROUW: 4, CareRole.FACILITAIR: 3}

# --- requests ---------------------------------------------------------------------------
# (requester slug, role, people per shift, municipality slug, first day, days, shift hours
# (start, end) or None for one period, priority, status, description)
REQUESTS_2020 = [
    (
        "zorghotel-emmeloord",
        CareRole.VERZORGENDE,
        26,
        "noordoostpolder",
        D(2020, 4, 6),
        84,
        None,
        Priority.URGENT,
        "gesloten",
        "Verzorgenden voor het nieuwe zorghotel: herstellende covidpatiënten na ontslag uit "
        "het ziekenhuis.",
    ),
    (
        "zorghotel-emmeloord",
        CareRole.VERPLEEGKUNDIGE,
        20,
        "noordoostpolder",
        D(2020, 4, 6),
        84,
        None,
        Priority.URGENT,
        "gesloten",
        "Verpleegkundigen voor het zorghotel, dag- en nachtdiensten.",
    ),
    (
        "zorghotel-lelystad",
        CareRole.VERZORGENDE,
        22,
        "lelystad",
        D(2020, 4, 14),
        77,
        None,
        Priority.URGENT,
        "gesloten",
        "Verzorgenden voor het zorghotel in Lelystad.",
    ),
    (
        "zorghotel-lelystad",
        CareRole.VERPLEEGKUNDIGE,
        16,
        "lelystad",
        D(2020, 4, 14),
        77,
        None,
        Priority.HOOG,
        "gesloten",
        "Verpleegkundigen voor het zorghotel in Lelystad.",
    ),
    (
        "woonzorg-flevoland",
        CareRole.VERZORGENDE,
        12,
        "lelystad",
        D(2020, 4, 20),
        56,
        None,
        Priority.HOOG,
        "gesloten",
        "Extra verzorgenden in de verpleeghuizen tijdens de uitbraak.",
    ),
    (
        "ggd-flevoland",
        CareRole.HELPENDE,
        7,
        "lelystad",
        D(2020, 5, 4),
        60,
        None,
        Priority.NORMAAL,
        "gesloten",
        "Ondersteuning bij de teststraat.",
    ),
    (
        "leger-des-heils",
        CareRole.BEGELEIDER,
        5,
        "almere",
        D(2020, 4, 27),
        42,
        None,
        Priority.NORMAAL,
        "gesloten",
        "Begeleiders voor de nachtopvang.",
    ),
    (
        "mdf",
        CareRole.VERZORGENDE,
        3,
        "lelystad",
        D(2020, 5, 11),
        35,
        None,
        Priority.LAAG,
        "gesloten",
        "Verzorgenden in de thuiszorg.",
    ),
]
# Open in the autumn of 2021 (the second wave's pressure on elderly care): night and day
# shifts after the reference date, for the matcher. Priority None: not yet prioritised.
REQUESTS_2021 = [
    (
        "woonzorg-flevoland",
        CareRole.VERPLEEGKUNDIGE,
        2,
        "lelystad",
        D(2021, 10, 25),
        3,
        ((23, 0), (7, 0)),
        Priority.HOOG,
        "open",
        "Nachtdiensten op de covidafdeling van het verpleeghuis.",
    ),
    (
        "woonzorg-flevoland",
        CareRole.VERZORGENDE,
        3,
        "lelystad",
        D(2021, 10, 26),
        5,
        ((7, 30), (15, 30)),
        Priority.NORMAAL,
        "open",
        "Vroege diensten om het vaste team vrij te maken voor de covidafdeling.",
    ),
    (
        "zorghotel-emmeloord",
        CareRole.VERZORGENDE,
        2,
        "noordoostpolder",
        D(2021, 11, 1),
        4,
        ((15, 0), (23, 0)),
        None,
        "nieuw",
        "Avonddiensten bij heropening van het zorghotel.",
    ),
    (
        "ggd-flevoland",
        CareRole.GASTVROUW,
        2,
        "almere",
        D(2021, 10, 28),
        2,
        ((8, 0), (17, 0)),
        None,
        "nieuw",
        "Gastvrouwen en -heren bij de vaccinatielocatie.",
    ),
]
CARE_CONTACT_ORGANISATION = "woonzorg-flevoland"
PRIORITY_NOTE = "Conform de prioritering van GGD/GHOR en ministerie."

# --- trajectories (seed 001) ----------------------------------------------------------------
# (kind, started from, started until, how many) — 2021 counted up to the reference date.
TRAJECTORIES = [
    (TrajectoryKind.STERK_IN_JE_WERK, D(2020, 9, 1), D(2020, 12, 18), 61),
    (TrajectoryKind.STERK_IN_JE_WERK, D(2021, 1, 11), D(2021, 10, 14), 112),
    (TrajectoryKind.LOOPBAANPORTAL, D(2021, 2, 1), D(2021, 10, 14), 37),
    (TrajectoryKind.REGIONAAL_CONTACTPUNT, D(2021, 3, 1), D(2021, 10, 14), 24),
    (TrajectoryKind.WERK_NAAR_WERK, D(2021, 4, 1), D(2021, 10, 14), 9),
]
EMPLOYERS = [
    "woonzorg-flevoland",
    "mdf",
    "leger-des-heils",
    "ggz-in-de-wijk",
    "medrie",
    "ggd-flevoland",
    "welzijn-lelystad",
]

# --- the annual plan's indicators that count themselves -------------------------------------
# (title prefix, measure, params)
DERIVED_INDICATORS = [
    (
        "Tenminste 10 beschikbare verzorgenden",
        "matching.available",
        {"role": CareRole.VERZORGENDE.value},
    ),
    (
        "Tenminste 10 beschikbare verpleegkundigen",
        "matching.available",
        {"role": CareRole.VERPLEEGKUNDIGE.value},
    ),
    (
        "Minimaal 150 Sterk in je Werk",
        "matching.trajectories",
        {"kind": TrajectoryKind.STERK_IN_JE_WERK.value},
    ),
]

PURPOSE_CANDIDATE = (
    "Aangemeld bij Extra handen voor de zorg: matchen met zorg- en welzijnsorganisaties die "
    "om hulp vragen en het bestand actueel houden door na te bellen, met toestemming."
)
PURPOSE_TRAJECTORY = (
    "Deelnemer aan een coaching- of loopbaantraject (Sterk in je Werk, loopbaanportal, "
    "regionaal contactpunt, werk-naar-werk), met toestemming."
)


# Example data: a re-engagement mailing (the seeds ask for "actief nabellen van kandidaten";
# the mailing's wording is ours).
REENGAGEMENT_CAMPAIGN = "Weer beschikbaar? (voorjaar 2021, voorbeeld)"
REENGAGEMENT_MESSAGE = (
    "Vorig jaar meldde u zich aan voor Extra Handen voor de Zorg. Bent u weer beschikbaar? "
    "Geef het door via de persoonlijke link."
)
