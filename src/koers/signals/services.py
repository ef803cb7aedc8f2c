"""The one write path of a signal: scrubbed, dated by its ISO week, checked against the
region and the holder's categories, audited. The staff form, the public form, a case's
"raise a signal", the demo and the tests all record through `signal_record`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.audit import audit_write, snapshot
from koers.core.models import Municipality
from koers.core.reference import default_reference, refuse_after_today
from koers.directory.models import Organisation
from koers.signals.access import may_record_signals
from koers.signals.models import Category, Signal, SignalContact
from koers.signals.scrubbing import scrub
from koers.signals.validation import validate_signal_values
from koers.signals.weeks import IsoWeek

SIGNAL_FIELDS = [
    "iso_year",
    "iso_week",
    "channel",
    "law",
    "category",
    "target_group",
    "municipality",
    "sentiment",
    "description",
]


@dataclass(frozen=True)
class Suggestion:
    """What the classifier suggested when the signal was recorded (kept beside the human's
    choice, which is final)."""

    category: Category
    confidence: float


@dataclass(frozen=True)
class ContactDetails:
    """A resident who wants to hear back, with her consent."""

    name: str
    email: str = ""
    phone: str = ""


@transaction.atomic
def signal_record(
    *,
    actor: Any,
    holder: Organisation,
    received_on: dt.date,
    values: dict[str, Any],
    suggestion: Suggestion | None = None,
    contact: ContactDetails | None = None,
    contact_days: int = 180,
    public: bool = False,
    remote_addr: str | None = None,
) -> Signal:
    """A new signal. Its description is scrubbed before it is saved; `received_on` becomes
    its ISO week and is not kept. A category chosen by a person counts as interpreted.
    `public`: sent through the public form by a resident (no actor, no permission check).
    A contact is saved apart, pointing to the signal, kept `contact_days`."""
    if not public and not may_record_signals(actor, holder.pk):
        raise PermissionDenied
    category: Category | None = values.get("category")
    municipality: Municipality | None = values.get("municipality")
    validate_signal_values(holder=holder, category=category, municipality=municipality)
    refuse_after_today(received_on, "received_on", _("A signal cannot come in after today."))
    cleaned = scrub(values["description"])
    if not cleaned.text.strip():
        raise ValidationError({"description": _("Say what happened.")})
    week = IsoWeek.of(received_on)
    signal = Signal(
        holder=holder,
        iso_year=week.year,
        iso_week=week.week,
        quarter=week.quarter,
        channel=values["channel"],
        law=values["law"],
        category=category,
        target_group=values.get("target_group", ""),
        municipality=municipality,
        sentiment=values["sentiment"],
        description=cleaned.text,
        scrubbed=cleaned.removed,
    )
    if suggestion is not None and suggestion.category.holder_id == holder.pk:
        signal.suggested_category = suggestion.category
        signal.suggestion_confidence = suggestion.confidence
    if category is not None and not public:
        signal.interpreted_at = timezone.now()
        signal.interpreted_by = actor
    signal.full_clean(exclude=["holder", "interpreted_by"])
    signal.save()
    audit_write(
        actor=actor if not public else None,
        action="signal.recorded",
        instance=signal,
        after=snapshot(signal, SIGNAL_FIELDS),
        remote_addr=remote_addr,
    )
    if contact is not None:
        _contact_save(holder=holder, signal=signal, contact=contact, days=contact_days)
    return signal


def _contact_save(
    *, holder: Organisation, signal: Signal, contact: ContactDetails, days: int
) -> SignalContact:
    if not (contact.email or contact.phone):
        raise ValidationError(
            {"email": _("Give an e-mail address or a phone number to hear back.")}
        )
    now = timezone.now()
    record = SignalContact(
        holder=holder,
        signal=signal,
        name=contact.name,
        email=contact.email,
        phone=contact.phone,
        consent_at=now,
        retain_until=default_reference() + dt.timedelta(days=days),
    )
    record.full_clean(exclude=["holder", "signal"])
    record.save()
    return record
