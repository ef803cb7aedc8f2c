"""The demo's opportunities and quotes: work CMO could do beyond the annual plan, for the
clients the seeds name.

From the seeds (jaarplan 2021): process support for Informeel Flevoland in Beeld in the other
four municipalities in 2021–2022 (Positieve Gezondheid); advice to the FPF on grant
applications such as the VSB Fonds (Versterken van Inwoners); Sterk in je Werk coaching for
employers (Arbeidsmarkt en Onderwijs). Example data, marked as such: hours, amounts, dates,
outcomes and reasons — the seeds give none.

Written through the services as the coordinators would (quotes numbered and their Word
documents kept; the won quote creates its project).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from koers.plans.models import Plan, Programme
from koers.relations.models import Opportunity
from koers.relations.opportunities import services

D = dt.date
# (programme, client slug, owner, title, description, hours, programme hours, amount,
#  recorded, sent, outcome: ("won", day, code) | ("lost", day, reason) | None)
OPPORTUNITIES: list[tuple[Any, ...]] = [
    (
        "PG",
        "gemeente-dronten",
        "coordinator",
        "Procesbegeleiding Informeel Dronten in Beeld",
        "Drie bijeenkomsten met informele initiatieven in Dronten, een eerste kaart van wie "
        "met wie samenwerkt, en een advies voor de gemeente over de kwetsbare plekken in het "
        "netwerk.",
        Decimal(60),
        Decimal(30),
        Decimal("3150.00"),
        D(2021, 8, 30),
        D(2021, 9, 20),
        None,
    ),
    (
        "PG",
        "gemeente-zeewolde",
        "coordinator",
        "Procesbegeleiding Informeel Zeewolde in Beeld",
        "Als in Dronten: initiatieven in beeld, bijeenkomsten en een kaart van het netwerk.",
        Decimal(60),
        Decimal(30),
        Decimal("3150.00"),
        D(2021, 10, 4),
        None,
        None,
    ),
    (
        "VI",
        "fpf",
        "coordinator-vi",
        "Advies subsidieaanvraag VSB Fonds voor het FPF-symposium",
        "Meelezen en adviseren bij de aanvraag van de FPF bij het VSB Fonds voor het "
        "symposium van 2022, met een begroting en een verantwoordingsplan.",
        Decimal(16),
        Decimal(8),
        Decimal("1120.00"),
        D(2021, 3, 8),
        D(2021, 3, 15),
        ("won", D(2021, 4, 2), "VI-VSB"),
    ),
    (
        "AO",
        "woonzorg-flevoland",
        "coordinator-ao",
        "Sterk in je Werk: tien coachingtrajecten voor medewerkers",
        "Tien loopbaangesprekken en een vervolgtraject per medewerker, met een terugkoppeling "
        "aan de werkgever over wat medewerkers nodig hebben om te blijven.",
        Decimal(40),
        None,
        Decimal("4800.00"),
        D(2021, 5, 10),
        D(2021, 5, 25),
        (
            "lost",
            D(2021, 7, 1),
            "De werkgever koos voor een landelijk aanbod dat onder de cao-afspraken valt.",
        ),
    ),
]


def build_opportunities(
    plan: Plan, users: dict[str, Any], organisations: dict[str, Any], note: Any
) -> None:
    holder = plan.organisation
    if Opportunity.objects.filter(holder=holder, is_example=True).exists():
        return
    programmes = {p.code: p for p in Programme.objects.filter(plan=plan)}
    in_order_sent = sorted(OPPORTUNITIES, key=lambda row: row[9] or row[8])  # quotes numbered
    for (
        code,
        client,
        owner,
        title,
        text,
        hours,
        paid,
        amount,
        recorded,
        sent,
        outcome,
    ) in in_order_sent:
        if client not in organisations:
            continue
        actor = users[owner]
        record = services.opportunity_save(
            actor=actor,
            holder_id=holder.pk,
            values={
                "organisation": organisations[client],
                "contact": None,
                "programme": programmes[code],
                "title": title,
                "description": text,
                "hours": hours,
                "programme_hours": paid,
                "amount": amount,
                "vat_rate": 21,
                "owner": actor,
                "expected_on": (sent or recorded) + dt.timedelta(days=30),
                "starts_on": None,
                "ends_on": None,
            },
            on=recorded,
            is_example=True,
        )
        note("opportunities", True)
        if sent:
            record = services.quote_send(actor=actor, opportunity=record, on=sent)
        if outcome and outcome[0] == "won":
            services.quote_win(actor=actor, opportunity=record, on=outcome[1], code=outcome[2])
        elif outcome and outcome[0] == "lost":
            services.opportunity_lose(
                actor=actor, opportunity=record, on=outcome[1], reason=outcome[2]
            )
