"""Querysets of signals with intent-named methods; `visible_to(user)` is the read-side half of
the policy.

Signals, categories and agenda items are held by the organisation that collects them. Its
staff with `VIEW_SIGNALS` see them whole (a signal holds no person). Funders' officials and
the board see figures only, through the analysis with small numbers suppressed
(`figure_holders_visible_to`). Client support cases have their own, narrower rule
(`koers.signals.access.cases_visible_to`): the supporter, her coordinator and the director."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from django.db import models

from koers.accounts.policy import organisations_with
from koers.accounts.roles import Capability

_Row = TypeVar("_Row", bound=models.Model)


def signal_holders_visible_to(user: Any) -> set[int]:
    """The holders whose signals (one by one), categories and agenda items `user` may see."""
    own, _funding = organisations_with(user, Capability.VIEW_SIGNALS)
    return own


class HeldQuerySet(models.QuerySet[_Row], Generic[_Row]):
    """Rows that carry `holder` themselves."""

    def visible_to(self, user: Any) -> HeldQuerySet[_Row]:
        return self.filter(holder_id__in=signal_holders_visible_to(user))

    def held_by(self, organisation_id: int) -> HeldQuerySet[_Row]:
        return self.filter(holder_id=organisation_id)
