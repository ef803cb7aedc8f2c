"""Every pair of grant statuses: each allowed move works, every other one is refused with
its reason. The tables below are the rule as the module text of `koers.funding.pipeline`
states it, written out by hand, so that a changed edge fails here (`make mutation`).
"""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from koers.funding import services
from koers.funding.models import Grant, GrantStatus
from koers.funding.pipeline import is_back, missing_for, refusal
from tests.funding.factories import GrantFactory

S = GrantStatus
STATUSES = list(S)

FORWARD_EDGES = {
    (S.IDEA, S.PREPARATION),
    (S.PREPARATION, S.SUBMITTED),
    (S.SUBMITTED, S.GRANTED),
    (S.SUBMITTED, S.REJECTED),
    (S.GRANTED, S.RUNNING),
    (S.RUNNING, S.ACCOUNTED),
    (S.ACCOUNTED, S.SETTLED),
}
BACK_EDGES = {
    (S.PREPARATION, S.IDEA),
    (S.SUBMITTED, S.PREPARATION),
    (S.GRANTED, S.SUBMITTED),
    (S.REJECTED, S.SUBMITTED),
    (S.RUNNING, S.GRANTED),
    (S.ACCOUNTED, S.RUNNING),
    (S.SETTLED, S.ACCOUNTED),
}
# What the refusal of a skipped step lists as the way on, in the labels' words.
WAY_ON = {
    S.IDEA: "In preparation",
    S.PREPARATION: "Submitted",
    S.SUBMITTED: "Granted, Rejected",
    S.GRANTED: "Running",
    S.REJECTED: "none",
    S.RUNNING: "Accounted for",
    S.ACCOUNTED: "Settled",
    S.SETTLED: "none",
}
PAIRS = list(itertools.product(STATUSES, STATUSES))


def complete_grant(status: str) -> Grant:
    """A grant (not saved) with everything every step needs."""
    return Grant(
        status=status,
        amount_requested=Decimal("1000.00"),
        amount_granted=Decimal("900.00"),
        decided_on=dt.date(2020, 12, 15),
        reference="FLE-2020-1",
    )


@pytest.mark.parametrize(("current", "to"), sorted(FORWARD_EDGES))
def test_every_step_forward_is_allowed_without_a_reason(current: str, to: str) -> None:
    assert refusal(complete_grant(current), to, "") is None
    assert is_back(current, to) is False


@pytest.mark.parametrize(("current", "to"), sorted(BACK_EDGES))
def test_every_step_back_is_allowed_with_a_reason_and_refused_without(
    current: str, to: str
) -> None:
    grant = complete_grant(current)
    assert is_back(current, to) is True
    assert refusal(grant, to, "Bezwaar gemaakt") is None
    assert refusal(grant, to, "") == "Going back a step needs a reason."
    assert refusal(grant, to, " \t\n") == "Going back a step needs a reason."


@pytest.mark.parametrize("status", STATUSES)
def test_moving_to_the_status_a_grant_has_is_refused(status: str) -> None:
    assert refusal(complete_grant(status), status, "een reden") == (
        "The grant already has this status."
    )
    assert is_back(status, status) is False


@pytest.mark.parametrize(
    ("current", "to"),
    [
        (current, to)
        for current, to in PAIRS
        if current != to and (current, to) not in FORWARD_EDGES | BACK_EDGES
    ],
)
def test_every_other_move_is_refused_with_the_way_on(current: str, to: str) -> None:
    expected = (
        f"From “{S(current).label}” a grant can only move on to: {WAY_ON[current]}. "
        "Steps cannot be skipped."
    )
    # A reason does not open a move that is neither the next step nor the one before.
    assert refusal(complete_grant(current), to, "een reden") == expected
    assert is_back(current, to) is False


def test_the_walk_covers_all_sixty_four_pairs() -> None:
    assert len(STATUSES) == 8
    assert len(FORWARD_EDGES) + len(BACK_EDGES) == 14


# --- what a step needs ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount_requested", "refused"),
    [(None, "Enter the amount requested before submitting."), (Decimal(0), None)],
)
def test_submitting_needs_an_amount_requested_even_zero(
    amount_requested: Decimal | None, refused: str | None
) -> None:
    grant = complete_grant(S.PREPARATION)
    grant.amount_requested = amount_requested
    assert refusal(grant, S.SUBMITTED, "") == refused


@pytest.mark.parametrize(
    ("amount_granted", "decided_on", "reference", "refused"),
    [
        (Decimal("900.00"), dt.date(2020, 12, 15), "FLE-1", None),
        (None, dt.date(2020, 12, 15), "FLE-1", "the amount granted"),
        (Decimal(0), dt.date(2020, 12, 15), "FLE-1", "the amount granted"),
        (Decimal("900.00"), None, "FLE-1", "the date of the decision"),
        (Decimal("900.00"), dt.date(2020, 12, 15), "", "the decision's reference"),
        (None, None, "FLE-1", "the amount granted, the date of the decision"),
        (
            None,
            None,
            "",
            "the amount granted, the date of the decision, the decision's reference",
        ),
    ],
)
def test_granting_needs_amount_date_and_reference_and_names_each_missing_one(
    amount_granted: Decimal | None, decided_on: dt.date | None, reference: str, refused: str | None
) -> None:
    grant = complete_grant(S.SUBMITTED)
    grant.amount_granted, grant.decided_on, grant.reference = amount_granted, decided_on, reference
    expected = None if refused is None else f"Enter {refused} before recording the grant."
    assert refusal(grant, S.GRANTED, "") == expected
    assert missing_for(grant, S.GRANTED) == expected


@pytest.mark.parametrize("to", [s for s in STATUSES if s not in (S.SUBMITTED, S.GRANTED)])
def test_no_other_step_needs_anything(to: str) -> None:
    assert missing_for(Grant(status=S.IDEA), to) is None


def test_what_submitting_needs_is_not_asked_when_granting() -> None:
    grant = complete_grant(S.SUBMITTED)
    grant.amount_requested = None
    assert missing_for(grant, S.GRANTED) is None
    grant = complete_grant(S.PREPARATION)
    grant.amount_granted = None
    assert missing_for(grant, S.SUBMITTED) is None


# --- the whole road through the service -------------------------------------------------------


def test_a_grant_walks_the_whole_pipeline_rejected_and_back_then_to_settled(world: Any) -> None:
    actor = world.users["bedrijfsvoering"]
    grant = GrantFactory(organisation=world.own, funder=world.province)

    def move(to: str, on: dt.date, reason: str = "") -> None:
        nonlocal grant
        grant = services.grant_move(actor=actor, grant=grant, to=to, on=on, reason=reason)
        assert grant.status == to

    move(S.PREPARATION, dt.date(2020, 6, 1))
    move(S.SUBMITTED, dt.date(2020, 9, 30))
    move(S.REJECTED, dt.date(2020, 11, 1))
    with pytest.raises(ValidationError, match="only move on to: none"):
        move(S.GRANTED, dt.date(2020, 11, 2))
    move(S.SUBMITTED, dt.date(2020, 11, 20), reason="Bezwaar toegekend")
    grant = services.grant_save(
        actor=actor,
        organisation_id=world.own.pk,
        values={
            "amount_granted": Decimal("1000.00"),
            "decided_on": dt.date(2020, 12, 15),
            "reference": "FLE-2020-1",
        },
        grant=grant,
    )
    move(S.GRANTED, dt.date(2020, 12, 15))
    move(S.RUNNING, dt.date(2021, 1, 1))
    move(S.ACCOUNTED, dt.date(2022, 3, 1))
    move(S.SETTLED, dt.date(2022, 6, 1))
    with pytest.raises(ValidationError, match="only move on to: none"):
        move(S.IDEA, dt.date(2022, 6, 2))
    move(S.ACCOUNTED, dt.date(2022, 6, 2), reason="Vaststelling herzien")
    assert list(grant.steps.values_list("status", flat=True)) == [
        S.PREPARATION,
        S.SUBMITTED,
        S.REJECTED,
        S.SUBMITTED,
        S.GRANTED,
        S.RUNNING,
        S.ACCOUNTED,
        S.SETTLED,
        S.ACCOUNTED,
    ]
    assert grant.advances.count() == 4
