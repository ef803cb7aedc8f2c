"""Signals' derived measures: what each counts, at its boundaries, for the plan's own
organisation and activity only, small signal counts hidden, and unique clients per month
counted per month rather than as a year's total divided by twelve."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from koers.plans.measures import get_measure, lists_records
from koers.plans.models import Source
from koers.signals.measures import months_counted, weeks_in
from koers.signals.models import AgendaStep, Client, SupportVolunteer
from koers.signals.weeks import IsoWeek
from tests.plans.factories import ActivityFactory, IndicatorFactory
from tests.signals.factories import (
    AgendaItemFactory,
    CaseContactFactory,
    CaseFactory,
    CaseTypeFactory,
    CategoryFactory,
    ClientFactory,
    SignalFactory,
    SupportVolunteerFactory,
)

KEYS = (
    "signals.received",
    "signals.agenda_raised",
    "signals.agenda_fed_back",
    "signals.unique_clients_per_month",
    "signals.unique_clients",
    "signals.volunteers_active",
)
YEAR = (dt.date(2021, 1, 1), dt.date(2021, 12, 31))


def derived(world: Any, measure: str, activity: Any = None, **params: Any) -> Any:
    indicator = IndicatorFactory(activity=activity or world.activity)
    indicator.source, indicator.measure, indicator.measure_params = Source.DERIVED, measure, params
    indicator.save(update_fields=["source", "measure", "measure_params"])
    return indicator


def value(indicator: Any, start: dt.date = YEAR[0], end: dt.date = YEAR[1]) -> Any:
    measure = get_measure(indicator.measure)
    assert measure is not None
    return measure.compute(indicator, start, end)


def signals(holder: Any, count: int, **values: Any) -> None:
    for _ in range(count):
        SignalFactory(holder=holder, **values)


def test_every_measure_is_registered_and_clients_are_counted_not_listed() -> None:
    for key in KEYS:
        assert get_measure(key) is not None, key
    assert not lists_records(Client) and not lists_records(SupportVolunteer)
    # Signals are counted only: no list of what was counted that could show a small number.
    received = get_measure("signals.received")
    assert received is not None and not received.counts_records and received.records is None


# --- weeks and months --------------------------------------------------------------------


def test_a_week_is_in_the_period_when_its_thursday_is() -> None:
    # 2021-W01 runs Mon 4 Jan – Sun 10 Jan; 2020-W53's Thursday is 31 Dec 2020.
    assert weeks_in(dt.date(2021, 1, 1), dt.date(2021, 12, 31)) == (
        IsoWeek(2021, 1),
        IsoWeek(2021, 52),
    )
    assert weeks_in(dt.date(2020, 12, 31), dt.date(2021, 1, 7)) == (
        IsoWeek(2020, 53),
        IsoWeek(2021, 1),
    )
    # Friday to Wednesday holds no Thursday.
    assert weeks_in(dt.date(2021, 1, 8), dt.date(2021, 1, 13)) is None


def test_months_counted_are_the_whole_months_or_else_the_touched_ones() -> None:
    assert months_counted(dt.date(2021, 1, 1), dt.date(2021, 10, 15)) == [
        dt.date(2021, month, 1) for month in range(1, 10)
    ]
    assert months_counted(dt.date(2021, 1, 31), dt.date(2021, 3, 1)) == [dt.date(2021, 2, 1)]
    assert months_counted(dt.date(2021, 10, 1), dt.date(2021, 10, 15)) == [dt.date(2021, 10, 1)]
    assert months_counted(dt.date(2021, 1, 20), dt.date(2021, 2, 10)) == [
        dt.date(2021, 1, 1),
        dt.date(2021, 2, 1),
    ]


# --- signals received ----------------------------------------------------------------------


def test_received_counts_the_plans_own_signals_in_the_periods_weeks(world: Any) -> None:
    signals(world.own, 5, week=IsoWeek(2021, 1))
    signals(world.own, 1, week=IsoWeek(2020, 53))  # its Thursday is in 2020
    signals(world.other_org, 7, week=IsoWeek(2021, 10))
    assert value(derived(world, "signals.received")) == Decimal(5)


def test_received_hides_a_count_from_one_to_four_but_shows_zero_and_five(world: Any) -> None:
    received = derived(world, "signals.received", channel="enquete")
    assert value(received) == Decimal(0)
    signals(world.own, 4, channel="enquete")
    assert value(received) is None
    signals(world.own, 1, channel="enquete")
    assert value(received) == Decimal(5)


def test_received_narrows_by_channel_law_and_theme_with_its_sub_categories(world: Any) -> None:
    theme = CategoryFactory(holder=world.own, name="Wachtlijsten")
    sub = CategoryFactory(holder=world.own, name="Verpleeghuis", parent=theme)
    other = CategoryFactory(holder=world.own, name="Eenzaamheid")
    signals(world.own, 3, category=theme, channel="oco", law="wlz")
    signals(world.own, 3, category=sub, channel="advieslijn", law="wlz")
    signals(world.own, 6, category=other, channel="oco", law="wmo")
    assert value(derived(world, "signals.received", theme="wachtlijsten")) == Decimal(6)
    assert value(derived(world, "signals.received", channel="oco")) == Decimal(9)
    assert value(derived(world, "signals.received", law="wmo")) == Decimal(6)
    assert value(derived(world, "signals.received", theme="Wachtlijsten", law="wlz")) == 6


def test_received_gives_no_value_for_an_unknown_channel_or_law(world: Any) -> None:
    signals(world.own, 6)
    assert value(derived(world, "signals.received", channel="duif")) is None
    assert value(derived(world, "signals.received", law="wet")) is None


# --- agenda --------------------------------------------------------------------------------


def _step(item: Any, status: str, on: dt.date) -> None:
    AgendaStep.objects.create(item=item, status=status, on=on)


def test_agenda_measures_count_items_reaching_their_status_in_the_period(world: Any) -> None:
    raised = derived(world, "signals.agenda_raised")
    fed_back = derived(world, "signals.agenda_fed_back")
    first = AgendaItemFactory(holder=world.own)
    _step(first, "nieuw", dt.date(2021, 2, 1))
    _step(first, "geagendeerd", dt.date(2021, 3, 31))
    _step(first, "teruggekoppeld", dt.date(2021, 4, 1))
    second = AgendaItemFactory(holder=world.own)
    _step(second, "geagendeerd", dt.date(2021, 4, 1))
    elsewhere = AgendaItemFactory(holder=world.other_org)
    _step(elsewhere, "geagendeerd", dt.date(2021, 3, 1))
    q1 = (dt.date(2021, 1, 1), dt.date(2021, 3, 31))
    q2 = (dt.date(2021, 4, 1), dt.date(2021, 6, 30))
    assert (value(raised, *q1), value(raised, *q2), value(raised)) == (1, 1, 2)
    assert (value(fed_back, *q1), value(fed_back, *q2)) == (0, 1)
    measure = get_measure("signals.agenda_raised")
    assert measure is not None and measure.records is not None
    assert list(measure.records(raised, *YEAR)) == [first, second]


# --- clients -------------------------------------------------------------------------------


def _contact(case: Any, *days: dt.date) -> None:
    for day in days:
        CaseContactFactory(case=case, on=day)


@pytest.fixture
def oco(world: Any) -> Any:
    return CaseTypeFactory(holder=world.own, activity=world.activity)


def test_unique_clients_per_month_counts_each_client_once_per_month(world: Any, oco: Any) -> None:
    supporter = world.users["medewerker"]
    per_month = derived(world, "signals.unique_clients_per_month")
    regular = CaseFactory(holder=world.own, case_type=oco, supporter=supporter)
    # Seen three times in January and once in February: once in each month.
    _contact(regular, dt.date(2021, 1, 4), dt.date(2021, 1, 11), dt.date(2021, 1, 31))
    _contact(regular, dt.date(2021, 2, 1))
    # Two cases of one client in March count her once.
    client = ClientFactory(holder=world.own)
    for _ in range(2):
        _contact(
            CaseFactory(holder=world.own, case_type=oco, client=client, supporter=supporter),
            dt.date(2021, 3, 15),
        )
    q1 = (dt.date(2021, 1, 1), dt.date(2021, 3, 31))
    # (1 + 1 + 1) / 3 months; a year's distinct clients over twelve would say 2/12.
    assert value(per_month, *q1) == Decimal("1.0")
    assert value(per_month, dt.date(2021, 1, 1), dt.date(2021, 1, 31)) == Decimal(1)
    unique = derived(world, "signals.unique_clients")
    assert value(unique, *q1) == Decimal(2)


def test_unique_clients_per_month_averages_whole_months_and_counts_empty_ones(
    world: Any, oco: Any
) -> None:
    supporter = world.users["medewerker"]
    per_month = derived(world, "signals.unique_clients_per_month")
    for _ in range(3):
        _contact(
            CaseFactory(holder=world.own, case_type=oco, supporter=supporter),
            dt.date(2021, 1, 10),
        )
    # The half month of October is left out of a year-to-date mean of January–September.
    for _ in range(5):
        _contact(
            CaseFactory(holder=world.own, case_type=oco, supporter=supporter),
            dt.date(2021, 10, 5),
        )
    assert value(per_month, dt.date(2021, 1, 1), dt.date(2021, 10, 15)) == Decimal("0.3")
    assert value(per_month, dt.date(2021, 10, 1), dt.date(2021, 10, 15)) == Decimal(5)


def test_client_measures_count_their_own_activitys_cases_only(world: Any, oco: Any) -> None:
    supporter = world.users["medewerker"]
    elsewhere = CaseTypeFactory(
        holder=world.own, activity=ActivityFactory(programme=world.programme)
    )
    _contact(CaseFactory(holder=world.own, case_type=oco, supporter=supporter), dt.date(2021, 5, 3))
    _contact(
        CaseFactory(holder=world.own, case_type=elsewhere, supporter=supporter),
        dt.date(2021, 5, 4),
    )
    may = (dt.date(2021, 5, 1), dt.date(2021, 5, 31))
    assert value(derived(world, "signals.unique_clients_per_month"), *may) == Decimal(1)
    assert value(derived(world, "signals.unique_clients"), *may) == Decimal(1)


def test_many_client_indicators_cost_one_query(
    world: Any, oco: Any, django_assert_max_num_queries: Any
) -> None:
    supporter = world.users["medewerker"]
    other_activity = ActivityFactory(programme=world.programme)
    other = CaseTypeFactory(holder=world.own, activity=other_activity)
    for day in range(1, 29):
        _contact(
            CaseFactory(holder=world.own, case_type=oco, supporter=supporter),
            dt.date(2021, 2, day),
        )
    _contact(
        CaseFactory(holder=world.own, case_type=other, supporter=supporter), dt.date(2021, 2, 3)
    )
    indicators = [
        derived(world, "signals.unique_clients_per_month"),
        derived(world, "signals.unique_clients_per_month"),
        derived(world, "signals.unique_clients_per_month", activity=other_activity),
    ]
    measure = get_measure("signals.unique_clients_per_month")
    assert measure is not None
    february = (dt.date(2021, 2, 1), dt.date(2021, 2, 28))
    with django_assert_max_num_queries(1):
        values = measure.compute_all(indicators, *february)
    assert [values[i.pk] for i in indicators] == [Decimal(28), Decimal(28), Decimal(1)]


def test_volunteers_active_counts_those_active_at_some_time_in_the_period(
    world: Any, oco: Any
) -> None:
    active = derived(world, "signals.volunteers_active")
    SupportVolunteerFactory(holder=world.own, case_type=oco, started_on=dt.date(2020, 1, 1))
    SupportVolunteerFactory(
        holder=world.own,
        case_type=oco,
        started_on=dt.date(2020, 1, 1),
        ended_on=dt.date(2021, 3, 31),
    )
    SupportVolunteerFactory(holder=world.own, case_type=oco, started_on=dt.date(2021, 7, 1))
    q2 = (dt.date(2021, 4, 1), dt.date(2021, 6, 30))
    assert value(active, *q2) == Decimal(1)
    assert value(active, dt.date(2021, 3, 31), dt.date(2021, 3, 31)) == Decimal(2)
    assert value(active) == Decimal(3)
