"""The steps of an advance schedule that the services share: make it, rebalance it, remove
it. They check no permission and open no transaction: each is called by a service
(`advance_schedule_remake`, `grant_save`, `grant_move`) after its own check, inside its
transaction. A private module, so nothing else calls them (tests/test_architecture.py holds
the public functions of services modules to the service rules, not these)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from koers.core.audit import audit_write
from koers.funding.models import Advance, Grant
from koers.funding.schedule import quarterly, split


def advances_rebalance(actor: Any, grant: Grant, remote_addr: str | None) -> None:
    """After the amount granted changed (an amended decision), the advances not yet
    invoiced take the difference, by the months they cover, so all advances still add up
    to the amount granted. Refused, with the figures, when they cannot."""
    advances = list(grant.advances.order_by("number"))
    if not advances or grant.amount_granted is None:
        return
    invoiced = sum((a.amount for a in advances if a.sent_on), Decimal(0))
    open_advances = [a for a in advances if not a.sent_on]
    remaining = grant.amount_granted - invoiced
    if remaining < 0 or (not open_advances and remaining != 0):
        raise ValidationError(
            _(
                "%(invoiced)s has been invoiced in advances already; the amount granted "
                "cannot become %(granted)s unless the advances not yet invoiced can take the "
                "difference."
            )
            % {"invoiced": invoiced, "granted": grant.amount_granted}
        )
    before = advance_rows(advances)
    months = [
        (a.period_end.year - a.period_start.year) * 12
        + a.period_end.month
        - a.period_start.month
        + 1
        for a in open_advances
    ]
    for advance, amount in zip(open_advances, split(remaining, months), strict=True):
        advance.amount = amount
        advance.save(update_fields=["amount"])
    audit_write(
        actor=actor,
        action="advances.rebalanced",
        instance=grant,
        before={"advances": before},
        after={"advances": advance_rows(grant.advances.order_by("number"))},
        remote_addr=remote_addr,
    )


def schedule_make(actor: Any, grant: Grant, remote_addr: str | None) -> list[Advance]:
    assert grant.amount_granted is not None
    advances = [
        Advance(
            grant=grant,
            number=part.number,
            period_start=part.period_start,
            period_end=part.period_end,
            due_on=part.due_on,
            amount=part.amount,
        )
        for part in quarterly(grant.amount_granted, grant.starts_on, grant.ends_on)
    ]
    Advance.objects.bulk_create(advances)
    audit_write(
        actor=actor,
        action="advances.scheduled",
        instance=grant,
        after={"advances": advance_rows(advances)},
        remote_addr=remote_addr,
    )
    return advances


def advance_rows(advances: Any) -> list[list[str]]:
    return [[str(a.number), str(a.due_on), str(a.amount)] for a in advances]


def advances_remove(actor: Any, grant: Grant, remote_addr: str | None) -> None:
    """Remove the grant's (unsent) advances, keeping in the audit trail what they were."""
    advances = list(grant.advances.order_by("number"))
    if not advances:
        return
    grant.advances.all().delete()
    audit_write(
        actor=actor,
        action="advances.removed",
        instance=grant,
        before={"advances": advance_rows(advances)},
        after={"advances": []},
        remote_addr=remote_addr,
    )
