"""A second partner of the province in the demo: Sportservice Flevoland, so the province's
portfolio of Krachtige Samenleving shows two partners side by side.

From the seeds:
- Sportservice Flevoland is a partner of the province with multi-year arrangements, the
  relationship CMO's is to resemble (001 r. 51-52: "vergelijkbaar met de relaties met
  bijvoorbeeld Sportservice Flevoland en Horizon"; 000 r. 486 names its earlier transition).
- It is WEL in Flevoland's partner for the sport theme (001 r. 870 and r. 2577: "Sport:
  Sportservice Flevoland, Jeugdfonds Sport en Cultuur"; 004 r. 505-507: "Vanuit WEL
  samenwerking met GGD (gezondheid), SSF (sport), IVN (natuur) en kunstlink"), and the
  province deploys it "voor het programma Positieve Gezondheid en voor onderzoek" (004
  r. 526-532). So its programme serves KS-1, "Een gezond en veerkrachtig Flevoland" (WEL in
  Flevoland), as CMO's Positieve Gezondheid does; KS-1's attention points are "overgewicht
  en beweging (waarop Flevoland nu slecht scoort)" (004 r. 48-50).

Invented (example data, and labelled so): the account `sportservice` and its name, the plan,
the programme's texts and FTE, the lines, activities, indicators and every target (each
target's note says so), the realisations (marked as example data, as `realisations.py`
marks CMO's), the dates of the annual plan's steps (the adopting step's comment says
"(voorbeeld)", as CMO's does), the amendment (its reason begins with "Voorbeeld"), the
grant's amount, reference and dates (its note says so) and the hours. KS-2 "Leefbaar
platteland" is served by neither partner: the portfolio's gap.

Written through the services as the users would (with their audit entries and
validation): the director of Sportservice drafts the activities, indicators and targets,
submits the annual plan, sets the activities running, proposes the amendment and keeps
the grant; the province's official adopts the plan. The amendment waits for her decision.
The plan, its programme and lines have no service and are made as `builder` makes CMO's.
The realisations and hours are bulk-loaded without an audit entry, as `realisations.py`
and `hours.py` load CMO's; the build's "demo.built" entry counts them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from koers.accounts.models import User
from koers.core.models import Municipality
from koers.demo.constants import DEMO_YEAR, REFERENCE_DATE
from koers.demo.funding_grants import (
    EXAMPLE as EXAMPLE_AMOUNT,
)
from koers.demo.funding_grants import (
    YEAR_2021,
    _advances_paid,
    _decision_indicators,
    _grant,
    _steps,
)
from koers.directory.models import Organisation
from koers.funding.models import GrantKind
from koers.plans import services
from koers.plans.goal_links import unfunded_goals
from koers.plans.models import (
    Activity,
    ActivityStatus,
    Amendment,
    AmendmentField,
    AnnualPlan,
    AnnualPlanStatus,
    Goal,
    Indicator,
    Line,
    Plan,
    Programme,
    Realisation,
    Target,
)
from koers.work.models import TimeEntry

PARTNER = "sportservice-flevoland"  # in the directory already (directory_organisations.py)
FUNDER = "provincie-flevoland"
USERNAME = "sportservice"  # builder.USERS: the director of Sportservice Flevoland
PROGRAMME = "SB"
# The Krachtige Samenleving line CMO's Positieve Gezondheid serves too (seed_data, PG).
SHARED_GOALS = ("KS-1",)
EXAMPLE = "Voorbeeldgegevens: de bronstukken noemen geen plannen of cijfers van Sportservice."
EXAMPLE_TARGET = "Voorbeeldgegevens: de bronstukken noemen geen streefwaarden van Sportservice."

PLAN: dict[str, str] = {
    "title": "Meerjarenafspraken Sportservice Flevoland 2021",
    "description": (
        "De afspraken van Sportservice Flevoland met de provincie over sport en bewegen binnen "
        "WEL in Flevoland. " + EXAMPLE
    ),
}
PROGRAMME_SPEC: dict[str, Any] = {
    "code": PROGRAMME,
    "name": "Sport en bewegen",
    "strategic_goal": (
        "Meer Flevolanders sporten en bewegen; sport is een vaste partner binnen WEL in Flevoland."
    ),
    "introduction": (
        "Sportservice Flevoland brengt het thema sport in WEL in Flevoland, samen met het "
        "Jeugdfonds Sport en Cultuur, en doet onderzoek naar sport- en beweegdeelname. " + EXAMPLE
    ),
    "fte": Decimal("1.0"),
}
LINES = [
    ("SB-1", "Sport en bewegen binnen WEL in Flevoland"),
    ("SB-2", "Onderzoek"),
]
# (line, code, title, description, outcome, role, phase, municipalities, indicators)
# indicator: (kind, title, unit, aggregation, key, target, phasing q1-q3)
ACTIVITIES: list[tuple[Any, ...]] = [
    (
        "SB-1",
        "SB-1.1",
        "Netwerk sport en bewegen",
        "Sportservice brengt sportverenigingen, buurtsportcoaches en zorg- en "
        "welzijnspartners samen in netwerkbijeenkomsten over sport en bewegen.",
        "Sportaanbieders en partners in zorg en welzijn weten elkaar te vinden en verwijzen "
        "inwoners naar elkaars aanbod.",
        "gesprek_verbinding",
        "versterken",
        (),
        [
            (
                "output",
                "6 thematische netwerkbijeenkomsten",
                "count",
                "sum",
                True,
                Decimal(6),
                (Decimal(1), Decimal(3), Decimal(4)),
            )
        ],
    ),
    (
        "SB-1",
        "SB-1.2",
        "Beweegaanbod voor inactieve inwoners",
        "Een beweegprogramma van tien weken voor inwoners die weinig bewegen, met "
        "sportaanbieders in Lelystad en Almere.",
        "Deelnemers blijven na het programma wekelijks sporten of bewegen.",
        "ontwikkeling_beleid_praktijk",
        "doorontwikkelen",
        ("lelystad", "almere"),
        [
            (
                "outcome",
                "60% van de deelnemers beweegt na tien weken wekelijks",
                "percentage",
                "latest",
                True,
                Decimal(60),
                None,
            )
        ],
    ),
    (
        "SB-2",
        "SB-2.1",
        "Onderzoek sport- en beweegdeelname",
        "Een rapportage over sport- en beweegdeelname in de zes gemeenten, voor de provincie "
        "en de partners van WEL in Flevoland.",
        "",
        "trends_analyse",
        "versterken",
        (),
        [
            (
                "output",
                "Rapportage sport- en beweegdeelname Flevoland 2021",
                "milestone",
                "latest",
                False,
                Decimal(1),
                None,
            )
        ],
    ),
]
# indicator title → (date, value, municipality slug or "") up to the reference date
REALISATIONS = {
    "6 thematische netwerkbijeenkomsten": [
        (dt.date(2021, 3, 25), Decimal(1), ""),
        (dt.date(2021, 6, 24), Decimal(1), ""),
        (dt.date(2021, 9, 23), Decimal(1), ""),
    ],
    "60% van de deelnemers beweegt na tien weken wekelijks": [
        (dt.date(2021, 6, 30), Decimal(48), "lelystad"),
        (dt.date(2021, 9, 30), Decimal(55), "almere"),
    ],
}
AMENDED_ACTIVITY = "SB-1.1"
AMENDED_INDICATOR = "6 thematische netwerkbijeenkomsten"
AMENDED_VALUE = "5"
AMENDMENT_REASON = (
    "Voorbeeld: de bijeenkomst over sport en eenzaamheid gaat op in de themabijeenkomst "
    "sport van WEL in Flevoland die CMO organiseert; Sportservice organiseert in 2021 "
    "daarom vijf eigen bijeenkomsten in plaats van zes."
)
PROPOSED_AT = (2021, 10, 4, 11)
# The annual plan's steps: submitted by Sportservice, adopted by the province (example dates).
SUBMITTED_AT = (2020, 10, 29, 10)
ADOPTED_AT = (2020, 12, 17, 14)
# Hours (example data): per week from 6 September to the reference date, (weekday, activity,
# hours).
HOURS_FROM = dt.date(2021, 9, 6)
HOURS_WEEK = [(1, "SB-1.1", Decimal(4)), (3, "SB-1.2", Decimal(3)), (4, "SB-2.1", Decimal(2))]


def _at(moment: tuple[int, int, int, int]) -> dt.datetime:
    year, month, day, hour = moment
    return timezone.make_aware(dt.datetime(year, month, day, hour))


def build_partner(
    organisations: dict[str, Organisation],
    users: dict[str, User],
    note: Any,
    *,
    realisations: bool = True,
    hours: bool = True,
) -> None:
    """Sportservice's plan, programme, activities, adopted annual plan 2021, amendment,
    grant, realisations and hours: once (nothing when it has a plan already)."""
    partner, province = organisations[PARTNER], organisations[FUNDER]
    director, official = users[USERNAME], users["provincie"]
    if Plan.objects.filter(organisation=partner).exists():
        return
    plan = Plan.objects.create(
        organisation=partner,
        title=PLAN["title"],
        description=PLAN["description"],
        start_year=DEMO_YEAR,
        end_year=DEMO_YEAR,
        funder=province,
    )
    note("plans", True)
    programme = _programme(plan, province, director, note)
    activities = _activities(programme, director, note)
    _adopt(plan, director, official, note)
    for activity in activities.values():
        services.activity_update(
            actor=director,
            activity=activity,
            changes={"status": ActivityStatus.RUNNING},
            expected_version=activity.version,
        )
    if realisations:
        note("realisations", _realisations(programme, director))
    _amendment(activities[AMENDED_ACTIVITY], director)
    note("amendments", True)
    _grant_of(partner, province, programme, director)
    note("grants", True)
    if hours:
        note("time entries", _hours(partner, director, activities))


def _programme(plan: Plan, province: Organisation, director: User, note: Any) -> Programme:
    programme = Programme.objects.create(plan=plan, coordinator=director, order=0, **PROGRAMME_SPEC)
    note("programmes", True)
    programme.funders.set([province])
    goals = list(Goal.objects.filter(funder=province, code__in=SHARED_GOALS))
    # A programme serves goals of its funders' trees only (koers.plans.goal_links).
    assert len(goals) == len(SHARED_GOALS) and not unfunded_goals(goals, {province.pk})
    programme.goals.set(goals)
    for order, (code, title) in enumerate(LINES):
        Line.objects.create(programme=programme, code=code, title=title, order=order)
        note("lines", True)
    return programme


def _activities(programme: Programme, director: User, note: Any) -> dict[str, Activity]:
    """Drafted by the director while the annual plan is a draft: activities, indicators and
    their targets, each target noted as example data."""
    lines = {line.code: line for line in Line.objects.filter(programme=programme)}
    activities = {}
    for line, code, title, description, outcome, role, phase, places, indicators in ACTIVITIES:
        activity = services.activity_create(
            actor=director,
            programme=programme,
            year=DEMO_YEAR,
            line=lines[line],
            code=code,
            title=title,
            description=description,
            outcome=outcome,
            role=role,
            phase=phase,
            municipalities=Municipality.objects.filter(slug__in=places),
        )
        note("activities", True)
        for kind, name, unit, aggregation, key, target, phasing in indicators:
            indicator = services.indicator_create(
                actor=director,
                activity=activity,
                kind=kind,
                title=name,
                unit=unit,
                aggregation=aggregation,
                is_key=key,
            )
            note("indicators", True)
            q1, q2, q3 = phasing or (None, None, None)
            services.target_set(
                actor=director,
                indicator=indicator,
                year=DEMO_YEAR,
                value=target,
                q1=q1,
                q2=q2,
                q3=q3,
                note=EXAMPLE_TARGET,
            )
            note("targets", True)
        activities[code] = activity
    return activities


def _adopt(plan: Plan, director: User, official: User, note: Any) -> None:
    """Submitted by Sportservice and adopted by the province through the workflow's service;
    its steps then get their (example) moments in 2020, as CMO's have."""
    annual_plan = AnnualPlan.objects.create(plan=plan, year=DEMO_YEAR)
    note("annual plans", True)
    annual_plan = services.annual_plan_transition(
        actor=director, annual_plan=annual_plan, to_status=AnnualPlanStatus.SUBMITTED
    )
    annual_plan = services.annual_plan_transition(
        actor=official,
        annual_plan=annual_plan,
        to_status=AnnualPlanStatus.ADOPTED,
        comment="Subsidiebeschikking 2021 (voorbeeld).",
    )
    for status, moment in (
        (AnnualPlanStatus.SUBMITTED, SUBMITTED_AT),
        (AnnualPlanStatus.ADOPTED, ADOPTED_AT),
    ):
        annual_plan.events.filter(to_status=status).update(at=_at(moment))


def _realisations(programme: Programme, recorder: User) -> int:
    """Example realisations up to the reference date, as realisations.py makes CMO's."""
    indicators = {
        indicator.title: indicator
        for indicator in Indicator.objects.filter(
            activity__programme=programme, activity__year=DEMO_YEAR
        )
    }
    places = {m.slug: m for m in Municipality.objects.all()}
    rows = [
        Realisation(
            indicator=indicators[title],
            date=day,
            value=value,
            municipality=places.get(place),
            recorded_by=recorder,
            is_example=True,
        )
        for title, readings in REALISATIONS.items()
        for day, value, place in readings
        if day <= REFERENCE_DATE
    ]
    Realisation.objects.bulk_create(rows)
    return len(rows)


def _amendment(activity: Activity, director: User) -> None:
    """Sportservice proposes to lower a target of the adopted plan; the province has not
    decided yet. Proposed on an (example) day before the reference date."""
    target = Target.objects.get(
        indicator__activity=activity, indicator__title=AMENDED_INDICATOR, year=DEMO_YEAR
    )
    amendment = services.amendment_propose(
        actor=director,
        activity=activity,
        field=AmendmentField.TARGET,
        target=target,
        new_value=AMENDED_VALUE,
        reason=AMENDMENT_REASON,
    )
    Amendment.objects.filter(pk=amendment.pk).update(proposed_at=_at(PROPOSED_AT))


def _grant_of(
    partner: Organisation, province: Organisation, programme: Programme, director: User
) -> None:
    """The province's 2021 grant to Sportservice for the programme, kept by its director
    as CMO's operations manager keeps CMO's (funding_grants.py)."""
    grant = _grant(
        partner,
        director,
        funder=province,
        kind=GrantKind.INSTITUTIONAL,
        title="Subsidie Sportservice Flevoland 2021: Sport en bewegen",
        requested=Decimal("150000.00"),
        granted=Decimal("150000.00"),
        period=YEAR_2021,
        programmes=[programme],
        steps=_steps(
            dt.date(2020, 6, 15), dt.date(2020, 10, 29), dt.date(2020, 12, 17), dt.date(2021, 1, 1)
        ),
        reference="VOORBEELD-2020-1217-SSF",
        note="Bedrag, kenmerk en data: " + EXAMPLE_AMOUNT,
    )
    _advances_paid(director, grant, paid_through=3, sent_through=4)
    _decision_indicators(director, grant, [programme])


def _hours(partner: Organisation, director: User, activities: dict[str, Activity]) -> int:
    """A few weeks of the director's hours on the programme's activities, bulk-loaded as
    hours.py loads CMO's."""
    entries = []
    monday = HOURS_FROM
    while monday <= REFERENCE_DATE:
        for weekday, code, amount in HOURS_WEEK:
            day = monday + dt.timedelta(days=weekday)
            if day <= REFERENCE_DATE:
                entries.append(
                    TimeEntry(
                        user=director,
                        organisation=partner,
                        date=day,
                        hours=amount,
                        activity=activities[code],
                    )
                )
        monday += dt.timedelta(days=7)
    TimeEntry.objects.bulk_create(entries)
    return len(entries)
