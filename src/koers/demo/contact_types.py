"""The shapes of the demo's contacts (see koers.demo.contacts): threads of contacts through
the year, single contacts and the actions planned in them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

GESPREK, TELEFOON, EMAIL, OVERLEG = "gesprek", "telefoon", "e-mail", "overleg"


@dataclass(frozen=True)
class Thread:
    """Contacts that recur through a stretch of the year: with whom, by whom, about what."""

    programme: str
    activity: str  # activity code, or ""
    organisations: tuple[str, ...]  # slugs; each contact is with one or two of them
    staff: tuple[str, ...]  # demo user names; the first records the contacts
    count: int
    first: dt.date
    last: dt.date
    subjects: tuple[str, ...]  # in the order they come up through the stretch
    kinds: tuple[str, ...] = (GESPREK, TELEFOON, EMAIL)
    actions: tuple[str, ...] = ()  # follow-ups, one in `action_share` of the contacts
    action_share: float = 0.5
    network: str = ""  # the contacts are meetings of this network
    all_organisations: bool = False  # every contact is with all of them (a meeting)


@dataclass
class PlannedAction:
    title: str
    owner: str
    due_on: dt.date
    done_on: dt.date | None = None


@dataclass
class Contact:
    day: dt.date
    kind: str
    subject: str
    summary: str
    programme: str
    activity: str
    organisations: list[str]
    staff: list[str]
    network: str = ""
    actions: list[PlannedAction] = field(default_factory=list)


Y = 2021
