"""The demo's risks and reserves, from the multi-year plan's financial paragraph (seed 001
§5.4, lines ~1940–2030) and the transition documents (seed 000).

The seeds name the risks but give no probability for any of them, and an amount only for
the contribution asked of the province: those figures are example data, and the register
says so (`is_example`). The organisation-risk reserve (at most €250,000) is built up to the
€204,750 of the multi-year budget (DOMAIN.md, "Finance"). The figures the seeds contradict
themselves on are kept as stated beside the figure they should agree with, so the financial
position page flags them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from koers.directory.models import Organisation
from koers.funding import services
from koers.funding.models import BudgetTable, Grant, Risk
from koers.plans.models import Plan

D = Decimal
OWN_CONTRIBUTION = "Eigen bijdrage van CMO aan de transitie"
VAT_TOTAL = "Bijdrage voor de doorontwikkeling inclusief btw"
VAT = D("0.21")
EXAMPLE = "Kans (en, waar de bronstukken er geen noemen, impact) zijn voorbeeldgegevens."
SCENARIO = "Aanpassing van inzet op programma’s (scenario’s in de separate risicoanalyse)."
SOURCE = "Meerjarenplan 2021–2024 §5.4.1 Risico’s gerelateerd aan de doorontwikkeling"

# Seed 001 lines ~1982–2000 (§5.4.1).
RISKS: list[dict[str, Any]] = [
    {
        "title": "Bijdrage van de provincie voor de doorontwikkeling",
        "description": (
            "De risico’s gekoppeld aan de doorontwikkeling zijn deels uit te drukken in een "
            "vast bedrag: de gevraagde bijdrage aan de provincie voor doorontwikkeling, "
            "€125.000 in 2020 en €20.000 in 2021 plus btw (de tekst noemt “totaal ca. 185.000 "
            "euro”). Impact: €145.000 + 21% btw = €175.450."
        ),
        "probability": 10,
        "impact": D("175450"),
        "scenario": SCENARIO,
        "owner": "Directeur-bestuurder",
        "measures": "De bijdrage is aangevraagd en met de Najaarsnota 2020 toegekend.",
        "review_on": dt.date(2021, 6, 30),
    },
    {
        "title": "Hogere transitievergoeding voor personeel dan begroot",
        "description": (
            "Moeilijker te kwantificeren risico in de personele transitie: een hogere "
            "transitievergoeding voor personeel dan begroot moet worden betaald."
        ),
        "probability": 30,
        "impact": D("40000"),
        "scenario": SCENARIO,
        "owner": "Bedrijfsvoering",
        "measures": "Frictiekosten ten laste van de hiervoor ingestelde voorziening.",
        "review_on": dt.date(2021, 6, 30),
    },
    {
        "title": "Hoog ziekteverzuim neemt verder toe",
        "description": (
            "Deels samenhangend met de doorontwikkeling is er een hoog ziekteverzuim. Als dat "
            "nog verder toeneemt vormt ook dat een extra risico."
        ),
        "probability": 40,
        "impact": D("60000"),
        "scenario": SCENARIO,
        "owner": "Bedrijfsvoering",
        "measures": "Verzuimbegeleiding; bijsturen op de inzet per programma.",
        "review_on": dt.date(2021, 3, 31),
    },
    {
        "title": "Eigen vermogen te laag om de risico’s van de doorontwikkeling op te vangen",
        "description": (
            "Het eigen vermogen van CMO kan te laag blijken om de risico’s in de "
            "doorontwikkeling op te vangen (ultimo 2019 minimaal €74.000 te laag)."
        ),
        "probability": 50,
        "impact": D("74000"),
        "scenario": (
            "De doorontwikkeling (sterk) vertraagd doorvoeren en de productie/dienstverlening "
            "naar beneden bijstellen; de vraag in hoeverre voortzetting van de programma’s dan "
            "nog zinvol is."
        ),
        "owner": "Directeur-bestuurder",
        "measures": (
            "De enige maatregel binnen de beschikbare middelen: de doorontwikkeling (sterk) "
            "vertraagd doorvoeren en de productie/dienstverlening naar beneden bijstellen. CMO "
            "en provincie gaan in gesprek als de risico’s zich voordoen. In een "
            "intentieverklaring spreekt GS uit dat zij bereid is CMO te helpen bij het vinden "
            "van een oplossing als zich risico’s voordoen als gevolg van de doorontwikkeling "
            "tot 2024 die CMO niet zelf kan opvangen."
        ),
        "review_on": dt.date(2021, 12, 31),
    },
]

# Seed 001 lines ~1930–1940 (§5.4, the multi-year budget): result per year; the reserve at
# the end of 2020 is €69,128 after −€33,941, so €103,069 at the end of 2019.
ADDITIONS = {
    2020: D("-33941"),
    2021: D("18280"),
    2022: D("46914"),
    2023: D("47587"),
    2024: D("22841"),
}


def build_risks(plan: Plan, users: dict[str, Any], organisations: dict[str, Organisation]) -> None:
    own = plan.organisation
    actor = users["bedrijfsvoering"]
    if Risk.objects.filter(organisation=own).exists():
        return
    for values in RISKS:
        services.risk_save(
            actor=actor,
            organisation_id=own.pk,
            values={**values, "source": f"{SOURCE}. {EXAMPLE}"},
            is_example=True,
        )
    # Seed 001 lines ~2010–2013 (§5.4.2): "een bestemmingsreserve organisatierisico’s
    # opbouwen ter hoogte van maximaal €250.000,-. In de meerjarenbegroting ramen we op dit
    # moment een opbouw van deze reserve ter hoogte van € 204.750,-."
    services.earmarked_reserve_store(
        actor=actor,
        organisation_id=own.pk,
        values={
            "name": "Bestemmingsreserve organisatierisico’s",
            "purpose": "Reguliere bedrijfsrisico’s opvangen",
            "ceiling": D("250000"),
            "opening_year": 2019,
            "opening_balance": D("103069"),
            "source": (
                "Meerjarenplan §5.4.2 (maximaal €250.000, opbouw tot €204.750) en de "
                "meerjarenbegroting §5.4 (resultaat per jaar); stand ultimo 2019 afgeleid: "
                "€69.128 − (−€33.941) = €103.069"
            ),
        },
        additions=ADDITIONS,
    )
    _stated_figures(own, actor)


def _stated_figures(own: Organisation, actor: Any) -> None:
    """The seeds' own contradictions, the compared figure taken from what Koers holds."""
    table = BudgetTable.objects.get(organisation=own, title__startswith="Transitieplan CMO")
    total = table.rows.get(is_total=True).amounts
    cmo = (total[0] or D(0)) + (total[2] or D(0))
    # Seed 000 lines ~35–36: "CMO draagt zelf een bedrag bij van in totaal € 135.000."
    services.stated_figure_store(
        actor=actor,
        organisation_id=own.pk,
        values={
            "subject": OWN_CONTRIBUTION,
            "stated": D("135000"),
            "stated_source": "Statenmededeling transitie CMO: “CMO draagt zelf een bedrag bij "
            "van in totaal € 135.000”",
            "compared": cmo,
            "compared_source": f"{table.title}, rij Totaal, bijdrage CMO 2020 en 2021",
            "basis": f"{total[0]:,.0f} + {total[2]:,.0f}".replace(",", "."),
            "order": 1,
        },
    )
    grant = Grant.objects.get(organisation=own, title__startswith="Transitieplan: organisatie")
    assert grant.amount_granted is not None
    with_vat = (grant.amount_granted * (1 + VAT)).quantize(D("1"))
    # Seed 001 lines ~1980–1982: "€125.000 in 2020 en €20.000 in 2021 plus btw (totaal ca.
    # 185.000 euro)".
    services.stated_figure_store(
        actor=actor,
        organisation_id=own.pk,
        values={
            "subject": VAT_TOTAL,
            "stated": D("185000"),
            "stated_source": "Meerjarenplan §5.4.1: “plus btw (totaal ca. 185.000 euro)”",
            "compared": with_vat,
            "compared_source": f"Subsidie “{grant.title}” plus 21% btw",
            "basis": f"{grant.amount_granted:,.0f} + 21% btw".replace(",", "."),
            "order": 2,
        },
    )
