"""How an indicator is measured, set on its own page: the measure, then that measure's
parameters as fields (declared with the measure, `koers.plans.measures.Parameter`).

One case per registered measure is generated from the registry: its page shows a field for
every parameter it declares, and choosing the first choice of each (or a value) stores
parameters the measure computes with."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from koers.core.models import AuditEntry
from koers.insight.measures import KEY as STATISTIC
from koers.insight.models import Dataset, KeyFigure, Observation, Topic
from koers.plans.measurement_form import PREFIX, MeasurementForm
from koers.plans.measures import _registry, get_measure
from koers.plans.models import AnnualPlan, AnnualPlanStatus, Indicator, Source
from tests.conftest import World
from tests.directory.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

MEASURES = sorted(_registry)


def page(indicator: Indicator) -> str:
    return reverse("plans:indicator_measurement", args=[indicator.pk])


def a_value(field: Any) -> Any:
    """A valid value for a parameter's field: its first real choice, or a plain value."""
    choices = [value for value, _label in getattr(field, "choices", []) if value]
    if choices:
        return choices[:1] if field.widget.allow_multiple_selected else choices[0]
    return "3" if field.__class__.__name__ == "IntegerField" else "iets"


@pytest.fixture
def lonely(db: object) -> KeyFigure:
    """A key figure with a value for Urk, and Urk as a municipality to choose."""
    MunicipalityFactory(code="GM0184", name="Urk", slug="urk", province_code="PV24")
    dataset = Dataset.objects.create(
        source="CBS StatLine", table_id="85496NED", title="Gezondheid", imported_at=timezone.now()
    )
    topic = Topic.objects.create(dataset=dataset, key="Eenzaam_27", title="Eenzaam", unit="%")
    Observation.objects.create(
        dataset=dataset, topic=topic, region="GM0184", period="2021JJ00", value=Decimal("38.5")
    )
    return KeyFigure.objects.create(topic=topic, title="Eenzaamheid")


@pytest.mark.parametrize("key", MEASURES)
def test_every_measure_offers_its_parameters_and_computes_with_what_is_chosen(
    world: World, lonely: KeyFigure, key: str
) -> None:
    measure = get_measure(key)
    assert measure is not None
    client = world.client("programmacoordinator")

    shown = client.get(page(world.indicator) + f"?meting={key}")

    assert shown.status_code == 200
    html = shown.content.decode()
    form = MeasurementForm(indicator=world.indicator, measure=key)
    for parameter in measure.parameters:
        assert f'name="{PREFIX}{parameter.name}"' in html, parameter.name
    data = {"measure": key}
    for name, field in form.fields.items():
        if name.startswith(PREFIX):
            data[name] = a_value(field)

    saved = client.post(page(world.indicator), data)

    assert saved.status_code == 302, saved.content.decode()[:2000]
    indicator = Indicator.objects.get(pk=world.indicator.pk)
    assert (indicator.source, indicator.measure) == (Source.DERIVED, key)
    for parameter in measure.parameters:
        assert parameter.current(indicator.measure_params) not in ("", []), parameter.name
    year = indicator.activity.year
    # Computes without error with what was stored (the value itself is each measure's test).
    measure.compute_all([indicator], dt.date(year, 1, 1), dt.date(year, 12, 31))


def test_a_key_figure_makes_the_indicator_read_the_statistic(
    world: World, lonely: KeyFigure
) -> None:
    client = world.client("programmacoordinator")
    form = MeasurementForm(indicator=world.indicator, measure=STATISTIC)
    figure = next(value for value, _label in form.fields[PREFIX + "figure"].choices if value)

    response = client.post(
        page(world.indicator),
        {"measure": STATISTIC, PREFIX + "figure": figure, PREFIX + "region": "GM0184"},
    )

    assert response.status_code == 302
    indicator = Indicator.objects.get(pk=world.indicator.pk)
    assert indicator.measure_params == {
        "source": "CBS StatLine",
        "table": "85496NED",
        "topic": "Eenzaam_27",
        "region": "GM0184",
    }
    measure = get_measure(STATISTIC)
    assert measure is not None
    value = measure.compute(indicator, dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    assert value == Decimal("38.5")
    entry = AuditEntry.objects.get(action="indicator.measure")
    assert entry.changes["measure"] == ["", STATISTIC]


def test_the_statistic_needs_a_figure_and_nothing_changes_without_one(world: World) -> None:
    response = world.client("programmacoordinator").post(
        page(world.indicator), {"measure": STATISTIC}
    )

    assert response.status_code == 400
    assert world.indicator.measure == Indicator.objects.get(pk=world.indicator.pk).measure == ""


def test_settings_that_are_not_a_key_figure_survive_a_save_that_does_not_touch_them(
    world: World,
) -> None:
    Indicator.objects.filter(pk=world.indicator.pk).update(
        source=Source.DERIVED,
        measure=STATISTIC,
        measure_params={"table": "03759ned", "topic": "Bevolking_1", "region": "GM0034"},
    )
    indicator = Indicator.objects.get(pk=world.indicator.pk)
    form = MeasurementForm(indicator=indicator, measure=STATISTIC)
    data = {"measure": STATISTIC}
    data |= {name: form.initial.get(name, "") for name in form.fields if name.startswith(PREFIX)}

    response = world.client("programmacoordinator").post(page(indicator), data)

    assert response.status_code == 302
    assert Indicator.objects.get(pk=indicator.pk).measure_params == {
        "table": "03759ned",
        "topic": "Bevolking_1",
        "region": "GM0034",
    }


def test_back_to_entered_by_hand_clears_the_measure(world: World) -> None:
    Indicator.objects.filter(pk=world.indicator.pk).update(
        source=Source.DERIVED, measure="work.hours_activity", measure_params={"x": 1}
    )

    response = world.client("programmacoordinator").post(page(world.indicator), {"measure": ""})

    assert response.status_code == 302
    indicator = Indicator.objects.get(pk=world.indicator.pk)
    assert (indicator.source, indicator.measure, indicator.measure_params) == (
        Source.MANUAL,
        "",
        {},
    )


def test_an_unknown_measure_is_refused_and_changes_nothing(world: World) -> None:
    response = world.client("programmacoordinator").post(page(world.indicator), {"measure": "nope"})

    assert response.status_code == 400
    assert Indicator.objects.get(pk=world.indicator.pk).measure == ""


def test_a_frozen_plan_keeps_how_its_indicators_are_measured(world: World) -> None:
    activity = world.indicator.activity
    AnnualPlan.objects.filter(plan=activity.programme.plan, year=activity.year).update(
        status=AnnualPlanStatus.ADOPTED
    )

    response = world.client("programmacoordinator").post(
        page(world.indicator), {"measure": "work.hours_activity"}
    )

    assert response.status_code == 400
    assert "vastgesteld" in response.content.decode() or "bevroren" in response.content.decode()
    assert Indicator.objects.get(pk=world.indicator.pk).measure == ""


class RecordingParams(dict):  # type: ignore[type-arg]
    """Stored parameters that note every key a measure reads; empty, yet true, so a measure's
    `indicator.measure_params or {}` reads this one."""

    def __init__(self) -> None:
        super().__init__()
        self.read: set[str] = set()

    def __bool__(self) -> bool:
        return True

    def get(self, key: Any, default: Any = None) -> Any:
        self.read.add(key)
        return super().get(key, default)

    def __getitem__(self, key: Any) -> Any:
        self.read.add(key)
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        self.read.add(str(key))
        return super().__contains__(key)


@pytest.mark.parametrize("key", MEASURES)
def test_every_setting_a_measure_reads_is_declared_so_the_page_keeps_it(
    world: World, key: str
) -> None:
    """A setting the measure reads but does not declare would be offered by no field, and a
    script's value of it would be all the page could not show: declared, it is kept."""
    measure = get_measure(key)
    assert measure is not None
    indicator = Indicator.objects.get(pk=world.indicator.pk)
    indicator.measure = key
    indicator.measure_params = RecordingParams()
    year = indicator.activity.year
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)

    measure.compute(indicator, start, end)
    measure.compute_all([indicator], start, end)
    if measure.records is not None:
        list(measure.records(indicator, start, end)[:1])

    assert indicator.measure_params.read <= measure.parameter_keys, key


def test_a_setting_no_parameter_declares_survives_a_save_of_the_same_measure(
    world: World,
) -> None:
    Indicator.objects.filter(pk=world.indicator.pk).update(
        source=Source.DERIVED,
        measure="signals.received",
        measure_params={"channel": "oco", "set_by_script": "x"},
    )

    response = world.client("programmacoordinator").post(
        page(world.indicator), {"measure": "signals.received", PREFIX + "channel": "formulier"}
    )

    assert response.status_code == 302
    params = Indicator.objects.get(pk=world.indicator.pk).measure_params
    assert params == {"channel": "formulier", "set_by_script": "x"}


def test_excluding_no_kinds_is_kept_apart_from_the_default(world: World) -> None:
    """Not stored: municipalities and the province are not counted (the default, shown
    ticked); all unticked: every kind counts, stored as an empty list."""
    key = "relations.active_organisations"
    Indicator.objects.filter(pk=world.indicator.pk).update(
        source=Source.DERIVED, measure=key, measure_params={}
    )
    indicator = Indicator.objects.get(pk=world.indicator.pk)
    form = MeasurementForm(indicator=indicator, measure=key)
    assert form.initial[PREFIX + "exclude_kinds"] == ["municipality", "province"]

    response = world.client("programmacoordinator").post(page(indicator), {"measure": key})

    assert response.status_code == 302
    assert Indicator.objects.get(pk=indicator.pk).measure_params["exclude_kinds"] == []


@pytest.mark.parametrize(
    "params",
    [
        {"min_interactions": -1},
        {"min_interactions": "veel"},
        {"exclude": "ggd-flevoland"},
        {"no_such_setting": 1},
        ["not", "a", "dict"],
    ],
    ids=["negative", "text-for-a-number", "text-for-a-list", "unknown-key", "not-a-dict"],
)
def test_the_service_refuses_settings_the_measure_cannot_read(world: World, params: Any) -> None:
    from django.core.exceptions import ValidationError

    from koers.plans import services

    with pytest.raises(ValidationError):
        services.indicator_measure_set(
            actor=world.users["programmacoordinator"],
            indicator=world.indicator,
            measure="relations.active_organisations",
            params=params,
        )
    assert Indicator.objects.get(pk=world.indicator.pk).measure == ""
