"""The read side of persons: who looks like whom (for the duplicate check on adding and
the candidates of a merge)."""

from __future__ import annotations

from django.db.models import Q

from koers.directory.duplicates import PersonIndex, person_key
from koers.directory.models import Organisation, Person


def person_duplicates(
    *,
    holder: Organisation,
    first_name: str = "",
    infix: str = "",
    last_name: str = "",
    email: str = "",
    organisation: Organisation | None = None,
    exclude_pk: int | None = None,
) -> list[Person]:
    """Persons of `holder` with this e-mail address, or with this name (compared without
    case, accents or punctuation) and a position at `organisation`."""
    same = Q(email__iexact=email.strip()) if email.strip() else Q(pk__in=[])
    if organisation is not None:
        same |= Q(positions__organisation=organisation)
    candidates = Person.objects.filter(same, holder=holder).distinct()
    if exclude_pk is not None:
        candidates = candidates.exclude(pk=exclude_pk)
    index = PersonIndex(candidates)
    found = index.same_email(email)
    key = person_key(first_name, infix, last_name)
    found += [
        p
        for p in index.same_name_at(key, organisation.pk if organisation else None)
        if p not in found
    ]
    return found


def person_look_alikes(person: Person) -> list[Person]:
    """Other persons of her holder with her e-mail address or her name (compared without
    case, accents or punctuation), wherever they work: the candidates for a merge."""
    key = person_key(person.first_name, person.infix, person.last_name)
    email = person.email.strip().lower()
    candidates = Person.objects.filter(holder_id=person.holder_id).exclude(pk=person.pk)
    return [
        other
        for other in candidates
        if (email and other.email.strip().lower() == email)
        or person_key(other.first_name, other.infix, other.last_name) == key
    ]
