"""Drafting a year's plan in the app: activities, indicators, carrying over."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from koers.core.models import AuditEntry
from koers.plans import services
from koers.plans.models import Activity, AnnualPlanStatus, Indicator, Realisation, Target
from tests.conftest import World
from tests.directory.factories import MunicipalityFactory
from tests.plans.factories import AnnualPlanFactory, LineFactory


def create(world: World, **overrides):  # type: ignore[no-untyped-def]
    values = {
        "actor": world.users["programmacoordinator"],
        "programme": world.programme,
        "year": 2022,
        "line": world.activity.line,
        "code": "PG-9.1",
        "title": "Nieuwe activiteit",
        "description": "Wat we gaan doen.",
        "role": "trends_analyse",
        "phase": "nieuw",
    }
    values.update(overrides)
    return services.activity_create(**values)


class TestActivityCreate:
    def test_it_adds_an_activity_owned_by_its_author(self, world: World) -> None:
        urk = MunicipalityFactory(code="GM0184", name="Urk", slug="urk")
        activity = create(world, municipalities=[urk])
        assert (activity.year, activity.status, activity.owner) == (
            2022,
            "planned",
            world.users["programmacoordinator"],
        )
        assert list(activity.municipalities.all()) == [urk]
        assert AuditEntry.objects.filter(action="activity.create").count() == 1

    def test_it_refuses_a_code_already_used_that_year(self, world: World) -> None:
        create(world)
        with pytest.raises(ValidationError) as caught:
            create(world)
        assert "code" in caught.value.message_dict
        assert Activity.objects.filter(year=2022).count() == 1

    def test_it_refuses_a_frozen_year(self, world: World) -> None:
        AnnualPlanFactory(plan=world.plan, year=2022, status=AnnualPlanStatus.SUBMITTED)
        with pytest.raises(ValidationError) as caught:
            create(world)
        assert "bevroren" in caught.value.messages[0]

    def test_it_refuses_a_year_outside_the_plan(self, world: World) -> None:
        with pytest.raises(ValidationError, match="Het jaar ligt buiten de planperiode 2021–2024"):
            create(world, year=2030)

    def test_it_refuses_a_line_of_another_programme(self, world: World) -> None:
        with pytest.raises(ValidationError, match="Kies een actielijn van dit programma"):
            create(world, line=LineFactory(programme=world.unfunded_programme))

    def test_a_coordinator_cannot_add_to_another_programme(self, world: World) -> None:
        with pytest.raises(PermissionDenied):
            create(world, programme=world.unfunded_programme, line=None)


class TestIndicatorCreate:
    def test_it_adds_an_indicator_with_its_target(self, world: World) -> None:
        indicator = services.indicator_create(
            actor=world.users["directeur"],
            activity=world.activity,
            kind="outcome",
            title="Aandeel tevreden deelnemers",
            unit="percentage",
            aggregation="latest",
            target=Decimal(80),
        )
        assert Target.objects.get(indicator=indicator, year=2021).value == Decimal(80)

    @pytest.mark.parametrize(
        ("unit", "aggregation", "target", "field"),
        [
            ("percentage", "latest", Decimal(120), "target"),
            ("milestone", "sum", Decimal(1), "aggregation"),
            ("count", "sum", Decimal("2.5"), "target"),
        ],
    )
    def test_it_refuses_what_the_unit_cannot_hold(
        self, world: World, unit: str, aggregation: str, target: Decimal, field: str
    ) -> None:
        with pytest.raises(ValidationError) as caught:
            services.indicator_create(
                actor=world.users["directeur"],
                activity=world.activity,
                kind="output",
                title="X",
                unit=unit,
                aggregation=aggregation,
                target=target,
            )
        assert field in caught.value.message_dict
        assert world.activity.indicators.count() == 1


class TestCarryOver:
    def test_it_copies_the_activity_and_indicators_without_targets_or_results(
        self, world: World
    ) -> None:
        Realisation.objects.create(indicator=world.indicator, date=dt.date(2021, 3, 1), value=1)
        copy = services.activity_carry_over(
            actor=world.users["programmacoordinator"], activity=world.activity
        )
        assert (copy.year, copy.code, copy.title) == (
            2022,
            world.activity.code,
            world.activity.title,
        )
        titles = list(Indicator.objects.filter(activity=copy).values_list("title", flat=True))
        assert titles == [world.indicator.title]
        assert not Target.objects.filter(indicator__activity=copy).exists()
        assert not Realisation.objects.filter(indicator__activity=copy).exists()

    def test_it_is_refused_twice(self, world: World) -> None:
        services.activity_carry_over(actor=world.users["directeur"], activity=world.activity)
        in_use = f"De code {world.activity.code} is in 2022 al in gebruik"
        with pytest.raises(ValidationError, match=in_use):
            services.activity_carry_over(actor=world.users["directeur"], activity=world.activity)

    def test_the_view_opens_the_copy(self, world: World) -> None:
        response = world.client("programmacoordinator").post(
            reverse("plans:activity_carry_over", args=[world.activity.pk])
        )
        copy = Activity.objects.get(year=2022)
        assert response["Location"] == reverse("plans:activity", args=[copy.pk])


def test_the_create_page_adds_an_activity_for_the_chosen_year(world: World) -> None:
    url = reverse("plans:activity_create", args=[world.programme.pk]) + "?jaar=2022"
    response = world.client("programmacoordinator").post(
        url,
        {
            "code": "PG-3.1",
            "title": "Verkennen",
            "description": "Gesprekken voeren.",
            "role": "trends_analyse",
            "phase": "nieuw",
        },
    )
    activity = Activity.objects.get(code="PG-3.1")
    assert activity.year == 2022
    assert response["Location"] == reverse("plans:activity", args=[activity.pk])


def test_the_indicator_page_shows_errors_and_saves_nothing(world: World) -> None:
    response = world.client("programmacoordinator").post(
        reverse("plans:indicator_create", args=[world.activity.pk]),
        {
            "kind": "output",
            "title": "X",
            "unit": "percentage",
            "aggregation": "latest",
            "target": "150",
        },
    )
    assert response.status_code == 400
    assert "boven de 100" in response.content.decode()
    assert world.activity.indicators.count() == 1


def test_an_indicator_can_be_counted_from_koers_own_records(world: World) -> None:
    """Choosing a registered measure makes the indicator derived: its realisation is
    computed from the records (here: hours spent on the activity)."""
    import datetime as dt
    from decimal import Decimal

    from koers.plans.models import Indicator, Source
    from koers.work.models import TimeEntry

    response = world.client("programmacoordinator").post(
        reverse("plans:indicator_create", args=[world.activity.pk]),
        {
            "kind": "output",
            "title": "Uren besteed aan partners verbinden",
            "unit": "count",
            "aggregation": "sum",
            "target": "100",
            "measure": "work.hours_activity",
        },
    )
    assert response.status_code == 302
    indicator = Indicator.objects.get(title="Uren besteed aan partners verbinden")
    assert (indicator.source, indicator.measure) == (Source.DERIVED, "work.hours_activity")
    TimeEntry.objects.create(
        organisation=world.own,
        user=world.users["medewerker"],
        activity=world.activity,
        date=dt.date(world.activity.year, 3, 1),
        hours=Decimal("6.5"),
    )
    from koers.plans.measures import get_measure

    year = world.activity.year
    value = get_measure(indicator.measure).compute(
        indicator, dt.date(year, 1, 1), dt.date(year, 12, 31)
    )
    assert value == Decimal("6.5")


def test_an_unknown_measure_is_refused(world: World) -> None:
    response = world.client("programmacoordinator").post(
        reverse("plans:indicator_create", args=[world.activity.pk]),
        {"kind": "output", "title": "X", "unit": "count", "aggregation": "sum", "measure": "nope"},
    )
    assert response.status_code == 400
    assert world.activity.indicators.count() == 1
