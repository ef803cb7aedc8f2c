"""Writes to persons, each in a transaction with its audit entry (context: the person)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from koers.accounts.policy import Scope, has_capability
from koers.accounts.roles import Capability
from koers.core.audit import audit_write, snapshot
from koers.directory.models import Organisation, Person, Position
from koers.plans.services import ConflictError
from koers.privacy.services import person_context

PERSON_FIELDS = [
    "first_name",
    "infix",
    "last_name",
    "email",
    "phone",
    "notes",
    "purpose",
    "lawful_basis",
    "consent_given_on",
]
POSITION_FIELDS = ["organisation", "title", "started_on", "ended_on"]


def _require(actor: Any, organisation_id: int) -> None:
    if not has_capability(actor, Capability.EDIT_PERSONS, Scope(organisation_id=organisation_id)):
        raise PermissionDenied


def _normalise(values: dict[str, Any]) -> dict[str, Any]:
    cleaned = dict(values)
    if cleaned.get("email"):
        cleaned["email"] = cleaned["email"].strip().lower()
    return cleaned


@transaction.atomic
def person_create(
    *,
    actor: Any,
    holder: Organisation,
    remote_addr: str | None = None,
    action: str = "person.created",
    **values: Any,
) -> Person:
    _require(actor, holder.pk)
    person = Person(holder=holder, **_normalise(values))
    person.full_clean()
    person.save()
    audit_write(
        actor=actor,
        action=action,
        instance=person,
        context=person_context(person.pk),
        after=snapshot(person, PERSON_FIELDS),
        remote_addr=remote_addr,
    )
    return person


@transaction.atomic
def person_update(
    *,
    actor: Any,
    person: Person,
    changes: dict[str, Any],
    expected_version: int,
    remote_addr: str | None = None,
) -> Person:
    """Change a person's details; a save based on an outdated version raises ConflictError."""
    unknown = set(changes) - set(PERSON_FIELDS)
    if unknown:
        raise ValueError(f"Not editable here: {sorted(unknown)}")
    _require(actor, person.holder_id)
    current = Person.objects.select_for_update().get(pk=person.pk)
    if current.version != expected_version:
        raise ConflictError(current)
    before = snapshot(current, PERSON_FIELDS)
    for name, value in _normalise(changes).items():
        setattr(current, name, value)
    current.version += 1
    current.full_clean()
    current.save()
    audit_write(
        actor=actor,
        action="person.updated",
        instance=current,
        context=person_context(current.pk),
        before=before,
        after=snapshot(current, PERSON_FIELDS),
        remote_addr=remote_addr,
    )
    return current


@transaction.atomic
def position_add(
    *, actor: Any, person: Person, remote_addr: str | None = None, **values: Any
) -> Position:
    _require(actor, person.holder_id)
    position = Position(person=person, **values)
    position.full_clean()
    position.save()
    audit_write(
        actor=actor,
        action="position.added",
        instance=position,
        context=person_context(person.pk),
        after=snapshot(position, POSITION_FIELDS),
        remote_addr=remote_addr,
    )
    return position


@transaction.atomic
def position_remove(*, actor: Any, position: Position, remote_addr: str | None = None) -> None:
    _require(actor, position.person.holder_id)
    audit_write(
        actor=actor,
        action="position.removed",
        instance=position,
        context=person_context(position.person_id),
        before=snapshot(position, POSITION_FIELDS),
        remote_addr=remote_addr,
    )
    position.delete()
