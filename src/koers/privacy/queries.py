"""What privacy knows about a person's records without changing them: her audit contexts,
the ids of records merged into hers, and who is due for erasure under the retention rule.

A merge (`relations.services.person_merge`) leaves an audit entry (action PERSON_MERGED,
about the removed record, in the kept one's history); `person_ids` follows those entries,
so her export, her access history and her erasure cover both records.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from koers.core.models import AuditEntry
from koers.directory.models import Organisation, Person
from koers.privacy import subjects

PERSON_TYPE = "directory.person"
PERSON_MERGED = "person.merged"


def person_context(person_id: int) -> str:
    return f"{PERSON_TYPE}:{person_id}"


def person_ids(person_id: int) -> list[int]:
    """`person_id` and the ids of the records merged into it (and into those, …)."""
    found = [person_id]
    todo = [person_id]
    while todo:
        merged = AuditEntry.objects.filter(
            action=PERSON_MERGED, context__in=[person_context(pk) for pk in todo]
        ).values_list("subject_id", flat=True)
        todo = [pk for pk in merged if pk not in found]
        found += todo
    return found


def person_contexts(person_id: int) -> list[str]:
    """The audit contexts of `person_id`'s history, including records merged into her."""
    return [person_context(pk) for pk in person_ids(person_id)]


def retention_years(holder: Organisation) -> int:
    """How many years `holder` keeps a person nothing links to: its own term, or the
    installation's."""
    return holder.person_retention_years or settings.PERSON_RETENTION_YEARS


def persons_due(now: dt.datetime | None = None) -> list[int]:
    """Ids of persons untouched and unlinked for longer than their holder's retention term
    (`retention_years`)."""
    now = now or timezone.now()
    default = settings.PERSON_RETENTION_YEARS
    terms: dict[int, int] = {
        pk: years
        # At least a year (the form's and the service's range): a 0 stored by hand must not
        # erase a holder's persons at once; `retention_years` reads it as no term.
        for pk, years in Organisation.objects.filter(person_retention_years__gte=1).values_list(
            "pk", "person_retention_years"
        )
        if years is not None
    }

    def cutoff(years: int) -> dt.datetime:
        return now - dt.timedelta(days=round(365.25 * years))

    # The persons untouched for their holder's term: each holder with a term of its own by
    # that term, the rest by the installation's.
    untouched = Q(updated_at__lt=cutoff(default)) & ~Q(holder_id__in=terms)
    for holder_id, years in terms.items():
        untouched |= Q(holder_id=holder_id, updated_at__lt=cutoff(years))
    candidates = dict(Person.objects.filter(untouched).values_list("pk", "holder_id"))
    if not candidates:
        return []
    latest: dict[int, dt.date] = {}
    for links in subjects.registered():
        for person_id, day in links.last_linked(list(candidates)).items():
            if person_id not in latest or day > latest[person_id]:
                latest[person_id] = day
    return sorted(
        person_id
        for person_id, holder_id in candidates.items()
        if person_id not in latest
        or latest[person_id] < timezone.localdate(cutoff(terms.get(holder_id, default)))
    )


def erasure_counts(person: Person) -> list[tuple[str, int]]:
    """What erasing `person` removes or anonymises, per kind (label, count), for the
    question before it: her positions, then every app's linked records (those it has)."""
    counted = [(str(person.positions.model._meta.verbose_name_plural), person.positions.count())]
    counted += [(str(links.label), len(links.export(person))) for links in subjects.registered()]
    return [(label, count) for label, count in counted if count]
