"""The one place that answers "may this user do this to records in this scope?".

Views, services and getters all ask `has_capability`; nothing else looks at roles.
A scope is plain data (owner organisation, programme, funders), so this module does
not need to know the models of the apps that use it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from koers.accounts.roles import (
    FUNDER_ROLES,
    INSTALLATION_ROLES,
    PROGRAMME_SCOPED,
    REQUESTER_ROLES,
    ROLE_CAPABILITIES,
    Capability,
    Role,
)


@dataclass(frozen=True)
class Grant:
    organisation_id: int
    role: Role
    programme_ids: frozenset[int]


@dataclass(frozen=True)
class Scope:
    """Whose records: the executing organisation, the programme, who funds it, and (for a
    request for help) the organisation that asked."""

    organisation_id: int
    programme_id: int | None = None
    funder_ids: frozenset[int] = field(default_factory=frozenset)
    requester_ids: frozenset[int] = field(default_factory=frozenset)


def grants_of(user: Any) -> tuple[Grant, ...]:
    """The user's memberships as grants, read once per user object (one query)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return ()
    cached = getattr(user, "_koers_grants", None)
    if cached is None:
        from koers.accounts.models import Membership

        rows: dict[int, tuple[int, str, set[int]]] = {}
        memberships = Membership.objects.filter(user=user).values_list(
            "id", "organisation_id", "role", "programmes__id"
        )
        for membership_id, organisation_id, role, programme_id in memberships:
            entry = rows.setdefault(membership_id, (organisation_id, role, set()))
            if programme_id is not None:
                entry[2].add(programme_id)
        cached = tuple(
            Grant(org_id, Role(role), frozenset(programmes))
            for org_id, role, programmes in rows.values()
        )
        user._koers_grants = cached
    return cached


def _grant_covers(grant: Grant, capability: Capability, scope: Scope) -> bool:
    if capability not in ROLE_CAPABILITIES[grant.role]:
        return False
    if grant.role in INSTALLATION_ROLES:
        return True
    if grant.role in FUNDER_ROLES:
        return grant.organisation_id in scope.funder_ids
    if grant.role in REQUESTER_ROLES:
        return grant.organisation_id in scope.requester_ids
    if grant.organisation_id != scope.organisation_id:
        return False
    if grant.role == Role.COORDINATOR and capability in PROGRAMME_SCOPED:
        return scope.programme_id is not None and scope.programme_id in grant.programme_ids
    return True


def has_capability(user: Any, capability: Capability, scope: Scope | None = None) -> bool:
    """True when some membership of `user` grants `capability` on `scope`.

    Without a scope the question is "anywhere at all?", which views use as a first gate
    before they load an object and ask again with its scope.
    """
    grants = grants_of(user)
    if scope is None:
        return any(capability in ROLE_CAPABILITIES[g.role] for g in grants)
    return any(_grant_covers(g, capability, scope) for g in grants)


def sees_names(user: Any, organisation_id: int) -> bool:
    """Whether pages about `organisation_id`'s records show people: contact persons and the
    names of staff on records (recorded by, owner, history). Funders' officials and board
    members lack the capability, so they see aggregates only."""
    return has_capability(user, Capability.VIEW_PERSONS, Scope(organisation_id=organisation_id))


def organisations_with(user: Any, capability: Capability) -> tuple[set[int], set[int]]:
    """(organisations whose own records the user may act on, funder organisations she acts for)."""
    own: set[int] = set()
    funding: set[int] = set()
    for grant in grants_of(user):
        if capability in ROLE_CAPABILITIES[grant.role]:
            (funding if grant.role in FUNDER_ROLES else own).add(grant.organisation_id)
    return own, funding


def own_organisation(user: Any, capability: Capability) -> int:
    """The organisation whose own records the user acts on with `capability` (as staff, not
    as a funder): staff belong to one organisation, the lowest id if ever more. Refused
    (403) when she has the capability nowhere as staff."""
    own, _funding = organisations_with(user, capability)
    if not own:
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    return min(own)


def reach(user: Any, capability: Capability) -> dict[int, frozenset[int] | None]:
    """Where the user holds `capability` as staff: per organisation, the programmes she
    holds it for, or None for the whole organisation. For querysets that must apply the
    same programme rule `has_capability` applies to one record."""
    result: dict[int, frozenset[int] | None] = {}
    for grant in grants_of(user):
        if capability not in ROLE_CAPABILITIES[grant.role]:
            continue
        if grant.role in FUNDER_ROLES or grant.role in REQUESTER_ROLES:
            continue
        if grant.role == Role.COORDINATOR and capability in PROGRAMME_SCOPED:
            known = result.get(grant.organisation_id, frozenset())
            if known is not None:
                result[grant.organisation_id] = known | grant.programme_ids
        else:
            result[grant.organisation_id] = None
    return result


def roles_of(user: Any) -> set[Role]:
    return {grant.role for grant in grants_of(user)}
