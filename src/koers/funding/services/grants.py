"""Writes to grants: add and change one, move it through the pipeline, its obligations
and agreed indicators. Each checks permission, runs in a transaction and keeps an audit
entry; views, imports, the demo and tests all come through here."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from koers.accounts.policy import Scope
from koers.core.audit import audit_write, snapshot
from koers.core.versioning import lock_for_edit
from koers.funding import pipeline
from koers.funding.access import grant_scope, require_manage_funding
from koers.funding.models import Grant, GrantIndicator, GrantStatus, GrantStep, Obligation

# Package-private: the advances follow the grant inside grant writes, which checked the
# permission already.
from koers.funding.services._schedule_steps import (
    advances_rebalance,
    advances_remove,
    schedule_make,
)
from koers.plans.models import Indicator

GRANT_FIELDS = [
    "funder",
    "kind",
    "title",
    "reference",
    "amount_requested",
    "amount_granted",
    "starts_on",
    "ends_on",
    "decided_on",
    "note",
]


GRANT_LINKS = ["programmes", "activities", "projects"]


GRANT_DOCUMENTS = ["application_document", "decision_document"]


def _links_of(grant: Grant) -> dict[str, list[int]]:
    return {name: sorted(getattr(grant, name).values_list("pk", flat=True)) for name in GRANT_LINKS}


def _check_links(organisation_id: int, links: dict[str, Any]) -> None:
    """Programmes, activities and projects must be the organisation's own."""
    paths = {
        "programmes": "plan__organisation_id",
        "activities": "programme__plan__organisation_id",
        "projects": "organisation_id",
    }
    for name, records in links.items():
        for record in records:
            owner = record
            for step in paths[name].split("__")[:-1]:
                owner = getattr(owner, step)
            if getattr(owner, paths[name].split("__")[-1]) != organisation_id:
                raise PermissionDenied


@transaction.atomic
def grant_save(
    *,
    actor: Any,
    organisation_id: int,
    values: dict[str, Any],
    links: dict[str, Any] | None = None,
    documents: dict[str, Any] | None = None,
    grant: Grant | None = None,
    expected_version: int | None = None,
    remote_addr: str | None = None,
) -> Grant:
    """Add a grant (as an idea) or change one; a stale `expected_version` raises
    ConflictError with the current record."""
    require_manage_funding(actor, Scope(organisation_id=organisation_id))
    links = links or {}
    _check_links(organisation_id, links)
    before = None
    if grant is None:
        grant = Grant(organisation_id=organisation_id, status=GrantStatus.IDEA)
    else:
        grant = lock_for_edit(grant, expected_version)
        if grant.organisation_id != organisation_id:
            raise PermissionDenied
        before = {**snapshot(grant, GRANT_FIELDS), **_links_of(grant)}
    for name, value in values.items():
        setattr(grant, name, value)
    for name, upload in (documents or {}).items():
        if upload:
            setattr(grant, name, upload)
    grant.full_clean(exclude=["programmes", "activities", "projects"])
    refusal = _still_valid(grant)
    if refusal:
        raise ValidationError(refusal)
    grant.save()
    for name, records in links.items():
        getattr(grant, name).set(records)
    if before and str(before["amount_granted"]) != str(grant.amount_granted):
        advances_rebalance(actor, grant, remote_addr)
    audit_write(
        actor=actor,
        action="grant.saved" if before else "grant.created",
        instance=grant,
        before=before,
        after={**snapshot(grant, GRANT_FIELDS + GRANT_DOCUMENTS), **_links_of(grant)},
        remote_addr=remote_addr,
    )
    return grant


def _still_valid(grant: Grant) -> str | None:
    """A grant past a step keeps what that step needed (no granted grant without amount)."""
    if grant.status in pipeline.DECIDED:
        return pipeline.missing_for(grant, GrantStatus.GRANTED)
    if grant.status == GrantStatus.SUBMITTED:
        return pipeline.missing_for(grant, GrantStatus.SUBMITTED)
    return None


@transaction.atomic
def grant_move(
    *,
    actor: Any,
    grant: Grant,
    to: str,
    on: dt.date,
    reason: str = "",
    remote_addr: str | None = None,
) -> Grant:
    """Move `grant` one step along the pipeline (or one back, with a reason).

    On reaching "granted" the default advance schedule is made when the grant has none.
    Going back from "granted" removes advances not yet sent; sent ones stay and block it.
    """
    grant = Grant.objects.select_for_update().get(pk=grant.pk)
    require_manage_funding(actor, grant_scope(grant))
    refusal = pipeline.refusal(grant, to, reason)
    if refusal:
        raise ValidationError(refusal)
    last = grant.steps.order_by("-on", "-id").first()
    if last and on < last.on and not pipeline.is_back(grant.status, to):
        raise ValidationError(
            _("This step cannot be dated before the previous one (%(date)s).")
            % {"date": date_format(last.on)}
        )
    going_back_from_grant = grant.status == GrantStatus.GRANTED and to == GrantStatus.SUBMITTED
    if going_back_from_grant:
        if grant.advances.filter(sent_on__isnull=False).exists():
            raise ValidationError(
                _("Advances of this grant have been invoiced; it cannot go back to submitted.")
            )
        advances_remove(actor, grant, remote_addr)
    previous = grant.status
    grant.status = to
    grant.version += 1
    grant.save(update_fields=["status", "version"])
    GrantStep.objects.create(grant=grant, status=to, on=on, reason=reason.strip(), by=actor)
    audit_write(
        actor=actor,
        action="grant.moved",
        instance=grant,
        before={"status": previous},
        after={"status": to, "on": on.isoformat(), "reason": reason.strip()},
        remote_addr=remote_addr,
    )
    if to == GrantStatus.GRANTED and not grant.advances.exists():
        schedule_make(actor, grant, remote_addr)
    return grant


@transaction.atomic
def obligation_add(
    *, actor: Any, grant: Grant, text: str, due_on: dt.date, remote_addr: str | None = None
) -> Obligation:
    require_manage_funding(actor, grant_scope(grant))
    obligation = Obligation(grant=grant, text=text.strip(), due_on=due_on)
    obligation.full_clean()
    obligation.save()
    audit_write(
        actor=actor,
        action="obligation.added",
        instance=obligation,
        context=f"funding.grant:{grant.pk}",
        after=snapshot(obligation, ["text", "due_on"]),
        remote_addr=remote_addr,
        organisation_id=grant.organisation_id,
    )
    return obligation


@transaction.atomic
def obligation_done_set(
    *, actor: Any, obligation: Obligation, on: dt.date | None, remote_addr: str | None = None
) -> Obligation:
    """Mark an obligation met on `on`, or open again with `on=None`."""
    obligation = (
        Obligation.objects.select_for_update().select_related("grant").get(pk=obligation.pk)
    )
    require_manage_funding(actor, grant_scope(obligation.grant))
    before = snapshot(obligation, ["done_on"])
    obligation.done_on = on
    obligation.save(update_fields=["done_on"])
    audit_write(
        actor=actor,
        action="obligation.done" if on else "obligation.reopened",
        instance=obligation,
        context=f"funding.grant:{obligation.grant_id}",
        before=before,
        after=snapshot(obligation, ["done_on"]),
        remote_addr=remote_addr,
        organisation_id=obligation.grant.organisation_id,
    )
    return obligation


@transaction.atomic
def grant_indicator_set(
    *,
    actor: Any,
    grant: Grant,
    indicator: Indicator,
    year: int,
    agreed_target: Decimal,
    remote_addr: str | None = None,
) -> GrantIndicator:
    """Record (or change) the target the funder agreed for one of the plan's indicators."""
    require_manage_funding(actor, grant_scope(grant))
    if indicator.activity.programme.plan.organisation_id != grant.organisation_id:
        raise PermissionDenied
    if not grant.starts_on.year <= year <= grant.ends_on.year:
        raise ValidationError(
            _("The year %(year)s lies outside the grant's period.") % {"year": year}
        )
    if agreed_target < 0:
        raise ValidationError(_("A target cannot be negative."))
    row, created = GrantIndicator.objects.select_for_update().get_or_create(
        grant=grant, indicator=indicator, year=year, defaults={"agreed_target": agreed_target}
    )
    before = None if created else snapshot(row, ["agreed_target"])
    if not created:
        row.agreed_target = agreed_target
        row.save(update_fields=["agreed_target"])
    audit_write(
        actor=actor,
        action="grant_indicator.set",
        instance=row,
        context=f"funding.grant:{grant.pk}",
        before=before,
        after={"indicator": indicator.pk, "year": year, "agreed_target": str(agreed_target)},
        remote_addr=remote_addr,
        organisation_id=grant.organisation_id,
    )
    return row
