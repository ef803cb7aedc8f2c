"""The demo's multi-year plan: the seeds' results per line for 2020-2021 and 2022-2024
(seed_data/multi_year.py), the multi-year reach targets of 150 employers, 1,500 workers and
1,000 job seekers over 2020-2021, and the annual plan 2022 drafted from them and 2021 with
the service a user calls (status concept), so the year roll-over can be walked through.

What the seeds give no figure for is example data and says so: the 2021 reach counted so
far (realisations marked as example data) and the go/no-go of VI-2.4 (its reason begins
with "Voorbeeld")."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from koers.accounts.models import User
from koers.demo.constants import DEMO_YEAR, REFERENCE_DATE
from koers.demo.seed_data import multi_year as seed
from koers.plans import services
from koers.plans.models import (
    Activity,
    AnnualPlan,
    Decision,
    Indicator,
    Line,
    MultiYearResult,
    MultiYearTarget,
    Plan,
    Programme,
    Realisation,
)

EXAMPLE_NOTE = "Voorbeeld: geteld bereik van de arbeidsmarktcommunicatie."


def build_multi_year(plan: Plan, users: dict[str, User], note: Any) -> None:
    """Results, reach targets and their example realisations, the example no-go, and the
    2022 draft: once (the build runs once per database)."""
    programme = Programme.objects.get(plan=plan, code=seed.PROGRAMME)
    lines = {line.code: line for line in Line.objects.filter(programme=programme)}
    results = MultiYearResult.objects.bulk_create(
        MultiYearResult(
            programme=programme,
            line=lines[spec["line"]],
            order=order,
            **{key: value for key, value in spec.items() if key != "line"},
        )
        for order, spec in enumerate(seed.RESULTS)
    )
    note("multi-year results", len(results))
    reach_result = next(result for result in results if result.title == seed.REACH_RESULT)
    indicators = {
        indicator.title: indicator
        for indicator in Indicator.objects.filter(
            activity__programme=programme,
            activity__year=DEMO_YEAR,
            activity__code=reach_result.code,
            title__in=[spec["title"] for spec in seed.REACH_TARGETS],
        )
    }
    for spec in seed.REACH_TARGETS:
        target = MultiYearTarget.objects.create(
            programme=programme,
            result=reach_result,
            note="Meerjarenplan 3.3 Kiezen en toeleiden (001, r. 1197-1207).",
            **spec,
        )
        target.indicators.add(indicators[spec["title"]])
        note("multi-year targets", True)
    _reach_examples(indicators, users["coordinator-ao"], note)
    _example_no_go(plan, users["coordinator-vi"])
    annual_plan = AnnualPlan.objects.get(plan=plan, year=DEMO_YEAR)
    _drafted, preview = services.annual_plan_carry_over(
        actor=users["directeur"], annual_plan=annual_plan
    )
    note("activities", len(preview.carried) + len(preview.new))


def _reach_examples(indicators: dict[str, Indicator], recorder: User, note: Any) -> None:
    rows = [
        Realisation(
            indicator=indicators[title],
            date=dt.date(DEMO_YEAR, month, 15),
            value=Decimal(value),
            note=EXAMPLE_NOTE,
            recorded_by=recorder,
            is_example=True,
        )
        for title, values in seed.REACH_EXAMPLE_2021.items()
        for month, value in values.items()
        if dt.date(DEMO_YEAR, month, 15) <= REFERENCE_DATE
    ]
    Realisation.objects.bulk_create(rows)
    note("realisations", len(rows))


def _example_no_go(plan: Plan, coordinator: User) -> None:
    spec = seed.EXAMPLE_NO_GO
    activity = Activity.objects.get(
        programme__plan=plan,
        programme__code=spec["programme"],
        year=DEMO_YEAR,
        code=spec["code"],
    )
    services.activity_decide(
        actor=coordinator,
        activity=activity,
        decision=Decision.NO_GO,
        date=seed.EXAMPLE_NO_GO_DATE,
        reason=str(spec["reason"]),
    )
