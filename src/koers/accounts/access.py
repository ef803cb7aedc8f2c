"""Who may act on whose account (read-only checks; the writes are in services)."""

from __future__ import annotations

from typing import Any

from koers.accounts.models import Membership
from koers.accounts.policy import organisations_with
from koers.accounts.roles import Capability


def may_administer(actor: Any, user: Any) -> bool:
    """A platform superuser administers every account; a beheerder those with a membership
    in an organisation she is beheerder of (as the admin lists them: an account without any
    membership is the platform's, not hers)."""
    if getattr(actor, "is_superuser", False):
        return True
    own, _funding = organisations_with(actor, Capability.ADMINISTER)
    theirs = set(Membership.objects.filter(user=user).values_list("organisation_id", flat=True))
    return bool(own & theirs)
