"""The contact's personal link: making it, using it (confirm as is, or propose changes),
and the coordinator's review of what she proposed. Every write is one transaction with an
audit entry; a link that expired or was used changes nothing."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.atlas.initiatives.checks import check_editor, check_point
from koers.atlas.initiatives.links import (
    PROPOSABLE,
    as_json,
    current_values,
    token_hash,
    usable_link,
)
from koers.atlas.models import (
    ChangeStatus,
    ConfirmationLink,
    Initiative,
    ProposedChange,
    Theme,
)
from koers.core.audit import audit_write, context_of
from koers.core.mail import send_all
from koers.core.models import Municipality
from koers.core.versioning import lock_for_edit


@transaction.atomic
def confirmation_link_create(
    *,
    actor: Any,
    initiative: Initiative,
    now: dt.datetime,
    address: Callable[[str], str],
    remote_addr: str | None = None,
) -> tuple[ConfirmationLink, str]:
    """A new link for the initiative's contact, mailed to her when she has an address.
    Returns the link and its address (shown once to the coordinator; only its hash is
    kept). Earlier unused links of the entry stop working."""
    check_editor(actor, initiative.holder_id)
    token = secrets.token_urlsafe(32)
    ConfirmationLink.objects.filter(initiative=initiative, used_at__isnull=True).update(
        expires_at=now
    )
    contact = initiative.contact
    email = contact.email if contact is not None else ""
    link = ConfirmationLink.objects.create(
        initiative=initiative,
        token_hash=token_hash(token),
        created_by=actor,
        created_at=now,
        expires_at=now + dt.timedelta(days=settings.ATLAS_CONFIRMATION_DAYS),
        mailed=bool(email),
    )
    url = address(token)
    if email:
        subject = _("Is the entry of %(name)s still right?") % {"name": initiative.name}
        body = _(
            "Hello,\n\nThe atlas of initiatives describes %(name)s. Would you check whether "
            "this is still right? Through this personal link you can confirm it or propose "
            "changes (no account needed). The link works once and until %(until)s.\n\n"
            "%(url)s\n"
        ) % {
            "name": initiative.name,
            "until": timezone.localdate(link.expires_at).isoformat(),
            "url": url,
        }
        transaction.on_commit(lambda: send_all([(email, subject, body)]))
    audit_write(
        actor=actor,
        action="initiative.link_made",
        instance=link,
        context=context_of(initiative),
        after={"expires_at": link.expires_at.isoformat(), "mailed": link.mailed},
        remote_addr=remote_addr,
        organisation_id=initiative.holder_id,
    )
    return link, url


@transaction.atomic
def contact_confirmation_submit(
    *,
    token: str,
    now: dt.datetime,
    proposed: dict[str, Any] | None,
    note: str = "",
    remote_addr: str | None = None,
) -> ProposedChange | None:
    """The contact uses her link: without changes (`proposed` None, or equal to the entry)
    the entry is confirmed today; with changes they wait for review. Either way the link
    is used up. LinkRefused when it cannot be used: nothing changes."""
    link = usable_link(token, now, lock=True)
    initiative = link.initiative
    link.used_at = now
    link.save(update_fields=["used_at"])
    before = current_values(initiative)
    after = as_json(proposed) if proposed is not None else before
    if after == before:
        locked = lock_for_edit(initiative, None)
        previous = locked.confirmed_on.isoformat()
        locked.confirmed_on = timezone.localdate(now)
        locked.save(update_fields=["confirmed_on", "version", "updated_at"])
        audit_write(
            actor=None,
            action="initiative.confirmed_by_contact",
            instance=locked,
            before={"confirmed_on": previous},
            after={"confirmed_on": locked.confirmed_on.isoformat()},
            remote_addr=remote_addr,
            organisation_id=locked.holder_id,
        )
        return None
    change = ProposedChange.objects.create(
        initiative=initiative, link=link, values=after, note=note.strip(), submitted_at=now
    )
    audit_write(
        actor=None,
        action="initiative.change_proposed",
        instance=change,
        context=context_of(initiative),
        before=before,
        after=after,
        remote_addr=remote_addr,
        organisation_id=initiative.holder_id,
    )
    return change


def _decidable(actor: Any, change: ProposedChange) -> ProposedChange:
    locked = ProposedChange.objects.select_for_update().get(pk=change.pk)
    check_editor(actor, locked.initiative.holder_id)
    if locked.status != ChangeStatus.PENDING:
        raise ValidationError(_("This proposal has already been decided."))
    return locked


@transaction.atomic
def proposed_change_decide(
    *,
    actor: Any,
    change: ProposedChange,
    accept: bool,
    now: dt.datetime,
    remote_addr: str | None = None,
) -> ProposedChange:
    """Accept (the proposal applied to the entry, checked as any edit is, and the entry
    confirmed today) or reject what the contact proposed; decided once."""
    change = _decidable(actor, change)
    if not accept:
        return _reject(actor, change, now, remote_addr)
    _apply(actor, change, now, remote_addr)
    return change


def _apply(actor: Any, change: ProposedChange, now: dt.datetime, remote_addr: str | None) -> None:
    initiative = lock_for_edit(change.initiative, None)
    before = current_values(initiative)
    values = dict(change.values)
    themes = list(Theme.objects.filter(pk__in=values.pop("themes", [])))
    municipality = Municipality.objects.filter(pk=values.pop("municipality", None)).first()
    if municipality is None:
        raise ValidationError(_("The proposed municipality no longer exists."))
    for coordinate in ("latitude", "longitude"):
        raw = values.get(coordinate)
        values[coordinate] = Decimal(str(raw)) if raw not in (None, "") else None
    check_point(values["latitude"], values["longitude"])
    for name, value in values.items():
        if name in PROPOSABLE:
            setattr(initiative, name, value)
    initiative.municipality = municipality
    initiative.confirmed_on = timezone.localdate(now)
    initiative.full_clean(exclude=["themes"])
    initiative.save()
    initiative.themes.set(themes)
    change.status, change.decided_by, change.decided_at = ChangeStatus.ACCEPTED, actor, now
    change.save(update_fields=["status", "decided_by", "decided_at"])
    audit_write(
        actor=actor,
        action="initiative.change_accepted",
        instance=initiative,
        before=before,
        after={**current_values(initiative), "confirmed_on": initiative.confirmed_on.isoformat()},
        remote_addr=remote_addr,
        organisation_id=initiative.holder_id,
    )


def _reject(
    actor: Any, change: ProposedChange, now: dt.datetime, remote_addr: str | None
) -> ProposedChange:
    change.status, change.decided_by, change.decided_at = ChangeStatus.REJECTED, actor, now
    change.save(update_fields=["status", "decided_by", "decided_at"])
    audit_write(
        actor=actor,
        action="initiative.change_rejected",
        instance=change,
        context=context_of(change.initiative),
        before={"status": ChangeStatus.PENDING.value},
        after={"status": change.status},
        remote_addr=remote_addr,
        organisation_id=change.initiative.holder_id,
    )
    return change
