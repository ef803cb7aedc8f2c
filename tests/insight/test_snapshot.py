"""The statistics Koers ships: loaded by `koers setup` and by the demo, each figure with
where it comes from, example data labelled; never over a table imported since."""

from __future__ import annotations

from decimal import Decimal
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from koers.insight.models import (
    Dataset,
    DatasetImport,
    ImportMethod,
    KeyFigure,
    LabourFlow,
    Observation,
)
from koers.insight.snapshot import SEED_SOURCE, SHIPPED, load_snapshot
from tests.directory.factories import FunderFactory
from tests.plans.factories import GoalFactory

pytestmark = pytest.mark.django_db


def test_the_seeds_figures_and_the_labelled_example_data_are_loaded() -> None:
    reports = load_snapshot()

    assert [r.table_id for r in reports] == [t.table_id for t in SHIPPED]
    seed = Dataset.objects.get(source=SEED_SOURCE)
    assert not seed.is_example and "§3.1" in seed.licence
    assert "1.087" in seed.description  # the plan's own words
    assert seed.period_covered == "2020–2022"
    shortage = Observation.objects.get(
        dataset=seed, region="PV24", period="2022JJ00", value__isnull=False
    )
    assert shortage.value == Decimal(1087)
    share = Observation.objects.get(
        dataset=seed, region="PV24", period="2020JJ00", value__isnull=False
    )
    assert share.value == Decimal(33) and share.topic.unit == "%"
    example = Dataset.objects.get(is_example=True)
    assert set(Observation.objects.filter(dataset=example).values_list("region", flat=True)) == {
        "GM0034",
        "GM0050",
        "GM0171",
        "GM0184",
        "GM0303",
        "GM0995",
        "PV24",  # the six's sum, so the province's chain has its context
        "NL01",
    }
    assert set(DatasetImport.objects.values_list("method", flat=True)) == {ImportMethod.SNAPSHOT}


def test_loading_again_leaves_a_table_as_it_is_now() -> None:
    load_snapshot()
    seed = Dataset.objects.get(source=SEED_SOURCE)
    Observation.objects.filter(dataset=seed, period="2022JJ00", value__isnull=False).update(
        value=Decimal(1100)  # as if a newer version had been imported since
    )

    KeyFigure.objects.filter(topic__dataset=seed).delete()  # taken off the dashboards

    assert load_snapshot() == []
    assert Observation.objects.filter(value=Decimal(1100)).count() == 1
    assert DatasetImport.objects.count() == len(SHIPPED)
    assert not KeyFigure.objects.filter(topic__dataset=seed).exists()  # and left off


def test_the_shipped_tables_choose_their_key_figures_with_their_flows_and_goals() -> None:
    province = FunderFactory(name="Provincie Flevoland")
    for code in ("KS-1", "KS-2", "KS-4"):
        GoalFactory(funder=province, code=code)
    load_snapshot()

    chosen = {
        (figure.topic.dataset.table_id, figure.flow): sorted(g.code for g in figure.goals.all())
        for figure in KeyFigure.objects.all()
    }
    assert chosen == {
        ("mjp-2021-arbeidsmarkt", LabourFlow.RETENTION): ["KS-4"],
        ("mjp-2021-arbeidsmarkt", LabourFlow.TRANSFER): ["KS-4"],
        ("voorbeeld-inwoners", ""): ["KS-1", "KS-2"],
    }


def test_koers_setup_loads_it(monkeypatch: Any) -> None:
    monkeypatch.setenv("KOERS_SETUP_PASSWORD", "stevig-wachtwoord-voor-koers")
    call_command(
        "setup",
        no_input=True,
        organisation="Stichting Welzijn Noord",
        username="anna",
        email="anna@welzijn.nl",
        stdout=StringIO(),
        stderr=StringIO(),
    )
    assert Dataset.objects.count() == len(SHIPPED)
