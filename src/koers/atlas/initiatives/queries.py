"""Read side of the records pages: what one initiative's page shows, the collaborations'
list, and the review queue. Every function costs a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce, Lower

from koers.atlas.initiatives.links import PROPOSABLE, as_json
from koers.atlas.models import (
    DIMENSIONS,
    ChangeStatus,
    Collaboration,
    Initiative,
    ProposedChange,
    Theme,
)
from koers.core.models import Municipality

TIE_PARTIES = ("from_initiative", "from_organisation", "to_initiative", "to_organisation", "theme")


def ties_of(initiative: Initiative) -> QuerySet[Collaboration]:
    """The initiative's ties, in and out, including those entered for its directory
    organisation. One query."""
    condition = Q(from_initiative=initiative) | Q(to_initiative=initiative)
    if initiative.organisation_id:
        condition |= Q(from_organisation_id=initiative.organisation_id) | Q(
            to_organisation_id=initiative.organisation_id
        )
    return (
        Collaboration.objects.filter(holder_id=initiative.holder_id)
        .filter(condition)
        .select_related(*TIE_PARTIES)
        .order_by("-started_on", "pk")
    )


def collaborations_for(user: Any) -> QuerySet[Collaboration]:
    """The ties she may see, with their parties' names to sort by."""
    return (
        Collaboration.objects.visible_to(user)
        .select_related(*TIE_PARTIES)
        .annotate(
            from_name=Lower(Coalesce("from_initiative__name", "from_organisation__name")),
            to_name=Lower(Coalesce("to_initiative__name", "to_organisation__name")),
        )
    )


@dataclass(frozen=True)
class ChangedField:
    label: Any
    now: Any
    proposed: Any


def _shown(name: str, value: Any, themes: dict[int, str], places: dict[int, str]) -> Any:
    if name == "themes":
        return ", ".join(themes.get(pk, "?") for pk in value) or "—"
    if name == "municipality":
        return places.get(value, "?")
    return "—" if value in (None, "") else value


LABELS = {
    "name": Initiative._meta.get_field("name").verbose_name,
    "description": Initiative._meta.get_field("description").verbose_name,
    "themes": Initiative._meta.get_field("themes").verbose_name,
    "website": Initiative._meta.get_field("website").verbose_name,
    "target_groups": Initiative._meta.get_field("target_groups").verbose_name,
    "municipality": Initiative._meta.get_field("municipality").verbose_name,
    "latitude": Initiative._meta.get_field("latitude").verbose_name,
    "longitude": Initiative._meta.get_field("longitude").verbose_name,
    **{d.field: d.label for d in DIMENSIONS},
}


def review_queue(holder_id: int) -> list[tuple[ProposedChange, list[ChangedField]]]:
    """The open proposals of the holder's atlas, each with the fields it changes (now →
    proposed). Four queries, whatever their number."""
    changes = list(
        ProposedChange.objects.filter(initiative__holder_id=holder_id, status=ChangeStatus.PENDING)
        .select_related("initiative", "initiative__municipality")
        .prefetch_related("initiative__themes")
    )
    themes = dict(Theme.objects.values_list("pk", "name"))
    place_ids = {c.values.get("municipality") for c in changes} | {
        c.initiative.municipality_id for c in changes
    }
    places = dict(Municipality.objects.filter(pk__in=place_ids).values_list("pk", "name"))
    queue = []
    for change in changes:
        initiative = change.initiative
        now = as_json(
            {
                **{name: getattr(initiative, name) for name in PROPOSABLE},
                "themes": sorted(theme.pk for theme in initiative.themes.all()),
                "municipality": initiative.municipality_id,
            }
        )
        rows = [
            ChangedField(
                LABELS[name],
                _shown(name, now.get(name), themes, places),
                _shown(name, change.values.get(name), themes, places),
            )
            for name in PROPOSABLE
            if change.values.get(name) != now.get(name)
        ]
        queue.append((change, rows))
    return queue


def _point(initiative: Any) -> list[float] | None:
    if initiative is None or initiative.latitude is None:
        return None
    return [float(initiative.longitude), float(initiative.latitude)]


def collaborations_geojson(ties: QuerySet[Collaboration]) -> dict[str, Any]:
    """The ties as GeoJSON lines between their parties' points, for GIS users: an
    organisation's point is that of its entry in the same atlas. A tie with an end that has
    no point is left out and counted in `properties.without_point`. Two queries, whatever
    the number of ties; parties are initiatives and organisations, never persons."""
    rows = list(ties)
    organisation_ids = {
        pk for tie in rows for pk in (tie.from_organisation_id, tie.to_organisation_id) if pk
    }
    located: dict[tuple[int, int | None], list[float]] = {
        (holder_id, organisation_id): [float(str(lon)), float(str(lat))]
        for holder_id, organisation_id, lat, lon in Initiative.objects.filter(
            organisation_id__in=organisation_ids, latitude__isnull=False
        ).values_list("holder_id", "organisation_id", "latitude", "longitude")
    }

    def end(tie: Collaboration, initiative: Any, organisation_id: int | None) -> Any:
        return _point(initiative) or located.get((tie.holder_id, organisation_id))

    features, without_point = [], 0
    for tie in rows:
        start = end(tie, tie.from_initiative, tie.from_organisation_id)
        finish = end(tie, tie.to_initiative, tie.to_organisation_id)
        if start is None or finish is None:
            without_point += 1
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "LineString", "coordinates": [start, finish]},
                "properties": {
                    "from": str(tie.from_party),
                    "to": str(tie.to_party),
                    "kind": tie.kind,
                    "theme": tie.theme.name if tie.theme else None,
                    "since": tie.started_on.isoformat(),
                    "until": tie.ended_on.isoformat() if tie.ended_on else None,
                    "source": tie.source,
                    "derived_from": tie.derivation or None,
                    "internal": tie.is_internal,
                },
            }
        )
    return {
        "type": "FeatureCollection",
        "properties": {"without_point": without_point},
        "features": features,
    }
