"""What relations hold about a person, for export, erasure and retention (privacy app)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from koers.directory.models import Person
from koers.privacy.subjects import PersonLinks, register
from koers.relations.models import Interaction, Opportunity, Participant


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


def _export_contacts(person: Person) -> list[dict[str, Any]]:
    return [
        {"date": i.date.isoformat(), "kind": i.kind, "subject": i.subject, "summary": i.summary}
        for i in Interaction.objects.filter(persons=person).order_by("date")
    ]


def _erase_from_contacts(person: Person) -> int:
    """She is taken off the contacts; the contacts, about organisations, stay."""
    through = Interaction.persons.through
    return int(through.objects.filter(person_id=person.pk).delete()[0])


def _last_contact(person_ids: Collection[int]) -> dict[int, dt.date]:
    rows = (
        Interaction.persons.through.objects.filter(person_id__in=person_ids)
        .values("person_id")
        .annotate(last=Max("interaction__date"))
    )
    return {row["person_id"]: row["last"] for row in rows}


def _export_opportunities(person: Person) -> list[dict[str, Any]]:
    return [
        {
            "subject": o.title,
            "client": str(o.organisation),
            "status": o.status,
            "recorded_on": o.created_on.isoformat(),
        }
        for o in Opportunity.objects.filter(contact=person)
        .select_related("organisation")
        .order_by("created_on")
    ]


def _erase_from_opportunities(person: Person) -> int:
    """She is taken off as contact; the opportunity, with the organisation, stays. A quote
    already sent keeps its document: it went to the organisation and is its record."""
    return int(Opportunity.objects.filter(contact=person).update(contact=None))


def _last_opportunity(person_ids: Collection[int]) -> dict[int, dt.date]:
    return dict(
        Opportunity.objects.filter(contact_id__in=person_ids)
        .values("contact_id")
        .annotate(last=Max("created_on"))
        .values_list("contact_id", "last")
    )


def register_person_links() -> None:
    register(
        PersonLinks(
            name="opportunities",
            label=_("Opportunities and quotes where she is the contact person"),
            export=_export_opportunities,
            erase=_erase_from_opportunities,
            last_linked=_last_opportunity,
        )
    )
    register(
        PersonLinks(
            name="contacts",
            label=_("Contacts (conversations, calls, meetings) she took part in"),
            export=_export_contacts,
            erase=_erase_from_contacts,
            last_linked=_last_contact,
        )
    )
    register(
        PersonLinks(
            name="event_participations",
            label=_("Registrations and attendance at events"),
            export=_export,
            erase=_erase,
            last_linked=_last_linked,
        )
    )
