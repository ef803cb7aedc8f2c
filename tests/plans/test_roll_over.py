"""Drafting next year's annual plan from the multi-year plan: what carries over, what is
left out and why, what comes in new, and the refusal of a second draft."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from koers.core.models import AuditEntry
from koers.plans import queries, services
from koers.plans.models import (
    Activity,
    AnnualPlan,
    Decision,
    Indicator,
    MultiYearResult,
    MultiYearTarget,
    Target,
)
from tests.conftest import World
from tests.database_snapshot import changed_tables, snapshot
from tests.plans.factories import (
    ActivityFactory,
    IndicatorFactory,
    RealisationFactory,
    TargetFactory,
)


@pytest.fixture
def year_2021(world: World) -> dict[str, Any]:
    """The world's 2021 activity (target 7) plus: one with a multi-year target over
    2021–2023 (300, of which 60 realised in 2021), one stopped, one decided no-go, and a
    multi-year result for 2022–2024 that no activity carries out yet."""
    line = world.activity.line
    reach = ActivityFactory(programme=world.programme, line=line, code="PG-2.1")
    reach_indicator = IndicatorFactory(activity=reach, title="Bereik werkgevers")
    TargetFactory(indicator=reach_indicator, value=Decimal(100))
    RealisationFactory(indicator=reach_indicator, date=dt.date(2021, 3, 1), value=Decimal(60))
    multi = MultiYearTarget.objects.create(
        programme=world.programme,
        title="Bereik werkgevers",
        start_year=2021,
        end_year=2023,
        value=Decimal(300),
    )
    multi.indicators.add(reach_indicator)
    stopped = ActivityFactory(programme=world.programme, line=line, code="PG-3.1", status="stopped")
    IndicatorFactory(activity=stopped)
    no_go = ActivityFactory(
        programme=world.programme,
        line=line,
        code="PG-4.1",
        decision=Decision.NO_GO,
        decision_date=dt.date(2021, 5, 31),
        decision_reason="Te weinig draagvlak",
    )
    result = MultiYearResult.objects.create(
        programme=world.programme,
        line=line,
        start_year=2022,
        end_year=2024,
        code="PG-5.1",
        title="Regionale personeelsplanning",
        activity_text="Voeren van een regionale strategische personeelsplanning.",
        result_text="Regionale personeelsplanning van Flevoland.",
    )
    return {"reach": reach, "stopped": stopped, "no_go": no_go, "result": result, "multi": multi}


def roll_over(world: World) -> AnnualPlan:
    drafted, _preview = services.annual_plan_carry_over(
        actor=world.users["directeur"], annual_plan=world.annual_plan
    )
    return drafted


def test_the_draft_holds_every_continuing_activity_and_none_that_stopped(
    world: World, year_2021: dict[str, Any]
) -> None:
    drafted = roll_over(world)
    assert (drafted.year, drafted.status) == (2022, "concept")
    codes = set(Activity.objects.filter(year=2022).values_list("code", flat=True))
    assert codes == {world.activity.code, "PG-2.1", "PG-5.1"}
    assert not codes & {"PG-3.1", "PG-4.1"}
    new = Activity.objects.get(year=2022, code="PG-5.1")
    assert (new.title, new.outcome, new.status) == (
        "Regionale personeelsplanning",
        "Regionale personeelsplanning van Flevoland.",
        "planned",
    )
    assert AuditEntry.objects.filter(action="annual_plan.carry_over").count() == 1


def test_an_indicator_with_a_multi_year_target_takes_its_share_and_counts_towards_it(
    world: World, year_2021: dict[str, Any]
) -> None:
    roll_over(world)
    copy = Indicator.objects.get(activity__year=2022, activity__code="PG-2.1")
    target = Target.objects.get(indicator=copy, year=2022)
    # 300 over 2021–2023, 60 realised in 2021: 240 left over 2022 and 2023.
    assert target.value == Decimal(120)
    assert "meerjarige streefwaarde 2021–2023 (300 voor de periode)" in target.note
    assert list(copy.multi_year_targets.all()) == [year_2021["multi"]]


def test_an_indicator_without_one_proposes_this_years_target_marked_as_carried_over(
    world: World, year_2021: dict[str, Any]
) -> None:
    roll_over(world)
    target = Target.objects.get(indicator__activity__code=world.activity.code, year=2022)
    assert target.value == Decimal(7)
    assert "Overgenomen uit 2021" in target.note


def test_the_preview_names_what_is_left_out_and_why(
    world: World, year_2021: dict[str, Any]
) -> None:
    preview = queries.roll_over_preview(world.annual_plan)
    reasons = {row.activity.code: row.reason for row in preview.left_out}
    assert reasons["PG-3.1"] == "Gestopt in 2021."
    assert reasons["PG-4.1"] == "Besloten tot no-go op 31 mei 2021: Te weinig draagvlak."
    assert [row.code for row in preview.new] == ["PG-5.1"]
    assert {row.activity.code for row in preview.carried} == {world.activity.code, "PG-2.1"}


def test_a_second_roll_over_is_refused_and_changes_nothing(
    world: World, year_2021: dict[str, Any]
) -> None:
    roll_over(world)
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        roll_over(world)
    assert "Het jaarplan 2022 bestaat al" in caught.value.messages[0]
    assert changed_tables(before, snapshot()) == ()


def test_a_submitted_next_year_is_refused(world: World, year_2021: dict[str, Any]) -> None:
    AnnualPlan.objects.create(plan=world.plan, year=2022, status="ingediend")
    with pytest.raises(ValidationError, match="Het jaarplan 2022 bestaat al en is ingediend"):
        roll_over(world)
    assert not Activity.objects.filter(year=2022).exists()


def test_the_last_year_of_the_plan_has_no_next(world: World) -> None:
    last = AnnualPlan.objects.create(plan=world.plan, year=2024)
    with pytest.raises(ValidationError, match="loopt tot en met 2024"):
        services.annual_plan_carry_over(actor=world.users["directeur"], annual_plan=last)


@pytest.mark.parametrize("role", ["programmacoordinator", "bedrijfsvoering", "opdrachtgever"])
def test_only_who_manages_the_annual_plan_may_draft(world: World, role: str) -> None:
    with pytest.raises(PermissionDenied):
        services.annual_plan_carry_over(actor=world.users[role], annual_plan=world.annual_plan)
    assert not Activity.objects.filter(year=2022).exists()
