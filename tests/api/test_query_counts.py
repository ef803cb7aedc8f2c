"""Each list of the API costs the same number of queries at 10 rows as at 30: its rows'
relations are fetched in one query each, never one per row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from koers.insight.models import Dataset, Observation, Topic
from koers.plans.models import Goal
from koers.reports.models import Report, ReportSnapshot
from tests.api.conftest import call, make_key, send_report
from tests.conftest import World
from tests.plans.factories import (
    ActivityFactory,
    GoalFactory,
    IndicatorFactory,
    PlanFactory,
    ProgrammeFactory,
    RealisationFactory,
    TargetFactory,
)


def _goals(world: World, n: int) -> None:
    for _i in range(n):
        GoalFactory(funder=world.province, parent=world.goal, code=f"KS-1.{Goal.objects.count()}")


def _programmes(world: World, n: int) -> None:
    for _ in range(n):
        programme = ProgrammeFactory(plan=world.plan, funders=[world.province, world.regio])
        programme.goals.add(world.goal)


def _plans(world: World, n: int) -> None:
    for _ in range(n):
        ProgrammeFactory(plan=PlanFactory(organisation=world.own), funders=[world.province])


def _activities(world: World, n: int) -> None:
    for _ in range(n):
        ActivityFactory(programme=world.programme).goals.add(world.goal)


def _indicators(world: World, n: int) -> None:
    for _ in range(n):
        indicator = IndicatorFactory(activity=world.activity)
        TargetFactory(indicator=indicator)
        RealisationFactory(indicator=indicator, date=dt.date(2021, 2, 1), value=Decimal(1))


def _reports(world: World, n: int) -> None:
    sent = Report.objects.filter(status="sent").first() or send_report(world)
    snapshot = sent.snapshot
    for _ in range(n):
        copy = Report.objects.get(pk=sent.pk)
        copy.pk = None
        copy.year = 1900 + Report.objects.count()
        copy.save()
        ReportSnapshot.objects.create(
            report=copy, content=snapshot.content, sha256=snapshot.sha256, created_at=timezone.now()
        )


def _datasets(world: World, n: int) -> None:
    for i in range(n):
        Dataset.objects.create(
            source="Koers tests",
            table_id=f"q-{Dataset.objects.count()}-{i}",
            title=f"T {i}",
            imported_at=timezone.now(),
        )


def _observations(world: World, n: int) -> None:
    dataset = Dataset.objects.get_or_create(
        source="Koers tests",
        table_id="obs",
        defaults={"title": "Obs", "imported_at": timezone.now()},
    )[0]
    topic = Topic.objects.get_or_create(dataset=dataset, key="inwoners", defaults={"title": "I"})[0]
    start = Observation.objects.count()
    Observation.objects.bulk_create(
        Observation(
            dataset=dataset,
            topic=topic,
            region=f"GM{start + i:04d}",
            period="2021JJ00",
            value=Decimal(i),
        )
        for i in range(n)
    )


def _observations_path(world: World) -> str:
    return f"/api/v1/datasets/{Dataset.objects.get(table_id='obs').pk}/observations"


LISTS: list[tuple[str, Callable[[World, int], None], Callable[[World], str]]] = [
    ("listGoals", _goals, lambda w: "/api/v1/goals"),
    ("listPlans", _plans, lambda w: "/api/v1/plans"),
    ("listProgrammes", _programmes, lambda w: "/api/v1/programmes"),
    ("listActivities", _activities, lambda w: "/api/v1/activities"),
    ("listIndicators", _indicators, lambda w: "/api/v1/indicators?year=2021"),
    ("listReports", _reports, lambda w: "/api/v1/reports"),
    ("listDatasets", _datasets, lambda w: "/api/v1/datasets"),
    ("listObservations", _observations, _observations_path),
]


def _queries(world: World, key: str, path: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = call(path + ("&" if "?" in path else "?") + "page_size=100", key)
    assert response.status_code == 200, response.content
    return len(queries), response.json()["count"]


@pytest.mark.parametrize(("operation", "make", "path"), LISTS, ids=[row[0] for row in LISTS])
def test_a_list_costs_the_same_queries_at_10_and_30_rows(
    world: World, operation: str, make: Any, path: Any
) -> None:
    key = make_key(world.users["opdrachtgever"])
    make(world, 10)
    few, counted_few = _queries(world, key, path(world))
    make(world, 20)
    many, counted_many = _queries(world, key, path(world))
    assert counted_many >= counted_few + 20
    assert many == few, (
        f"{operation}: {few} queries at {counted_few} rows, {many} at {counted_many}"
    )


def test_the_portfolio_costs_the_same_queries_with_more_partners(world: World) -> None:
    key = make_key(world.users["opdrachtgever"])
    _programmes(world, 2)
    _activities(world, 2)
    few, _ = _queries_of(key, "/api/v1/portfolio?year=2021")
    _programmes(world, 10)
    _activities(world, 10)
    _indicators(world, 10)
    many, _ = _queries_of(key, "/api/v1/portfolio?year=2021")
    assert many == few


def _queries_of(key: str, path: str) -> tuple[int, Any]:
    with CaptureQueriesContext(connection) as queries:
        response = call(path, key)
    assert response.status_code == 200
    return len(queries), response.json()
