"""The funnel: which step may follow which, what a step must say, and the figures (reached
per stage, conversion) counted in the database in one query."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from koers.matching import funnel
from koers.matching.models import Stage
from tests.conftest import World
from tests.directory.factories import OrganisationFactory
from tests.matching.factories import CandidateFactory, StageChangeFactory

DAY = dt.date(2021, 2, 1)


def test_next_stages_follow_the_table_in_funnel_order() -> None:
    assert funnel.next_stages(Stage.INTAKE_GEHAD) == [
        Stage.INZETBAAR,
        Stage.NIET_INZETBAAR,
        Stage.DOORVERWEZEN,
        Stage.GESTOPT,
    ]
    assert Stage.GEPLAATST not in funnel.next_stages(Stage.AANGEMELD)


def test_a_step_is_recorded_with_date_and_who(world: World) -> None:
    candidate = CandidateFactory(holder=world.own)
    change = funnel.record_step(
        candidate, Stage.INTAKE_GEPLAND, on=DAY, by=world.users["medewerker"]
    )
    candidate.refresh_from_db()
    assert (candidate.stage, candidate.stage_since) == (Stage.INTAKE_GEPLAND, DAY)
    assert change.by == world.users["medewerker"]


def test_a_step_the_funnel_does_not_allow_is_refused(world: World) -> None:
    candidate = CandidateFactory(holder=world.own)
    with pytest.raises(ValidationError) as refused:
        funnel.record_step(candidate, Stage.GEPLAATST, on=DAY, by=None)
    assert "stage" in refused.value.message_dict
    candidate.refresh_from_db()
    assert candidate.stage == Stage.AANGEMELD
    assert not candidate.stage_changes.exists()


def test_a_referral_names_the_organisation_and_a_stop_says_why(world: World) -> None:
    candidate = CandidateFactory(holder=world.own, stage=Stage.INTAKE_GEHAD)
    with pytest.raises(ValidationError) as refused:
        funnel.record_step(candidate, Stage.DOORVERWEZEN, on=DAY, by=None)
    assert "referred_to" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        funnel.record_step(candidate, Stage.GESTOPT, on=DAY, by=None, reason="  ")
    assert "reason" in refused.value.message_dict
    red_cross = OrganisationFactory(name="Rode Kruis Ready to Help")
    change = funnel.record_step(
        candidate, Stage.DOORVERWEZEN, on=DAY, by=None, referred_to=red_cross
    )
    assert change.referred_to == red_cross


def test_a_step_cannot_lie_before_the_current_stage_began(world: World) -> None:
    candidate = CandidateFactory(holder=world.own, stage_since=DAY)
    with pytest.raises(ValidationError) as refused:
        funnel.record_step(candidate, Stage.INTAKE_GEPLAND, on=DAY - dt.timedelta(days=1), by=None)
    assert "on" in refused.value.message_dict


def _walk(world: World, stages: list[str]) -> None:
    candidate = CandidateFactory(holder=world.own, stage=stages[-1])
    for stage in stages[1:]:
        StageChangeFactory(candidate=candidate, stage=stage)


def test_the_figures_count_who_reached_each_stage_with_conversion(world: World) -> None:
    S = Stage
    _walk(world, [S.AANGEMELD])
    _walk(world, [S.AANGEMELD, S.INTAKE_GEPLAND])
    _walk(world, [S.AANGEMELD, S.INTAKE_GEHAD, S.INZETBAAR])  # intake without planning
    _walk(world, [S.AANGEMELD, S.INTAKE_GEPLAND, S.INTAKE_GEHAD, S.DOORVERWEZEN])
    # Placed without a history (rows made before it was kept) counts by its stage.
    CandidateFactory(holder=world.own, stage=S.GEPLAATST)
    CandidateFactory(holder=OrganisationFactory(), stage=S.GEPLAATST)  # another pool
    figures = funnel.funnel_of(world.own.pk)
    reached = {step.stage: step.reached for step in figures.path}
    assert figures.total == 5
    assert reached == {
        S.AANGEMELD: 5,
        S.INTAKE_GEPLAND: 4,
        S.INTAKE_GEHAD: 3,
        S.INZETBAAR: 2,
        S.VOORGESTELD: 1,
        S.GEPLAATST: 1,
        S.AFGEROND: 0,
    }
    conversion = {step.stage: step.conversion for step in figures.path}
    assert conversion[S.AANGEMELD] is None
    assert conversion[S.INTAKE_GEPLAND] == 80
    assert conversion[S.INZETBAAR] == 67
    assert conversion[S.AFGEROND] == 0
    branches = {step.stage: (step.reached, step.now) for step in figures.branches}
    assert branches[S.DOORVERWEZEN] == (1, 1)
    now = {step.stage: step.now for step in figures.path}
    assert now[S.AANGEMELD] == 1 and now[S.GEPLAATST] == 1


def test_the_figures_take_one_query_whatever_the_pool(world: World) -> None:
    for _ in range(3):
        _walk(world, [Stage.AANGEMELD, Stage.INTAKE_GEHAD])
    with CaptureQueriesContext(connection) as small:
        funnel.funnel_of(world.own.pk)
    for _ in range(30):
        _walk(world, [Stage.AANGEMELD, Stage.INTAKE_GEHAD, Stage.INZETBAAR])
    with CaptureQueriesContext(connection) as large:
        funnel.funnel_of(world.own.pk)
    assert len(small) == len(large) == 1
