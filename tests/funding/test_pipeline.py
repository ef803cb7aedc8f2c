"""The grant pipeline: one step at a time, back only with a reason, and what each step needs."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from koers.core.models import AuditEntry
from koers.funding import services
from koers.funding.models import Advance, Grant, GrantStatus, GrantStep
from tests.funding.factories import GrantFactory

S = GrantStatus


@pytest.fixture
def grant(world: Any) -> Grant:
    return GrantFactory(organisation=world.own, funder=world.province, programmes=[world.programme])


def move(
    world: Any, grant: Grant, to: str, on: dt.date, reason: str = "", role: str = "bedrijfsvoering"
) -> Grant:
    return services.grant_move(actor=world.users[role], grant=grant, to=to, on=on, reason=reason)


def decide(world: Any, grant: Grant, amount: str = "1069937.00") -> Grant:
    return services.grant_save(
        actor=world.users["bedrijfsvoering"],
        organisation_id=world.own.pk,
        values={
            "amount_granted": Decimal(amount),
            "decided_on": dt.date(2020, 12, 15),
            "reference": "FLE-2020-1",
        },
        grant=grant,
    )


def to_submitted(world: Any, grant: Grant) -> Grant:
    grant = move(world, grant, S.PREPARATION, dt.date(2020, 6, 1))
    return move(world, grant, S.SUBMITTED, dt.date(2020, 9, 30))


def test_it_moves_one_step_at_a_time_and_keeps_the_date_of_each(world: Any, grant: Grant) -> None:
    grant = to_submitted(world, grant)
    grant = decide(world, grant)
    grant = move(world, grant, S.GRANTED, dt.date(2020, 12, 15))
    grant = move(world, grant, S.RUNNING, dt.date(2021, 1, 1))
    assert grant.status == S.RUNNING
    assert list(grant.steps.values_list("status", "on")) == [
        (S.PREPARATION, dt.date(2020, 6, 1)),
        (S.SUBMITTED, dt.date(2020, 9, 30)),
        (S.GRANTED, dt.date(2020, 12, 15)),
        (S.RUNNING, dt.date(2021, 1, 1)),
    ]
    assert AuditEntry.objects.filter(action="grant.moved", subject_id=grant.pk).count() == 4


@pytest.mark.parametrize(
    ("start", "to"),
    [
        (S.IDEA, S.SUBMITTED),
        (S.IDEA, S.GRANTED),
        (S.PREPARATION, S.GRANTED),
        (S.SUBMITTED, S.RUNNING),
        (S.GRANTED, S.ACCOUNTED),
        (S.RUNNING, S.SETTLED),
        (S.REJECTED, S.GRANTED),
        (S.SETTLED, S.IDEA),
    ],
)
def test_it_refuses_to_skip_a_step(world: Any, grant: Grant, start: str, to: str) -> None:
    Grant.objects.filter(pk=grant.pk).update(status=start)
    grant.refresh_from_db()
    with pytest.raises(ValidationError, match=r"cannot be skipped|already"):
        move(world, grant, to, dt.date(2021, 1, 1), reason="waarom niet")
    grant.refresh_from_db()
    assert grant.status == start
    assert not GrantStep.objects.filter(grant=grant).exists()


def test_going_back_needs_a_reason(world: Any, grant: Grant) -> None:
    grant = to_submitted(world, grant)
    with pytest.raises(ValidationError, match="reason"):
        move(world, grant, S.PREPARATION, dt.date(2020, 10, 1), reason="  ")
    grant = move(world, grant, S.PREPARATION, dt.date(2020, 10, 1), reason="Begroting aangepast")
    assert grant.status == S.PREPARATION
    assert grant.steps.last().reason == "Begroting aangepast"


def test_a_grant_is_recorded_only_with_amount_date_and_reference(world: Any, grant: Grant) -> None:
    grant = to_submitted(world, grant)
    with pytest.raises(ValidationError, match="amount granted"):
        move(world, grant, S.GRANTED, dt.date(2020, 12, 15))
    assert not Advance.objects.exists()


def test_submitting_needs_the_amount_requested(world: Any) -> None:
    grant = GrantFactory(organisation=world.own, funder=world.province, amount_requested=None)
    grant = move(world, grant, S.PREPARATION, dt.date(2020, 6, 1))
    with pytest.raises(ValidationError, match="amount requested"):
        move(world, grant, S.SUBMITTED, dt.date(2020, 9, 30))


def test_a_step_cannot_be_dated_before_the_previous_one(world: Any, grant: Grant) -> None:
    grant = move(world, grant, S.PREPARATION, dt.date(2020, 6, 1))
    with pytest.raises(ValidationError, match="previous"):
        move(world, grant, S.SUBMITTED, dt.date(2020, 5, 1))


def test_granting_schedules_a_quarter_share_at_the_start_of_each_quarter(
    world: Any, grant: Grant
) -> None:
    grant = decide(world, to_submitted(world, grant))
    grant = move(world, grant, S.GRANTED, dt.date(2020, 12, 15))
    advances = list(grant.advances.order_by("number"))
    assert [a.due_on.month for a in advances] == [1, 4, 7, 10]
    assert sum(a.amount for a in advances) == Decimal("1069937.00")


def test_going_back_from_granted_removes_unsent_advances_and_is_refused_once_invoiced(
    world: Any, grant: Grant
) -> None:
    grant = move(world, decide(world, to_submitted(world, grant)), S.GRANTED, dt.date(2020, 12, 15))
    first = grant.advances.order_by("number").first()
    services.advance_update(
        actor=world.users["bedrijfsvoering"], advance=first, sent_on=dt.date(2021, 1, 4)
    )
    with pytest.raises(ValidationError, match="invoiced"):
        move(world, grant, S.SUBMITTED, dt.date(2021, 1, 5), reason="Bezwaar")
    assert grant.advances.count() == 4
    # Without an invoiced advance, going back removes the schedule.
    other = GrantFactory(organisation=world.own, funder=world.province)
    other = move(world, decide(world, to_submitted(world, other)), S.GRANTED, dt.date(2020, 12, 15))
    other = move(world, other, S.SUBMITTED, dt.date(2020, 12, 20), reason="Besluit ingetrokken")
    assert other.status == S.SUBMITTED
    assert not other.advances.exists()


@pytest.mark.parametrize(
    "role", ["programmacoordinator", "medewerker", "toezicht", "opdrachtgever", "outsider"]
)
def test_only_operations_and_the_director_move_grants(world: Any, grant: Grant, role: str) -> None:
    with pytest.raises(PermissionDenied):
        move(world, grant, S.PREPARATION, dt.date(2020, 6, 1), role=role)
    grant.refresh_from_db()
    assert grant.status == S.IDEA


def test_a_changed_grant_keeps_what_its_step_needed(world: Any, grant: Grant) -> None:
    grant = move(world, decide(world, to_submitted(world, grant)), S.GRANTED, dt.date(2020, 12, 15))
    with pytest.raises(ValidationError, match="amount granted"):
        services.grant_save(
            actor=world.users["bedrijfsvoering"],
            organisation_id=world.own.pk,
            values={"amount_granted": None},
            grant=grant,
        )
    grant.refresh_from_db()
    assert grant.amount_granted == Decimal("1069937.00")


def test_a_grant_cannot_cover_another_organisations_programme(world: Any) -> None:
    with pytest.raises(PermissionDenied):
        services.grant_save(
            actor=world.users["bedrijfsvoering"],
            organisation_id=world.own.pk,
            values={
                "funder": world.province,
                "kind": "fonds",
                "title": "Aanvraag",
                "starts_on": dt.date(2021, 1, 1),
                "ends_on": dt.date(2021, 12, 31),
            },
            links={"programmes": [world.other_programme]},
        )
    assert not Grant.objects.exists()


def test_sending_an_advance_numbers_its_invoice_and_paying_needs_sending_first(
    world: Any, grant: Grant
) -> None:
    grant = move(world, decide(world, to_submitted(world, grant)), S.GRANTED, dt.date(2020, 12, 15))
    first, second = grant.advances.order_by("number")[:2]
    actor = world.users["bedrijfsvoering"]
    with pytest.raises(ValidationError, match="sent"):
        services.advance_update(actor=actor, advance=second, paid_on=dt.date(2021, 4, 20))
    first = services.advance_update(actor=actor, advance=first, sent_on=dt.date(2021, 1, 4))
    second = services.advance_update(actor=actor, advance=second, sent_on=dt.date(2021, 4, 1))
    assert (first.invoice_number, second.invoice_number) == ("2021-001", "2021-002")
    with pytest.raises(ValidationError, match="before"):
        services.advance_update(actor=actor, advance=first, paid_on=dt.date(2021, 1, 1))
    with pytest.raises(ValidationError, match="amount"):
        services.advance_update(actor=actor, advance=first, amount=Decimal("1.00"))
    first = services.advance_update(actor=actor, advance=first, paid_on=dt.date(2021, 1, 25))
    assert first.paid_on == dt.date(2021, 1, 25)


def test_an_amended_amount_is_taken_by_the_advances_not_yet_invoiced(
    world: Any, grant: Grant
) -> None:
    grant = move(
        world,
        decide(world, to_submitted(world, grant), "1000.00"),
        S.GRANTED,
        dt.date(2020, 12, 15),
    )
    actor = world.users["bedrijfsvoering"]
    first = grant.advances.get(number=1)
    services.advance_update(actor=actor, advance=first, sent_on=dt.date(2021, 1, 4))
    grant = decide(world, grant, "1300.00")
    assert [a.amount for a in grant.advances.order_by("number")] == [
        Decimal("250.00"),
        Decimal("350.00"),
        Decimal("350.00"),
        Decimal("350.00"),
    ]
    with pytest.raises(ValidationError, match="invoiced"):
        decide(world, grant, "200.00")
    assert sum(a.amount for a in grant.advances.all()) == Decimal("1300.00")


@pytest.mark.parametrize("from_list", [False, True])
def test_a_refused_advance_shows_its_page_again_with_the_row_marked(
    world: Any, grant: Grant, from_list: bool
) -> None:
    """Paid before it was sent: the grant's page (or the list of advances) comes back with
    the refusal linked to that row's payment date (400); it was a redirect with a message."""
    from django.urls import reverse

    grant = move(world, decide(world, to_submitted(world, grant)), S.GRANTED, dt.date(2020, 12, 15))
    advance = grant.advances.order_by("number").first()
    assert advance is not None
    data = {"paid_on": "2021-04-20", **({"next": "advances"} if from_list else {})}
    response = world.client("bedrijfsvoering").post(
        reverse("funding:advance_update", args=[advance.pk]), data
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert f'href="#paid_on-{advance.pk}"' in page
    assert f'id="paid_on-{advance.pk}_error"' in page
    assert "pas betaald nadat de factuur is verzonden" in page
    advance.refresh_from_db()
    assert advance.paid_on is None
