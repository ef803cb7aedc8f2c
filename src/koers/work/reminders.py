"""Weekly reminders for weeks not handed in, sent by the task worker (koers.core.schedule).

Each staff member with an e-mail address and past weeks not handed in (of the last four)
gets one message listing them, in Dutch, with a link-free text (mail clients and phishing
filters treat links from a self-hosted installation with suspicion; the weeks are enough).
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_tasks import task

from koers.core.mail import send_all
from koers.work.models import StaffProfile
from koers.work.queries import missing_weeks

logger = logging.getLogger(__name__)
WEEKS_BACK = 4


def reminders_due(today: dt.date) -> list[tuple[str, str, str]]:
    """(address, subject, body) for everyone with weeks to hand in."""
    start = today - dt.timedelta(weeks=WEEKS_BACK)
    messages = []
    organisations = StaffProfile.objects.values_list("organisation_id", flat=True).distinct()
    with translation.override(settings.LANGUAGE_CODE):
        for organisation_id in organisations:
            for user, mondays in missing_weeks(organisation_id, start, today):
                if not user.email or not user.is_active:
                    continue
                weeks = ", ".join(
                    _("week %(week)s (from %(day)s)")
                    % {"week": monday.strftime("%V"), "day": date_format(monday)}
                    for monday in mondays
                )
                body = _(
                    "Dear %(name)s,\n\nThese weeks have not been handed in yet: %(weeks)s.\n"
                    "Fill them in and submit them in Koers under Hours.\n\nKoers"
                ) % {"name": user.first_name or user.username, "weeks": weeks}
                messages.append((user.email, _("Koers: weeks to hand in"), body))
    return messages


@task()
def send_week_reminders(today: str | None = None) -> int:
    """Send the reminders; `today` (ISO date) for tests and catching up, else today."""
    day = dt.date.fromisoformat(today) if today else timezone.localdate()
    messages = reminders_due(day)
    send_all(messages)
    logger.info("Sent %s week reminders.", len(messages))
    return len(messages)
