"""An indicator can be derived from records through the measures registry, without migration."""

import datetime as dt
from decimal import Decimal

import pytest

from koers.core.periods import Year
from koers.plans import measures, queries
from koers.plans.models import Indicator, Realisation, Source
from koers.plans.progress import Status
from tests.conftest import World


@pytest.fixture
def audit_count_measure():  # type: ignore[no-untyped-def]
    """A stand-in for what later apps register: it counts realisations of another indicator."""

    def compute(indicator: Indicator, start: dt.date, end: dt.date) -> Decimal:
        source_id = indicator.measure_params["indicator"]
        return Decimal(
            Realisation.objects.filter(
                indicator_id=source_id, date__gte=start, date__lte=end
            ).count()
        )

    measure = measures.register(measures.Measure("test.count", "Aantal", compute))
    yield measure
    measures._registry.pop("test.count")


def test_a_derived_indicator_is_computed_not_copied(world: World, audit_count_measure) -> None:  # type: ignore[no-untyped-def]
    derived = Indicator.objects.create(
        activity=world.activity,
        kind="output",
        title="Afgeleid",
        unit="count",
        aggregation="sum",
        source=Source.DERIVED,
        measure="test.count",
        measure_params={"indicator": world.indicator.pk},
    )
    derived.targets.create(year=2021, value=Decimal(2))
    for day in (dt.date(2021, 2, 1), dt.date(2021, 11, 1)):
        Realisation.objects.create(indicator=world.indicator, date=day, value=Decimal(5))
    rows = queries.indicator_rows(
        Indicator.objects.filter(pk=derived.pk), Year(2021), dt.date(2021, 6, 1)
    )
    assert rows[0].progress.realised == Decimal(1)  # only what happened by the reference date
    assert not derived.realisations.exists()
    rows = queries.indicator_rows(
        Indicator.objects.filter(pk=derived.pk), Year(2021), dt.date(2021, 12, 31)
    )
    assert rows[0].progress.status == Status.ACHIEVED


def test_an_unknown_measure_shows_as_unmeasured(world: World) -> None:
    world.indicator.source = Source.DERIVED
    world.indicator.measure = "does.not.exist"
    world.indicator.save()
    rows = queries.indicator_rows(
        Indicator.objects.filter(pk=world.indicator.pk), Year(2021), dt.date(2021, 6, 1)
    )
    assert rows[0].progress.measured is False


def test_a_measure_name_can_be_registered_once(audit_count_measure) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="already registered"):
        measures.register(measures.Measure("test.count", "Ander", audit_count_measure.compute))
