"""E-mail about questions and answers on activities, sent by the task worker.

Dutch and link-free, like the other reminders (see koers.work.reminders for why). A
funder's official is not told the names of the organisation's staff: the organisation
answered her, as the pages say too.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from koers.accounts.policy import sees_names
from koers.core.mail import send_all
from koers.plans.models import Activity, ActivityComment

logger = logging.getLogger(__name__)


def _writer(comment: Any, recipient: Any) -> str:
    """Who wrote `comment`, as `recipient` may know it."""
    organisation = comment.activity.programme.plan.organisation
    side = comment.funder_name or organisation.name
    if not sees_names(recipient, organisation.pk):
        return str(side)
    name = comment.author.get_full_name() or comment.author.username
    return f"{name} ({side})"


def comment_messages(comment_id: int) -> list[tuple[str, str, str]]:
    """(address, subject, body) for everyone `comment` is for: of a funder's new thread,
    the programme's coordinator and the activity's owner; of an answer, the thread's
    author. Never the writer herself, nobody inactive or without an address."""
    comment = (
        ActivityComment.objects.with_sides()
        .select_related(
            "author",
            "parent__author",
            "activity__owner",
            "activity__programme__coordinator",
            "activity__programme__plan__organisation",
        )
        .filter(pk=comment_id)
        .first()
    )
    if comment is None:
        return []
    activity = comment.activity
    recipients: list[Any]
    if comment.parent is not None:
        recipients = [comment.parent.author]
    elif getattr(comment, "funder_name", None):
        recipients = [activity.programme.coordinator, activity.owner]
    else:
        recipients = []  # the organisation's own remark: its staff read it on the page
    messages: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    with translation.override(settings.LANGUAGE_CODE):
        for recipient in recipients:
            if (
                recipient is None
                or recipient.pk == comment.author_id
                or not recipient.is_active
                or not recipient.email
                or recipient.email in seen
                # Who left the organisation (or the funder) no longer reads its questions.
                or not Activity.objects.visible_to(recipient).filter(pk=activity.pk).exists()
            ):
                continue
            seen.add(recipient.email)
            facts = {
                "name": recipient.first_name or recipient.username,
                "writer": _writer(comment, recipient),
                "activity": f"{activity.code} {activity.title}",
                "programme": activity.programme.name,
                "year": activity.year,
                "text": comment.text,
            }
            if comment.parent is None:
                subject = _("Koers: a question about %(activity)s") % facts
                body = (
                    _(
                        "Dear %(name)s,\n\n%(writer)s asked about activity %(activity)s "
                        "(%(programme)s, %(year)s):\n\n%(text)s\n\n"
                        "You find the question, and can answer it, on the activity's page in Koers."
                        "\n\nKoers"
                    )
                    % facts
                )
            else:
                subject = _("Koers: an answer about %(activity)s") % facts
                body = (
                    _(
                        "Dear %(name)s,\n\n%(writer)s answered in your conversation about activity "
                        "%(activity)s (%(programme)s, %(year)s):\n\n%(text)s\n\n"
                        "You find the conversation on the activity's page in Koers.\n\nKoers"
                    )
                    % facts
                )
            messages.append((recipient.email, subject, body))
    return messages


@task()
def tell_about_comment(comment_id: int) -> int:
    """Send the e-mail about a new comment; how many were sent."""
    messages = comment_messages(comment_id)
    if messages:
        send_all(messages)
    logger.info("Sent %s e-mails about comment %s.", len(messages), comment_id)
    return len(messages)
