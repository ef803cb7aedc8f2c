"""Writes to networks and their yearly value reviews; each checks permission, runs in a
transaction and keeps an audit entry."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from koers.accounts.models import Membership
from koers.accounts.policy import Scope, has_capability
from koers.accounts.roles import Capability
from koers.core.audit import audit_write, context_of, snapshot
from koers.core.versioning import lock_for_edit
from koers.relations.models import Network, NetworkReview

NETWORK_FIELDS = ["name", "kind", "role", "programme", "purpose", "joined_on", "left_on"]


def _scope(network_holder: int, programme: Any) -> Scope:
    return Scope(organisation_id=network_holder, programme_id=programme.pk if programme else None)


@transaction.atomic
def network_save(
    *,
    actor: Any,
    holder_id: int,
    values: dict[str, Any],
    representatives: list[Any],
    network: Network | None = None,
    expected_version: int | None = None,
    is_example: bool = False,
    remote_addr: str | None = None,
) -> Network:
    if not has_capability(actor, Capability.EDIT_PERSONS, Scope(organisation_id=holder_id)):
        raise PermissionDenied
    programme = values.get("programme")
    if programme is not None and programme.plan.organisation_id != holder_id:
        raise PermissionDenied
    staff = set(
        Membership.objects.filter(organisation_id=holder_id).values_list("user_id", flat=True)
    )
    if any(user.pk not in staff for user in representatives):
        raise ValidationError({"representatives": _("Only colleagues represent the organisation.")})
    before = None
    if network is None:
        network = Network(holder_id=holder_id, is_example=is_example)
    else:
        network = lock_for_edit(network, expected_version)
        if network.holder_id != holder_id:
            raise PermissionDenied
        before = {**snapshot(network, NETWORK_FIELDS), "representatives": _reps(network)}
    for name, value in values.items():
        setattr(network, name, value)
    if network.left_on and network.left_on < network.joined_on:
        raise ValidationError({"left_on": _("Leaving lies before joining.")})
    network.full_clean(exclude=["representatives"])
    network.save()
    network.representatives.set(representatives)
    audit_write(
        actor=actor,
        action="network.saved" if before else "network.created",
        instance=network,
        before=before,
        after={**snapshot(network, NETWORK_FIELDS), "representatives": _reps(network)},
        remote_addr=remote_addr,
        organisation_id=holder_id,
    )
    return network


def _reps(network: Network) -> list[int]:
    return sorted(network.representatives.values_list("pk", flat=True))


@transaction.atomic
def network_review(
    *,
    actor: Any,
    network: Network,
    year: int,
    value: str,
    keep: bool,
    reason: str,
    on: dt.date,
    remote_addr: str | None = None,
) -> NetworkReview:
    """Record (or change) the year's review: for whoever steers the network's programme
    (its coordinator, the director); a network of no programme, the director."""
    if not has_capability(
        actor, Capability.EDIT_PLAN, _scope(network.holder_id, network.programme)
    ):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError({"reason": _("Say why.")})
    review = NetworkReview.objects.select_for_update().filter(network=network, year=year).first()
    before = snapshot(review, ["value", "keep", "reason"]) if review else None
    if review is None:
        review = NetworkReview(network=network, year=year)
    review.value, review.keep, review.reason = value, keep, reason.strip()
    review.reviewed_by, review.reviewed_on = actor, on
    review.full_clean()
    review.save()
    audit_write(
        actor=actor,
        action="network.reviewed",
        instance=review,
        context=context_of(network),
        before=before,
        after=snapshot(review, ["year", "value", "keep", "reason"]),
        remote_addr=remote_addr,
        organisation_id=network.holder_id,
    )
    return review
