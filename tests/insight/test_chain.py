"""The monitoring chain of a programme line: input (money only for who may see it, hours,
FTE), throughput, output, outcome and context, for a year and a reference date; the same
number of queries however large the line; its downloads."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from koers.funding.models import BudgetLine
from koers.insight.models import Dataset, KeyFigure, Observation, Topic
from koers.plans.models import ActivityStatus
from koers.work.models import TimeEntry
from tests.conftest import World, verified_client
from tests.plans.factories import (
    ActivityFactory,
    IndicatorFactory,
    RealisationFactory,
    TargetFactory,
)

pytestmark = pytest.mark.django_db


def add_money_and_hours(world: World) -> None:
    for funder, amount in ((world.province, 40000), (world.regio, 9000)):
        BudgetLine.objects.create(
            organisation=world.own,
            programme=world.programme,
            funder=funder,
            year=2021,
            direction="income",
            amount=Decimal(amount),
        )
    world.programme.fte = Decimal("1.5")
    world.programme.save()
    for day, hours in ((dt.date(2021, 3, 1), 6), (dt.date(2021, 9, 1), 4)):
        TimeEntry.objects.create(
            user=world.users["medewerker"],
            organisation=world.own,
            date=day,
            hours=Decimal(hours),
            activity=world.activity,
        )


def add_context(world: World) -> KeyFigure:
    dataset = Dataset.objects.create(
        source="CBS StatLine",
        table_id="85496NED",
        title="Gezondheid per regio",
        imported_at=timezone.now(),
        period_covered="2020-2022",
    )
    topic = Topic.objects.create(dataset=dataset, key="Eenzaam", title="Eenzaam", unit="%")
    for region, period, value in (
        ("PV24", "2020JJ00", 45),
        ("NL01", "2020JJ00", 47),
        ("PV24", "2022JJ00", 49),  # after the year asked: not shown for 2021
    ):
        Observation.objects.create(
            dataset=dataset, topic=topic, region=region, period=period, value=Decimal(value)
        )
    figure = KeyFigure.objects.create(topic=topic)
    figure.goals.add(world.goal)
    return figure


def chain_url(world: World, **query: str) -> str:
    from urllib.parse import urlencode

    base = reverse("insight:chain", args=[world.goal.pk])
    return f"{base}?{urlencode({'jaar': '2021', 'peildatum': '2021-06-30', **query})}"


def test_the_funder_sees_the_whole_chain_of_her_line_with_her_own_money_only(
    world: World,
) -> None:
    add_money_and_hours(world)
    add_context(world)
    outcome = IndicatorFactory(activity=world.activity, kind="outcome", title="Ervaren gezondheid")
    TargetFactory(indicator=outcome, value=Decimal(60))
    RealisationFactory(indicator=world.indicator, date=dt.date(2021, 4, 1), value=Decimal(3))

    response = verified_client(world.users["opdrachtgever"]).get(chain_url(world))

    assert response.status_code == 200
    chain = response.context["chain"]
    assert chain.input.money is not None
    assert chain.input.money.income == Decimal(40000)  # not the other funder's 9,000
    assert chain.input.hours == Decimal(6)  # up to the reference date
    assert chain.input.fte == Decimal("1.5")
    assert [a.pk for a in chain.activities] == [world.activity.pk]
    assert chain.statuses == [(str(ActivityStatus.PLANNED.label), 1)]
    assert [r.indicator.pk for r in chain.outputs] == [world.indicator.pk]
    assert chain.outputs[0].progress.realised == Decimal(3)
    assert [r.indicator.pk for r in chain.outcomes] == [outcome.pk]
    assert [(t.text, t.period) for t in chain.context] == [("45", "2020")]
    html = response.content.decode()
    for heading in ("Input", "Throughput: activiteiten in 2021", "Output", "Outcome"):
        assert re.search(rf">\s*{re.escape(heading)}\s*</h2>", html), heading
    assert re.search(r">\s*Contextfactoren\s*</h2>", html)
    assert "tabel 85496NED" in html


def test_staff_see_every_funder_s_money_and_a_funder_of_another_tree_sees_nothing(
    world: World,
) -> None:
    add_money_and_hours(world)
    staff = verified_client(world.users["directeur"]).get(chain_url(world))
    other = verified_client(world.users["regio"]).get(chain_url(world))
    medewerker = verified_client(world.users["medewerker"]).get(chain_url(world))

    assert staff.context["chain"].input.money.income == Decimal(49000)
    assert other.status_code == 404  # the province's tree is not hers
    assert medewerker.context["chain"].input.money is None  # no VIEW_FUNDING


def test_the_chain_costs_the_same_queries_for_one_activity_or_many(world: World) -> None:
    add_money_and_hours(world)
    add_context(world)
    client = verified_client(world.users["opdrachtgever"])
    client.get(chain_url(world))
    with CaptureQueriesContext(connection) as small:
        client.get(chain_url(world))
    for _ in range(6):
        activity = ActivityFactory(programme=world.programme, line=world.activity.line)
        for kind in ("output", "outcome"):
            TargetFactory(indicator=IndicatorFactory(activity=activity, kind=kind))
    with CaptureQueriesContext(connection) as large:
        client.get(chain_url(world))
    assert len(large) == len(small)


def test_the_chain_downloads_as_csv_and_excel_with_its_year_and_reference_date(
    world: World,
) -> None:
    add_money_and_hours(world)
    add_context(world)
    client = verified_client(world.users["opdrachtgever"])
    query = "?jaar=2021&peildatum=2021-06-30"
    base = reverse("insight:chain_export", args=[world.goal.pk, "csv"])
    csv = client.get(base + query).content.decode("utf-8-sig")
    xlsx = client.get(reverse("insight:chain_export", args=[world.goal.pk, "xlsx"]) + query)

    assert "Input;;Begrote inkomsten;40000" in csv
    assert "tabel 85496NED" in csv and "30 juni 2021" in csv
    rows = list(openpyxl.load_workbook(io.BytesIO(xlsx.content)).worksheets[0].values)
    assert any(row[0] == "Output" and row[4] == 7 for row in rows)
    junk = reverse("insight:chain_export", args=[world.goal.pk, "doc"])
    assert client.get(junk).status_code == 404
