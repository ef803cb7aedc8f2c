"""Writes to persons, each in a transaction with its audit entry (context: the person):
add (with a duplicate check), change, positions, and the merge of two records of one
person."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from koers.accounts.policy import Scope, has_capability
from koers.accounts.roles import Capability
from koers.core.audit import audit_write, snapshot
from koers.core.versioning import ConflictError
from koers.directory.merging import LinkCollision, move_links
from koers.directory.models import PERSON_FIELDS, Organisation, Person, Position
from koers.directory.persons.queries import person_duplicates
from koers.privacy.queries import PERSON_MERGED, person_context

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
    organisation: Organisation | None = None,
    title: str = "",
    accept_duplicates: bool = False,
    **values: Any,
) -> Person:
    """Add a person to `holder`, with her position at `organisation` if one is given. One
    who looks like a person the holder has (`person_duplicates`) is refused, naming the
    look-alikes, unless `accept_duplicates`."""
    _require(actor, holder.pk)
    values = _normalise(values)
    if not accept_duplicates:
        twins = person_duplicates(
            holder=holder,
            first_name=values.get("first_name", ""),
            infix=values.get("infix", ""),
            last_name=values.get("last_name", ""),
            email=values.get("email", ""),
            organisation=organisation,
        )
        if twins:
            raise ValidationError(
                _("Koers knows persons that look the same: %(names)s.")
                % {"names": ", ".join(map(str, twins))},
                code="duplicate",
            )
    person = Person(holder=holder, **values)
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
    if organisation is not None:
        position_add(
            actor=actor,
            person=person,
            remote_addr=remote_addr,
            organisation=organisation,
            title=title,
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


FILLED_ON_MERGE = ["first_name", "infix", "email", "phone"]


@transaction.atomic
def person_merge(
    *, actor: Any, keep: Person, duplicate: Person, remote_addr: str | None = None
) -> dict[str, int]:
    """Merge `duplicate` into `keep`, two records of one person: every link moves to
    `keep` (positions, event registrations, contacts and any relation an app adds later;
    a contact both were on keeps her once, identical positions become one), her blank
    fields are filled from `duplicate` (notes are joined), and `duplicate` is removed.
    Returns how many links moved per relation. One audit entry, in her history, keeps
    what the removed record said; the logs keep its id, and the privacy app finds it
    from this entry (`privacy.queries.person_ids`), so nothing points nowhere.

    Who may: whoever may edit the holder's persons (EDIT_PERSONS). A merge corrects a
    double entry in the holder's own records; nothing leaves the holder and nothing is
    lost, so it asks no more than adding, importing or editing her does, unlike erasure
    (MANAGE_PRIVACY), which destroys data, or merging organisations (ADMINISTER), which
    the whole installation shares.

    Refused, changing nothing: a person with herself, persons of two holders, and a
    move that would make two records one (both registered for one event), named."""
    if keep.pk == duplicate.pk:
        raise ValidationError(_("Choose two different persons."))
    keep = Person.objects.select_for_update().get(pk=keep.pk)
    duplicate = Person.objects.select_for_update().get(pk=duplicate.pk)
    if keep.holder_id != duplicate.holder_id:
        raise ValidationError(_("Only persons held by the same organisation can be merged."))
    _require(actor, keep.holder_id)
    before = snapshot(keep, PERSON_FIELDS)
    merged = {**snapshot(duplicate, PERSON_FIELDS), "pk": duplicate.pk}
    try:
        moved = move_links(Person, keep, duplicate)
    except LinkCollision as collision:
        raise ValidationError(
            _(
                "%(keep)s and %(duplicate)s are both %(what)s of %(records)s; remove one of "
                "the two there first."
            )
            % {
                "keep": keep,
                "duplicate": duplicate,
                "what": collision.what,
                "records": "; ".join(collision.records) or "—",
            }
        ) from None
    _drop_identical_positions(keep)
    _fill_blanks(keep, duplicate)
    keep.version += 1
    keep.full_clean()
    keep.save()
    audit_write(
        actor=actor,
        action=PERSON_MERGED,
        instance=duplicate,  # the entry is about the removed record, in her history
        context=person_context(keep.pk),
        before={**before, "merged": merged},
        after={**snapshot(keep, PERSON_FIELDS), "moved": moved},
        remote_addr=remote_addr,
        organisation_id=keep.holder_id,
    )
    duplicate.delete()
    return moved


def _fill_blanks(keep: Person, duplicate: Person) -> None:
    for name in FILLED_ON_MERGE:
        if not getattr(keep, name) and getattr(duplicate, name):
            setattr(keep, name, getattr(duplicate, name))
    if duplicate.notes and duplicate.notes not in keep.notes:
        keep.notes = f"{keep.notes}\n\n{duplicate.notes}".strip()


def _drop_identical_positions(person: Person) -> None:
    seen: set[tuple[Any, ...]] = set()
    for position in person.positions.order_by("id"):
        key = (position.organisation_id, position.title, position.started_on, position.ended_on)
        if key in seen:
            position.delete()
        seen.add(key)
