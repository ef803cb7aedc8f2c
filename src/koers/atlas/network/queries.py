"""What the network page and its export read: the stored snapshot of one atlas and year, as
plain data. A fixed number of queries whatever the network's size, and no analysis here —
the worker computed it (`koers.atlas.network.services`)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db.models import Exists, OuterRef
from django.db.models.functions import Coalesce

from koers.accounts.policy import organisations_with
from koers.accounts.roles import Capability
from koers.atlas.managers import atlas_holders_visible_to
from koers.atlas.models import Initiative, NetworkSnapshot, NodeKind, NodeMetric, TieMetric

# Okabe–Ito: eight colours colour-blind readers can tell apart; later communities are grey.
COMMUNITY_COLOURS = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#000000",
)
OTHER_COMMUNITY_COLOUR = "#999999"
SORTS = {
    "rang": ("rank",),
    "naam": ("party_name",),
    "verbindingen": ("-degree", "rank"),
    "tussenpositie": ("-betweenness", "rank"),
    "nabijheid": ("-closeness", "rank"),
    "gemeenschap": ("community", "rank"),
}
WIDTH, HEIGHT, MARGIN = 960, 640, 36
BROKERS_LISTED = 10


def atlas_holders(user: Any) -> list[Any]:
    """The organisations whose atlas `user` may see: her own (as staff) first, then those
    whose programmes her organisation funds (as a funder's official); among those, the ones
    that keep an atlas at all before the ones that don't, then by name. So a funder of two
    organisations opens the one with initiatives, not the first by name."""
    organisation = apps.get_model("directory", "Organisation")
    own, _funding = organisations_with(user, Capability.VIEW_ATLAS)
    keeps_atlas = Exists(Initiative.objects.filter(holder_id=OuterRef("pk")))
    found = (
        organisation.objects.filter(atlas_holders_visible_to(user, field="pk"))
        .annotate(keeps_atlas=keeps_atlas)
        .order_by("name", "pk")
    )
    return sorted(found, key=lambda o: (o.pk not in own, not o.keeps_atlas))


@dataclass
class DrawnNode:
    metric: NodeMetric
    cx: float
    cy: float
    r: float
    colour: str


@dataclass
class NetworkPage:
    snapshot: NetworkSnapshot | None
    nodes: list[NodeMetric] = field(default_factory=list)
    drawn_nodes: list[DrawnNode] = field(default_factory=list)
    drawn_ties: list[dict[str, Any]] = field(default_factory=list)
    brokers: list[NodeMetric] = field(default_factory=list)
    articulation_points: list[NodeMetric] = field(default_factory=list)
    bridges: list[tuple[str, str]] = field(default_factory=list)
    what_if: list[dict[str, Any]] = field(default_factory=list)
    isolated_by_municipality: list[tuple[str, list[str]]] = field(default_factory=list)
    new_ties: list[tuple[str, str]] = field(default_factory=list)
    lost_ties: list[tuple[str, str]] = field(default_factory=list)
    rank_shifts: list[dict[str, Any]] = field(default_factory=list)
    years: list[int] = field(default_factory=list)


def community_colour(community: int) -> str:
    if 1 <= community <= len(COMMUNITY_COLOURS):
        return COMMUNITY_COLOURS[community - 1]
    return OTHER_COMMUNITY_COLOUR


def node_name(metric: NodeMetric) -> str:
    party = metric.initiative if metric.kind == NodeKind.INITIATIVE else metric.organisation
    return str(getattr(party, "name", ""))


def network_page(
    holder_id: int, year: int, *, sort: str = "rang", with_persons: bool = False
) -> NetworkPage:
    """The stored analysis of `holder_id`'s atlas in `year`. Contact persons are loaded
    only `with_persons` (staff who may see persons), never for funders or the board."""
    years = list(
        NetworkSnapshot.objects.filter(holder_id=holder_id)
        .order_by("-year")
        .values_list("year", flat=True)
    )
    snapshot = NetworkSnapshot.objects.filter(holder_id=holder_id, year=year).first()
    if snapshot is None:
        return NetworkPage(snapshot=None, years=years)
    related = ["initiative__municipality", "organisation"]
    if with_persons:
        related.append("initiative__contact")
    nodes: list[Any] = list(
        NodeMetric.objects.filter(snapshot=snapshot)
        .select_related(*related)
        .annotate(party_name=Coalesce("initiative__name", "organisation__name"))
        .order_by(*SORTS.get(sort, SORTS["rang"]), "pk")
    )
    by_id = {n.node_id: n for n in nodes}
    by_pk = {n.pk: n for n in nodes}
    names = {key: node_name(n) for key, n in by_id.items()}
    ranked = sorted(nodes, key=lambda n: n.rank)
    page = NetworkPage(
        snapshot=snapshot,
        nodes=nodes,
        brokers=[n for n in ranked if n.betweenness > 0][:BROKERS_LISTED],
        articulation_points=[n for n in ranked if n.is_articulation_point],
        years=years,
    )
    ties = list(TieMetric.objects.filter(snapshot=snapshot).order_by("pk"))
    page.bridges = [
        (node_name(by_pk[t.source_id]), node_name(by_pk[t.target_id])) for t in ties if t.is_bridge
    ]
    if snapshot.is_drawn:
        _draw(page, nodes, ties, by_pk)
    page.what_if = [
        {
            "count": figure["count"],
            "share": figure["share"],
            "removed": [names.get(key, "?") for key in figure["removed"]],
        }
        for figure in snapshot.fragility.get("what_if", [])
    ]
    isolated: dict[str, list[str]] = defaultdict(list)
    for n in ranked:
        if n.degree == 0 and n.kind == NodeKind.INITIATIVE and n.initiative is not None:
            isolated[n.initiative.municipality.name].append(n.initiative.name)
    page.isolated_by_municipality = sorted((m, sorted(v)) for m, v in isolated.items())
    _changes(page, snapshot.changes, names)
    return page


def _draw(
    page: NetworkPage, nodes: list[NodeMetric], ties: list[TieMetric], by_pk: dict[int, NodeMetric]
) -> None:
    """Positions in the SVG's coordinates; node radius from betweenness (4–20 px, by area)."""
    top = max((n.betweenness for n in nodes), default=0.0) or 1.0
    points: dict[int, tuple[float, float]] = {}
    for n in nodes:
        if n.x is None or n.y is None:
            continue
        cx = MARGIN + n.x * (WIDTH - 2 * MARGIN)
        cy = MARGIN + n.y * (HEIGHT - 2 * MARGIN)
        points[n.pk] = (cx, cy)
        radius = 4 + 16 * (n.betweenness / top) ** 0.5
        page.drawn_nodes.append(
            DrawnNode(
                n, round(cx, 1), round(cy, 1), round(radius, 1), community_colour(n.community)
            )
        )
    page.drawn_nodes.sort(key=lambda d: -d.metric.rank)  # the strongest brokers on top
    for t in ties:
        if t.source_id in points and t.target_id in points:
            (x1, y1), (x2, y2) = points[t.source_id], points[t.target_id]
            page.drawn_ties.append(
                {
                    "x1": round(x1, 1),
                    "y1": round(y1, 1),
                    "x2": round(x2, 1),
                    "y2": round(y2, 1),
                    "is_bridge": t.is_bridge,
                    "title": f"{node_name(by_pk[t.source_id])} – {node_name(by_pk[t.target_id])}",
                }
            )


def _changes(page: NetworkPage, changes: dict[str, Any], names: dict[str, str]) -> None:
    """Names for the ids the comparison stored; a party gone since is looked up (two
    queries at most), so a lost tie still says with whom."""
    ids = {key for pair in changes.get("new", []) + changes.get("lost", []) for key in pair}
    ids |= {shift[0] for shift in changes.get("rank_shifts", [])}
    missing = ids - set(names)
    initiative_pks = [int(k[1:]) for k in missing if k.startswith("i")]
    organisation_pks = [int(k[1:]) for k in missing if k.startswith("o")]
    if initiative_pks:
        for pk, name in Initiative.objects.filter(pk__in=initiative_pks).values_list("pk", "name"):
            names[f"i{pk}"] = name
    if organisation_pks:
        organisation = apps.get_model("directory", "Organisation")
        for pk, name in organisation.objects.filter(pk__in=organisation_pks).values_list(
            "pk", "name"
        ):
            names[f"o{pk}"] = name
    page.new_ties = [(names.get(a, "?"), names.get(b, "?")) for a, b in changes.get("new", [])]
    page.lost_ties = [(names.get(a, "?"), names.get(b, "?")) for a, b in changes.get("lost", [])]
    page.rank_shifts = [
        {"name": names.get(key, "?"), "before": before, "now": now, "up": now < before}
        for key, before, now in changes.get("rank_shifts", [])
    ]


def graph_rows(snapshot: NetworkSnapshot) -> tuple[list[NodeMetric], list[TieMetric]]:
    """The nodes and ties of a snapshot for the GraphML export (two queries)."""
    nodes = list(
        NodeMetric.objects.filter(snapshot=snapshot)
        .select_related("initiative__municipality", "organisation")
        .order_by("rank", "pk")
    )
    ties = list(TieMetric.objects.filter(snapshot=snapshot).order_by("pk"))
    return nodes, ties
