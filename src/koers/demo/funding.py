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
from koers.directory.models import Organisation
from koers.funding import services
from koers.funding.models import (
    BudgetLine,
    CostType,
    Direction,
    FinancialYear,
    Grant,
    GrantKind,
    GrantStatus,
)
from koers.plans.models import Indicator, Plan, Programme, Source

EXAMPLE = "Voorbeeldgegevens: de bronstukken noemen dit bedrag of deze datum niet."
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
        _grants(own, actor, organisations, programmes)
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


def _grant(
    own: Organisation,
    actor: Any,
    *,
    funder: Organisation,
    kind: str,
    title: str,
    requested: Decimal,
    period: tuple[dt.date, dt.date],
    programmes: list[Programme],
    steps: list[tuple[str, dt.date]],
    granted: Decimal | None = None,
    reference: str = "",
    note: str = "",
    projects: list[Any] | None = None,
) -> Grant:
    grant = services.grant_save(
        actor=actor,
        organisation_id=own.pk,
        values={
            "funder": funder,
            "kind": kind,
            "title": title,
            "amount_requested": requested,
            "starts_on": period[0],
            "ends_on": period[1],
            "note": note,
        },
        links={"programmes": programmes, "projects": projects or []},
    )
    for status, day in steps:
        if status == GrantStatus.GRANTED:
            grant = services.grant_save(
                actor=actor,
                organisation_id=own.pk,
                values={"amount_granted": granted, "decided_on": day, "reference": reference},
                grant=grant,
            )
        grant = services.grant_move(actor=actor, grant=grant, to=status, on=day)
    return grant


def _steps(
    prepared: dt.date,
    submitted: dt.date,
    decided: dt.date | None = None,
    running: dt.date | None = None,
) -> list[tuple[str, dt.date]]:
    steps: list[tuple[str, dt.date]] = [
        (GrantStatus.PREPARATION, prepared),
        (GrantStatus.SUBMITTED, submitted),
    ]
    if decided:
        steps.append((GrantStatus.GRANTED, decided))
    if running:
        steps.append((GrantStatus.RUNNING, running))
    return steps


YEAR_2021 = (dt.date(2021, 1, 1), dt.date(2021, 12, 31))


def _grants(
    own: Organisation, actor: Any, orgs: dict[str, Organisation], programmes: dict[str, Programme]
) -> None:
    from koers.work.models import Project

    province = orgs["provincie-flevoland"]
    pg, ao, vi = programmes["PG"], programmes["AO"], programmes["VI"]
    institutional = _grant(
        own,
        actor,
        funder=province,
        kind=GrantKind.INSTITUTIONAL,
        title="Instellingssubsidie CMO Flevoland 2021",
        requested=D("1069937.00"),
        granted=D("1069937.00"),
        period=YEAR_2021,
        programmes=[pg, ao, vi],
        steps=_steps(
            dt.date(2020, 6, 1), dt.date(2020, 9, 30), dt.date(2020, 12, 15), dt.date(2021, 1, 1)
        ),
        reference="VOORBEELD-2020-1215",
        note=(
            "Meerjarenplan 2021–2024 §5.4.3: aangevraagd €1.069.937 excl. btw voor 2021. "
            "Kenmerk en besluitdatum: " + EXAMPLE
        ),
    )
    _advances_paid(actor, institutional, paid_through=3, sent_through=4)
    _decision_indicators(actor, institutional, [pg, ao, vi])
    for text, due in (
        ("Jaarplan 2022 indienen (na advies van de Raad van Advies)", dt.date(2021, 11, 1)),
        ("Voortgangsrapportage over het eerste halfjaar", dt.date(2021, 8, 31)),
        ("Inhoudelijke en financiële verantwoording 2021", dt.date(2022, 5, 1)),
        ("Eerste evaluatie: ontwikkeling CMO en samenwerking 2021–2022", dt.date(2023, 4, 30)),
    ):
        obligation = services.obligation_add(
            actor=actor, grant=institutional, text=text, due_on=due
        )
        if due == dt.date(2021, 8, 31):
            services.obligation_done(actor=actor, obligation=obligation, on=dt.date(2021, 8, 26))
    cofinancing = _grant(
        own,
        actor,
        funder=province,
        kind=GrantKind.PROJECT,
        title="Cofinanciering Arbeidsmarkt en Onderwijs 2021 (Regio+-doelen)",
        requested=D("180000.00"),
        granted=D("180000.00"),
        period=YEAR_2021,
        programmes=[ao],
        steps=_steps(
            dt.date(2020, 6, 1), dt.date(2020, 9, 30), dt.date(2020, 12, 15), dt.date(2021, 1, 1)
        ),
        reference="VOORBEELD-2020-1216",
        note=(
            "Meerjarenplan §5.4.3: een jaarlijkse provinciale bijdrage van €180.000, vaste "
            "cofinanciering voor de doelstellingen van Regio+. Of dit bedrag binnen de "
            "€1.069.937 valt, zeggen de bronstukken niet. Kenmerk: " + EXAMPLE
        ),
    )
    _advances_paid(actor, cofinancing, paid_through=3, sent_through=4)
    regio = _grant(
        own,
        actor,
        funder=orgs["regioplus"],
        kind=GrantKind.ASSIGNMENT,
        title="Regio+ Samen Regionaal Sterk 2021",
        requested=D("300000.00"),
        granted=D("300000.00"),
        period=YEAR_2021,
        programmes=[ao],
        steps=_steps(
            dt.date(2020, 9, 1), dt.date(2020, 10, 15), dt.date(2020, 12, 1), dt.date(2021, 1, 1)
        ),
        reference="VOORBEELD-RP-2021-14",
        note="Regio+ vraagt circa 4 fte op programma 001. Bedrag: " + EXAMPLE,
    )
    _advances_paid(actor, regio, paid_through=3, sent_through=3)
    expex = list(Project.objects.filter(organisation=own, code="EXPEX"))
    for slug, amount, reference in (
        ("zonmw", D("60000.00"), "VOORBEELD-ZONMW-0421"),
        ("windesheim", D("15000.00"), "VOORBEELD-WH-2021"),
        ("provincie-flevoland", D("25000.00"), "VOORBEELD-2020-1217"),
    ):
        grant = _grant(
            own,
            actor,
            funder=orgs[slug],
            kind=GrantKind.PROJECT,
            title=f"ExpEx Flevoland 2021 — {orgs[slug]}",
            requested=amount,
            granted=amount,
            period=YEAR_2021,
            programmes=[vi],
            projects=expex,
            steps=_steps(
                dt.date(2020, 9, 1),
                dt.date(2020, 10, 1),
                dt.date(2020, 12, 10),
                dt.date(2021, 1, 1),
            ),
            reference=reference,
            note=(
                "Gefinancierd door ZonMw, Windesheim en de provincie tot eind 2021 "
                "(jaarplan 2021). Bedrag: " + EXAMPLE
            ),
        )
        _advances_paid(actor, grant, paid_through=3, sent_through=4)
    _grant(
        own,
        actor,
        funder=province,
        kind=GrantKind.PROJECT,
        title="Aanpak Eenzaamheid (afzonderlijke aanvraag)",
        requested=D("120000.00"),
        period=YEAR_2021,
        programmes=[pg],
        steps=_steps(dt.date(2020, 8, 1), dt.date(2020, 10, 30)),
        note=(
            "Jaarplan 2021 §5.1: afzonderlijke aanvraag van €120.000, niet in de "
            "programmabegroting. Data: " + EXAMPLE
        ),
    )
    _grant(
        own,
        actor,
        funder=province,
        kind=GrantKind.PROJECT,
        title="Human Capital Agenda Zorg en Welzijn (afzonderlijke aanvraag)",
        requested=D("50000.00"),
        period=YEAR_2021,
        programmes=[ao],
        steps=_steps(dt.date(2020, 8, 1), dt.date(2020, 10, 30)),
        note=(
            "Jaarplan 2021 §5.1: afzonderlijke aanvraag van €50.000, niet in de "
            "programmabegroting. Data: " + EXAMPLE
        ),
    )
    _grant(
        own,
        actor,
        funder=province,
        kind=GrantKind.PROJECT,
        title="Transitieplan: organisatieontwikkeltraject 2020–2021",
        requested=D("145000.00"),
        granted=D("145000.00"),
        period=(dt.date(2020, 1, 1), dt.date(2021, 12, 31)),
        programmes=[],
        steps=_steps(
            dt.date(2020, 1, 15), dt.date(2020, 2, 1), dt.date(2020, 3, 10), dt.date(2020, 4, 1)
        ),
        reference="VOORBEELD-2020-0310",
        note=(
            "Transitieplan §6: de provincie draagt maximaal €145.000 bij (€125.000 in "
            "2020, €20.000 in 2021). Data: " + EXAMPLE
        ),
    )
    _grant(
        own,
        actor,
        funder=province,
        kind=GrantKind.PROJECT,
        title="Transitieplan: personele frictiekosten 2021",
        requested=D("75000.00"),
        granted=D("75000.00"),
        period=YEAR_2021,
        programmes=[],
        steps=_steps(
            dt.date(2020, 1, 15), dt.date(2020, 2, 1), dt.date(2020, 3, 10), dt.date(2021, 1, 1)
        ),
        reference="VOORBEELD-2020-0311",
        note=(
            "Transitieplan §6: de provincie draagt maximaal €75.000 bij aan de "
            "frictiekosten. Data: " + EXAMPLE
        ),
    )
    # Positieve Gezondheid's fundraising: three applications to write in 2021, one granted.
    vsb = orgs["vsb-fonds"]
    _grant(
        own,
        actor,
        funder=orgs["zonmw"],
        kind=GrantKind.FUND,
        title="Kennisproject eenzaamheid en Positieve Gezondheid",
        requested=D("40000.00"),
        granted=D("35000.00"),
        period=(dt.date(2021, 9, 1), dt.date(2022, 8, 31)),
        programmes=[pg],
        steps=_steps(dt.date(2021, 1, 20), dt.date(2021, 3, 15), dt.date(2021, 6, 22)),
        reference="VOORBEELD-ZONMW-0622",
        note=EXAMPLE,
    )
    _grant(
        own,
        actor,
        funder=vsb,
        kind=GrantKind.FUND,
        title="Taal en gezondheid in Flevoland",
        requested=D("25000.00"),
        period=(dt.date(2022, 1, 1), dt.date(2022, 12, 31)),
        programmes=[pg],
        steps=_steps(dt.date(2021, 7, 1), dt.date(2021, 9, 1)),
        note=EXAMPLE,
    )
    services.grant_save(
        actor=actor,
        organisation_id=own.pk,
        values={
            "funder": vsb,
            "kind": GrantKind.FUND,
            "title": "Digitale gezondheid voor ouderen",
            "amount_requested": D("30000.00"),
            "starts_on": dt.date(2022, 3, 1),
            "ends_on": dt.date(2023, 2, 28),
            "note": EXAMPLE,
        },
        links={"programmes": [pg]},
    )


def _advances_paid(actor: Any, grant: Grant, *, paid_through: int, sent_through: int) -> None:
    """Advances of 2021 sent on their due date and paid three weeks later (example dates)."""
    for advance in grant.advances.order_by("number"):
        if advance.number > sent_through or advance.due_on > dt.date(2021, 10, 15):
            continue
        services.advance_update(actor=actor, advance=advance, sent_on=advance.due_on)
        if advance.number <= paid_through:
            services.advance_update(
                actor=actor, advance=advance, paid_on=advance.due_on + dt.timedelta(days=21)
            )


def _decision_indicators(actor: Any, grant: Grant, programmes: list[Programme]) -> None:
    """The decision's performance indicators: the plan's indicators with their 2021 targets,
    agreed as planned (the seeds give no target that differs from the annual plan)."""
    from koers.plans.models import Target

    targets = (
        Target.objects.filter(indicator__activity__programme__in=programmes, year=2021)
        .select_related("indicator__activity__programme__plan")
        .order_by("indicator_id")
    )
    for target in targets:
        services.grant_indicator_set(
            actor=actor,
            grant=grant,
            indicator=target.indicator,
            year=2021,
            agreed_target=target.value,
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
