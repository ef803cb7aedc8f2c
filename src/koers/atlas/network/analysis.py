"""The network analysis: pure functions over an undirected networkx graph of the ties active
in one year (no database here, so the figures can be checked by hand on small graphs).

Nodes are any hashable, sortable keys (the service uses ("initiative", pk) and
("organisation", pk)); an initiative that is a directory organisation is one node. What the
functions measure follows Kumu's metrics guide: betweenness marks the brokers, "key bridges
… single points of failure"; articulation points and bridges are the places where one loss
splits the network; "what if X stops" says how much of it stays together without its top
brokers.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

SEED = 18  # fixed, so communities, samples and layouts come out the same on every run
# Exact betweenness costs a shortest-path search from every node; above this many nodes a
# sample of `BETWEENNESS_SAMPLE` sources estimates it (networkx's k-sample approximation),
# which the page and bench/README.md say.
EXACT_BETWEENNESS_UP_TO = 2000
BETWEENNESS_SAMPLE = 500
WHAT_IF_COUNTS = (1, 3, 5)
# The drawing: a force-directed layout costs n² per round in pure Python (networkx's own
# spring_layout needs numpy, which Koers does not ship); a larger network is shown as a table.
DRAW_UP_TO = 300
LAYOUT_ROUNDS = 60


@dataclass(frozen=True)
class NodeFigures:
    degree: int
    betweenness: float
    closeness: float
    community: int
    is_articulation_point: bool
    rank: int  # 1 = the strongest broker (highest betweenness)


@dataclass
class Analysis:
    nodes: dict[Any, NodeFigures]
    bridges: list[tuple[Any, Any]]
    what_if: dict[int, dict[str, Any]]  # {k: {"removed": [...], "share": %}}
    largest_group_share: float  # % of the nodes in the largest connected group
    community_count: int
    sampled: int  # sources sampled for betweenness; 0 = exact
    layout: dict[Any, tuple[float, float]] = field(default_factory=dict)


def build_graph(
    nodes: Iterable[Hashable], ties: Iterable[tuple[Hashable, Hashable, dict[str, Any]]]
) -> nx.Graph:
    """An undirected graph of `nodes` (those without ties stay, as isolated nodes) and
    `ties` (a, b, attributes); several ties between one pair are one edge, self-ties none."""
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    for a, b, attributes in ties:
        if a != b:
            graph.add_edge(a, b, **attributes)
    return graph


def betweenness(graph: nx.Graph) -> tuple[dict[Any, float], int]:
    """Normalised betweenness per node, and how many sources were sampled (0: exact)."""
    n = graph.number_of_nodes()
    if n > EXACT_BETWEENNESS_UP_TO:
        k = min(BETWEENNESS_SAMPLE, n)
        return nx.betweenness_centrality(graph, k=k, normalized=True, seed=SEED), k
    return nx.betweenness_centrality(graph, normalized=True), 0


def communities(graph: nx.Graph) -> dict[Any, int]:
    """Louvain communities numbered 1, 2, … from the largest (ties: the smallest node)."""
    found = nx.community.louvain_communities(graph, seed=SEED) if graph.number_of_nodes() else []
    ordered = sorted(found, key=lambda group: (-len(group), min(_order(n) for n in group)))
    return {node: number for number, group in enumerate(ordered, 1) for node in group}


def articulation_points(graph: nx.Graph) -> set[Any]:
    return set(nx.articulation_points(graph))


def bridges(graph: nx.Graph) -> list[tuple[Any, Any]]:
    """Edges whose loss splits a group, each as (smaller, larger) node, sorted."""
    return sorted((ordered_pair(edge) for edge in nx.bridges(graph)), key=_pair)


def broker_ranking(graph: nx.Graph, between: dict[Any, float]) -> list[Any]:
    """Nodes from the strongest broker down: betweenness, then degree, then the node."""
    return sorted(graph.nodes, key=lambda n: (-between.get(n, 0.0), -graph.degree(n), _order(n)))


Counted = Callable[[Any], bool]


def _all(_node: Any) -> bool:
    return True


def largest_group_share(graph: nx.Graph, of: int | None = None, counted: Counted = _all) -> float:
    """% of `of` counted nodes (default: the graph's) in the connected group that holds the
    most of them. The atlas counts its initiatives only: the organisations they work with
    connect them, but the question is how many initiatives hang together."""
    total = sum(1 for n in graph.nodes if counted(n)) if of is None else of
    if not total or not graph.number_of_nodes():
        return 0.0
    largest = max(sum(1 for n in group if counted(n)) for group in nx.connected_components(graph))
    return 100.0 * largest / total


def what_if(
    graph: nx.Graph,
    ranking: list[Any],
    counts: Iterable[int] = WHAT_IF_COUNTS,
    counted: Counted = _all,
) -> dict[int, dict[str, Any]]:
    """For each k: which top-k brokers stop (`ranking` holds the brokers, strongest first;
    fewer than k when the network has fewer), and the % of the original counted nodes still
    in the largest connected group without them (the share of all, so losing a broker that
    is itself counted counts too)."""
    total = sum(1 for n in graph.nodes if counted(n))
    result: dict[int, dict[str, Any]] = {}
    for k in counts:
        removed = ranking[:k]
        rest = graph.subgraph(n for n in graph.nodes if n not in set(removed))
        result[k] = {"removed": removed, "share": largest_group_share(rest, total, counted)}
    return result


def isolated(graph: nx.Graph) -> list[Any]:
    return sorted(nx.isolates(graph), key=_order)


def analyse(graph: nx.Graph, *, draw: bool = True, counted: Counted = _all) -> Analysis:
    """Every figure of the network; the shares in the largest group are of the `counted`
    nodes (all by default; the atlas passes its initiatives)."""
    between, sampled = betweenness(graph)
    closeness = nx.closeness_centrality(graph)
    groups = communities(graph)
    cut_points = articulation_points(graph)
    ranking = broker_ranking(graph, between)
    ranks = {node: place for place, node in enumerate(ranking, 1)}
    figures = {
        node: NodeFigures(
            degree=graph.degree(node),
            betweenness=between.get(node, 0.0),
            closeness=closeness.get(node, 0.0),
            community=groups.get(node, 0),
            is_articulation_point=node in cut_points,
            rank=ranks[node],
        )
        for node in graph.nodes
    }
    return Analysis(
        nodes=figures,
        bridges=bridges(graph),
        what_if=what_if(graph, [n for n in ranking if between.get(n, 0.0) > 0], counted=counted),
        largest_group_share=largest_group_share(graph, counted=counted),
        community_count=len(set(groups.values())),
        sampled=sampled,
        layout=layout(graph) if draw and graph.number_of_nodes() <= DRAW_UP_TO else {},
    )


@dataclass(frozen=True)
class Comparison:
    new_ties: list[tuple[Any, Any]]
    lost_ties: list[tuple[Any, Any]]
    rank_shifts: list[tuple[Any, int, int]]  # (node, rank before, rank now), biggest moves first


def compare(
    before: nx.Graph, after: nx.Graph, ranks_before: dict[Any, int], ranks_after: dict[Any, int]
) -> Comparison:
    """Ties that appeared and ties that ended between two years, and how brokers moved in
    rank among the nodes present in both years."""
    edges_before = {ordered_pair(edge) for edge in before.edges}
    edges_after = {ordered_pair(edge) for edge in after.edges}
    shifts = [
        (node, ranks_before[node], ranks_after[node])
        for node in ranks_after
        if node in ranks_before and ranks_before[node] != ranks_after[node]
    ]
    shifts.sort(key=lambda s: (-abs(s[1] - s[2]), s[2], _order(s[0])))
    return Comparison(
        new_ties=sorted(edges_after - edges_before, key=_pair),
        lost_ties=sorted(edges_before - edges_after, key=_pair),
        rank_shifts=shifts,
    )


def layout(graph: nx.Graph, rounds: int = LAYOUT_ROUNDS) -> dict[Any, tuple[float, float]]:
    """A seeded Fruchterman–Reingold layout in the unit square (0–1), in pure Python: the
    same network gives the same drawing. Isolated nodes drift to the edge, as in Gephi."""
    nodes = sorted(graph.nodes, key=_order)
    if not nodes:
        return {}
    if len(nodes) == 1:
        return {nodes[0]: (0.5, 0.5)}
    rng = random.Random(SEED)  # noqa: S311 (a seeded layout, not a secret)
    pos = {n: [rng.random(), rng.random()] for n in nodes}
    k = math.sqrt(1.0 / len(nodes))  # the ideal distance between two nodes
    temperature = 0.1
    for _round in range(rounds):
        shift = {n: [0.0, 0.0] for n in nodes}
        for i, a in enumerate(nodes):
            ax, ay = pos[a]
            for b in nodes[i + 1 :]:
                dx, dy = ax - pos[b][0], ay - pos[b][1]
                distance = max(math.hypot(dx, dy), 0.001)
                push = k * k / distance / distance
                shift[a][0] += dx * push
                shift[a][1] += dy * push
                shift[b][0] -= dx * push
                shift[b][1] -= dy * push
        for a, b in graph.edges:
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            distance = max(math.hypot(dx, dy), 0.001)
            pull = distance / k
            shift[a][0] -= dx * pull
            shift[a][1] -= dy * pull
            shift[b][0] += dx * pull
            shift[b][1] += dy * pull
        for n in nodes:
            length = max(math.hypot(*shift[n]), 0.001)
            step = min(length, temperature)
            pos[n][0] += shift[n][0] / length * step
            pos[n][1] += shift[n][1] / length * step
        temperature *= 0.95
    return _fitted(pos)


def _fitted(pos: dict[Any, list[float]]) -> dict[Any, tuple[float, float]]:
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    width = max(max(xs) - min(xs), 1e-9)
    height = max(max(ys) - min(ys), 1e-9)
    return {n: ((p[0] - min(xs)) / width, (p[1] - min(ys)) / height) for n, p in pos.items()}


def _order(node: Any) -> str:
    return str(node)


def ordered_pair(edge: tuple[Any, Any]) -> tuple[Any, Any]:
    a, b = edge
    return (a, b) if _order(a) <= _order(b) else (b, a)


def _pair(edge: tuple[Any, Any]) -> tuple[str, str]:
    return (_order(edge[0]), _order(edge[1]))
