"""Querysets with intent-named methods; `visible_to(user)` is the read-side half of the
policy for relations' records, and every page, getter and download starts from it.

Records held by an organisation (contacts, networks, opportunities, quotes) are seen by the
staff of that organisation with the capability to see persons; events hang off a programme
and are seen by whoever sees the programme (funders' officials included). The models are
not imported here (`models` imports this module); a model needed in a query is looked up
in the app registry."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from django.apps import apps
from django.db import models

from koers.accounts.policy import organisations_with
from koers.accounts.roles import Capability

_Row = TypeVar("_Row", bound=models.Model)


class HeldQuerySet(models.QuerySet[_Row], Generic[_Row]):
    """Records with a `holder`: visible to the staff of the holding organisation."""

    def visible_to(
        self, user: Any, capability: Capability = Capability.VIEW_PERSONS
    ) -> HeldQuerySet[_Row]:
        own, _funding = organisations_with(user, capability)
        return self.filter(holder_id__in=own)


class EventQuerySet(models.QuerySet[_Row], Generic[_Row]):
    """Events (and communication items): visible to whoever sees their programme."""

    def visible_to(self, user: Any) -> EventQuerySet[_Row]:
        programme = apps.get_model("plans", "Programme")
        return self.filter(programme__in=programme.objects.visible_to(user))
