"""Writes to the member employers and the count of members on a day."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from koers.accounts.policy import Scope, has_capability
from koers.accounts.roles import Capability
from koers.core.audit import audit_write, snapshot
from koers.relations.members.queries import members_on
from koers.relations.models import EmployerMembership


def _require(actor: Any, holder_id: int) -> None:
    if not has_capability(actor, Capability.EDIT_PERSONS, Scope(organisation_id=holder_id)):
        raise PermissionDenied


@transaction.atomic
def membership_start(
    *,
    actor: Any,
    holder_id: int,
    organisation: Any,
    started_on: dt.date,
    note: str = "",
    remote_addr: str | None = None,
) -> EmployerMembership:
    _require(actor, holder_id)
    if organisation.pk == holder_id:
        raise ValidationError(_("An organisation is not a member of itself."))
    if members_on(holder_id, started_on).filter(organisation=organisation).exists():
        raise ValidationError(_("This employer is a member on that day already."))
    # A membership with no end yet, even one starting later, would count her twice.
    running = EmployerMembership.objects.filter(
        holder_id=holder_id, organisation=organisation, ended_on__isnull=True
    ).first()
    if running is not None:
        raise ValidationError(
            format_html(
                '{} <a href="{}">{}</a>',
                _(
                    "%(organisation)s is a member since %(date)s, with no end date; end that "
                    "membership first."
                )
                % {"organisation": organisation, "date": date_format(running.started_on)},
                reverse("relations:members"),
                _("Member employers"),
            ),
            code="duplicate",
        )
    membership = EmployerMembership.objects.create(
        holder_id=holder_id, organisation=organisation, started_on=started_on, note=note.strip()
    )
    audit_write(
        actor=actor,
        action="member.started",
        instance=membership,
        after=snapshot(membership, ["organisation", "started_on", "note"]),
        remote_addr=remote_addr,
        organisation_id=holder_id,
    )
    return membership


@transaction.atomic
def membership_end(
    *,
    actor: Any,
    membership: EmployerMembership,
    ended_on: dt.date,
    remote_addr: str | None = None,
) -> EmployerMembership:
    membership = EmployerMembership.objects.select_for_update().get(pk=membership.pk)
    _require(actor, membership.holder_id)
    if ended_on < membership.started_on:
        raise ValidationError(_("The membership cannot end before it started."))
    before = snapshot(membership, ["ended_on"])
    membership.ended_on = ended_on
    membership.save(update_fields=["ended_on"])
    audit_write(
        actor=actor,
        action="member.ended",
        instance=membership,
        before=before,
        after=snapshot(membership, ["ended_on"]),
        remote_addr=remote_addr,
        organisation_id=membership.holder_id,
    )
    return membership
