"""Multi-year results and targets: progress over the whole period, summed across the
years in the database, and shown beside the year's on the programme and activity pages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from koers.plans import queries
from koers.plans.models import MultiYearResult, MultiYearTarget
from koers.plans.progress import Status
from tests.conftest import World
from tests.plans.factories import (
    ActivityFactory,
    IndicatorFactory,
    LineFactory,
    RealisationFactory,
)

REFERENCE = dt.date(2022, 10, 15)


def series(world: World, code: str, aggregation: str = "sum", years: range = range(2021, 2024)):  # type: ignore[no-untyped-def]
    """The same indicator of activity `code` in each of `years`."""
    return [
        IndicatorFactory(
            activity=ActivityFactory(
                programme=world.programme, line=world.activity.line, code=code, year=year
            ),
            title="Bereik werkgevers",
            aggregation=aggregation,
        )
        for year in years
    ]


def a_target(
    world: World, indicators: list[Any], value: int = 300, **values: Any
) -> MultiYearTarget:
    target = MultiYearTarget.objects.create(
        programme=world.programme,
        title=values.pop("title", "Bereik werkgevers"),
        start_year=values.pop("start_year", 2021),
        end_year=values.pop("end_year", 2023),
        value=Decimal(value),
        **values,
    )
    target.indicators.set(indicators)
    return target


def test_progress_over_the_period_sums_the_years_of_the_activitys_indicators(world: World) -> None:
    i2021, i2022, i2023 = series(world, "AO-3.7")
    RealisationFactory(indicator=i2021, date=dt.date(2021, 3, 1), value=Decimal(60))
    RealisationFactory(indicator=i2021, date=dt.date(2021, 11, 1), value=Decimal(40))
    RealisationFactory(indicator=i2022, date=dt.date(2022, 5, 1), value=Decimal(50))
    RealisationFactory(indicator=i2022, date=dt.date(2022, 12, 1), value=Decimal(70))  # after
    RealisationFactory(indicator=i2023, date=dt.date(2024, 2, 1), value=Decimal(9))  # outside
    a_target(world, [i2021, i2022, i2023])
    found = queries.multi_year_progress([i2022.pk], REFERENCE)
    (period,) = found[i2022.pk]
    assert (period.progress.realised, period.progress.target) == (Decimal(150), Decimal(300))
    # Two of three years have passed, less 2.5 months: expected about 158, so on track.
    assert period.progress.status == Status.ON_TRACK


def test_it_is_behind_when_the_period_is_over_and_the_target_not_reached(world: World) -> None:
    (indicator,) = series(world, "AO-3.7", years=range(2021, 2022))
    RealisationFactory(indicator=indicator, date=dt.date(2021, 3, 1), value=Decimal(149))
    a_target(world, [indicator], value=150, start_year=2020, end_year=2021)
    (period,) = queries.multi_year_progress([indicator.pk], REFERENCE)[indicator.pk]
    assert (period.progress.realised, period.progress.status) == (Decimal(149), Status.BEHIND)


@pytest.mark.parametrize(("aggregation", "expected"), [("max", 80), ("latest", 30)])
def test_a_level_counts_its_highest_or_latest_value_across_the_years(
    world: World, aggregation: str, expected: int
) -> None:
    i2021, i2022, _i2023 = series(world, "VI-3.1", aggregation=aggregation)
    RealisationFactory(indicator=i2021, date=dt.date(2021, 6, 1), value=Decimal(80))
    RealisationFactory(indicator=i2022, date=dt.date(2022, 6, 1), value=Decimal(30))
    a_target(world, [i2021, i2022], value=65)
    (period,) = queries.multi_year_progress([i2021.pk], REFERENCE)[i2021.pk]
    assert period.progress.realised == Decimal(expected)


@pytest.mark.parametrize("years", [1, 3])
def test_the_period_progress_takes_two_queries_however_many_years(
    world: World, years: int, django_assert_max_num_queries: Any
) -> None:
    indicators = []
    for number in range(10):
        found = series(world, f"X-{number}", years=range(2021, 2021 + years))
        for indicator in found:
            for month in range(1, 13):
                RealisationFactory(
                    indicator=indicator,
                    date=dt.date(indicator.activity.year, month, 1),
                    value=Decimal(1),
                )
        a_target(world, found, title=f"Doel {number}")
        indicators += found
    with django_assert_max_num_queries(2):
        found_all = queries.multi_year_progress([i.pk for i in indicators], REFERENCE)
    realised = {rows[0].progress.realised for rows in found_all.values()}
    # 2021 whole (12), 2022 up to 15 October (10), 2023 not yet.
    assert realised == {Decimal(12 if years == 1 else 22)}


def test_a_result_on_a_line_of_another_programme_is_refused(world: World) -> None:
    result = MultiYearResult(
        programme=world.programme,
        line=LineFactory(programme=world.unfunded_programme),
        start_year=2022,
        end_year=2024,
        title="Netwerk",
        activity_text="Netwerk onderhouden.",
        result_text="Sterk netwerk.",
    )
    with pytest.raises(ValidationError, match="Kies een actielijn van dit programma"):
        result.clean()


def test_the_pages_show_the_multi_year_results_and_targets_beside_the_year(world: World) -> None:
    MultiYearResult.objects.create(
        programme=world.programme,
        line=world.activity.line,
        start_year=2020,
        end_year=2021,
        code=world.activity.code,
        title="Bereik",
        activity_text="Een eenduidige arbeidsmarktcommunicatie-aanpak vormgeven.",
        result_text="Bereik van 150 werkgevers, 1.500 werkenden en 1.000 werkzoekenden.",
    )
    RealisationFactory(indicator=world.indicator, date=dt.date(2021, 3, 1), value=Decimal(40))
    a_target(world, [world.indicator], value=150, start_year=2020, end_year=2021)
    client = world.client("opdrachtgever")
    programme = client.get(reverse("plans:programme", args=[world.programme.pk]) + "?jaar=2021")
    activity = client.get(reverse("plans:activity", args=[world.activity.pk]))
    for response in (programme, activity):
        page = response.content.decode()
        assert "Bereik van 150 werkgevers, 1.500 werkenden en 1.000 werkzoekenden." in page
        assert "Meerjarige streefwaarde 2020–2021" in page
        assert "40 van 150 gerealiseerd" in page


def test_the_programme_page_does_not_grow_in_queries_with_the_years(world: World) -> None:
    def count() -> int:
        client = world.client("directeur")
        url = reverse("plans:programme", args=[world.programme.pk]) + "?jaar=2021"
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    first = series(world, "AO-1.1", years=range(2021, 2022))
    a_target(world, first, title="Een")
    small = count()
    for number in range(8):
        found = series(world, f"AO-2.{number}", years=range(2021, 2024))
        a_target(world, found, title=f"Doel {number}")
        MultiYearResult.objects.create(
            programme=world.programme,
            line=LineFactory(programme=world.programme),
            start_year=2022,
            end_year=2024,
            title=f"Resultaat {number}",
            activity_text="Doen.",
            result_text="Gedaan.",
        )
    assert count() == small
