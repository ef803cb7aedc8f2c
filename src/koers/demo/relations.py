"""The events and communication items of the demo, behind the Positieve Gezondheid targets.

From the seeds (jaarplan 2021, §2.1 "Thematische blokken met beoogde partners"): the seven
themes and the partners named for each, which the demo adds to the directory. Example
data (the seeds give no dates, places or publications): the events' dates and places (the
two held by the reference date are those of the manual realisations in builder.py), who
co-organised them, and the communication items. Each is marked as example data.

The indicators "21 communicatie-uitingen" and "Actieve schil van 6 organisaties" are
derived from these records. "7 thematische netwerkbijeenkomsten" stays entered by hand
for now: the walkthrough records its third meeting as a realisation.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.text import slugify

from koers.directory.models import Organisation, OrganisationKind
from koers.plans.models import Activity, Indicator, Plan, Source
from koers.relations import event_services
from koers.relations.models import CommunicationItem, Event

# Jaarplan 2021 §2.1: the partners named per theme.
PARTNERS = {
    "kunst en cultuur": ["KunstLink"],
    "sport": ["Sportservice Flevoland", "Jeugdfonds Sport en Cultuur"],
    "natuur": ["IVN", "Staatsbosbeheer", "Natuur en Milieu Federatie Flevoland"],
    "taal en gezondheid": [
        "Bibliotheeknetwerk Flevoland",
        "Flevomeer Bibliotheek",
        "Huis voor Taal",
    ],
    "digitale gezondheid": ["Proscoop", "Medrie", "OZO Verbindzorg"],
}

# (date, theme, place, municipality slug, co-organising partners); the first two were held
# by the reference date, the others are planned.
EVENTS = [
    (dt.date(2021, 3, 18), "kunst en cultuur", "Agora Lelystad", "lelystad", ["KunstLink"]),
    (
        dt.date(2021, 6, 10),
        "sport",
        "Sportcampus Almere",
        "almere",
        ["Sportservice Flevoland", "Jeugdfonds Sport en Cultuur"],
    ),
    (
        dt.date(2021, 11, 4),
        "taal en gezondheid",
        "Bibliotheek Emmeloord",
        "noordoostpolder",
        ["Bibliotheeknetwerk Flevoland", "Huis voor Taal"],
    ),
    (dt.date(2021, 11, 25), "eenzaamheid", "De Rede Dronten", "dronten", []),
    (dt.date(2021, 12, 9), "digitale gezondheid", "Online", "", ["Proscoop", "Medrie"]),
]

# (date, channel, title, theme) — example publications on WEL in Flevoland and in newsletters.
COMMUNICATIONS = [
    (dt.date(2021, 1, 21), "website", "Positieve Gezondheid in Flevoland: de thema's van 2021", ""),
    (
        dt.date(2021, 2, 11),
        "newsletter",
        "Uitnodiging themabijeenkomst kunst en cultuur",
        "kunst en cultuur",
    ),
    (
        dt.date(2021, 3, 22),
        "website",
        "Terugblik: kunst en cultuur en gezondheid",
        "kunst en cultuur",
    ),
    (
        dt.date(2021, 3, 30),
        "social",
        "Foto's van de themabijeenkomst kunst en cultuur",
        "kunst en cultuur",
    ),
    (dt.date(2021, 4, 15), "newsletter", "Nieuwsbrief WEL in Flevoland april", ""),
    (dt.date(2021, 5, 6), "website", "Sport als sleutel tot meedoen", "sport"),
    (dt.date(2021, 5, 20), "newsletter", "Uitnodiging themabijeenkomst sport", "sport"),
    (dt.date(2021, 6, 14), "website", "Terugblik: de themabijeenkomst sport", "sport"),
    (
        dt.date(2021, 6, 24),
        "press",
        "Persbericht: sportverenigingen en Positieve Gezondheid",
        "sport",
    ),
    (dt.date(2021, 7, 8), "newsletter", "Nieuwsbrief WEL in Flevoland zomer", ""),
    (dt.date(2021, 8, 26), "website", "Natuur en gezondheid: wat de IVN-gidsen zien", "natuur"),
    (dt.date(2021, 9, 9), "social", "Vooraankondiging themabijeenkomst natuur", "natuur"),
    (dt.date(2021, 9, 30), "newsletter", "Nieuwsbrief WEL in Flevoland september", ""),
    (dt.date(2021, 10, 7), "website", "Laaggeletterdheid en gezondheid", "taal en gezondheid"),
    (dt.date(2021, 10, 14), "social", "Week van de eenzaamheid: doe mee", "eenzaamheid"),
]

EXAMPLE = "Voorbeeldgegevens: datum, plaats en deelnemers staan niet in de bronstukken."

# Networks the seeds name (jaarplan 2021): (programme, name, kind, role, purpose). The role
# and the date of joining are example data.
NETWORKS = [
    (
        "PG",
        "Alles is Gezondheid (regionetwerk)",
        "national",
        "deelnemer",
        "Landelijk netwerk voor gezondheid; Flevoland als regio zichtbaar maken.",
    ),
    (
        "PG",
        "RIVM Netwerk Brede Gezondheidsconcepten (leerregio)",
        "national",
        "deelnemer",
        "Leren van andere regio's die met brede gezondheidsconcepten werken.",
    ),
    ("PG", "Missie Mentaal", "national", "deelnemer", "Mentale gezondheid op de agenda."),
    (
        "PG",
        "WEL in Flevoland",
        "regional",
        "trekker",
        "Programmamanagement samen met GGD Flevoland.",
    ),
    ("VI", "Netwerk niet-aangeboren hersenletsel (NAH)", "regional", "deelnemer", ""),
    ("VI", "Netwerk dementie", "regional", "deelnemer", ""),
    ("VI", "Convenant informele zorg", "regional", "deelnemer", ""),
    (
        "AO",
        "Netwerk recruiters zorg en welzijn",
        "working_group",
        "secretaris",
        "Komt twee keer per jaar bijeen.",
    ),
    ("AO", "Netwerk Leren en Opleiden", "working_group", "procesbegeleider", ""),
    ("AO", "Netwerk HR-managers", "working_group", "trekker", "Komt drie keer per jaar bijeen."),
]


def build_relations(
    plan: Plan, users: dict[str, Any], organisations: dict[str, Any], note: Any
) -> None:
    partners = _partners(note)
    activity = (
        Activity.objects.filter(programme__plan=plan, programme__code="PG", year=2021)
        .filter(indicators__title__startswith="7 thematische")
        .select_related("programme__plan")
        .first()
    )
    if activity is None:
        return
    _derive(activity)
    coordinator = users["coordinator"]
    municipalities = {
        o.municipality.slug: o.municipality
        for o in Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY).select_related(
            "municipality"
        )
        if o.municipality
    }
    if not Event.objects.filter(programme=activity.programme).exists():
        ggd = organisations.get("ggd-flevoland")
        for day, theme, place, municipality, organisers in EVENTS:
            event = event_services.event_save(
                actor=coordinator,
                programme=activity.programme,
                values={
                    "activity": activity,
                    "title": f"Themabijeenkomst {theme}",
                    "theme": theme,
                    "date": day,
                    "place": place,
                    "municipality": municipalities.get(municipality),
                    "note": EXAMPLE,
                },
                co_organisers=[partners[name] for name in organisers] + ([ggd] if ggd else []),
                is_example=True,
            )
            note("events", bool(event))
    _networks(plan, users)
    if not CommunicationItem.objects.filter(programme=activity.programme).exists():
        for day, channel, title, theme in COMMUNICATIONS:
            event_services.communication_add(
                actor=coordinator,
                programme=activity.programme,
                values={"date": day, "channel": channel, "title": title, "theme": theme},
                is_example=True,
            )
            note("communication items", True)


def _networks(plan: Plan, users: dict[str, Any]) -> None:
    from koers.plans.models import Programme
    from koers.relations import network_services
    from koers.relations.models import Network

    if Network.objects.filter(holder=plan.organisation).exists():
        return
    programmes = {p.code: p for p in Programme.objects.filter(plan=plan)}
    coordinators = {"PG": "coordinator", "AO": "coordinator-ao", "VI": "coordinator-vi"}
    for code, name, kind, role, purpose in NETWORKS:
        network_services.network_save(
            actor=users["bedrijfsvoering"],
            holder_id=plan.organisation_id,
            values={
                "name": name,
                "kind": kind,
                "role": role,
                "programme": programmes[code],
                "purpose": purpose,
                "joined_on": dt.date(2020, 1, 1),
            },
            representatives=[users[coordinators[code]]],
            is_example=True,
        )
    Indicator.objects.filter(
        activity__programme=programmes["PG"], title__startswith="Zichtbaarheid in tenminste 3"
    ).update(
        source=Source.DERIVED,
        measure="relations.networks_programme",
        measure_params={"kind": "national"},
    )


def _partners(note: Any) -> dict[str, Organisation]:
    found = {}
    for names in PARTNERS.values():
        for name in names:
            organisation, was = Organisation.objects.get_or_create(
                slug=slugify(name), defaults={"name": name, "kind": OrganisationKind.PARTNER}
            )
            note("organisations", was)
            found[name] = organisation
    return found


def _derive(activity: Activity) -> None:
    """The activity's communications and its active circle count themselves."""
    Indicator.objects.filter(activity=activity, title__startswith="21 communicatie").update(
        source=Source.DERIVED, measure="relations.communications_programme"
    )
    Indicator.objects.filter(activity=activity, title__startswith="Actieve schil").update(
        source=Source.DERIVED,
        measure="relations.active_organisations",
        measure_params={"exclude": ["ggd-flevoland"]},
    )
