"""E-mail about follow-up actions, sent by the task worker: a colleague is told when an
action is given to her, and once a week everyone gets her actions due within a week or
overdue. Dutch, and without links (see koers.work.reminders for why)."""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Exists, OuterRef
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_tasks import task

from koers.accounts.models import Membership
from koers.accounts.roles import Capability, roles_with
from koers.core.mail import send_all
from koers.relations.models import Action, ActionStatus

logger = logging.getLogger(__name__)


@task()
def tell_owner(action_id: int) -> bool:
    """Tell the owner of a new action about it; False when there is nobody to tell."""
    action = (
        Action.objects.filter(pk=action_id, status=ActionStatus.OPEN)
        .select_related("owner", "created_by", "interaction")
        .first()
    )
    if action is None or not action.owner.email or not action.owner.is_active:
        return False
    with translation.override(settings.LANGUAGE_CODE):
        body = _(
            "Dear %(name)s,\n\n%(by)s has given you an action in Koers:\n\n%(title)s\n"
            "Due: %(day)s\n%(context)s\nYou find it under My actions.\n\nKoers"
        ) % {
            "name": action.owner.first_name or action.owner.username,
            "by": action.created_by.get_full_name() or action.created_by.username,
            "title": action.title,
            "day": date_format(action.due_on),
            "context": (
                _("From the contact: %(subject)s\n") % {"subject": action.interaction.subject}
                if action.interaction
                else ""
            ),
        }
        send_mail(
            _("Koers: a new action for you"),
            body,
            settings.DEFAULT_FROM_EMAIL,
            [action.owner.email],
            fail_silently=False,
        )
    return True


def reminders_due(today: dt.date) -> list[tuple[str, str, str]]:
    """(address, subject, body) for everyone with open actions due within a week."""
    per_owner: dict[object, list[Action]] = defaultdict(list)
    # Only where the owner still works: a reminder of an organisation she left would send
    # its contacts' business to someone who may no longer read it.
    still_there = Membership.objects.filter(
        user=OuterRef("owner"),
        organisation=OuterRef("holder"),
        role__in=roles_with(Capability.VIEW_PERSONS),
    )
    for action in (
        Action.objects.filter(status=ActionStatus.OPEN, due_on__lte=today + dt.timedelta(days=7))
        .filter(Exists(still_there))
        .select_related("owner")
        .order_by("due_on", "id")
    ):
        if action.owner.email and action.owner.is_active:
            per_owner[action.owner].append(action)
    messages = []
    with translation.override(settings.LANGUAGE_CODE):
        for owner, actions in per_owner.items():
            lines = "\n".join(
                f"- {a.title} ({date_format(a.due_on)}"
                + (f", {_('overdue')})" if a.due_on < today else ")")
                for a in actions
            )
            body = _("Dear %(name)s,\n\nThese actions are due:\n\n%(lines)s\n\nKoers") % {
                "name": getattr(owner, "first_name", "") or getattr(owner, "username", ""),
                "lines": lines,
            }
            messages.append((getattr(owner, "email", ""), _("Koers: your actions due"), body))
    return messages


@task()
def send_action_reminders(today: str | None = None) -> int:
    day = dt.date.fromisoformat(today) if today else timezone.localdate()
    messages = reminders_due(day)
    send_all(messages)
    logger.info("Sent %s action reminders.", len(messages))
    return len(messages)
