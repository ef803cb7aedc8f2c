"""Page cost does not grow with data: the same number of queries at 10 and at 1,000 realisations."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from koers.core.audit import audit_write
from koers.plans.models import (
    Activity,
    ActivityComment,
    Indicator,
    QuarterReport,
    Realisation,
)
from tests.conftest import World
from tests.plans.factories import ActivityFactory, IndicatorFactory, TargetFactory

# Caps per page; raising one needs a reason in the commit that does it.
# Each includes the one query that checks the session's second factor (django-otp's middleware).
# Funders' questions awaiting an answer: +1 on the dashboard (counts) and the programme page
# (the list); the activity page's threads, their answers and the latest quarter's progress: +3.
# The multi-year plan beside the year: +3 on the programme page (its results, its targets with
# their period's values, the indicators' links to targets) and +2 on the activity page (the
# results of its line and code, the indicators' targets with their values when linked). The
# programme's tactical goals and standing tasks: +2; the activity's partners: +1.
CAPS = {
    "plans:dashboard": 9,
    "plans:programme": 19,
    "plans:activity": 23,
    "plans:programme_progress": 12,
}


def structure(world: World) -> list[Indicator]:
    """Several activities with output and outcome indicators, as on a real programme page."""
    indicators = [world.indicator]
    for _ in range(4):
        activity = ActivityFactory(programme=world.programme, line=world.activity.line)
        for kind in ("output", "outcome"):
            indicator = IndicatorFactory(activity=activity, kind=kind, is_key=True)
            TargetFactory(indicator=indicator, value=Decimal(50))
            indicators.append(indicator)
    more = IndicatorFactory(activity=world.activity, aggregation="latest", unit="percentage")
    indicators.append(more)
    return indicators


def add_conversation(world: World, threads: int) -> None:
    """Funders' questions on the activity, each answered, so every kind of row is there."""
    for _ in range(threads):
        question = ActivityComment.objects.create(
            activity=world.activity, author=world.users["opdrachtgever"], text="Vraag"
        )
        ActivityComment.objects.create(
            activity=world.activity,
            parent=question,
            author=world.users["programmacoordinator"],
            text="Antwoord",
        )


def add_details(world: World, count: int) -> None:
    """Tactical goals and standing tasks of the programme, partners of the activity."""
    from koers.directory.models import Organisation
    from koers.plans.models import ActivityPartner, StandingTask, TacticalGoal

    start = TacticalGoal.objects.count()
    TacticalGoal.objects.bulk_create(
        TacticalGoal(programme=world.programme, text=f"Doel {start + i}", target_year=2024)
        for i in range(count)
    )
    StandingTask.objects.bulk_create(
        StandingTask(programme=world.programme, title=f"Taak {start + i}", role="Trekker")
        for i in range(count)
    )
    partners = Organisation.objects.bulk_create(
        Organisation(name=f"Partner {start + i}", slug=f"partner-{start + i}", kind="partner")
        for i in range(count)
    )
    ActivityPartner.objects.bulk_create(
        ActivityPartner(activity=world.activity, organisation=o, role="partner") for o in partners
    )


def add_realisations(world: World, indicators: list[Indicator], total: int) -> None:
    start = dt.date(2021, 1, 1)
    Realisation.objects.bulk_create(
        Realisation(
            indicator=indicators[i % len(indicators)],
            date=start + dt.timedelta(days=i % 280),
            value=Decimal(1),
            recorded_by=world.users["medewerker"],
        )
        for i in range(total)
    )


def count_queries(world: World, name: str, attr: str | None) -> int:
    client = world.client("programmacoordinator")
    url = reverse(name, args=[getattr(world, attr).pk]) if attr else reverse(name)
    client.get(url + "?jaar=2021&peildatum=2021-10-15")  # warm the session and caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url + "?jaar=2021&peildatum=2021-10-15")
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    ("name", "attr"),
    [("plans:dashboard", None), ("plans:programme", "programme"), ("plans:activity", "activity")],
)
def test_query_count_is_capped_and_flat(world: World, name: str, attr: str | None) -> None:
    indicators = structure(world)
    add_realisations(world, indicators, 10)
    add_conversation(world, 2)
    add_details(world, 2)
    small = count_queries(world, name, attr)
    add_realisations(world, indicators, 990)
    add_conversation(world, 20)
    add_details(world, 20)
    assert Realisation.objects.count() == 1000
    large = count_queries(world, name, attr)
    assert small == large, f"{name}: {small} queries at 10 rows, {large} at 1,000"
    assert large <= CAPS[name], f"{name}: {large} queries, cap {CAPS[name]}"


def quarter_rows(world: World, count: int) -> None:
    """`count` more activities on the programme, each with an indicator, the quarter's
    progress and an entry in its history."""
    start = Activity.objects.count()
    activities = Activity.objects.bulk_create(
        Activity(
            programme=world.programme,
            line=world.activity.line,
            year=2021,
            code=f"Q{start + i}",
            title=f"Activiteit {i}",
            description="Netwerken.",
            role="gesprek_verbinding",
            phase="versterken",
        )
        for i in range(count)
    )
    Indicator.objects.bulk_create(
        Indicator(activity=a, kind="output", title="Bijeenkomsten", unit="count", aggregation="sum")
        for a in activities
    )
    updates = QuarterReport.objects.bulk_create(
        QuarterReport(
            activity=a,
            quarter=2,
            narrative="Gedaan.",
            status_override="behind",
            override_reason="Ziekte.",
            updated_by=world.users["programmacoordinator"],
        )
        for a in activities
    )
    for update in updates:
        audit_write(
            actor=world.users["programmacoordinator"],
            action="quarter_report.save",
            instance=update,
            after={"narrative": "Gedaan."},
        )


def test_the_quarter_page_query_count_is_capped_and_flat(world: World) -> None:
    name = "plans:programme_progress"
    url = reverse(name, args=[world.programme.pk, 2021, 2])
    client = world.client("programmacoordinator")

    def measure() -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured)

    quarter_rows(world, 10)
    small = measure()
    quarter_rows(world, 490)
    assert QuarterReport.objects.count() == 500
    large = measure()
    assert small == large, f"{name}: {small} queries at 10 activities, {large} at 500"
    assert large <= CAPS[name], f"{name}: {large} queries, cap {CAPS[name]}"
