"""After a placement, both sides are asked through a personal link (no account) whether it
happened and how it went. Only the SHA-256 of a link's secret is stored; a link works once
and until MATCHING_FOLLOW_UP_DAYS after it was made. The links are made and mailed by the
worker, in the transaction that stores them, so a secret never waits in the task queue and a
failed mail leaves no link nobody received."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.audit import audit_write
from koers.core.mail import send_all
from koers.matching.models import HOLDING_PLACEMENT, FollowUp, FollowUpSide, Placement
from koers.matching.placements.mails import organisation_addresses, shift_facts


class LinkRefused(Exception):
    """The link cannot be used (unknown, expired, used): the message says which."""

    def __init__(self, message: str, *, gone: bool = True) -> None:
        super().__init__(message)
        self.message = message
        self.gone = gone  # False: no such link (404); True: it was, but no more (410)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def usable_follow_up(token: str, now: dt.datetime, *, lock: bool = False) -> FollowUp:
    rows = FollowUp.objects.select_related(
        "placement__shift__request__requester", "placement__candidate__person"
    )
    if lock:
        rows = rows.select_for_update(of=("self",))
    found = rows.filter(token_hash=token_hash(token)).first() if len(token) <= 100 else None
    if found is None:
        raise LinkRefused(_("This link is not known."), gone=False)
    if found.answered_at is not None:
        raise LinkRefused(_("This link has already been used: your answer was received."))
    if now >= found.expires_at:
        raise LinkRefused(_("This link has expired."))
    return found


def _addresses(placement: Placement, side: str) -> list[str]:
    if side == FollowUpSide.KANDIDAAT:
        person = placement.candidate.person
        return [person.email] if person is not None and person.email else []
    return organisation_addresses(placement.shift.request)


def follow_ups_send(
    *, placement_id: int, base_url: str = "", now: dt.datetime | None = None
) -> int:
    """Ask both sides of a placement (each once, a side without an e-mail address not at
    all); returns how many were asked. Runs in the worker."""
    now = now or timezone.now()
    base = (base_url or settings.SITE_URL).rstrip("/")
    with transaction.atomic():
        placement = (
            Placement.objects.select_for_update(of=("self",))
            .select_related("shift__request__requester", "candidate__person")
            .get(pk=placement_id)
        )
        asked = set(placement.follow_ups.values_list("side", flat=True))
        messages: list[tuple[str, str, str]] = []
        facts = shift_facts(placement.shift)
        for side in FollowUpSide.values:
            addresses = _addresses(placement, side)
            if side in asked or not addresses:
                continue
            token = secrets.token_urlsafe(32)
            follow_up = FollowUp.objects.create(
                placement=placement,
                side=side,
                token_hash=token_hash(token),
                expires_at=now + dt.timedelta(days=settings.MATCHING_FOLLOW_UP_DAYS),
            )
            url = base + reverse("matching:follow_up", args=[token])
            subject = _("How did it go? %(organisation)s, %(day)s") % facts
            body = _(
                "Hello,\n\nA placement through the pool of extra hands was planned at "
                "%(organisation)s on %(day)s from %(start)s to %(end)s. Would you tell us "
                "whether it took place and how it went? It takes a minute, no account is "
                "needed. The link works once and until %(until)s.\n\n%(url)s\n"
            ) % {
                **facts,
                "until": timezone.localtime(follow_up.expires_at).date().isoformat(),
                "url": url,
            }
            messages += [(address, subject, body) for address in addresses]
            audit_write(
                actor=None,
                action="follow_up.sent",
                instance=follow_up,
                after={"side": side, "expires_at": follow_up.expires_at.isoformat()},
                organisation_id=placement.shift.request.holder_id,
            )
        if messages:
            send_all(messages)
    return len({m[0] for m in messages})


def placements_due(now: dt.datetime) -> list[int]:
    """Placements whose shift ended within the follow-up period and which still hold, with
    a side not yet asked: the daily job asks them."""
    return list(
        Placement.objects.filter(
            status__in=HOLDING_PLACEMENT,
            ends_at__lte=now,
            ends_at__gt=now - dt.timedelta(days=settings.MATCHING_FOLLOW_UP_DAYS),
        )
        .annotate(asked=Count("follow_ups"))
        .filter(asked__lt=len(FollowUpSide.values))
        .values_list("pk", flat=True)
        .order_by("pk")
    )


@transaction.atomic
def follow_up_answer(
    *,
    token: str,
    happened: bool,
    rating: int | None,
    comment: str,
    now: dt.datetime | None = None,
    remote_addr: str | None = None,
) -> FollowUp:
    """Store the answer of one side; the link is then used up. LinkRefused when it cannot
    be used (nothing changes)."""
    now = now or timezone.now()
    follow_up = usable_follow_up(token, now, lock=True)
    if rating is not None and not 1 <= rating <= 5:
        raise ValidationError({"rating": _("Choose a mark from 1 to 5.")})
    follow_up.happened, follow_up.rating, follow_up.comment = happened, rating, comment.strip()
    follow_up.answered_at = now
    follow_up.save(update_fields=["happened", "rating", "comment", "answered_at"])
    audit_write(
        actor=None,
        action="follow_up.answered",
        instance=follow_up,
        after={"happened": happened, "rating": rating},
        remote_addr=remote_addr,
        organisation_id=follow_up.placement.shift.request.holder_id,
    )
    return follow_up
