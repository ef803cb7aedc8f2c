"""What client support holds about a person of the directory, for export, erasure and
retention (privacy app): her periods as a volunteer. Clients are never persons of the
directory (a pseudonym only), so they have no links here.

Erasure keeps the volunteer's periods without her (`person` empty), so the count of
volunteers active stays true."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any

from django.utils.translation import gettext_lazy as _

from koers.core.audit import plain
from koers.core.reference import default_reference
from koers.directory.models import Person
from koers.privacy.subjects import PersonLinks, register
from koers.signals.models import SupportVolunteer


def _export(person: Person) -> list[dict[str, Any]]:
    rows = (
        SupportVolunteer.objects.filter(person=person)
        .select_related("holder", "case_type")
        .order_by("started_on", "pk")
    )
    return [
        {
            "kept_by": str(row.holder),
            "kind_of_support": row.case_type.name,
            "active_from": plain(row.started_on),
            "active_until": plain(row.ended_on),
        }
        for row in rows
    ]


def _erase(person: Person) -> int:
    return SupportVolunteer.objects.filter(person=person).update(person=None)


def _last_linked(person_ids: Collection[int]) -> dict[int, dt.date]:
    """A volunteer still active is linked today; one who stopped, on her last day."""
    today = default_reference()
    latest: dict[int, dt.date] = {}
    rows = SupportVolunteer.objects.filter(person_id__in=person_ids).values_list(
        "person_id", "ended_on"
    )
    for person_id, ended_on in rows:
        day = ended_on or today
        if person_id not in latest or day > latest[person_id]:
            latest[person_id] = day
    return latest


def register_person_links() -> None:
    register(
        PersonLinks(
            name="signals_support_volunteers",
            label=_("Volunteering in client support"),
            export=_export,
            erase=_erase,
            last_linked=_last_linked,
        )
    )
