"""Writes to advances: the schedule made when a grant is granted, rebalanced when the
amount changes, and each advance invoiced, sent and paid."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from koers.core.audit import audit_write, snapshot
from koers.funding import pipeline
from koers.funding.access import grant_scope, require_manage_funding
from koers.funding.models import Advance, Grant
from koers.funding.services._schedule_steps import (
    advance_rows,
    advances_remove,
    schedule_make,
)


@transaction.atomic
def advance_schedule_remake(
    *, actor: Any, grant: Grant, remote_addr: str | None = None
) -> list[Advance]:
    """Replace the advances with the default schedule for the amount granted now; refused
    once one of them has been invoiced."""
    grant = Grant.objects.select_for_update().get(pk=grant.pk)
    require_manage_funding(actor, grant_scope(grant))
    if grant.status not in pipeline.DECIDED or grant.amount_granted is None:
        raise ValidationError(_("Only a granted grant has advances."))
    if grant.advances.filter(sent_on__isnull=False).exists():
        raise ValidationError(
            _("Advances of this grant have been invoiced; change them one by one.")
        )
    advances_remove(actor, grant, remote_addr)
    return schedule_make(actor, grant, remote_addr)


@transaction.atomic
def advance_schedule_set(
    *,
    actor: Any,
    grant: Grant,
    parts: list[tuple[dt.date, dt.date, dt.date, Decimal]],
    remote_addr: str | None = None,
) -> list[Advance]:
    """Replace the advances with the schedule a decision sets (each part: period from,
    period until, to invoice on, amount), e.g. €125,000 for 2020 and €20,000 for 2021
    instead of equal quarters. The parts lie within the grant's period, do not overlap
    and add up to the amount granted; refused, with the figures, when not, and once an
    advance has been invoiced."""
    grant = Grant.objects.select_for_update().get(pk=grant.pk)
    require_manage_funding(actor, grant_scope(grant))
    if grant.status not in pipeline.DECIDED or grant.amount_granted is None:
        raise ValidationError(_("Only a granted grant has advances."))
    if grant.advances.filter(sent_on__isnull=False).exists():
        raise ValidationError(
            _("Advances of this grant have been invoiced; change them one by one.")
        )
    ordered = sorted(parts)
    total = sum((amount for *_dates, amount in ordered), Decimal(0))
    if total != grant.amount_granted:
        raise ValidationError(
            _("The advances add up to %(total)s, the amount granted is %(granted)s.")
            % {"total": total, "granted": grant.amount_granted}
        )
    previous_end: dt.date | None = None
    for start, end, _due, amount in ordered:
        outside = start < grant.starts_on or end > grant.ends_on or end < start
        if outside or amount < 0 or (previous_end is not None and start <= previous_end):
            raise ValidationError(
                _("The period %(start)s–%(end)s does not fit in the grant's period.")
                % {"start": start, "end": end}
            )
        previous_end = end
    advances_remove(actor, grant, remote_addr)
    advances = [
        Advance(
            grant=grant,
            number=number,
            period_start=start,
            period_end=end,
            due_on=due,
            amount=amount,
        )
        for number, (start, end, due, amount) in enumerate(ordered, 1)
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


ADVANCE_FIELDS = ["amount", "due_on", "invoice_number", "sent_on", "paid_on"]


@transaction.atomic
def advance_update(
    *, actor: Any, advance: Advance, remote_addr: str | None = None, **changes: Any
) -> Advance:
    """Change an advance: any of `ADVANCE_FIELDS` given is set, None included, so a date
    entered by mistake can be cleared. Sending numbers the invoice (unless a number is
    given, which must be unused); an invoiced advance keeps its amount and its number."""
    unknown = set(changes) - set(ADVANCE_FIELDS)
    if unknown:
        raise TypeError(f"Not fields of an advance: {sorted(unknown)}")
    advance = Advance.objects.select_for_update().select_related("grant").get(pk=advance.pk)
    require_manage_funding(actor, grant_scope(advance.grant))
    before = snapshot(advance, ADVANCE_FIELDS)
    if advance.sent_on and "amount" in changes and changes["amount"] != advance.amount:
        raise ValidationError(_("An invoiced advance cannot change its amount."))
    if advance.invoice_number and changes.get("invoice_number", advance.invoice_number) != (
        advance.invoice_number
    ):
        raise ValidationError(_("An invoice number once given does not change."))
    for name, value in changes.items():
        setattr(advance, name, "" if name == "invoice_number" and value is None else value)
    if advance.paid_on and not advance.sent_on:
        raise ValidationError({"paid_on": _("An advance is paid only after it has been sent.")})
    if advance.paid_on and advance.sent_on and advance.paid_on < advance.sent_on:
        raise ValidationError({"paid_on": _("The payment date lies before the invoice was sent.")})
    if advance.sent_on and not advance.invoice_number:
        advance.invoice_number = _next_invoice_number(advance)
    elif advance.invoice_number != before["invoice_number"] and _number_taken(advance):
        raise ValidationError(
            _("Invoice number %(number)s has been used already.")
            % {"number": advance.invoice_number}
        )
    advance.full_clean()
    advance.save()
    audit_write(
        actor=actor,
        action="advance.changed",
        instance=advance,
        context=f"funding.grant:{advance.grant_id}",
        before=before,
        after=snapshot(advance, ADVANCE_FIELDS),
        remote_addr=remote_addr,
        organisation_id=advance.grant.organisation_id,
    )
    return advance


def _number_taken(advance: Advance) -> bool:
    return (
        Advance.objects.filter(
            grant__organisation_id=advance.grant.organisation_id,
            invoice_number=advance.invoice_number,
        )
        .exclude(pk=advance.pk)
        .exists()
    )


def _next_invoice_number(advance: Advance) -> str:
    """YYYY-NNN per organisation and year of sending: unique, readable, in order.

    The organisation's row is locked first, so two advances sent at the same moment (of
    different grants) cannot both take the highest number plus one."""
    from koers.directory.models import Organisation

    assert advance.sent_on is not None
    Organisation.objects.select_for_update().filter(pk=advance.grant.organisation_id).first()
    year = advance.sent_on.year
    taken = Advance.objects.filter(
        grant__organisation_id=advance.grant.organisation_id,
        invoice_number__startswith=f"{year}-",
    ).values_list("invoice_number", flat=True)
    numbers = [int(text.split("-", 1)[1]) for text in taken if text.split("-", 1)[1].isdigit()]
    return f"{year}-{max(numbers, default=0) + 1:03d}"
