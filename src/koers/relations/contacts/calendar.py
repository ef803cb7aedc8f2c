"""A user's calendar (iCalendar, RFC 5545) of her open actions and the events of the
programmes she may see, for Outlook and other calendar programs (the `icalendar` library
writes the format, escaping and line folding included)."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from koers.relations.models import Action, ActionStatus, Event

PAST_DAYS = 90  # what a calendar program needs: recent history and everything ahead


def calendar_for(user: Any, host: str) -> bytes:
    from icalendar import Calendar
    from icalendar import Event as CalendarEvent

    since = timezone.localdate() - dt.timedelta(days=PAST_DAYS)
    calendar = Calendar()
    calendar.add("prodid", "-//Koers//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Koers: my actions and events"))
    for action in (
        Action.objects.visible_to(user)  # of the organisations she works for now
        .filter(owner=user, status=ActionStatus.OPEN, due_on__gte=since)
        .order_by("due_on")
    ):
        entry = CalendarEvent()
        entry.add("uid", f"action-{action.pk}@{host}")
        entry.add("summary", _("Action: %(title)s") % {"title": action.title})
        entry.add("dtstart", action.due_on)
        entry.add("dtend", action.due_on + dt.timedelta(days=1))
        entry.add("dtstamp", timezone.now())
        calendar.add_component(entry)
    for event in (
        Event.objects.visible_to(user)
        .filter(date__gte=since)
        .select_related("programme")
        .order_by("date")
    ):
        entry = CalendarEvent()
        entry.add("uid", f"event-{event.pk}@{host}")
        entry.add("summary", event.title)
        entry.add("dtstart", event.date)
        entry.add("dtend", event.date + dt.timedelta(days=1))
        entry.add("dtstamp", timezone.now())
        if event.place:
            entry.add("location", event.place)
        entry.add("description", event.programme.name)
        calendar.add_component(entry)
    return bytes(calendar.to_ical())


def feed_hash(token: str) -> str:
    """How a calendar address's secret token is stored and looked up: only its hash."""
    return hashlib.sha256(token.encode()).hexdigest()
