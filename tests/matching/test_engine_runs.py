"""Runs of the matcher through the worker: proposals stored with their reasons, earlier
open proposals superseded, figures and why-not kept on the run; who may start and see runs;
the problem loaded in a constant number of queries."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from koers.core.models import AuditEntry
from koers.matching.engine.compute import run_execute
from koers.matching.engine.loading import load_problem
from koers.matching.engine.services import run_start
from koers.matching.models import (
    Placement,
    Proposal,
    ProposalRun,
    ProposalStatus,
    RunStatus,
)
from tests.matching.factories_engine import nurse, request_with_shifts

pytestmark = pytest.mark.django_db

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def run_now(world: Any, capture: Any, method: str = "solver", role: str = "coordinator") -> Any:
    with capture(execute=True):
        run = run_start(holder_id=world.own.pk, user=world.users[role], method=method)
    run.refresh_from_db()
    return run


@pytest.fixture
def immediate(settings: Any) -> None:
    settings.TASKS = IMMEDIATE


def test_a_run_proposes_fitting_candidates_with_reasons(
    world: Any, immediate: None, django_capture_on_commit_callbacks: Any
) -> None:
    anna, bea = nurse(world), nurse(world)
    nurse(world, stage="aangemeld")  # not deployable: never proposed
    request = request_with_shifts(world, shifts=2, people=2)
    run = run_now(world, django_capture_on_commit_callbacks, role="programmacoordinator")
    assert run.status == RunStatus.KLAAR
    proposals = Proposal.objects.filter(run=run)
    assert {(p.shift.request_id, p.candidate_id) for p in proposals} == {
        (request.pk, anna.pk),
        (request.pk, bea.pk),
    }
    assert proposals.count() == 4
    assert all(p.status == ProposalStatus.VOORGESTELD for p in proposals)
    assert all(p.reasons[0]["code"] == "role" for p in proposals)
    assert run.stats["solver"]["filled"] == run.stats["greedy"]["filled"] == 4
    assert run.stats["solver"]["weighted_share"] == 100.0
    assert run.stats["unfilled"] == []
    assert AuditEntry.objects.filter(action="run.started", subject_id=run.pk).exists()
    assert AuditEntry.objects.filter(action="run.finished", subject_id=run.pk).exists()


def test_a_new_run_supersedes_the_open_proposals_of_the_same_shifts(
    world: Any, immediate: None, django_capture_on_commit_callbacks: Any
) -> None:
    nurse(world)
    request_with_shifts(world)
    first = run_now(world, django_capture_on_commit_callbacks, role="programmacoordinator")
    second = run_now(
        world, django_capture_on_commit_callbacks, method="greedy", role="programmacoordinator"
    )
    assert second.stats["used"] == "greedy" and "solver" not in second.stats
    assert second.stats["superseded"] == 1
    assert [p.status for p in Proposal.objects.filter(run=first)] == [ProposalStatus.VERVALLEN]
    assert [p.status for p in Proposal.objects.filter(run=second)] == [ProposalStatus.VOORGESTELD]


def test_a_confirmed_placement_takes_its_place_and_her_time(
    world: Any, immediate: None, django_capture_on_commit_callbacks: Any
) -> None:
    anna, bea = nurse(world), nurse(world)
    request = request_with_shifts(world, people=1)
    shift = request.shifts.get()
    Placement.objects.create(
        shift=shift, candidate=anna, starts_at=shift.starts_at, ends_at=shift.ends_at
    )
    run = run_now(world, django_capture_on_commit_callbacks, role="programmacoordinator")
    assert run.stats["places"] == 0
    assert not Proposal.objects.filter(run=run).exists()
    # A second request at the same time: Anna is busy then, Bea is not.
    other = request_with_shifts(world, people=2)
    run = run_now(world, django_capture_on_commit_callbacks, role="programmacoordinator")
    assert list(Proposal.objects.filter(run=run).values_list("candidate_id", flat=True)) == [bea.pk]
    [unfilled] = run.stats["unfilled"]
    assert unfilled["shift"] == other.shifts.get().pk
    assert {"code": "count_overlap", "count": 1} in unfilled["reasons"]


def test_who_may_not_manage_the_pool_cannot_start_a_run(world: Any) -> None:
    for role in ("bedrijfsvoering", "opdrachtgever", "prioritering", "zorgvrager", "toezicht"):
        with pytest.raises(PermissionDenied):
            run_start(holder_id=world.own.pk, user=world.users[role], method="solver")
    assert not ProposalRun.objects.exists()


def test_the_run_page_compares_both_methods_and_says_why_places_stay_open(
    world: Any, immediate: None, django_capture_on_commit_callbacks: Any
) -> None:
    nurse(world, stage="gestopt")
    request_with_shifts(world, people=2)
    with django_capture_on_commit_callbacks(execute=True):
        response = world.client("medewerker").post(
            reverse("matching:run_start"), {"method": "solver"}
        )
    assert response.status_code == 302
    run = ProposalRun.objects.get()
    assert response["Location"] == reverse("matching:run", args=[run.pk])
    page = world.client("directeur").get(response["Location"]).content.decode()
    assert "Gretig (basislijn)" in page and "Solver (HiGHS)" in page
    assert "Niemand in het bestand voldoet aan de regels voor deze dienst." in page
    assert "1 met de rol zijn niet inzetbaar." in page
    listing = world.client("bedrijfsvoering").get(reverse("matching:runs"))
    assert listing.status_code == 200
    assert [r.pk for r in listing.context["runs"]] == [run.pk]


def test_a_wrong_method_is_refused_and_nothing_is_queued(world: Any) -> None:
    response = world.client("medewerker").post(
        reverse("matching:run_start"), {"method": "raden"}, follow=True
    )
    assert "Kies een methode" in response.content.decode()
    assert not ProposalRun.objects.exists()


def test_a_run_already_taken_or_done_is_left_alone(world: Any) -> None:
    nurse(world)
    request_with_shifts(world)
    done = ProposalRun.objects.create(holder=world.own, status=RunStatus.KLAAR, stats={"x": 1})
    assert run_execute(done.pk).stats == {"x": 1}
    assert not Proposal.objects.exists()
    waiting = ProposalRun.objects.create(holder=world.own, method="greedy")
    assert run_execute(waiting.pk).status == RunStatus.KLAAR
    assert run_execute(waiting.pk).stats == ProposalRun.objects.get(pk=waiting.pk).stats
    assert Proposal.objects.filter(run=waiting).count() == 1


@pytest.mark.parametrize("count", [3, 30])
def test_the_problem_is_loaded_in_a_constant_number_of_queries(
    world: Any, count: int, django_assert_max_num_queries: Any
) -> None:
    for _ in range(count):
        nurse(world)
    request_with_shifts(world, shifts=count)
    with django_assert_max_num_queries(10):
        problem = load_problem(world.own.pk)
    assert len(problem.candidates) == count and len(problem.shifts) == count


def test_the_runs_list_and_run_page_take_constant_queries(
    world: Any, django_assert_max_num_queries: Any
) -> None:
    for _ in range(30):
        ProposalRun.objects.create(holder=world.own, status=RunStatus.KLAAR, stats={})
    client = world.client("medewerker")
    with django_assert_max_num_queries(25):
        assert client.get(reverse("matching:runs")).status_code == 200
