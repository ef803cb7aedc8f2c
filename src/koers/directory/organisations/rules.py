"""Who may change and merge the organisations every tenant shares (docs/tenancy.md).

The directory of organisations is one list for the whole installation: a municipality,
the province or the GGD is one record, whichever partner works with it. Two kinds:

- an organisation that works in Koers (it has members: a partner, a funder, a care
  organisation) is changed by its own beheerder or by the installation administrator;
  no other tenant edits how it is named or placed;
- any other organisation is kept together by the staff of every tenant who keep contact
  persons, as today: a correction by one is a correction for all, and is audited.

Merging two organisations moves every tenant's links (positions, contacts, grants,
goals) from one to the other: the installation administrator does it, nobody else.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from koers.accounts.policy import Scope, has_capability, organisations_with
from koers.accounts.roles import Capability
from koers.directory.models import Organisation


def works_in_koers(organisation: Organisation) -> bool:
    return organisation.memberships.exists()


def may_keep_installation(user: Any) -> bool:
    return has_capability(user, Capability.MANAGE_INSTALLATION)


def edit_refusal(user: Any, organisation: Organisation | None) -> str | None:
    """Why `user` may not add (`organisation` None) or change this organisation, or None
    when she may."""
    if may_keep_installation(user):
        return None
    own, _funding = organisations_with(user, Capability.EDIT_PERSONS)
    if organisation is not None and works_in_koers(organisation):
        if has_capability(user, Capability.ADMINISTER, Scope(organisation_id=organisation.pk)):
            return None
        return _(
            "%(name)s works in Koers itself: only its own administrator or the installation "
            "administrator changes its details."
        ) % {"name": organisation.name}
    if not own:
        return _("Only staff who keep contact persons add or change organisations.")
    return None


def merge_refusal(user: Any) -> str | None:
    """Why `user` may not merge organisations, or None when she may."""
    if may_keep_installation(user):
        return None
    return _(
        "Only the installation administrator merges organisations: every organisation in "
        "Koers shares them, and a merge moves their contacts, grants and goals as well."
    )
