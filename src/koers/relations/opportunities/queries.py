"""The read side of the pipeline page."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet, Sum

from koers.relations.models import Opportunity, OpportunityStatus


def pipeline_summary(rows: QuerySet[Opportunity]) -> list[dict[str, Any]]:
    """Count, hours and amount per status, in the pipeline's order, in one grouped query."""
    found = {
        row["status"]: row
        for row in rows.order_by()
        .values("status")
        .annotate(count=Count("id"), hours=Sum("hours"), amount=Sum("amount"))
    }
    empty = {"count": 0, "hours": None, "amount": None}
    return [
        {**empty, **found.get(status, {}), "status": status, "label": label}
        for status, label in OpportunityStatus.choices
    ]
