"""Writes of the public spinnenweb: the anonymous counts, a resident's contact request, and
the staff's handling and removal of it (each audited, in one transaction)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from koers.atlas.access import may_edit_atlas
from koers.atlas.models import (
    DIMENSIONS,
    ContactRequest,
    Initiative,
    SpinnenwebTally,
    contact_retention_until,
)
from koers.atlas.public.ranking import LOW_SCORE
from koers.core.audit import audit_write
from koers.core.models import Municipality

# What the audit trail keeps of a contact request: never her name, address or message (the
# trail outlives the request by years), only what it was about.
AUDITED = ("municipality", "initiatives", "language", "retained_until")


def tally_record(*, holder_id: int, scores: dict[str, int], on: dt.date) -> None:
    """Count one resident's answers: per dimension, one more answer, and one more low score
    when hers was low. The answers themselves are not kept. Not audited: a counter, like
    the rate limit's, written by anonymous visitors (the audit trail would only repeat it)."""
    year, week, _weekday = on.isocalendar()
    with transaction.atomic():
        for dimension in DIMENSIONS:
            low = int(scores[dimension.key] <= LOW_SCORE)
            key = {"holder_id": holder_id, "year": year, "week": week, "dimension": dimension.key}
            counted = SpinnenwebTally.objects.filter(**key).update(
                answered=F("answered") + 1, low=F("low") + low
            )
            if counted:
                continue
            try:
                with transaction.atomic():  # a savepoint: another visitor may create it first
                    SpinnenwebTally.objects.create(**key, answered=1, low=low)
            except IntegrityError:
                SpinnenwebTally.objects.filter(**key).update(
                    answered=F("answered") + 1, low=F("low") + low
                )


@transaction.atomic
def contact_request_create(
    *,
    holder_id: int,
    name: str,
    email: str,
    phone: str,
    message: str,
    municipality: Municipality | None,
    initiatives: Iterable[Initiative],
    consent_text: str,
    language: str,
) -> ContactRequest:
    """Store what she entered, with the consent she gave word for word and the day it is
    removed. The caller has checked her input (ContactForm); the database refuses a
    request without a way to reach her. No address of hers goes into the audit trail."""
    picked = [i for i in initiatives if i.holder_id == holder_id and i.is_public]
    record = ContactRequest.objects.create(
        holder_id=holder_id,
        name=name,
        email=email,
        phone=phone,
        message=message,
        municipality=municipality,
        consent_text=consent_text,
        language=language,
        retained_until=contact_retention_until(),
    )
    record.initiatives.set(picked)
    audit_write(
        actor=None,
        action="contact_request.created",
        instance=record,
        after=_audited(record),
        organisation_id=holder_id,
    )
    return record


def _audited(record: ContactRequest) -> dict[str, Any]:
    return {
        "municipality": record.municipality_id,
        "initiatives": sorted(record.initiatives.values_list("pk", flat=True)),
        "language": record.language,
        "retained_until": record.retained_until.isoformat(),
        "handled_at": record.handled_at.isoformat() if record.handled_at else None,
    }


def _locked(actor: Any, record: ContactRequest) -> ContactRequest:
    locked = ContactRequest.objects.select_for_update().get(pk=record.pk)
    if not may_edit_atlas(actor, locked.holder_id):
        raise PermissionDenied
    return locked


@transaction.atomic
def contact_request_finish(
    *, actor: Any, record: ContactRequest, remote_addr: str | None = None
) -> ContactRequest:
    """Mark the request handled (she was contacted); doing it twice changes nothing."""
    record = _locked(actor, record)
    if record.handled_at is not None:
        return record
    before = _audited(record)
    record.handled_at = timezone.now()
    record.handled_by = actor
    record.save(update_fields=["handled_at", "handled_by"])
    audit_write(
        actor=actor,
        action="contact_request.handled",
        instance=record,
        before=before,
        after=_audited(record),
        remote_addr=remote_addr,
    )
    return record


@transaction.atomic
def contact_request_delete(
    *, actor: Any, record: ContactRequest, remote_addr: str | None = None
) -> None:
    """Remove the request and everything she entered with it."""
    record = _locked(actor, record)
    audit_write(
        actor=actor,
        action="contact_request.deleted",
        instance=record,
        before=_audited(record),
        remote_addr=remote_addr,
    )
    record.delete()


@transaction.atomic
def contact_request_retention_enforce(today: dt.date | None = None) -> int:
    """Remove every request whose retention has passed (the daily job); returns how many.
    Each removal is audited without an actor: the retention rule did it."""
    today = today or timezone.localdate()
    due = list(
        ContactRequest.objects.select_for_update()
        .filter(retained_until__lte=today)
        .prefetch_related("initiatives")
    )
    for record in due:
        audit_write(
            actor=None,
            action="contact_request.expired",
            instance=record,
            before=_audited(record),
        )
    ContactRequest.objects.filter(pk__in=[record.pk for record in due]).delete()
    return len(due)
