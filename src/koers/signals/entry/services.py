"""Writes of recorded signals after their recording (`koers.signals.services.signal_record`):
interpreting one (a person chooses or confirms its category) and a resident's contact
record answered or past its retention."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.audit import audit_write, snapshot
from koers.core.reference import refuse_after_today
from koers.core.versioning import lock_for_edit
from koers.signals.access import may_record_signals
from koers.signals.entry.access import may_interpret
from koers.signals.models import Category, Signal, SignalContact
from koers.signals.validation import validate_signal_values


@transaction.atomic
def signal_category_set(
    *,
    actor: Any,
    signal: Signal,
    category: Category,
    expected_version: int | None = None,
    remote_addr: str | None = None,
) -> Signal:
    """The signal's category as a person chose or confirmed it: final, whatever the
    classifier suggested (the suggestion is kept beside it, and the choice is what the next
    training learns from). Someone else's interpretation in between: ConflictError.
    Refused: a category of another holder, or one no longer in use."""
    if not may_interpret(actor, signal):
        raise PermissionDenied
    locked = lock_for_edit(signal, expected_version)
    validate_signal_values(holder=locked.holder, category=category, municipality=None)
    before = snapshot(locked, ["category", "interpreted_at"])
    locked.category = category
    locked.interpreted_at = timezone.now()
    locked.interpreted_by = actor
    locked.save(update_fields=["category", "interpreted_at", "interpreted_by", "version"])
    audit_write(
        actor=actor,
        action="signal.interpreted",
        instance=locked,
        before=before,
        after=snapshot(locked, ["category", "interpreted_at"]),
        remote_addr=remote_addr,
    )
    return locked


@transaction.atomic
def signal_contact_answer_record(
    *,
    actor: Any,
    contact: SignalContact,
    answered_on: dt.date,
    remote_addr: str | None = None,
) -> SignalContact:
    """The resident has heard back. Her details stay until their `retain_until` (she may
    answer again), then `signal_contact_retention_enforce` removes them."""
    locked = SignalContact.objects.select_for_update().get(pk=contact.pk)
    if not may_record_signals(actor, locked.holder_id):
        raise PermissionDenied
    refuse_after_today(answered_on, "answered_on")
    if answered_on < timezone.localtime(locked.consent_at).date():
        raise ValidationError(
            {"answered_on": _("This date is before the resident sent her signal.")}
        )
    before = snapshot(locked, ["answered_on"])
    locked.answered_on = answered_on
    locked.save(update_fields=["answered_on"])
    audit_write(
        actor=actor,
        action="signal.contact_answered",
        instance=locked,
        before=before,
        after=snapshot(locked, ["answered_on"]),
        remote_addr=remote_addr,
    )
    return locked


@transaction.atomic
def signal_contact_retention_enforce(*, today: dt.date) -> int:
    """Remove every resident's contact record past its `retain_until` (the consent she gave
    ends there); the signals stay, anonymous as they were. Returns how many were removed."""
    removed, _by_model = SignalContact.objects.filter(retain_until__lt=today).delete()
    return removed
