"""Finding the record behind a secret link of matching's public side (a sign-up's
confirmation, a campaign's invitation), and why it cannot be used when it cannot."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from koers.matching.models import PendingSignup, ReengagementInvite
from koers.matching.public.links import MAX_TOKEN_LENGTH, LinkRefused, token_hash


class AlreadyConfirmed(Exception):
    """The sign-up behind this link was confirmed before: nothing is made twice."""


def usable_signup(token: str, now: dt.datetime, *, lock: bool = False) -> PendingSignup:
    """The sign-up behind this link; LinkRefused when it is unknown or expired,
    AlreadyConfirmed when it was confirmed before."""
    found = PendingSignup.objects.select_related("holder")
    if lock:
        found = found.select_for_update(of=("self",))
    pending = (
        found.filter(token_hash=token_hash(token)).first()
        if len(token) <= MAX_TOKEN_LENGTH
        else None
    )
    if pending is None:
        raise LinkRefused(
            _("This link is not known. Perhaps it was copied incompletely, or it has expired."),
            gone=False,
        )
    if pending.confirmed_at is not None:
        raise AlreadyConfirmed
    if now >= pending.expires_at:
        raise LinkRefused(_("This link has expired. Please sign up again."))
    return pending


def usable_invite(token: str, now: dt.datetime, *, lock: bool = False) -> ReengagementInvite:
    """The invitation behind this link, or LinkRefused saying why it cannot be used."""
    found = ReengagementInvite.objects.select_related("campaign", "campaign__holder")
    if lock:
        found = found.select_for_update(of=("self",))
    invite = (
        found.filter(token_hash=token_hash(token)).first()
        if len(token) <= MAX_TOKEN_LENGTH
        else None
    )
    if invite is None:
        raise LinkRefused(
            _("This link is not known. Perhaps it was copied incompletely."), gone=False
        )
    if invite.answered_at is not None:
        raise LinkRefused(
            _("You have already answered through this link. Thank you; we will contact you.")
        )
    if now >= invite.expires_at:
        raise LinkRefused(_("This link has expired. Contact us if you would like to help again."))
    return invite
