"""Read side of client support: the cases she may open with their counts, one case's
contacts and signals, the kinds of support and the volunteers, each in a fixed number of
queries."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Max, Q, QuerySet
from django.shortcuts import get_object_or_404

from koers.core.reference import default_reference
from koers.signals.access import cases_visible_to
from koers.signals.cases.rules import kept_case_types, support_holders
from koers.signals.models import Case, CaseType, Client, Signal, SupportVolunteer


def cases_for(user: Any) -> QuerySet[Case]:
    """The cases she may open, with their client, kind, supporter and contacts counted."""
    return (
        Case.objects.filter(cases_visible_to(user))
        .select_related("client", "case_type", "supporter")
        .annotate(contact_count=Count("contacts"), last_contact_on=Max("contacts__on"))
    )


def clients_for(user: Any, holder_id: int) -> QuerySet[Client]:
    """The clients of the cases she may open: the ones she may open a new case for."""
    return Client.objects.filter(
        holder_id=holder_id,
        pk__in=Case.objects.filter(cases_visible_to(user)).values("client_id"),
    )


def contacts_of(case: Case) -> dict[str, Any]:
    contacts = list(case.contacts.all())
    return {
        "contacts": contacts,
        "contact_minutes": sum(contact.minutes for contact in contacts),
    }


def signals_raised_from(case: Case) -> list[Signal]:
    return list(
        case.raised_signals.select_related("category__parent", "municipality").order_by(
            "-iso_year", "-iso_week", "-pk"
        )
    )


def case_types_for(user: Any) -> QuerySet[CaseType]:
    """The kinds of support of the organisations she gives or supervises support in, with
    their open cases and active volunteers counted."""
    today = default_reference()
    return (
        CaseType.objects.filter(holder_id__in=support_holders(user))
        .select_related("activity__programme")
        .annotate(
            open_cases=Count("cases", filter=Q(cases__closed_on__isnull=True), distinct=True),
            active_volunteers=Count(
                "volunteers",
                filter=Q(volunteers__started_on__lte=today)
                & (Q(volunteers__ended_on__isnull=True) | Q(volunteers__ended_on__gte=today)),
                distinct=True,
            ),
        )
        .order_by("-active", "name", "pk")
    )


def kept_case_types_for(user: Any, holder_id: int) -> QuerySet[CaseType]:
    return CaseType.objects.filter(kept_case_types(user), holder_id=holder_id).order_by("name")


def get_case_type_for_user(user: Any, pk: int) -> CaseType:
    """A kind of support she keeps (404 otherwise)."""
    return get_object_or_404(
        CaseType.objects.filter(kept_case_types(user)).select_related("activity__programme"),
        pk=pk,
    )


def volunteers_for(user: Any) -> QuerySet[SupportVolunteer]:
    return SupportVolunteer.objects.filter(holder_id__in=support_holders(user)).select_related(
        "person", "case_type"
    )


def get_volunteer_for_user(user: Any, pk: int) -> SupportVolunteer:
    """A volunteer of a kind of support she keeps (404 otherwise)."""
    return get_object_or_404(
        SupportVolunteer.objects.filter(
            case_type__in=CaseType.objects.filter(kept_case_types(user))
        ).select_related("person", "case_type__activity"),
        pk=pk,
    )
