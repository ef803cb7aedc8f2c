"""The pipeline of grants and the applications per funder."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Case, Count, Max, OuterRef, Q, QuerySet, Subquery, Sum, Value, When

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


PIPELINE = [*pipeline.ORDER[:4], GrantStatus.REJECTED, *pipeline.ORDER[4:]]


def pipeline_position() -> Case:
    """A grant's place in the pipeline (idea first, settled last), to sort by status in
    the order of the steps rather than by the status's name."""
    return Case(*(When(status=status, then=Value(n)) for n, status in enumerate(PIPELINE)))


@dataclass
class Stage:
    status: str
    label: str
    count: int = 0
    requested: Decimal = ZERO
    granted: Decimal = ZERO


def pipeline_stages(grants: QuerySet[Grant]) -> list[Stage]:
    """How many grants each status holds, in pipeline order, with each stage's totals (one
    grouped query; the grants themselves are the paged list beside it)."""
    stages: dict[str, Stage] = {
        status: Stage(status, str(GrantStatus(status).label)) for status in PIPELINE
    }
    totals = grants.values("status").annotate(
        count=Count("id"), requested=Sum("amount_requested"), granted=Sum("amount_granted")
    )
    for row in totals.order_by():
        stage = stages[row["status"]]
        stage.count = row["count"]
        stage.requested = row["requested"] or ZERO
        stage.granted = row["granted"] or ZERO
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
