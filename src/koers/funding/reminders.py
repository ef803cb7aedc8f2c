"""Weekly reminders of the money deadlines, sent by the task worker (koers.core.schedule):
advances due to be invoiced and obligations of grants that fall due within two weeks or
are overdue. Each person who manages the organisation's money gets one message listing
them, in Dutch and without links (see koers.work.reminders for why)."""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict

from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_tasks import task

from koers.accounts.models import Membership
from koers.accounts.roles import Capability, roles_with
from koers.core.mail import send_all
from koers.core.money import euro
from koers.funding.models import Advance, Obligation

logger = logging.getLogger(__name__)
AHEAD = dt.timedelta(days=14)


def reminders_due(today: dt.date) -> list[tuple[str, str, str]]:
    """(address, subject, body) for each money manager with something due."""
    lines: dict[int, list[str]] = defaultdict(list)
    with translation.override(settings.LANGUAGE_CODE):
        for advance in Advance.objects.filter(
            sent_on__isnull=True, due_on__lte=today + dt.timedelta(days=7)
        ).select_related("grant__funder"):
            lines[advance.grant.organisation_id].append(
                _(
                    "Invoice advance %(number)s of “%(grant)s” (%(funder)s): %(amount)s, "
                    "due %(day)s."
                )
                % {
                    "number": advance.number,
                    "grant": advance.grant.title,
                    "funder": advance.grant.funder,
                    "amount": euro(advance.amount),
                    "day": date_format(advance.due_on),
                }
            )
        for obligation in Obligation.objects.filter(
            done_on__isnull=True, due_on__lte=today + AHEAD
        ).select_related("grant"):
            lines[obligation.grant.organisation_id].append(
                _("“%(text)s” for “%(grant)s”, due %(day)s.")
                % {
                    "text": obligation.text,
                    "grant": obligation.grant.title,
                    "day": date_format(obligation.due_on),
                }
            )
        managers = Membership.objects.filter(
            organisation_id__in=list(lines),
            role__in=roles_with(Capability.MANAGE_FUNDING),
            user__is_active=True,
        ).select_related("user")
        messages = []
        seen: set[tuple[int, int]] = set()
        for membership in managers:
            user = membership.user
            if not user.email or (user.pk, membership.organisation_id) in seen:
                continue
            seen.add((user.pk, membership.organisation_id))
            body = _(
                "Dear %(name)s,\n\nThese money deadlines are near or past:\n\n%(lines)s\n\nKoers"
            ) % {
                "name": user.first_name or user.username,
                "lines": "\n".join(f"- {line}" for line in lines[membership.organisation_id]),
            }
            messages.append((user.email, _("Koers: invoices and grant obligations due"), body))
    return messages


@task()
def send_money_reminders(today: str | None = None) -> int:
    """Send the reminders; `today` (ISO date) for tests and catching up, else today."""
    day = dt.date.fromisoformat(today) if today else timezone.localdate()
    messages = reminders_due(day)
    send_all(messages)
    logger.info("Sent %s money reminders.", len(messages))
    return len(messages)
