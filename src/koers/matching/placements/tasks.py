"""The worker's part of placements: the mails after a confirmation, the follow-up links,
and the daily job that asks about placements whose shift has ended."""

from __future__ import annotations

import logging

from django.conf import settings
from django.utils import timezone, translation
from django_tasks import task

from koers.core.mail import send_all
from koers.matching.placements.follow_ups import follow_ups_send, placements_due
from koers.matching.placements.mails import placement_confirmed_messages

logger = logging.getLogger(__name__)


@task()
def mail_placement_confirmed(placement_id: int) -> int:
    """Tell the candidate and the care organisation; returns how many mails were sent."""
    with translation.override(settings.LANGUAGE_CODE):
        messages = placement_confirmed_messages(placement_id)
    if messages:
        send_all(messages)
    logger.info("Placement %s confirmed: %s e-mail(s) sent.", placement_id, len(messages))
    return len(messages)


@task()
def send_follow_ups(placement_id: int, base_url: str = "") -> int:
    with translation.override(settings.LANGUAGE_CODE):
        return follow_ups_send(placement_id=placement_id, base_url=base_url)


@task()
def follow_ups_due_task() -> int:
    """Daily: ask both sides of every placement whose shift has ended (once per side)."""
    asked = 0
    with translation.override(settings.LANGUAGE_CODE):
        for placement_id in placements_due(timezone.now()):
            asked += follow_ups_send(placement_id=placement_id)
    logger.info("Follow-up asked of %s address(es).", asked)
    return asked
