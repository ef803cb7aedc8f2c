"""Writes of re-engagement: a campaign to the pool's lapsed candidates (one invitation with a
secret link each, mailed by the worker), and her answer through the link: "ik ben weer
beschikbaar", saved as a new availability."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.audit import audit_write, context_of
from koers.core.versioning import lock_for_edit
from koers.matching.models import Availability, ReengagementCampaign, ReengagementInvite
from koers.matching.public.links import LinkRefused, placeholder_hash
from koers.matching.public.lookups import usable_invite
from koers.matching.public.queries import lapsed_candidates, may_manage_pool


@transaction.atomic
def campaign_create(
    *,
    actor: Any,
    holder_id: int,
    name: str,
    message: str,
    today: dt.date,
    now: dt.datetime,
    remote_addr: str | None = None,
) -> ReengagementCampaign:
    """A campaign to every lapsed candidate of the pool with an e-mail address (see
    `queries.lapsed_candidates`), one invitation each, working for MATCHING_INVITE_DAYS.
    Refused when nobody would get it. The caller enqueues the mailing after the commit
    (`tasks.mail_campaign`)."""
    if not may_manage_pool(actor, holder_id):
        raise PermissionDenied
    name, message = name.strip(), message.strip()
    if not name or not message:
        raise ValidationError(_("Give the campaign a name and a message."))
    recipients = list(
        lapsed_candidates(holder_id, today, now)
        .exclude(person__email="")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if not recipients:
        raise ValidationError(
            _("No lapsed candidate with an e-mail address: there is nobody to send it to.")
        )
    campaign = ReengagementCampaign.objects.create(
        holder_id=holder_id, name=name, message=message, created_by=actor
    )
    expires_at = now + dt.timedelta(days=settings.MATCHING_INVITE_DAYS)
    ReengagementInvite.objects.bulk_create(
        ReengagementInvite(
            campaign=campaign,
            candidate_id=pk,
            token_hash=placeholder_hash(),
            expires_at=expires_at,
        )
        for pk in recipients
    )
    audit_write(
        actor=actor,
        action="campaign.sent",
        instance=campaign,
        after={"name": name, "invitations": len(recipients), "expires_at": expires_at.isoformat()},
        remote_addr=remote_addr,
        organisation_id=holder_id,
    )
    return campaign


@transaction.atomic
def invite_availability_record(
    *,
    token: str,
    now: dt.datetime,
    availability: dict[str, Any],
    remote_addr: str | None = None,
) -> ReengagementInvite:
    """Her answer: the availability she gave is added, she counts as spoken to today, and the
    invitation is answered (the link is used up). LinkRefused: nothing changes."""
    invite = usable_invite(token, now, lock=True)
    candidate = lock_for_edit(invite.candidate, None)
    if candidate.erased_on is not None:
        raise LinkRefused(
            _("This link is not known. Perhaps it was copied incompletely."), gone=False
        )
    added = Availability(
        candidate=candidate,
        weekdays=availability["weekdays"],
        start_time=dt.time.fromisoformat(availability["start_time"]),
        end_time=dt.time.fromisoformat(availability["end_time"]),
        valid_from=dt.date.fromisoformat(availability["valid_from"]),
        valid_until=dt.date.fromisoformat(availability["valid_until"])
        if availability.get("valid_until")
        else None,
    )
    added.full_clean()
    added.save()
    previous = candidate.last_contact_on
    candidate.last_contact_on = timezone.localdate(now)
    candidate.save(update_fields=["last_contact_on", "version", "updated_at"])
    invite.answered_at = now
    invite.save(update_fields=["answered_at"])
    audit_write(
        actor=None,
        action="campaign.answered",
        instance=invite,
        context=context_of(candidate),
        before={"last_contact_on": previous.isoformat() if previous else None},
        after={**availability, "last_contact_on": candidate.last_contact_on.isoformat()},
        remote_addr=remote_addr,
        organisation_id=invite.campaign.holder_id,
    )
    return invite
