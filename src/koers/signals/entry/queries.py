"""Read side of recorded signals: the list, one signal's route, and the residents waiting
to hear back. Every count is made in the database."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from koers.signals.models import AgendaItem, AgendaStep, Signal, SignalContact
from koers.signals.models.choices import AgendaStatus


def signals_for(user: Any) -> QuerySet[Signal]:
    """The signals `user` may see one by one, with what the list shows."""
    return (
        Signal.objects.visible_to(user)
        .select_related("category__parent", "municipality")
        .annotate(agenda_count=Count("agenda_items", distinct=True))
    )


def years_of(user: Any) -> list[int]:
    return list(
        Signal.objects.visible_to(user)
        .order_by("-iso_year")
        .values_list("iso_year", flat=True)
        .distinct()
    )


@dataclass(frozen=True)
class RouteStep:
    """One step of a signal's route: what happened, when (a week, a date or a moment), and
    on which agenda item when it was there."""

    label: str
    when: Any
    item: AgendaItem | None = None
    note: str = ""


def agenda_items_of(signal: Signal) -> list[AgendaItem]:
    """The agenda items that bundle `signal`, each with its meeting and dated steps."""
    return list(
        signal.agenda_items.select_related("meeting")
        .prefetch_related(Prefetch("steps", queryset=AgendaStep.objects.order_by("on", "pk")))
        .order_by("pk")
    )


def route_of(signal: Signal, items: list[AgendaItem]) -> list[RouteStep]:
    """Received, interpreted, put on an agenda, fed back: the steps it went through, in
    order (those it has not reached are not made up)."""
    steps = [RouteStep(_("Received"), signal.week_label)]
    if signal.interpreted_at is not None:
        steps.append(RouteStep(_("Interpreted"), signal.interpreted_at))
    for item in items:
        for step in item.steps.all():
            if step.status == AgendaStatus.NIEUW:
                steps.append(RouteStep(_("Bundled into an agenda item"), step.on, item, step.note))
            elif step.status == AgendaStatus.GEAGENDEERD:
                steps.append(RouteStep(_("Put on the agenda"), step.on, item, step.note))
            elif step.status == AgendaStatus.TERUGGEKOPPELD:
                steps.append(RouteStep(_("Fed back"), step.on, item, item.fed_back_to))
            elif step.status == AgendaStatus.GEDUID:
                steps.append(RouteStep(_("Agenda item interpreted"), step.on, item, step.note))
    return steps


def contacts_for(user: Any, *, waiting_only: bool) -> QuerySet[SignalContact]:
    rows = SignalContact.objects.visible_to(user).select_related("signal__category__parent")
    if waiting_only:
        rows = rows.filter(answered_on__isnull=True)
    return rows


def get_contact_for_user(user: Any, pk: int) -> SignalContact:
    return get_object_or_404(SignalContact.objects.visible_to(user), pk=pk)
