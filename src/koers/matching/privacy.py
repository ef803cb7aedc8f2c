"""What matching holds about a person, for export, erasure and retention (privacy app): her
candidacies in the talent pool, with their roles, qualifications, availability, steps and
calls.

Erasure (she withdraws consent) keeps the candidate without her: `person` empty,
`erased_on` set, her roles, the dates of her steps and the number of her calls and
qualifications kept, so the pool's counts (signed up, placed, referred) stay true; what
could point to her — qualification references, call notes, remarks, the route's detail —
is cleared."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from koers.core.audit import plain
from koers.directory.models import Person
from koers.matching.models import CallLog, Candidate, Qualification
from koers.privacy.subjects import PersonLinks, register


def _export(person: Person) -> list[dict[str, Any]]:
    candidates = (
        Candidate.objects.filter(person=person)
        .select_related("municipality", "holder")
        .prefetch_related("roles", "qualifications", "availability", "stage_changes", "calls")
        .order_by("signed_up_on", "pk")
    )
    return [
        {
            "kept_by": str(candidate.holder),
            "municipality": candidate.municipality.name,
            "max_travel_km": candidate.max_travel_km,
            "route": candidate.route,
            "route_note": candidate.route_note,
            "remarks": candidate.remarks,
            "stage": candidate.stage,
            "signed_up_on": plain(candidate.signed_up_on),
            "last_contact_on": plain(candidate.last_contact_on),
            "roles": [row.role for row in candidate.roles.all()],
            "qualifications": [
                {
                    "kind": q.kind,
                    "reference": q.reference,
                    "valid_from": plain(q.valid_from),
                    "valid_until": plain(q.valid_until),
                }
                for q in candidate.qualifications.all()
            ],
            "availability": [
                {
                    "weekdays": a.weekdays,
                    "from": a.start_time.strftime("%H:%M"),
                    "until": a.end_time.strftime("%H:%M"),
                    "valid_from": plain(a.valid_from),
                    "valid_until": plain(a.valid_until),
                }
                for a in candidate.availability.all()
            ],
            "steps": [
                {"stage": s.stage, "on": plain(s.on), "reason": s.reason}
                for s in candidate.stage_changes.all()
            ],
            "calls": [
                {"on": plain(c.called_on), "outcome": c.outcome, "note": c.note}
                for c in candidate.calls.all()
            ],
        }
        for candidate in candidates
    ]


def _erase(person: Person) -> int:
    """Her candidacies stay without her; what could point to her is cleared."""
    ids = list(Candidate.objects.filter(person=person).values_list("pk", flat=True))
    if not ids:
        return 0
    Qualification.objects.filter(candidate_id__in=ids).update(reference="")
    CallLog.objects.filter(candidate_id__in=ids).update(note="")
    Candidate.objects.filter(pk__in=ids).update(
        person=None, erased_on=timezone.localdate(), remarks="", route_note=""
    )
    return len(ids)


def _last_linked(person_ids: Collection[int]) -> dict[int, dt.date]:
    """A candidate in the pool is linked as long as someone speaks to her or her stage
    changes: the latest of the two counts."""
    latest: dict[int, dt.date] = {}
    rows = (
        Candidate.objects.filter(person_id__in=person_ids)
        .values("person_id")
        .annotate(contact=Max("last_contact_on"), stepped=Max("stage_since"))
        .values_list("person_id", "contact", "stepped")
    )
    for person_id, contact, stepped in rows:
        days: list[dt.date] = [day for day in (contact, stepped) if day is not None]
        if days:
            latest[person_id] = max(days)
    return latest


def register_person_links() -> None:
    register(
        PersonLinks(
            name="matching_candidates",
            label=_("Candidacies in the talent pool (Extra hands)"),
            export=_export,
            erase=_erase,
            last_linked=_last_linked,
        )
    )
