"""Permission-checking getters of events and participants (out of her sight -> 404, not
hers to change -> 403) and what she may do with them."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from koers.accounts.policy import Scope, has_capability
from koers.accounts.roles import Capability
from koers.plans.access import can, require
from koers.plans.models import Programme
from koers.relations.models import Event, Participant


def programmes_to_record(user: Any) -> QuerySet[Programme]:
    """The programmes whose events and communications the user may record."""
    visible = Programme.objects.visible_to(user).select_related("plan")
    allowed = [p.pk for p in visible if can(user, Capability.RECORD_REALISATION, p)]
    return Programme.objects.filter(pk__in=allowed).order_by("order", "code")


def get_event_for_user(user: Any, pk: int, capability: Capability = Capability.VIEW_PLANS) -> Event:
    event = get_object_or_404(
        Event.objects.visible_to(user).select_related(
            "programme__plan", "activity", "municipality"
        ),
        pk=pk,
    )
    require(user, capability, event.programme)
    return event


def may_see_persons(user: Any, event: Event) -> bool:
    return has_capability(user, Capability.VIEW_PERSONS, Scope(organisation_id=event.holder_id))


def get_participant_for_user(user: Any, pk: int) -> Participant:
    participant = get_object_or_404(Participant.objects.select_related("event"), pk=pk)
    get_event_for_user(user, participant.event_id, Capability.RECORD_REALISATION)
    return participant
