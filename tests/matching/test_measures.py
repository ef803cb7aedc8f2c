"""The pool's derived measures: what each counts, at its boundaries, for the plan's own
pool only, and for many indicators at once in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from koers.matching.models import Candidate, PlacementStatus, QualificationKind, Stage, Trajectory
from koers.plans.measures import get_measure, lists_records
from koers.plans.models import Source
from tests.directory.factories import OrganisationFactory
from tests.matching.factories_measures import (
    at,
    candidate,
    nurse,
    placement,
    step,
    trajectory,
)
from tests.plans.factories import IndicatorFactory

YEAR = (dt.date(2021, 1, 1), dt.date(2021, 12, 31))
END = dt.date(2021, 10, 15)
PERIOD = (YEAR[0], END)


def derived(world: Any, measure: str, **params: Any) -> Any:
    indicator = IndicatorFactory(activity=world.activity)
    indicator.source, indicator.measure, indicator.measure_params = Source.DERIVED, measure, params
    indicator.save(update_fields=["source", "measure", "measure_params"])
    return indicator


def value(indicator: Any, start: dt.date = PERIOD[0], end: dt.date = PERIOD[1]) -> Any:
    measure = get_measure(indicator.measure)
    assert measure is not None
    return measure.compute(indicator, start, end)


def test_every_measure_is_registered_and_counts_people_without_listing_them() -> None:
    for key in (
        "matching.available",
        "matching.signed_up",
        "matching.placed",
        "matching.referred",
        "matching.conversion",
        "matching.trajectories",
    ):
        assert get_measure(key) is not None, key
    # Candidates and trajectories are about people: counted, never listed as evidence.
    assert not lists_records(Candidate) and not lists_records(Trajectory)


# --- available ----------------------------------------------------------------------------


def test_available_counts_on_the_periods_last_day(world: Any) -> None:
    nurses = derived(world, "matching.available", role="verpleegkundige")
    nurse(world.own, available_until=END)  # her last day is the period's last: counts
    nurse(world.own, available_until=END - dt.timedelta(days=1))  # lapsed the day before
    nurse(world.own, available_from=END + dt.timedelta(days=1))  # not yet
    nurse(world.own, qualified_until=END)  # BIG valid through the last day: counts
    nurse(world.own, qualified_until=END - dt.timedelta(days=1))  # expired
    nurse(world.own, available_from=None)  # no availability at all
    assert value(nurses) == Decimal(2)
    # A day later: the one whose availability ended on the 15th drops out, and so does the
    # one whose BIG was valid through the 15th; the one from the 16th comes in.
    assert value(nurses, YEAR[0], END + dt.timedelta(days=1)) == Decimal(1)


def test_available_counts_deployable_stages_only(world: Any) -> None:
    nurses = derived(world, "matching.available", role="verpleegkundige")
    for stage in (Stage.INZETBAAR, Stage.VOORGESTELD, Stage.GEPLAATST):
        nurse(world.own, stage=stage)
    for stage in (Stage.AANGEMELD, Stage.INTAKE_GEHAD, Stage.DOORVERWEZEN, Stage.GESTOPT):
        nurse(world.own, stage=stage)
    assert value(nurses) == Decimal(3)


def test_available_reads_the_role_and_its_qualification(world: Any) -> None:
    carers = derived(world, "matching.available", role="verzorgende")
    nurses = derived(world, "matching.available", role="verpleegkundige")
    anyone = derived(world, "matching.available")
    candidate(world.own, role="verzorgende", qualification=QualificationKind.DIPLOMA_VIG)
    candidate(world.own, role="verzorgende", qualification=QualificationKind.BIG)
    candidate(world.own, role="verzorgende", qualification=QualificationKind.VOG)  # not enough
    nurse(world.own)
    candidate(world.own, role="gastvrouw")  # a role without a rule
    assert value(carers) == Decimal(2)
    assert value(nurses) == Decimal(1)
    assert value(anyone) == Decimal(5)
    assert value(derived(world, "matching.available", role="astronaut")) is None


def test_available_counts_the_plans_own_pool_only(world: Any) -> None:
    nurses = derived(world, "matching.available", role="verpleegkundige")
    nurse(world.own)
    nurse(world.other_org)
    assert value(nurses) == Decimal(1)


def test_available_for_many_indicators_costs_a_query_per_holder(
    world: Any, django_assert_max_num_queries: Any
) -> None:
    indicators = [
        derived(world, "matching.available", role="verzorgende"),
        derived(world, "matching.available", role="verpleegkundige"),
        derived(world, "matching.available", role="verpleegkundige"),
        derived(world, "matching.available"),
    ]
    nurse(world.own)
    candidate(world.own, role="verzorgende", qualification=QualificationKind.DIPLOMA_VIG)
    measure = get_measure("matching.available")
    assert measure is not None
    from django.db.models import prefetch_related_objects

    prefetch_related_objects(indicators, "activity__programme__plan")
    with django_assert_max_num_queries(2):  # the roles at once, and anyone
        values = measure.compute_all(indicators, *PERIOD)
    assert [values[i.pk] for i in indicators] == [Decimal(1), Decimal(1), Decimal(1), Decimal(2)]
    assert values == {i.pk: measure.compute(i, *PERIOD) for i in indicators}


# --- signed up, placed, referred ------------------------------------------------------------


def test_signed_up_counts_the_period_both_ends_included(world: Any) -> None:
    signed_up = derived(world, "matching.signed_up")
    for day in (
        YEAR[0] - dt.timedelta(days=1),
        YEAR[0],
        dt.date(2021, 6, 1),
        END,
        END + dt.timedelta(days=1),
    ):
        candidate(world.own, signed_up_on=day)
    candidate(world.other_org, signed_up_on=dt.date(2021, 6, 1))
    assert value(signed_up) == Decimal(3)


def test_placed_counts_each_candidate_once_with_a_holding_placement_in_the_period(
    world: Any,
) -> None:
    placed = derived(world, "matching.placed")
    twice, cancelled, late, early = (candidate(world.own) for _ in range(4))
    placement(twice, world.care_org, at(dt.date(2021, 3, 1), 7))
    placement(
        twice, world.care_org, at(dt.date(2021, 3, 2), 7), status=PlacementStatus.PLAATSGEVONDEN
    )
    placement(
        cancelled, world.care_org, at(dt.date(2021, 3, 1), 7), status=PlacementStatus.GEANNULEERD
    )
    # The period's last evening counts; the next midnight does not.
    placement(late, world.care_org, at(END, 23, 30))
    placement(early, world.care_org, at(END + dt.timedelta(days=1)))
    assert value(placed) == Decimal(2)
    # A night shift that began on the year's first day at midnight counts from its start.
    assert value(placed, END + dt.timedelta(days=1), YEAR[1]) == Decimal(1)


def test_referred_counts_candidates_referred_in_the_period_to_whom_asked(world: Any) -> None:
    red_cross = OrganisationFactory(name="Rode Kruis", slug="rode-kruis", kind="partner")
    elsewhere = OrganisationFactory(name="Elders", slug="elders", kind="partner")
    referred = derived(world, "matching.referred")
    to_red_cross = derived(world, "matching.referred", to="rode-kruis")
    for on, to in (
        (dt.date(2021, 4, 1), red_cross),
        (dt.date(2021, 5, 1), red_cross),
        (dt.date(2021, 5, 1), elsewhere),
        (END + dt.timedelta(days=1), red_cross),  # after the period
    ):
        step(candidate(world.own), Stage.DOORVERWEZEN, on, referred_to=to)
    step(candidate(world.own), Stage.GESTOPT, dt.date(2021, 5, 1))
    assert value(referred) == Decimal(3)
    assert value(to_red_cross) == Decimal(2)


# --- conversion ---------------------------------------------------------------------------


def test_conversion_is_the_share_who_went_on_by_the_periods_end(world: Any) -> None:
    conversion = derived(
        world, "matching.conversion", from_stage="intake_gehad", to_stage="inzetbaar"
    )
    went_on, too_late, before, stayed = (candidate(world.own) for _ in range(4))
    for row in (went_on, too_late, before, stayed):
        step(row, Stage.INTAKE_GEHAD, dt.date(2021, 3, 1))
    step(went_on, Stage.INZETBAAR, dt.date(2021, 3, 1))  # the same day counts
    step(too_late, Stage.INZETBAAR, END + dt.timedelta(days=1))
    step(before, Stage.INZETBAAR, dt.date(2021, 2, 27))  # before she reached the intake
    outside = candidate(world.own)
    step(outside, Stage.INTAKE_GEHAD, dt.date(2020, 12, 1))
    step(outside, Stage.INZETBAAR, dt.date(2021, 3, 1))
    assert value(conversion) == Decimal("25.0")
    assert value(conversion, YEAR[0], YEAR[1]) == Decimal("50.0")


def test_conversion_from_sign_up_reads_the_sign_up_date(world: Any) -> None:
    conversion = derived(world, "matching.conversion", from_stage="aangemeld", to_stage="geplaatst")
    placed = candidate(world.own, signed_up_on=dt.date(2021, 3, 1))
    step(placed, Stage.GEPLAATST, dt.date(2021, 4, 1))
    for _ in range(2):
        candidate(world.own, signed_up_on=dt.date(2021, 3, 1))
    assert value(conversion) == Decimal("33.3")


def test_conversion_has_no_value_without_candidates_or_with_an_unknown_stage(
    world: Any,
) -> None:
    assert (
        value(
            derived(world, "matching.conversion", from_stage="intake_gehad", to_stage="inzetbaar")
        )
        is None
    )
    step(candidate(world.own), Stage.INTAKE_GEHAD, dt.date(2021, 3, 1))
    assert (
        value(derived(world, "matching.conversion", from_stage="intake_gehad", to_stage="x"))
        is None
    )
    assert value(derived(world, "matching.conversion")) is None


# --- trajectories -------------------------------------------------------------------------


def test_trajectories_count_those_started_in_the_period_of_a_kind_and_outcome(
    world: Any,
) -> None:
    every = derived(world, "matching.trajectories")
    sterk = derived(world, "matching.trajectories", kind="sterk_in_je_werk")
    kept = derived(world, "matching.trajectories", kind="sterk_in_je_werk", outcome="behouden")
    trajectory(world.own, YEAR[0])
    trajectory(world.own, END, outcome="behouden")
    trajectory(world.own, END + dt.timedelta(days=1))
    trajectory(world.own, YEAR[0] - dt.timedelta(days=1))
    trajectory(world.own, dt.date(2021, 5, 1), kind="loopbaanportal")
    trajectory(world.other_org, dt.date(2021, 5, 1))
    assert (value(every), value(sterk), value(kept)) == (Decimal(3), Decimal(2), Decimal(1))


def test_trajectories_for_many_indicators_cost_a_query_per_narrowing(
    world: Any, django_assert_max_num_queries: Any
) -> None:
    indicators = [
        derived(world, "matching.trajectories", kind="sterk_in_je_werk"),
        derived(world, "matching.trajectories", kind="sterk_in_je_werk"),
        derived(world, "matching.trajectories", kind="loopbaanportal"),
    ]
    trajectory(world.own, dt.date(2021, 5, 1))
    trajectory(world.own, dt.date(2021, 5, 1), kind="loopbaanportal")
    trajectory(world.own, dt.date(2021, 5, 2), kind="loopbaanportal")
    from django.db.models import prefetch_related_objects

    prefetch_related_objects(indicators, "activity__programme__plan")
    measure = get_measure("matching.trajectories")
    assert measure is not None
    with django_assert_max_num_queries(2):
        values = measure.compute_all(indicators, *PERIOD)
    assert [values[i.pk] for i in indicators] == [Decimal(1), Decimal(1), Decimal(2)]
    assert values == {i.pk: measure.compute(i, *PERIOD) for i in indicators}


@pytest.mark.parametrize("key", ["matching.signed_up", "matching.placed", "matching.referred"])
def test_the_counts_are_their_records(world: Any, key: str) -> None:
    """A page may say what was counted: the number of records is the value."""
    indicator = derived(world, key)
    row = candidate(world.own, signed_up_on=dt.date(2021, 3, 1))
    placement(row, world.care_org, at(dt.date(2021, 3, 5), 7))
    step(row, Stage.DOORVERWEZEN, dt.date(2021, 3, 2))
    measure = get_measure(key)
    assert measure is not None and measure.records is not None and measure.counts_records
    assert measure.records(indicator, *PERIOD).count() == value(indicator) == Decimal(1)
