"""The demo's grants, from the seeds where they give figures (see koers.demo.funding): each
written through the funding services as the operations manager would, with its steps, the
advances sent and paid by the reference date and the decision's indicators."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from koers.directory.models import Organisation
from koers.funding import services
from koers.funding.models import Grant, GrantKind, GrantStatus
from koers.plans.models import Programme

EXAMPLE = "Voorbeeldgegevens: de bronstukken noemen dit bedrag of deze datum niet."
D = Decimal


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
# Seed 000 line ~448: "Transitieplan CMO-Flevoland … Lelystad, dinsdag 12 mei 2020".
TRANSITION_PLAN = dt.date(2020, 5, 12)


def build_grants(
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
            services.obligation_done_set(
                actor=actor, obligation=obligation, on=dt.date(2021, 8, 26)
            )
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
    # Seed 001 lines ~28–30 (the Mededeling): "Provinciale Staten heeft met de Najaarsnota
    # 2020 ingestemd om een bedrag van € 145.000 (waarvan € 125.000 in 2020) beschikbaar te
    # stellen aan CMO-Flevoland." Seed 000 line ~448: the transition plan is dated "Lelystad,
    # dinsdag 12 mei 2020". So the transition grants are prepared from that plan on and
    # decided with the Najaarsnota; the grant pays €125,000 for 2020 and €20,000 for 2021
    # (transition plan §6's table), not in equal quarterly advances. The exact dates of
    # submission and decision are not in the seeds (example dates).
    development = _grant(
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
            TRANSITION_PLAN, dt.date(2020, 6, 1), dt.date(2020, 11, 25), dt.date(2020, 12, 1)
        ),
        reference="VOORBEELD-2020-1125",
        note=(
            "Transitieplan §6 en Mededeling Najaarsnota 2020: de provincie draagt €145.000 bij, "
            "€125.000 in 2020 en €20.000 in 2021. Data van aanvraag en besluit: " + EXAMPLE
        ),
    )
    services.advance_schedule_set(
        actor=actor,
        grant=development,
        parts=[
            (dt.date(2020, 1, 1), dt.date(2020, 12, 31), dt.date(2020, 12, 1), D("125000.00")),
            (dt.date(2021, 1, 1), dt.date(2021, 12, 31), dt.date(2021, 1, 1), D("20000.00")),
        ],
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
            TRANSITION_PLAN, dt.date(2020, 6, 1), dt.date(2020, 12, 15), dt.date(2021, 1, 1)
        ),
        reference="VOORBEELD-2020-1215-F",
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
