"""Writes to events, their participants and communication items: each checks that the
actor may record what the programme did, runs in a transaction and keeps an audit entry
(context: the event, or the programme for communication items)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from koers.accounts.roles import Capability
from koers.core.audit import audit_write, context_of, snapshot
from koers.core.versioning import lock_for_edit
from koers.directory.models import Person
from koers.plans.access import require
from koers.plans.models import Programme
from koers.relations.models import CommunicationItem, Event, Participant

EVENT_FIELDS = [
    "activity",
    "title",
    "theme",
    "date",
    "place",
    "municipality",
    "evaluation",
    "note",
]
COMMUNICATION_FIELDS = ["activity", "date", "channel", "title", "theme", "link"]


def _check_activity(programme: Programme, activity: Any) -> None:
    if activity is not None and activity.programme_id != programme.pk:
        raise ValidationError({"activity": _("The activity belongs to another programme.")})


@transaction.atomic
def event_save(
    *,
    actor: Any,
    programme: Programme,
    values: dict[str, Any],
    co_organisers: list[Any] | None = None,
    event: Event | None = None,
    expected_version: int | None = None,
    is_example: bool = False,
    remote_addr: str | None = None,
) -> Event:
    """Add an event to `programme`, or change one (also moving it to `programme`); a stale
    `expected_version` raises ConflictError with the current record."""
    require(actor, Capability.RECORD_REALISATION, programme)
    _check_activity(programme, values.get("activity"))
    before = None
    if event is None:
        event = Event(holder_id=programme.plan.organisation_id, is_example=is_example)
    else:
        event = lock_for_edit(event, expected_version)
        require(actor, Capability.RECORD_REALISATION, event.programme)
        if event.holder_id != programme.plan.organisation_id:
            raise PermissionDenied
        before = {**snapshot(event, ["programme", *EVENT_FIELDS]), **_organisers(event)}
    event.programme = programme
    for name, value in values.items():
        setattr(event, name, value)
    event.full_clean(exclude=["co_organisers"])
    event.save()
    if co_organisers is not None:
        event.co_organisers.set(co_organisers)
    audit_write(
        actor=actor,
        action="event.saved" if before else "event.created",
        instance=event,
        before=before,
        after={**snapshot(event, ["programme", *EVENT_FIELDS]), **_organisers(event)},
        remote_addr=remote_addr,
        organisation_id=event.holder_id,
    )
    return event


def _organisers(event: Event) -> dict[str, list[int]]:
    return {"co_organisers": sorted(event.co_organisers.values_list("pk", flat=True))}


@transaction.atomic
def event_delete(*, actor: Any, event: Event, remote_addr: str | None = None) -> None:
    """Remove an event and its participants (what it counted drops out of the indicators)."""
    event = Event.objects.select_for_update().select_related("programme__plan").get(pk=event.pk)
    require(actor, Capability.RECORD_REALISATION, event.programme)
    before = {
        **snapshot(event, ["programme", *EVENT_FIELDS]),
        "participants": event.participants.count(),
    }
    audit_write(
        actor=actor,
        action="event.deleted",
        instance=event,
        context=context_of(event.programme),
        before=before,
        remote_addr=remote_addr,
        organisation_id=event.holder_id,
    )
    event.delete()


def _current_organisation(person: Person, on: dt.date) -> Any:
    """The organisation the person worked at on the day, from her positions."""
    position = (
        person.positions.filter(Q(started_on__isnull=True) | Q(started_on__lte=on))
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=on))
        .select_related("organisation")
        .order_by("-started_on")
        .first()
    )
    return position.organisation if position else None


@transaction.atomic
def participant_add(
    *,
    actor: Any,
    event: Event,
    person: Person | None = None,
    organisation: Any = None,
    attended: bool | None = None,
    remote_addr: str | None = None,
) -> Participant:
    """Register a person (with the organisation she works at, unless one is given) or an
    organisation for an event."""
    require(actor, Capability.RECORD_REALISATION, event.programme)
    if person is None and organisation is None:
        raise ValidationError(_("Choose a person or an organisation."))
    if person is not None and person.holder_id != event.holder_id:
        raise PermissionDenied
    if person is not None and organisation is None:
        organisation = _current_organisation(person, event.date)
    participant = Participant(
        event=event, person=person, organisation=organisation, attended=attended
    )
    try:
        with transaction.atomic():
            participant.save()
    except IntegrityError:
        raise ValidationError(_("This person is registered already.")) from None
    audit_write(
        actor=actor,
        action="participant.added",
        instance=participant,
        context=context_of(event),
        after=snapshot(participant, ["person", "organisation", "attended"]),
        remote_addr=remote_addr,
        organisation_id=event.holder_id,
    )
    return participant


@transaction.atomic
def participant_attendance_record(
    *,
    actor: Any,
    participant: Participant,
    attended: bool | None,
    remote_addr: str | None = None,
) -> Participant:
    participant = (
        Participant.objects.select_for_update()
        .select_related("event__programme__plan")
        .get(pk=participant.pk)
    )
    require(actor, Capability.RECORD_REALISATION, participant.event.programme)
    before = snapshot(participant, ["attended"])
    participant.attended = attended
    participant.save(update_fields=["attended"])
    audit_write(
        actor=actor,
        action="participant.attendance",
        instance=participant,
        context=context_of(participant.event),
        before=before,
        after=snapshot(participant, ["attended"]),
        remote_addr=remote_addr,
        organisation_id=participant.event.holder_id,
    )
    return participant


@transaction.atomic
def participant_remove(
    *, actor: Any, participant: Participant, remote_addr: str | None = None
) -> None:
    participant = Participant.objects.select_related("event__programme__plan").get(
        pk=participant.pk
    )
    require(actor, Capability.RECORD_REALISATION, participant.event.programme)
    audit_write(
        actor=actor,
        action="participant.removed",
        instance=participant,
        context=context_of(participant.event),
        before=snapshot(participant, ["person", "organisation", "attended"]),
        remote_addr=remote_addr,
        organisation_id=participant.event.holder_id,
    )
    participant.delete()


@transaction.atomic
def communication_add(
    *,
    actor: Any,
    programme: Programme,
    values: dict[str, Any],
    is_example: bool = False,
    remote_addr: str | None = None,
) -> CommunicationItem:
    require(actor, Capability.RECORD_REALISATION, programme)
    _check_activity(programme, values.get("activity"))
    item = CommunicationItem(
        holder_id=programme.plan.organisation_id,
        programme=programme,
        is_example=is_example,
        **values,
    )
    item.full_clean()
    item.save()
    audit_write(
        actor=actor,
        action="communication.added",
        instance=item,
        context=context_of(programme),
        after=snapshot(item, COMMUNICATION_FIELDS),
        remote_addr=remote_addr,
        organisation_id=item.holder_id,
    )
    return item


@transaction.atomic
def communication_remove(
    *, actor: Any, item: CommunicationItem, remote_addr: str | None = None
) -> None:
    item = CommunicationItem.objects.select_related("programme__plan").get(pk=item.pk)
    require(actor, Capability.RECORD_REALISATION, item.programme)
    audit_write(
        actor=actor,
        action="communication.removed",
        instance=item,
        context=context_of(item.programme),
        before=snapshot(item, COMMUNICATION_FIELDS),
        remote_addr=remote_addr,
        organisation_id=item.holder_id,
    )
    item.delete()
