"""Whose notes on figures a reader sees, and whose authors (docs/tenancy.md).

The statistics are the installation's, shared by every organisation; a note on a figure is
one organisation's reading of it. A reader sees the notes of the organisations she is
related to (a member, or a funder of their work) and, beside a note, its author's name
only where she sees people's names. A report carries the notes of the organisation that
sends it, no one else's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from koers.accounts.policy import grants_of, sees_names
from koers.accounts.roles import FUNDER_ROLES
from koers.plans.models import Plan, Programme


@dataclass(frozen=True)
class NoteReader:
    organisation_ids: frozenset[int]
    names_at: frozenset[int] = frozenset()

    @classmethod
    def of(cls, user: Any) -> NoteReader:
        grants = grants_of(user)
        members = {grant.organisation_id for grant in grants}
        funders = {grant.organisation_id for grant in grants if grant.role in FUNDER_ROLES}
        funded: set[int] = set()
        if funders:
            funded = set(
                Programme.objects.filter(funders__in=funders).values_list(
                    "plan__organisation_id", flat=True
                )
            ) | set(
                Plan.objects.filter(Q(funder_id__in=funders)).values_list(
                    "organisation_id", flat=True
                )
            )
        related = members | funded
        return cls(
            organisation_ids=frozenset(related),
            names_at=frozenset(org for org in related if sees_names(user, org)),
        )

    def shows_author(self, note: Any) -> None:
        """Set `note.author_shown`: its author where this reader sees names, else None."""
        note.author_shown = note.author if note.organisation_id in self.names_at else None

    @classmethod
    def of_sender(cls, organisation_id: int) -> NoteReader:
        """For a report: the sending organisation's notes, without names (a report leaves
        the organisation)."""
        return cls(organisation_ids=frozenset({organisation_id}))
