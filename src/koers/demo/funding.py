"""The money part of the demo, from the seeds where they give figures (named per figure),
labelled as example data where they do not.

Reproduced from the seeds: the 2021 institutional grant (€1,069,937, 001 §5.4.3), the
province's €180,000 co-financing of Arbeidsmarkt en Onderwijs (001 §5.4.3), the separate
applications for loneliness (€120,000) and the Human Capital Agenda (€50,000) (001 §5.1),
the transition plan's contributions and table (000 §6), the multi-year result and reserve
table and the 2019 solvency (001 §5.4), and the Krachtige Samenleving budget tables (004).

Example data (the seeds give no amount): Regio+'s contribution, the three ExpEx grants,
the fundraising applications of Positieve Gezondheid, the 2021 programme budget lines
(the seeds' programme budget table is an image missing from the text), cost rates,
decision references and dates, and expenses. Each such record says so in its note.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from koers.demo import funding_tables
from koers.demo.funding_grants import build_grants
from koers.directory.models import Organisation
from koers.funding import services
from koers.funding.models import (
    BudgetLine,
    CostType,
    Direction,
    FinancialYear,
    Grant,
)
from koers.plans.models import Indicator, Plan, Programme, Source

D = Decimal

# Cost per hour by team for 2021 — example figures (salary scale plus overhead).
COST_RATES = {
    "Project & Advies": D("78.00"),
    "Zorgbelang Flevoland": D("72.00"),
    "Zowelwerk": D("80.00"),
}
DEFAULT_RATE = D("75.00")


def build_funding(
    plan: Plan, users: dict[str, Any], organisations: dict[str, Organisation], note: Any
) -> None:
    own = plan.organisation
    actor = users["bedrijfsvoering"]
    programmes = {p.code: p for p in Programme.objects.filter(plan=plan)}
    _derive_fundraising(programmes["PG"])
    _cost_rates(own)
    if not Grant.objects.filter(organisation=own).exists():
        build_grants(own, actor, organisations, programmes)
        note("grants", True)
    if not BudgetLine.objects.filter(organisation=own).exists():
        _budget_lines(own, actor, organisations, programmes)
        _expenses(own, actor, organisations, programmes)
    if not FinancialYear.objects.filter(organisation=own).exists():
        _position(own, actor)
    funding_tables.build_tables(own, actor, organisations["provincie-flevoland"])


def _derive_fundraising(programme: Programme) -> None:
    """The fundraising targets count themselves from the grant pipeline."""
    for prefix, measure in (
        ("3 subsidieaanvragen", "funding.applications_written"),
        ("Minimaal 1 subsidietoekenning", "funding.applications_granted"),
    ):
        Indicator.objects.filter(activity__programme=programme, title__startswith=prefix).update(
            source=Source.DERIVED, measure=measure
        )


def _cost_rates(own: Organisation) -> None:
    from koers.work.models import CostRate, StaffProfile

    existing = set(
        CostRate.objects.filter(profile__organisation=own, year=2021).values_list(
            "profile_id", flat=True
        )
    )
    CostRate.objects.bulk_create(
        CostRate(
            profile=profile,
            year=2021,
            rate=COST_RATES.get(profile.team.name if profile.team else "", DEFAULT_RATE),
        )
        for profile in StaffProfile.objects.filter(organisation=own).select_related("team")
        if profile.pk not in existing
    )


def _budget_lines(
    own: Organisation, actor: Any, orgs: dict[str, Organisation], programmes: dict[str, Programme]
) -> None:
    """The 2021 programme budget (example split; totals per funder follow the grants) and
    2022 lines with the bandwidths the plan announces for PG and VI (001 §5.4.3)."""
    province, regio = orgs["provincie-flevoland"], orgs["regioplus"]
    pg, ao, vi = programmes["PG"], programmes["AO"], programmes["VI"]
    lines: list[tuple[Programme, int, str, Any, str, Decimal, Decimal | None, Decimal | None]] = [
        # Institutional grant 2021 (€1,069,937) shared over the programmes — example split.
        (pg, 2021, Direction.INCOME, province, "", D("310000.00"), None, None),
        (ao, 2021, Direction.INCOME, province, "", D("259937.00"), None, None),
        (vi, 2021, Direction.INCOME, province, "", D("500000.00"), None, None),
        (ao, 2021, Direction.INCOME, province, "", D("180000.00"), None, None),
        (ao, 2021, Direction.INCOME, regio, "", D("300000.00"), None, None),
        (vi, 2021, Direction.INCOME, orgs["zonmw"], "", D("60000.00"), None, None),
        (vi, 2021, Direction.INCOME, orgs["windesheim"], "", D("15000.00"), None, None),
        (vi, 2021, Direction.INCOME, province, "", D("25000.00"), None, None),
        (pg, 2021, Direction.COST, province, CostType.PERSONNEL, D("255000.00"), None, None),
        (pg, 2021, Direction.COST, province, CostType.MATERIAL, D("55000.00"), None, None),
        (ao, 2021, Direction.COST, province, CostType.PERSONNEL, D("380000.00"), None, None),
        (ao, 2021, Direction.COST, regio, CostType.PERSONNEL, D("260000.00"), None, None),
        (ao, 2021, Direction.COST, regio, CostType.MATERIAL, D("40000.00"), None, None),
        (ao, 2021, Direction.COST, province, CostType.MATERIAL, D("59937.00"), None, None),
        (vi, 2021, Direction.COST, province, CostType.PERSONNEL, D("440000.00"), None, None),
        (vi, 2021, Direction.COST, province, CostType.MATERIAL, D("85000.00"), None, None),
        (vi, 2021, Direction.COST, orgs["zonmw"], CostType.PERSONNEL, D("60000.00"), None, None),
        (
            vi,
            2021,
            Direction.COST,
            orgs["windesheim"],
            CostType.MATERIAL,
            D("15000.00"),
            None,
            None,
        ),
        (pg, 2022, Direction.INCOME, province, "", D("330000.00"), D("310000.00"), D("380000.00")),
        (vi, 2022, Direction.INCOME, province, "", D("520000.00"), D("480000.00"), D("560000.00")),
        (ao, 2022, Direction.INCOME, province, "", D("180000.00"), None, None),
    ]
    for programme, year, direction, funder, cost_type, amount, low, high in lines:
        services.budget_line_save(
            actor=actor,
            organisation_id=own.pk,
            values={
                "programme": programme,
                "year": year,
                "direction": direction,
                "funder": funder,
                "cost_type": cost_type,
                "description": "Voorbeeldverdeling"
                if year == 2021
                else "Bandbreedte vanaf 2022 (voorbeeldbedragen)",
                "amount": amount,
                "amount_low": low,
                "amount_high": high,
                "is_example": True,
            },
        )


def _expenses(
    own: Organisation, actor: Any, orgs: dict[str, Organisation], programmes: dict[str, Programme]
) -> None:
    for programme, day, cost_type, amount, description, funder in (
        (
            programmes["PG"],
            dt.date(2021, 3, 18),
            CostType.MATERIAL,
            D("1850.00"),
            "Zaalhuur themabijeenkomst kunst en cultuur (voorbeeld)",
            None,
        ),
        (
            programmes["PG"],
            dt.date(2021, 6, 10),
            CostType.MATERIAL,
            D("2120.00"),
            "Zaalhuur en catering themabijeenkomst sport (voorbeeld)",
            None,
        ),
        (
            programmes["AO"],
            dt.date(2021, 5, 20),
            CostType.HIRE,
            D("12500.00"),
            "Arbeidsmarktonderzoek, externe data-analyse (voorbeeld)",
            orgs["regioplus"],
        ),
        (
            programmes["VI"],
            dt.date(2021, 4, 12),
            CostType.MATERIAL,
            D("4800.00"),
            "Training ExpEx-jongeren (voorbeeld)",
            orgs["zonmw"],
        ),
    ):
        services.expense_record(
            actor=actor,
            organisation_id=own.pk,
            values={
                "programme": programme,
                "date": day,
                "cost_type": cost_type,
                "amount": amount,
                "description": description,
                "funder": funder,
                "is_example": True,
            },
        )


# Meerjarenplan 2021–2024 §5.4: result and reserve at year end (2020 is a forecast).
RESULTS = [
    (2020, D("-33941"), D("69128")),
    (2021, D("18280"), D("87408")),
    (2022, D("46914"), D("134322")),
    (2023, D("47587"), D("181909")),
    (2024, D("22841"), D("204750")),
]


def _position(own: Organisation, actor: Any) -> None:
    services.financial_year_save(
        actor=actor,
        organisation_id=own.pk,
        year=2019,
        values={
            "equity": D("103000"),
            "total_capital": D("643750"),
            # Seed 001 §5.4.2 (lines ~2005–2010): "had het eigen vermogen van CMO ultimo
            # 2019 tussen de €177.000 - €350.000 moeten liggen, waar dat in werkelijkheid
            # €103.000 was. Het eigen vermogen was … mimimaal €74.000 te laag."
            "required_equity_low": D("177000"),
            "required_equity_high": D("350000"),
            "required_equity_source": (
                "Meerjarenplan §5.4.2: eigen vermogen ultimo 2019 tussen €177.000 en €350.000"
            ),
            "note": (
                "Meerjarenplan §5.4.2: eigen vermogen €103.000, solvabiliteit 16% ultimo 2019. "
                "Het totaal vermogen (€643.750) is daaruit afgeleid."
            ),
        },
    )
    for year, result, reserve in RESULTS:
        services.financial_year_save(
            actor=actor,
            organisation_id=own.pk,
            year=year,
            values={
                "planned_result": result,
                "planned_reserve": reserve,
                "note": "Meerjarenbegroting, Meerjarenplan 2021–2024 §5.4"
                + (" (prognose)" if year == 2020 else ""),
            },
        )
