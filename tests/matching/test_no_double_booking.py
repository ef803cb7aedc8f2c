"""Nobody is booked on two overlapping shifts, ever: two coordinators confirming one
candidate on overlapping shifts at the same moment, many times over, never both succeed
(the loser gets the Dutch refusal); and on PostgreSQL the exclusion constraint alone
refuses an overlapping insert, whoever writes it.

The concurrent cases need a database that several connections share: the test SQLite
database is in memory, so they run on PostgreSQL only (DATABASE_URL)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, connections, transaction

from koers.matching.models import Placement, PlacementStatus, Proposal, ProposalStatus
from koers.matching.placements import services
from tests.conftest import World
from tests.matching import factories_placements as make

DAY = dt.date(2030, 3, 4)
ROUNDS = 20


def _needs_postgresql() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (several connections, the exclusion constraint)")


def _at_once(calls: list[Callable[[], Any]]) -> list[Any]:
    """Run the calls in threads released together; each answer is its result or the
    ValidationError it raised."""
    start = threading.Barrier(len(calls))
    answers: list[Any] = [None] * len(calls)

    def run(index: int) -> None:
        try:
            start.wait()
            answers[index] = calls[index]()
        except ValidationError as refused:
            answers[index] = refused
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


@pytest.mark.django_db(transaction=True)
def test_two_confirmations_on_overlapping_shifts_never_both_succeed(world: World) -> None:
    _needs_postgresql()
    coordinators = [world.users["medewerker"], world.users["directeur"]]
    for round_ in range(ROUNDS):
        anna = make.candidate(world, f"Anna{round_}")
        day = DAY + dt.timedelta(days=round_)
        # Two requests (so neither fills the other), shifts overlapping by an hour.
        early = make.shift(make.help_request(world), make.at(day, 7), make.at(day, 15))
        late = make.shift(make.help_request(world), make.at(day, 14), make.at(day, 22))
        offers = [make.proposal(world, early, anna), make.proposal(world, late, anna)]
        answers = _at_once(
            [
                lambda o=offer, c=coordinator: services.proposal_confirm(actor=c, proposal_id=o.pk)
                for offer, coordinator in zip(offers, coordinators, strict=True)
            ]
        )
        placed = [a for a in answers if isinstance(a, Placement)]
        refused = [a for a in answers if isinstance(a, ValidationError)]
        assert len(placed) == 1, f"round {round_}: {answers}"
        assert len(refused) == 1, f"round {round_}: {answers}"
        assert "overlappende diensten" in " ".join(refused[0].messages)
        assert Placement.objects.filter(candidate=anna).count() == 1
        statuses = sorted(Proposal.objects.filter(candidate=anna).values_list("status", flat=True))
        # The loser's proposal is superseded by the winner's placement, never confirmed.
        assert statuses == sorted([ProposalStatus.BEVESTIGD, ProposalStatus.VERVALLEN])


@pytest.mark.django_db(transaction=True)
def test_one_proposal_confirmed_twice_at_once_is_placed_once(world: World) -> None:
    _needs_postgresql()
    for round_ in range(ROUNDS // 2):
        request = make.help_request(world, people=2)
        day = DAY + dt.timedelta(days=round_)
        offer = make.proposal(
            world,
            make.shift(request, make.at(day, 7), make.at(day, 15)),
            make.candidate(world, f"Bea{round_}"),
        )
        answers = _at_once(
            [
                lambda u=world.users[role], pk=offer.pk: services.proposal_confirm(
                    actor=u, proposal_id=pk
                )
                for role in ("medewerker", "directeur")
            ]
        )
        refused = [a for a in answers if isinstance(a, ValidationError)]
        assert len(refused) == 1, f"round {round_}: {answers}"
        assert "al besloten" in " ".join(refused[0].messages)
        assert Placement.objects.filter(proposal=offer).count() == 1


def _placement(world: World, who: Any, starts: dt.datetime, ends: dt.datetime, **extra: Any) -> Any:
    on = make.shift(make.help_request(world), starts, ends)
    return Placement.objects.create(
        shift=on, candidate=who, starts_at=starts, ends_at=ends, **extra
    )


@pytest.mark.django_db(transaction=True)
def test_the_exclusion_constraint_alone_refuses_an_overlapping_insert(world: World) -> None:
    _needs_postgresql()
    anna = make.candidate(world)
    _placement(world, anna, make.at(DAY, 7), make.at(DAY, 15))
    with pytest.raises(IntegrityError, match="matching_placement_no_overlap"), transaction.atomic():
        _placement(world, anna, make.at(DAY, 14), make.at(DAY, 22))
    # Touching is no overlap ([start, end) ranges); a cancelled one holds no time; another
    # candidate may overlap.
    _placement(world, anna, make.at(DAY, 15), make.at(DAY, 23))
    _placement(world, anna, make.at(DAY, 8), make.at(DAY, 12), status=PlacementStatus.GEANNULEERD)
    _placement(world, make.candidate(world, "Bea"), make.at(DAY, 8), make.at(DAY, 12))
    # Nor may a cancelled one come back to hold time that is taken since.
    cancelled = Placement.objects.get(status=PlacementStatus.GEANNULEERD)
    cancelled.status = PlacementStatus.PLAATSGEVONDEN
    with pytest.raises(IntegrityError, match="matching_placement_no_overlap"), transaction.atomic():
        cancelled.save(update_fields=["status"])
    assert Placement.objects.filter(candidate=anna).count() == 3


def test_the_confirming_check_refuses_the_overlap_on_every_database(world: World) -> None:
    """What SQLite has instead of the constraint: the check with her row locked."""
    anna = make.candidate(world)
    first = make.shift(
        make.help_request(world), make.at(DAY, 22), make.at(DAY + dt.timedelta(1), 6)
    )
    second = make.shift(
        make.help_request(world),
        make.at(DAY + dt.timedelta(1), 5),
        make.at(DAY + dt.timedelta(1), 13),
    )
    services.proposal_confirm(
        actor=world.users["medewerker"], proposal_id=make.proposal(world, first, anna).pk
    )
    with pytest.raises(ValidationError, match="overlappende diensten"):
        services.proposal_confirm(
            actor=world.users["medewerker"], proposal_id=make.proposal(world, second, anna).pk
        )
    assert Placement.objects.filter(candidate=anna).count() == 1
