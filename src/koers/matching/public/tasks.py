"""Work the task worker does for matching's public side: mailing the sign-up's confirmation
link and a campaign's invitations (each secret made here, its hash stored, so no secret
rests in the task queue), and the daily removal of sign-ups nobody confirmed."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from koers.core.mail import send_all
from koers.matching.models import PendingSignup, ReengagementInvite
from koers.matching.public.links import new_secret, token_hash
from koers.matching.public.signup_services import signup_retention_enforce

logger = logging.getLogger(__name__)


@task()
def mail_signup_confirmation(pending_id: int, origin: str) -> int:
    """Mail her the confirmation link (a fresh secret; an earlier one stops working);
    returns how many were sent (0: confirmed, expired or removed meanwhile)."""
    now = timezone.now()
    with transaction.atomic():
        pending = (
            PendingSignup.objects.select_for_update()
            .select_related("holder")
            .filter(pk=pending_id, confirmed_at__isnull=True, expires_at__gt=now)
            .first()
        )
        if pending is None or not pending.email:
            return 0
        token = new_secret()
        pending.token_hash = token_hash(token)
        pending.save(update_fields=["token_hash"])
        url = origin + reverse("matching:signup_confirm", args=[token])
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("Confirm your sign-up with %(organisation)s") % {
                "organisation": pending.holder.name
            }
            body = _(
                "Hello,\n\nThank you for signing up to help in care and welfare. Please "
                "confirm that this e-mail address is yours by opening this link (it works "
                "until %(until)s):\n\n%(url)s\n\nYour sign-up counts only once you have "
                "confirmed it. Did you not sign up? Then ignore this message: your details "
                "are removed when the link expires.\n\n%(organisation)s\n"
            ) % {
                "until": timezone.localtime(pending.expires_at).date().isoformat(),
                "url": url,
                "organisation": pending.holder.name,
            }
        message = (pending.email, subject, body)
    send_all([message])
    logger.info("Sign-up confirmation mailed for sign-up %s.", pending_id)
    return 1


@task()
def mail_campaign(campaign_id: int, origin: str) -> int:
    """Mail each unanswered invitation of the campaign its link (a fresh secret each);
    returns how many were sent."""
    now = timezone.now()
    messages: list[tuple[str, str, str]] = []
    with transaction.atomic():
        invites = list(
            ReengagementInvite.objects.select_for_update(of=("self",))
            .select_related("campaign__holder", "candidate__person")
            .filter(campaign_id=campaign_id, answered_at__isnull=True, expires_at__gt=now)
            .exclude(candidate__person__isnull=True)
            .exclude(candidate__person__email="")
            .order_by("pk")
        )
        with translation.override(settings.LANGUAGE_CODE):
            for invite in invites:
                token = new_secret()
                invite.token_hash = token_hash(token)
                person = invite.candidate.person
                assert person is not None  # excluded above
                campaign = invite.campaign
                subject = _("%(campaign)s: are you available again?") % {"campaign": campaign.name}
                body = _(
                    "Dear %(name)s,\n\n%(message)s\n\nAre you available again? Tell us when "
                    "through this personal link (no account needed; it works once, until "
                    "%(until)s):\n\n%(url)s\n\n%(organisation)s\n"
                ) % {
                    "name": person.first_name or str(person),
                    "message": campaign.message,
                    "until": timezone.localtime(invite.expires_at).date().isoformat(),
                    "url": origin + reverse("matching:available_again", args=[token]),
                    "organisation": campaign.holder.name,
                }
                messages.append((person.email, subject, body))
        ReengagementInvite.objects.bulk_update(invites, ["token_hash"])
    if messages:
        send_all(messages)
    logger.info("Campaign %s: %s invitations mailed.", campaign_id, len(messages))
    return len(messages)


@task()
def expire_signups_task() -> int:
    removed = signup_retention_enforce(timezone.now())
    logger.info("Unconfirmed sign-ups removed: %s", removed)
    return removed
