"""Which qualification a role needs, and when a qualification counts.

A role is open to a candidate only with one of its qualifications valid on the day
(`ROLE_QUALIFICATIONS`: any one of the kinds); a request may ask for more
(`HelpRequest.required_qualifications`: each of the kinds). A qualification counts from
`valid_from` (none: since always) through `valid_until` (none: it does not expire), so an
expired one stops counting on the day after its last valid day. The same rule is written
twice on purpose, once for Python (the matcher, which holds the rows) and once as a
database condition (the pool's counts and the measures, which count in the database); the
tests in tests/matching/test_qualifying.py hold the two to each other."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import Exists, OuterRef, Q

from koers.matching.models import CareRole, Qualification, QualificationKind

K = QualificationKind
ROLE_QUALIFICATIONS: dict[str, frozenset[str]] = {
    CareRole.VERPLEEGKUNDIGE: frozenset({K.BIG}),
    CareRole.VERZORGENDE: frozenset({K.BIG, K.DIPLOMA_VIG}),
    CareRole.HELPENDE: frozenset({K.BIG, K.DIPLOMA_VIG, K.DIPLOMA_HELPENDE}),
}


def is_valid_on(qualification: Any, day: dt.date) -> bool:
    starts, ends = qualification.valid_from, qualification.valid_until
    return (starts is None or starts <= day) and (ends is None or day <= ends)


def valid_kinds_on(qualifications: Iterable[Any], day: dt.date) -> set[str]:
    return {q.kind for q in qualifications if is_valid_on(q, day)}


def qualifies_for_role(role: str, qualifications: Iterable[Any], day: dt.date) -> bool:
    needed = ROLE_QUALIFICATIONS.get(role)
    return not needed or bool(needed & valid_kinds_on(qualifications, day))


def valid_on_q(day: dt.date, prefix: str = "") -> Q:
    """Qualifications valid on `day`, as a condition (`prefix` reaches them from another
    model, e.g. "qualifications__")."""
    return (Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__lte": day})) & (
        Q(**{f"{prefix}valid_until__isnull": True}) | Q(**{f"{prefix}valid_until__gte": day})
    )


def qualifies_for_role_q(role: str, day: dt.date) -> Q:
    """Candidates with one of `role`'s qualifications valid on `day` (all, for a role that
    needs none), as a condition on candidates."""
    needed = ROLE_QUALIFICATIONS.get(role)
    if not needed:
        return Q()
    valid = Qualification.objects.filter(valid_on_q(day), candidate=OuterRef("pk"), kind__in=needed)
    return Q(Exists(valid))
