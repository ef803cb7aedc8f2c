"""What relations hold about a person, for export, erasure and retention (privacy app)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from koers.directory.models import Person
from koers.privacy.subjects import PersonLinks, register
from koers.relations.models import Participant


def _export(person: Person) -> list[dict[str, Any]]:
    return [
        {
            "event": p.event.title,
            "date": p.event.date.isoformat(),
            "organisation": str(p.organisation or ""),
            "attended": p.attended,
        }
        for p in Participant.objects.filter(person=person)
        .select_related("event", "organisation")
        .order_by("event__date")
    ]


def _erase(person: Person) -> int:
    """She becomes an anonymous participant: her organisation and attendance stay, so the
    counts of events and active organisations do not change."""
    return int(Participant.objects.filter(person=person).update(person=None))


def _last_linked(person_ids: Collection[int]) -> dict[int, dt.date]:
    return dict(
        Participant.objects.filter(person_id__in=person_ids)
        .values("person_id")
        .annotate(last=Max("event__date"))
        .values_list("person_id", "last")
    )


def register_person_links() -> None:
    register(
        PersonLinks(
            name="event_participations",
            label=_("Registrations and attendance at events"),
            export=_export,
            erase=_erase,
            last_linked=_last_linked,
        )
    )
