"""Closing a month, and correcting an entry of a closed month."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from koers.accounts.policy import Scope, has_capability
from koers.accounts.roles import Capability
from koers.core.audit import audit_write, snapshot
from koers.work.models import (
    ClosedMonth,
    TimeEntry,
    is_closed,
    month_of,
)
from koers.work.queries import weeks_blocking


@transaction.atomic
def month_close(
    *, actor: Any, organisation_id: int, month: dt.date, remote_addr: str | None = None
) -> ClosedMonth:
    """Close a month; refused, with the weeks named, while any week in it is not approved."""
    if not has_capability(actor, Capability.CLOSE_PERIOD, Scope(organisation_id=organisation_id)):
        raise PermissionDenied
    month = month_of(month)
    if ClosedMonth.objects.filter(organisation_id=organisation_id, month=month).exists():
        raise ValidationError(_("This month is already closed."))
    earlier_open = (
        TimeEntry.objects.filter(organisation_id=organisation_id, date__lt=month)
        .exclude(date__gte=month)
        .dates("date", "month")
    )
    closed = set(
        ClosedMonth.objects.filter(organisation_id=organisation_id).values_list("month", flat=True)
    )
    unclosed_before = [m for m in earlier_open if m not in closed]
    if unclosed_before:
        raise ValidationError(
            _("Close the earlier months first: %(months)s.")
            % {"months": ", ".join(date_format(m, "YEAR_MONTH_FORMAT") for m in unclosed_before)}
        )
    blocking = weeks_blocking(organisation_id, month)
    if blocking:
        raise ValidationError(
            [_("Not every week of this month is approved:")]
            + [
                _("%(user)s, week %(week)s (%(status)s)")
                % {
                    "user": week.user,
                    "week": week.monday.strftime("%V"),
                    "status": week.get_status_display(),
                }
                for week in blocking
            ]
        )
    closed_month = ClosedMonth.objects.create(
        organisation_id=organisation_id, month=month, closed_by=actor
    )
    audit_write(
        actor=actor,
        action="month.closed",
        instance=closed_month,
        remote_addr=remote_addr,
        organisation_id=organisation_id,
    )
    return closed_month


@transaction.atomic
def entry_correct(
    *,
    actor: Any,
    entry: TimeEntry,
    day: dt.date,
    hours: Decimal,
    note: str,
    remote_addr: str | None = None,
) -> TimeEntry:
    """A signed correction of an entry in a closed month, entered in an open month."""
    if (
        not has_capability(
            actor, Capability.CLOSE_PERIOD, Scope(organisation_id=entry.organisation_id)
        )
        and actor.pk != entry.user_id
    ):
        raise PermissionDenied
    if not is_closed(entry.organisation_id, entry.date):
        raise ValidationError(_("This entry is in an open month; change it in the week instead."))
    if is_closed(entry.organisation_id, day):
        raise ValidationError({"day": _("A correction goes in an open month.")})
    if hours == 0:
        raise ValidationError({"hours": _("A correction of 0 hours changes nothing.")})
    if not note.strip():
        raise ValidationError({"note": _("Say why the hours are corrected.")})
    corrected = entry.hours + (
        entry.corrections.aggregate(total=Sum("hours"))["total"] or Decimal(0)
    )
    if corrected + hours < 0:
        raise ValidationError({"hours": _("The correction would take the entry below zero hours.")})
    correction = TimeEntry.objects.create(
        user=entry.user,
        organisation_id=entry.organisation_id,
        date=day,
        hours=hours,
        note=note.strip(),
        corrects=entry,
        project=entry.project,
        activity=entry.activity,
        category=entry.category,
    )
    audit_write(
        actor=actor,
        action="time.corrected",
        instance=correction,
        after=snapshot(correction, ["date", "hours", "note", "corrects"]),
        remote_addr=remote_addr,
        organisation_id=entry.organisation_id,
    )
    return correction
