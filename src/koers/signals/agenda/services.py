"""Writes of agenda-setting: meetings, agenda items that bundle signals, and the steps of an
item's route (nieuw → geduid → geagendeerd → teruggekoppeld), each dated. Every write checks
that she manages the holder's signals, runs in one transaction, checks the version of what
it changes and keeps an audit entry. Views, the demo and the tests all write through these.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from koers.core.audit import audit_write, snapshot
from koers.core.reference import default_reference, refuse_after_today
from koers.core.versioning import lock_for_edit
from koers.directory.models import Organisation
from koers.signals.access import may_manage_signals
from koers.signals.agenda.queries import next_status, step_problems
from koers.signals.models import AgendaItem, AgendaStep, Meeting, Signal
from koers.signals.models.choices import AGENDA_ORDER, AgendaStatus

MEETING_FIELDS = ["kind", "title", "held_on", "with_organisation"]
ITEM_FIELDS = ["title", "question", "meeting", "response", "feedback", "fed_back_to"]


# --- meetings ----------------------------------------------------------------------------


@transaction.atomic
def meeting_create(
    *,
    actor: Any,
    holder: Organisation,
    values: dict[str, Any],
    remote_addr: str | None = None,
) -> Meeting:
    """A meeting signals can be taken to: the quarterly meeting with the province, a
    municipality, a regional table."""
    if not may_manage_signals(actor, holder.pk):
        raise PermissionDenied
    meeting = Meeting(holder=holder)
    for name in MEETING_FIELDS:
        setattr(meeting, name, values[name])
    meeting.full_clean(exclude=["holder", "with_organisation"])
    meeting.save()
    audit_write(
        actor=actor,
        action="signal_meeting.created",
        instance=meeting,
        after=snapshot(meeting, MEETING_FIELDS),
        remote_addr=remote_addr,
        organisation_id=holder.pk,
    )
    return meeting


@transaction.atomic
def meeting_save(
    *,
    actor: Any,
    meeting: Meeting,
    values: dict[str, Any],
    expected_version: int | None = None,
    remote_addr: str | None = None,
) -> Meeting:
    """Change a meeting at the version she opened. Its date cannot move past the feedback
    already given on its items: feedback comes after the meeting."""
    if not may_manage_signals(actor, meeting.holder_id):
        raise PermissionDenied
    locked = lock_for_edit(meeting, expected_version)
    fed_back = AgendaStep.objects.filter(
        item__meeting=locked, status=AgendaStatus.TERUGGEKOPPELD, on__lt=values["held_on"]
    ).order_by("on")
    first = fed_back.first()
    if first is not None:
        raise ValidationError(
            {
                "held_on": _(
                    "An item of this meeting was fed back on %(date)s; the meeting cannot be "
                    "held after that."
                )
                % {"date": date_format(first.on, "DATE_FORMAT")}
            }
        )
    before = snapshot(locked, MEETING_FIELDS)
    for name in MEETING_FIELDS:
        setattr(locked, name, values[name])
    locked.full_clean(exclude=["holder", "with_organisation"])
    locked.save()
    audit_write(
        actor=actor,
        action="signal_meeting.saved",
        instance=locked,
        before=before,
        after=snapshot(locked, MEETING_FIELDS),
        remote_addr=remote_addr,
        organisation_id=locked.holder_id,
    )
    return locked


# --- agenda items ------------------------------------------------------------------------


def _state(item: AgendaItem) -> dict[str, Any]:
    return {
        **snapshot(item, [*ITEM_FIELDS, "status"]),
        "signals": sorted(item.signals.values_list("pk", flat=True)),
    }


def _check_item(
    *, holder_id: int, values: dict[str, Any], signals: list[Signal], status: str
) -> None:
    meeting: Meeting | None = values.get("meeting")
    if meeting is not None and meeting.holder_id != holder_id:
        raise ValidationError({"meeting": _("Choose a meeting of this organisation.")})
    if any(signal.holder_id != holder_id for signal in signals):
        raise ValidationError({"signals": _("Only this organisation's signals can be bundled.")})
    reached = AGENDA_ORDER.index(status)
    if reached >= AGENDA_ORDER.index(AgendaStatus.GEDUID) and not signals:
        raise ValidationError(
            {"signals": _("An interpreted item bundles at least one signal; keep one.")}
        )
    if reached >= AGENDA_ORDER.index(AgendaStatus.GEAGENDEERD) and meeting is None:
        raise ValidationError(
            {"meeting": _("This item is on a meeting's agenda; it keeps its meeting.")}
        )
    if status == AgendaStatus.TERUGGEKOPPELD and not (
        values.get("feedback", "").strip() and values.get("fed_back_to", "").strip()
    ):
        raise ValidationError(_("This item has been fed back; say what was fed back and to whom."))


def _unique(signals: Iterable[Signal]) -> list[Signal]:
    return list({signal.pk: signal for signal in signals}.values())


@transaction.atomic
def agenda_item_create(
    *,
    actor: Any,
    holder: Organisation,
    values: dict[str, Any],
    signals: Iterable[Signal] = (),
    on: dt.date | None = None,
    remote_addr: str | None = None,
) -> AgendaItem:
    """A new agenda item (status nieuw, dated `on`, today by default) bundling `signals` of
    `holder`: a title, the proposed question or recommendation, and the meeting it is
    meant for, if known."""
    if not may_manage_signals(actor, holder.pk):
        raise PermissionDenied
    bundled = _unique(signals)
    _check_item(holder_id=holder.pk, values=values, signals=bundled, status=AgendaStatus.NIEUW)
    item = AgendaItem(holder=holder, status=AgendaStatus.NIEUW)
    item.title = values["title"].strip()
    item.question = values["question"].strip()
    item.meeting = values.get("meeting")
    item.full_clean(exclude=["holder", "meeting", "signals"])
    item.save()
    item.signals.set(bundled)
    AgendaStep.objects.create(
        item=item, status=AgendaStatus.NIEUW, on=on or default_reference(), by=actor
    )
    audit_write(
        actor=actor,
        action="agenda_item.created",
        instance=item,
        after=_state(item),
        remote_addr=remote_addr,
        organisation_id=holder.pk,
    )
    return item


@transaction.atomic
def agenda_item_save(
    *,
    actor: Any,
    item: AgendaItem,
    values: dict[str, Any],
    signals: Iterable[Signal],
    expected_version: int | None = None,
    remote_addr: str | None = None,
) -> AgendaItem:
    """Change an item at the version she opened: its text, meeting, bundled signals, the
    response at the meeting and the feedback. What its status has reached stays true: an
    interpreted item keeps a signal, an item on the agenda keeps a meeting, a fed-back item
    keeps its feedback and whom it went to."""
    if not may_manage_signals(actor, item.holder_id):
        raise PermissionDenied
    locked = lock_for_edit(item, expected_version)
    bundled = _unique(signals)
    _check_item(holder_id=locked.holder_id, values=values, signals=bundled, status=locked.status)
    before = _state(locked)
    for name in ITEM_FIELDS:
        value = values.get(name, getattr(locked, name))
        setattr(locked, name, value.strip() if isinstance(value, str) else value)
    locked.full_clean(exclude=["holder", "meeting", "signals"])
    locked.save()
    locked.signals.set(bundled)
    audit_write(
        actor=actor,
        action="agenda_item.saved",
        instance=locked,
        before=before,
        after=_state(locked),
        remote_addr=remote_addr,
        organisation_id=locked.holder_id,
    )
    return locked


@transaction.atomic
def agenda_item_step(
    *,
    actor: Any,
    item: AgendaItem,
    to: str,
    on: dt.date,
    note: str = "",
    response: str = "",
    feedback: str = "",
    fed_back_to: str = "",
    expected_version: int | None = None,
    remote_addr: str | None = None,
) -> AgendaItem:
    """Move the item one step forward to `to`, dated `on` (not after today, not before its
    last step; fed back not before its meeting was held), with a note. Teruggekoppeld needs
    what was fed back and to whom; the response at the meeting may be given with it. Any
    other move (back, skipping a step, repeating one) is refused with the reason."""
    if not may_manage_signals(actor, item.holder_id):
        raise PermissionDenied
    locked = lock_for_edit(item, expected_version)
    target = next_status(locked)
    if to not in AGENDA_ORDER:
        raise ValidationError({"to": _("Choose a step of the route.")})
    if target is None:
        raise ValidationError({"to": _("This item has been fed back: its route is complete.")})
    if to != target:
        labels = dict(AgendaStatus.choices)
        raise ValidationError(
            {
                "to": _(
                    "An item moves forward one step at a time: from %(current)s it goes to "
                    "%(next)s."
                )
                % {"current": labels[locked.status], "next": labels[target]}
            }
        )
    problems = step_problems(locked)
    if problems:
        raise ValidationError(problems)
    _check_step_date(locked, to=to, on=on)
    errors: dict[str, str] = {}
    if to == AgendaStatus.TERUGGEKOPPELD:
        if not feedback.strip():
            errors["feedback"] = _("Say what was fed back.")
        if not fed_back_to.strip():
            errors["fed_back_to"] = _("Say to whom it was fed back.")
    if errors:
        raise ValidationError(errors)
    before = snapshot(locked, ["status", "response", "feedback", "fed_back_to"])
    locked.status = to
    if response.strip():
        locked.response = response.strip()
    if to == AgendaStatus.TERUGGEKOPPELD:
        locked.feedback = feedback.strip()
        locked.fed_back_to = fed_back_to.strip()
    locked.full_clean(exclude=["holder", "meeting", "signals"])
    locked.save(update_fields=["status", "response", "feedback", "fed_back_to", "version"])
    AgendaStep.objects.create(item=locked, status=to, on=on, by=actor, note=note.strip())
    audit_write(
        actor=actor,
        action="agenda_item.step",
        instance=locked,
        before=before,
        after={
            **snapshot(locked, ["status", "response", "feedback", "fed_back_to"]),
            "on": on.isoformat(),
        },
        remote_addr=remote_addr,
        organisation_id=locked.holder_id,
    )
    return locked


def _check_step_date(item: AgendaItem, *, to: str, on: dt.date) -> None:
    refuse_after_today(on, "on", _("A step cannot be dated after today."))
    last = item.steps.order_by("-on", "-pk").first()
    if last is not None and on < last.on:
        raise ValidationError(
            {
                "on": _("The previous step was taken on %(date)s; this one cannot be earlier.")
                % {"date": date_format(last.on, "DATE_FORMAT")}
            }
        )
    meeting = item.meeting
    if to == AgendaStatus.TERUGGEKOPPELD and meeting is not None and on < meeting.held_on:
        raise ValidationError(
            {
                "on": _(
                    "The meeting is held on %(date)s; what was done with the item is fed back "
                    "after it."
                )
                % {"date": date_format(meeting.held_on, "DATE_FORMAT")}
            }
        )
