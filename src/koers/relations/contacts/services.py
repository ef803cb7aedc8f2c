"""Writes to contacts (interactions) and their follow-up actions. Each checks that the actor
keeps relations for the organisation, runs in a transaction and keeps an audit entry; an
action given to a colleague sends her an e-mail through the task worker."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from koers.accounts.models import Membership
from koers.accounts.policy import Scope, has_capability
from koers.accounts.roles import Capability
from koers.core.audit import audit_write, context_of, snapshot
from koers.core.versioning import lock_for_edit
from koers.relations.contacts.calendar import feed_hash
from koers.relations.models import Action, ActionStatus, CalendarFeed, Interaction

INTERACTION_FIELDS = ["date", "kind", "subject", "summary", "programme", "activity", "network"]
INTERACTION_LINKS = ["organisations", "persons", "staff"]


def _require(actor: Any, holder_id: int) -> None:
    if not has_capability(actor, Capability.EDIT_PERSONS, Scope(organisation_id=holder_id)):
        raise PermissionDenied


def _staff_of(holder_id: int) -> set[int]:
    return set(
        Membership.objects.filter(organisation_id=holder_id).values_list("user_id", flat=True)
    )


def _check(holder_id: int, values: dict[str, Any], links: dict[str, Any]) -> None:
    programme, activity = values.get("programme"), values.get("activity")
    if programme is not None and programme.plan.organisation_id != holder_id:
        raise PermissionDenied
    if activity is not None and activity.programme.plan.organisation_id != holder_id:
        raise PermissionDenied
    if activity is not None and programme is not None and activity.programme_id != programme.pk:
        raise ValidationError({"activity": _("The activity belongs to another programme.")})
    network = values.get("network")
    if network is not None and network.holder_id != holder_id:
        raise PermissionDenied
    if any(person.holder_id != holder_id for person in links.get("persons", [])):
        raise PermissionDenied
    staff = _staff_of(holder_id)
    if any(user.pk not in staff for user in links.get("staff", [])):
        raise ValidationError({"staff": _("Only colleagues can be named as staff present.")})


def _links_of(interaction: Interaction) -> dict[str, list[int]]:
    return {
        name: sorted(getattr(interaction, name).values_list("pk", flat=True))
        for name in INTERACTION_LINKS
    }


@transaction.atomic
def interaction_save(
    *,
    actor: Any,
    holder_id: int,
    values: dict[str, Any],
    links: dict[str, Any],
    actions: list[dict[str, Any]] | None = None,
    interaction: Interaction | None = None,
    expected_version: int | None = None,
    remote_addr: str | None = None,
) -> Interaction:
    """Record a contact (with follow-up actions) or change one; a stale `expected_version`
    raises ConflictError with the current record."""
    _require(actor, holder_id)
    _check(holder_id, values, links)
    before = None
    if interaction is None:
        interaction = Interaction(holder_id=holder_id, created_by=actor)
    else:
        interaction = lock_for_edit(interaction, expected_version)
        if interaction.holder_id != holder_id:
            raise PermissionDenied
        before = {**snapshot(interaction, INTERACTION_FIELDS), **_links_of(interaction)}
    for name, value in values.items():
        setattr(interaction, name, value)
    interaction.full_clean(exclude=[*INTERACTION_LINKS, "created_by"])
    interaction.save()
    for name, records in links.items():
        getattr(interaction, name).set(records)
    audit_write(
        actor=actor,
        action="interaction.saved" if before else "interaction.created",
        instance=interaction,
        before=before,
        after={**snapshot(interaction, INTERACTION_FIELDS), **_links_of(interaction)},
        remote_addr=remote_addr,
        organisation_id=holder_id,
    )
    for action in actions or []:
        action_add(
            actor=actor,
            holder_id=holder_id,
            interaction=interaction,
            remote_addr=remote_addr,
            **action,
        )
    return interaction


@transaction.atomic
def action_add(
    *,
    actor: Any,
    holder_id: int,
    title: str,
    owner: Any,
    due_on: dt.date,
    interaction: Interaction | None = None,
    remote_addr: str | None = None,
) -> Action:
    """Add a follow-up action; its owner, when not the actor, is told by e-mail."""
    _require(actor, holder_id)
    if owner.pk not in _staff_of(holder_id):
        raise ValidationError({"owner": _("An action goes to a colleague.")})
    if not title.strip():
        raise ValidationError({"title": _("Say what has to be done.")})
    action = Action.objects.create(
        holder_id=holder_id,
        interaction=interaction,
        title=title.strip()[:200],
        owner=owner,
        due_on=due_on,
        created_by=actor,
    )
    audit_write(
        actor=actor,
        action="action.added",
        instance=action,
        context=context_of(interaction) if interaction else None,
        after=snapshot(action, ["title", "owner", "due_on"]),
        remote_addr=remote_addr,
        organisation_id=holder_id,
    )
    if owner.pk != actor.pk and owner.email:
        from koers.relations.contacts.reminders import tell_owner

        transaction.on_commit(lambda: tell_owner.enqueue(action.pk))
    return action


@transaction.atomic
def action_finish(
    *,
    actor: Any,
    action: Action,
    status: str = ActionStatus.DONE,
    on: dt.date | None = None,
    remote_addr: str | None = None,
) -> Action:
    """Mark an action done or cancelled (on a day), or open it again."""
    action = Action.objects.select_for_update().get(pk=action.pk)
    _require(actor, action.holder_id)
    before = snapshot(action, ["status", "done_on"])
    action.status = status
    action.done_on = on if status == ActionStatus.DONE else None
    action.full_clean()
    action.save(update_fields=["status", "done_on"])
    audit_write(
        actor=actor,
        action="action.finished" if status != ActionStatus.OPEN else "action.reopened",
        instance=action,
        context=f"relations.interaction:{action.interaction_id}" if action.interaction_id else None,
        before=before,
        after=snapshot(action, ["status", "done_on"]),
        remote_addr=remote_addr,
        organisation_id=action.holder_id,
    )
    return action


@transaction.atomic
def calendar_feed_renew(*, user: Any) -> str:
    """A new secret calendar address for `user` (the old one stops working); returns the
    token, which is shown once and stored only as a hash."""
    token = secrets.token_urlsafe(32)
    CalendarFeed.objects.update_or_create(user=user, defaults={"token_hash": feed_hash(token)})
    audit_write(actor=user, action="calendar.renewed", instance=user, after={})
    return token
