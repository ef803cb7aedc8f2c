"""Which organisations worked with a programme, as conditions on `Organisation` made of
subqueries, so the directory's filter and the measure of active organisations each stay one
query however many rows they match (no joins that repeat an organisation, no DISTINCT).
They read relations' records (events, contacts, projects), so they live in relations; the
directory's pages use them from here."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet

from koers.directory.models import Organisation
from koers.relations.models import Event, Interaction, Participant


def at_events(events: QuerySet[Event]) -> Q:
    """Co-organised one of `events`, or attended one (registered and marked present)."""
    organisers = Event.co_organisers.through.objects.filter(event__in=events)
    present = Participant.objects.filter(event__in=events, attended=True)
    return Q(pk__in=organisers.values("organisation_id")) | Q(
        pk__in=present.values("organisation_id")
    )


def on_contacts(contacts: QuerySet[Interaction], *, at_least: int = 1) -> Q:
    """Named on at least `at_least` of `contacts`."""
    links: Any = Interaction.organisations.through.objects.filter(interaction__in=contacts)
    if at_least > 1:
        links = (
            links.values("organisation_id")
            .annotate(contacts=Count("interaction_id"))
            .filter(contacts__gte=at_least)
        )
    return Q(pk__in=links.values("organisation_id"))


def partners_of_projects(programme_id: int) -> Q:
    """Partner of a project of the programme. Projects are the work app's; the relation is
    followed by its name, so relations does not import work."""
    partners = Organisation.objects.filter(partner_projects__programme_id=programme_id)
    return Q(pk__in=partners.values("pk"))


def worked_with(programme_id: int, *, with_contacts: bool) -> Q:
    """Organisations that worked with the programme, ever: co-organised or attended its
    events, are partner of its projects, and (`with_contacts`, for those who may see the
    holder's contacts) appear on its contacts."""
    condition = at_events(Event.objects.filter(programme_id=programme_id))
    condition |= partners_of_projects(programme_id)
    if with_contacts:
        condition |= on_contacts(Interaction.objects.filter(programme_id=programme_id))
    return condition
