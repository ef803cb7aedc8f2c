"""`visible_to(user)` for the access log: the read-side half of the privacy policy."""

from __future__ import annotations

from typing import Any

from koers.accounts.policy import organisations_with
from koers.accounts.roles import Capability
from koers.core.models import AppendOnlyQuerySet


class AccessRecordQuerySet(AppendOnlyQuerySet):
    def visible_to(self, user: Any) -> AccessRecordQuerySet:
        """The records of the organisations whose privacy `user` looks after."""
        own, _funding = organisations_with(user, Capability.MANAGE_PRIVACY)
        return self.filter(organisation_id__in=own)
