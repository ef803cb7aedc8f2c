"""`visible_to(user)`: the read-side half of the funding policy, on every money queryset.

Staff of an organisation see its grants and budgets; a funder's official sees only the
rows of the grants, budget lines and tables her own organisation funds, never another
funder's. Views load every funding record through these (see `koers.funding.access`).
"""

from __future__ import annotations

from typing import Any, Generic, Self, TypeVar

from django.apps import apps
from django.db import models

from koers.accounts.policy import organisations_with
from koers.accounts.roles import Capability

_Row = TypeVar("_Row", bound=models.Model)


class MoneyQuerySet(models.QuerySet[_Row], Generic[_Row]):
    """Rows with an `organisation` (whose money it is) and a `funder` (who pays it)."""

    def visible_to(self, user: Any) -> Self:
        """Rows of organisations whose money `user` may see: her own, or funded by hers."""
        own, funding = organisations_with(user, Capability.VIEW_FUNDING)
        return self.filter(models.Q(organisation_id__in=own) | models.Q(funder_id__in=funding))


class OfGrantQuerySet(models.QuerySet[_Row], Generic[_Row]):
    """Rows that belong to a grant (advances, obligations): visible with their grant."""

    def visible_to(self, user: Any) -> Self:
        grant: Any = apps.get_model("funding", "Grant")  # funding.models imports this module
        return self.filter(grant__in=grant.objects.visible_to(user))
