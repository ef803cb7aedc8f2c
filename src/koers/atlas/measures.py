"""Derived measures of the atlas, registered with `plans`, so PG-2.1's indicators count
themselves. Each reads the atlas of the organisation whose plan holds the indicator (the
indicator's programme's plan's organisation = the atlas's holder).

- `atlas.initiatives`: initiatives in the atlas (the atlas keeps no start dates, so: as it
  stands); `measure_params` may narrow to a theme ("theme": its code) and a municipality
  ("municipality": its CBS code, e.g. "GM0034").
- `atlas.collaborations`: ties active at some time in the period (narrowed by theme, and
  by municipality: ties with an initiative of that municipality at either end).
- `atlas.largest_group_share`: % of the initiatives in the largest connected group, and
- `atlas.isolated_initiatives`: initiatives without a tie (narrowed by municipality), both
  from the stored snapshot of the year the period ends in (no value when none is stored).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from koers.plans.measures import Measure, Parameter, register


def _holder(indicator: Any) -> int:
    return int(indicator.activity.programme.plan.organisation_id)


def _param(indicator: Any, name: str) -> str:
    return str((indicator.measure_params or {}).get(name, "")).strip()


def _initiatives(indicator: Any, start: dt.date, end: dt.date) -> QuerySet[Any]:
    from koers.atlas.models import Initiative

    initiatives = Initiative.objects.held_by(_holder(indicator))
    if theme := _param(indicator, "theme"):
        initiatives = initiatives.filter(themes__slug=theme)
    if municipality := _param(indicator, "municipality"):
        initiatives = initiatives.filter(municipality__code=municipality)
    return initiatives.order_by("name", "pk")


def _collaborations(indicator: Any, start: dt.date, end: dt.date) -> QuerySet[Any]:
    from koers.atlas.models import Collaboration

    ties = (
        Collaboration.objects.held_by(_holder(indicator))
        .filter(started_on__lte=end)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=start))
    )
    if theme := _param(indicator, "theme"):
        ties = ties.filter(theme__slug=theme)
    if municipality := _param(indicator, "municipality"):
        ties = ties.filter(
            Q(from_initiative__municipality__code=municipality)
            | Q(to_initiative__municipality__code=municipality)
        )
    return ties.select_related(
        "from_initiative", "from_organisation", "to_initiative", "to_organisation"
    ).order_by("started_on", "pk")


def _snapshot(indicator: Any, end: dt.date) -> Any:
    from koers.atlas.models import NetworkSnapshot

    return NetworkSnapshot.objects.filter(holder_id=_holder(indicator), year=end.year).first()


def _largest_group_share(indicator: Any, start: dt.date, end: dt.date) -> Decimal | None:
    snapshot = _snapshot(indicator, end)
    return snapshot.largest_group_share if snapshot else None


def _isolated(indicator: Any, start: dt.date, end: dt.date) -> QuerySet[Any]:
    from koers.atlas.models import Initiative, NodeKind

    snapshot = _snapshot(indicator, end)
    if snapshot is None:
        return Initiative.objects.none()
    isolated = Initiative.objects.filter(
        network_figures__snapshot=snapshot,
        network_figures__kind=NodeKind.INITIATIVE,
        network_figures__degree=0,
    )
    if municipality := _param(indicator, "municipality"):
        isolated = isolated.filter(municipality__code=municipality)
    return isolated.order_by("name", "pk")


def _isolated_count(indicator: Any, start: dt.date, end: dt.date) -> Decimal | None:
    if _snapshot(indicator, end) is None:
        return None
    return Decimal(_isolated(indicator, start, end).count())


def _count(records: Any) -> Any:
    return lambda indicator, start, end: Decimal(records(indicator, start, end).count())


def _municipalities(_indicator: Any) -> list[tuple[str, Any]]:
    from koers.core.models import Municipality

    return [(m.code, m.name) for m in Municipality.objects.order_by("name")]


THEME = Parameter(
    "theme",
    _("Theme"),
    help_text=_("The theme's short name (slug), as in the atlas's address when filtered by it."),
)
MUNICIPALITY = Parameter("municipality", _("Municipality"), choices=_municipalities)

MEASURES = [
    Measure(
        key="atlas.initiatives",
        label=_("Initiatives in the atlas (of one theme or municipality, if named)"),
        compute=_count(_initiatives),
        records=_initiatives,
        counts_records=True,
        parameters=(
            THEME,
            MUNICIPALITY,
        ),
    ),
    Measure(
        key="atlas.collaborations",
        label=_("Collaborations in the atlas active in the period"),
        compute=_count(_collaborations),
        records=_collaborations,
        counts_records=True,
        parameters=(
            THEME,
            MUNICIPALITY,
        ),
    ),
    Measure(
        key="atlas.largest_group_share",
        label=_("Share of the initiatives in the largest connected group (%)"),
        compute=_largest_group_share,
    ),
    Measure(
        key="atlas.isolated_initiatives",
        label=_("Initiatives without any tie in the network"),
        compute=_isolated_count,
        records=_isolated,
        counts_records=True,
        parameters=(MUNICIPALITY,),
    ),
]


def register_all() -> None:
    for measure in MEASURES:
        register(measure)
