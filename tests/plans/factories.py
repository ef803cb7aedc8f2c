import datetime as dt
from decimal import Decimal
from typing import Any

import factory

from koers.plans.models import (
    Activity,
    AnnualPlan,
    Goal,
    Indicator,
    Line,
    Plan,
    Programme,
    Realisation,
    Target,
)
from tests.directory.factories import FunderFactory, OrganisationFactory


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    funder = factory.SubFactory(FunderFactory)
    code = factory.Sequence(lambda n: f"G-{n}")
    title = factory.Sequence(lambda n: f"Doel {n}")


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    organisation = factory.SubFactory(OrganisationFactory)
    title = "Meerjarenplan 2021-2024"
    start_year = 2021
    end_year = 2024


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        skip_postgeneration_save = True

    plan = factory.SubFactory(PlanFactory)
    code = factory.Sequence(lambda n: f"P{n}")
    name = factory.Sequence(lambda n: f"Programma {n}")
    strategic_goal = "Eind 2023 staat gezondheid op de agenda."

    @factory.post_generation
    def funders(self, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        if create and extracted:
            self.funders.add(*extracted)


class LineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Line

    programme = factory.SubFactory(ProgrammeFactory)
    code = factory.Sequence(lambda n: f"L{n}")
    title = factory.Sequence(lambda n: f"Lijn {n}")


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    programme = factory.SubFactory(ProgrammeFactory)
    line = factory.SubFactory(LineFactory, programme=factory.SelfAttribute("..programme"))
    year = 2021
    code = factory.Sequence(lambda n: f"A{n}")
    title = factory.Sequence(lambda n: f"Activiteit {n}")
    description = "Netwerkbijeenkomsten organiseren."
    role = "gesprek_verbinding"
    phase = "versterken"


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    activity = factory.SubFactory(ActivityFactory)
    kind = "output"
    title = "7 thematische netwerkbijeenkomsten"
    unit = "count"
    aggregation = "sum"


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    indicator = factory.SubFactory(IndicatorFactory)
    year = 2021
    value = Decimal(7)


class RealisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Realisation

    indicator = factory.SubFactory(IndicatorFactory)
    date = dt.date(2021, 3, 1)
    value = Decimal(1)


class AnnualPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AnnualPlan

    plan = factory.SubFactory(PlanFactory)
    year = 2021


def write_progress(
    actor: Any, activity: Activity, quarter: int = 2, version: int = 0, **values: str
) -> Any:
    """The quarter's progress of `activity` written through the service, as the page does."""
    from koers.plans.services import quarter_report_save

    return quarter_report_save(
        actor=actor, activity=activity, quarter=quarter, values=values, expected_version=version
    )
