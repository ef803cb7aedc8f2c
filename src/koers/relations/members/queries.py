"""The read side of member employers."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from koers.relations.models import EmployerMembership


def members_on(holder_id: int, day: dt.date) -> QuerySet[EmployerMembership]:
    """The memberships running on `day`."""
    return EmployerMembership.objects.filter(holder_id=holder_id, started_on__lte=day).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=day)
    )
