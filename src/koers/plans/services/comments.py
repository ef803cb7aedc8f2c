"""Questions and answers on an activity, between a funder's officials and the organisation."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from koers.accounts.roles import Capability
from koers.core.audit import audit_write, context_of, snapshot
from koers.plans.access import require
from koers.plans.models import Activity, ActivityComment
from koers.plans.notifications import tell_about_comment

COMMENT_MAX_LENGTH = 5000


@transaction.atomic
def activity_comment_post(
    *,
    actor: Any,
    activity: Activity,
    text: str,
    parent: ActivityComment | None = None,
    remote_addr: str | None = None,
) -> ActivityComment:
    """Start a thread on `activity`, or answer in the thread of `parent`.

    Open to the officials of a funder of the programme and to the staff who may edit its
    plan (its coordinator, the director). An answer to an answer joins the same thread:
    one level, so a question reads as the question and its answers in order. Once the post
    is committed the task worker tells, by e-mail, the programme's coordinator and the
    activity's owner of a funder's new thread, and the thread's author of an answer.
    """
    require(actor, Capability.DISCUSS_ACTIVITY, activity.programme)
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write your question or answer.")})
    if len(text) > COMMENT_MAX_LENGTH:
        raise ValidationError(
            {"text": _("Keep it under %(limit)s characters.") % {"limit": COMMENT_MAX_LENGTH}}
        )
    thread = None
    if parent is not None:
        if parent.activity_id != activity.pk:
            raise ValidationError({"text": _("That comment belongs to another activity.")})
        thread = parent.parent if parent.parent_id else parent
    comment = ActivityComment.objects.create(
        activity=activity, parent=thread, author=actor, text=text
    )
    audit_write(
        actor=actor,
        action="activity_comment.reply" if thread else "activity_comment.post",
        instance=comment,
        context=context_of(thread or comment),
        after=snapshot(comment, ["activity", "parent", "text"]),
        remote_addr=remote_addr,
    )
    transaction.on_commit(lambda: tell_about_comment.enqueue(comment.pk))
    return comment
