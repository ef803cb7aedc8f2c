"""The mails of placements, composed by the worker: to the candidate and to the care
organisation when a placement is confirmed. The organisation is reached through its
contacts' accounts (the care contact's role), or else a current contact person of it in the
directory of the pool's holder."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.accounts.roles import REQUESTER_ROLES
from koers.directory.models import Person
from koers.matching.models import HelpRequest, Placement, Shift


def organisation_addresses(request: HelpRequest) -> list[str]:
    users = (
        get_user_model()
        .objects.filter(
            is_active=True,
            memberships__organisation_id=request.requester_id,
            memberships__role__in=REQUESTER_ROLES,
        )
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    found = sorted(set(users))
    if found:
        return found
    person = (
        Person.objects.filter(
            holder_id=request.holder_id,
            positions__organisation_id=request.requester_id,
            positions__ended_on__isnull=True,
        )
        .exclude(email="")
        .order_by("pk")
        .first()
    )
    return [person.email] if person is not None else []


def shift_facts(shift: Shift) -> dict[str, Any]:
    start = timezone.localtime(shift.starts_at)
    end = timezone.localtime(shift.ends_at)
    request = shift.request
    return {
        "organisation": request.requester.name,
        "day": start.date().isoformat(),
        "start": start.strftime("%H:%M"),
        "end": end.strftime("%H:%M") + ("" if end.date() == start.date() else f" ({end.date()})"),
        "address": request.address or request.municipality.name,
        "role": request.get_role_display().lower(),
    }


def placement_confirmed_messages(placement_id: int) -> list[tuple[str, str, str]]:
    placement = Placement.objects.select_related(
        "candidate__person", "shift__request__requester", "shift__request__municipality"
    ).get(pk=placement_id)
    facts = shift_facts(placement.shift)
    messages = []
    person = placement.candidate.person
    if person is not None and person.email:
        subject = _("You are placed: %(organisation)s, %(day)s") % facts
        body = _(
            "Dear %(name)s,\n\nThank you for helping. You are placed as %(role)s at "
            "%(organisation)s on %(day)s from %(start)s to %(end)s, at %(address)s.\n\n"
            "If you cannot come after all, please let us know as soon as you can.\n"
        ) % {**facts, "name": person.first_name or str(person)}
        messages.append((person.email, subject, body))
    subject = _("Extra hands confirmed: %(day)s from %(start)s") % facts
    body = _(
        "Hello,\n\nFor your request for extra hands, %(name)s is placed as %(role)s on "
        "%(day)s from %(start)s to %(end)s at %(address)s.\n\n"
        "You find the request and who is placed on it in Koers.\n"
    ) % {**facts, "name": str(placement.candidate)}
    messages += [
        (address, subject, body) for address in organisation_addresses(placement.shift.request)
    ]
    return messages
