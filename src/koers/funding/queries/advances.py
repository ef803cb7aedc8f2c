"""The advances to invoice in a quarter."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet, Sum

from koers.core.periods import Quarter
from koers.funding.models import Advance, Grant
from koers.funding.queries.figures import ZERO


@dataclass
class AdvancesOverview:
    quarter: Quarter
    to_invoice: list[Advance]
    outstanding: list[Advance]
    paid: list[Advance]
    totals: dict[str, Decimal]


def advances_overview(grants: QuerySet[Grant], quarter: Quarter) -> AdvancesOverview:
    """What to invoice by the end of `quarter` (not yet sent), what is sent but unpaid, and
    what was paid in the quarter."""
    advances = Advance.objects.filter(grant__in=grants).select_related("grant__funder")
    to_invoice = advances.filter(sent_on__isnull=True, due_on__lte=quarter.end)
    outstanding = advances.filter(sent_on__isnull=False, paid_on__isnull=True)
    paid = advances.filter(paid_on__gte=quarter.start, paid_on__lte=quarter.end)
    sums = advances.aggregate(
        to_invoice=Sum("amount", filter=Q(sent_on__isnull=True, due_on__lte=quarter.end)),
        outstanding=Sum("amount", filter=Q(sent_on__isnull=False, paid_on__isnull=True)),
        paid=Sum("amount", filter=Q(paid_on__gte=quarter.start, paid_on__lte=quarter.end)),
    )
    return AdvancesOverview(
        quarter=quarter,
        to_invoice=list(to_invoice),
        outstanding=list(outstanding),
        paid=list(paid),
        totals={key: value or ZERO for key, value in sums.items()},
    )
