"""The pipeline of grants and the applications per funder."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Max, OuterRef, Q, QuerySet, Subquery, Sum

from koers.funding import pipeline
from koers.funding.models import Grant, GrantKind, GrantStatus, GrantStep
from koers.funding.queries.figures import ZERO


def with_step_dates(grants: QuerySet[Grant]) -> QuerySet[Grant]:
    """Each grant with the date it was last submitted (one subquery, no N+1)."""
    submitted = (
        GrantStep.objects.filter(grant=OuterRef("pk"), status=GrantStatus.SUBMITTED)
        .order_by("-on", "-id")
        .values("on")[:1]
    )
    return grants.annotate(submitted_on=Subquery(submitted))


@dataclass
class Stage:
    status: str
    label: str
    grants: list[Grant] = field(default_factory=list)
    requested: Decimal = ZERO
    granted: Decimal = ZERO


def pipeline_stages(grants: QuerySet[Grant]) -> list[Stage]:
    """The grants per status in pipeline order, with each stage's totals (from the database)."""
    stages: dict[str, Stage] = {
        status: Stage(status, str(GrantStatus(status).label))
        for status in [*pipeline.ORDER[:4], GrantStatus.REJECTED, *pipeline.ORDER[4:]]
    }
    totals = grants.values("status").annotate(
        requested=Sum("amount_requested"), granted=Sum("amount_granted")
    )
    for row in totals.order_by():
        stages[row["status"]].requested = row["requested"] or ZERO
        stages[row["status"]].granted = row["granted"] or ZERO
    for grant in with_step_dates(grants).select_related("funder").order_by("starts_on", "title"):
        stages[grant.status].grants.append(grant)
    return list(stages.values())


def applications_by_funder(grants: QuerySet[Grant]) -> list[dict[str, Any]]:
    return list(
        grants.exclude(kind=GrantKind.INSTITUTIONAL)
        .values("funder__name")
        .annotate(
            total=Count("id"),
            granted=Count("id", filter=Q(status__in=pipeline.DECIDED)),
            amount=Sum("amount_granted"),
            last=Max("starts_on"),
        )
        .order_by("funder__name")
    )
