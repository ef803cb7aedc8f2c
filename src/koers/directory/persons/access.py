"""Permission-checking getters for persons: outside the user's organisations → 404."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from koers.accounts.policy import Scope, has_capability, organisations_with
from koers.accounts.roles import Capability
from koers.directory.models import Organisation, Person


def persons_visible_to(user: Any) -> QuerySet[Person]:
    own, _funding = organisations_with(user, Capability.VIEW_PERSONS)
    return Person.objects.filter(holder_id__in=own)


def matching(persons: QuerySet[Person], query: str) -> QuerySet[Person]:
    """`persons` whose name, e-mail address or organisation holds every word of `query`."""
    for word in query.split():
        persons = persons.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(email__icontains=word)
            | Q(positions__organisation__name__icontains=word)
        )
    return persons.distinct()


def may(user: Any, capability: Capability, person: Person) -> bool:
    return has_capability(user, capability, Scope(organisation_id=person.holder_id))


def get_person_for_user(
    user: Any, pk: int, capability: Capability = Capability.VIEW_PERSONS
) -> Person:
    person = get_object_or_404(persons_visible_to(user).select_related("holder"), pk=pk)
    if not may(user, capability, person):
        raise PermissionDenied
    return person


def holders_for(
    user: Any, capability: Capability = Capability.EDIT_PERSONS
) -> QuerySet[Organisation]:
    """The organisations in which the user may keep persons."""
    own, _funding = organisations_with(user, capability)
    return Organisation.objects.filter(pk__in=own)
