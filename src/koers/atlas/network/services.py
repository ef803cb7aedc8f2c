"""Computing and storing a year's network snapshot (the worker's task and the command call it).

`snapshot_store` is what the task, the management command and the tests call: it reads
the atlas's ties active in the year, analyses them (`analysis.analyse`) and replaces that
year's snapshot in one transaction, so a page never sees half of one."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from koers.atlas.models import (
    NetworkSnapshot,
    NodeKind,
    NodeMetric,
    TieMetric,
)
from koers.atlas.network import analysis
from koers.atlas.network.graph import Node, node_id, year_graph
from koers.core.audit import audit_write

CHANGES_LISTED = 50  # new and lost ties and rank shifts kept for the page; counts are whole
BATCH = 2000


def snapshot_store(*, holder_id: int, year: int, actor: Any = None) -> NetworkSnapshot:
    """Analyse `holder_id`'s network in `year` and store it, replacing that year's snapshot
    (with its node and tie rows) in one transaction. The comparison with the year before
    uses that year's stored broker ranks when there is a snapshot, else computes them."""
    graph = year_graph(holder_id, year)
    # The shares in the largest group are of the atlas's initiatives (the measure);
    # the organisations they work with connect them but are not what is counted.
    result = analysis.analyse(graph, counted=lambda node: node[0] == NodeKind.INITIATIVE.value)
    changes = _changes(holder_id, year, graph, {n: f.rank for n, f in result.nodes.items()})
    bridges = set(result.bridges)
    with transaction.atomic():
        NetworkSnapshot.objects.filter(holder_id=holder_id, year=year).delete()
        isolated = [n for n, f in result.nodes.items() if f.degree == 0]
        snapshot = NetworkSnapshot.objects.create(
            holder_id=holder_id,
            year=year,
            computed_at=timezone.now(),
            node_count=graph.number_of_nodes(),
            tie_count=graph.number_of_edges(),
            initiative_count=sum(1 for n in graph.nodes if n[0] == NodeKind.INITIATIVE),
            isolated_count=sum(1 for n in isolated if n[0] == NodeKind.INITIATIVE),
            community_count=result.community_count,
            largest_group_share=Decimal(str(round(result.largest_group_share, 1))),
            betweenness_sample=result.sampled,
            fragility={
                "what_if": [
                    {
                        "count": k,
                        "removed": [node_id(n) for n in figure["removed"]],
                        "share": round(figure["share"], 1),
                    }
                    for k, figure in sorted(result.what_if.items())
                ],
                "bridge_count": len(bridges),
            },
            changes=changes,
            is_drawn=bool(result.layout),
        )
        rows = {
            node: NodeMetric(
                snapshot=snapshot,
                kind=node[0],
                initiative_id=node[1] if node[0] == NodeKind.INITIATIVE else None,
                organisation_id=node[1] if node[0] == NodeKind.ORGANISATION else None,
                degree=figures.degree,
                betweenness=figures.betweenness,
                closeness=figures.closeness,
                community=figures.community,
                is_articulation_point=figures.is_articulation_point,
                rank=figures.rank,
                x=result.layout[node][0] if node in result.layout else None,
                y=result.layout[node][1] if node in result.layout else None,
            )
            for node, figures in result.nodes.items()
        }
        NodeMetric.objects.bulk_create(rows.values(), batch_size=BATCH)
        TieMetric.objects.bulk_create(
            (
                TieMetric(
                    snapshot=snapshot,
                    source=rows[a],
                    target=rows[b],
                    kinds=",".join(sorted(tie["kinds"])),
                    themes=", ".join(sorted(tie["themes"]))[:300],
                    since=tie["since"],
                    is_bridge=analysis.ordered_pair((a, b)) in bridges,
                )
                for a, b, tie in graph.edges(data=True)
            ),
            batch_size=BATCH,
        )
        audit_write(
            actor=actor,
            action="network.computed",
            instance=snapshot,
            after={"year": year, "nodes": snapshot.node_count, "ties": snapshot.tie_count},
        )
    return snapshot


def _changes(holder_id: int, year: int, graph: Any, ranks: dict[Node, int]) -> dict[str, Any]:
    before = year_graph(holder_id, year - 1)
    stored = NodeMetric.objects.filter(snapshot__holder_id=holder_id, snapshot__year=year - 1)
    ranks_before: dict[Node, int] = {
        ((NodeKind.INITIATIVE.value, i) if i else (NodeKind.ORGANISATION.value, o)): rank
        for i, o, rank in stored.values_list("initiative_id", "organisation_id", "rank")
    }
    if not ranks_before and before.number_of_nodes():
        between, _sampled = analysis.betweenness(before)
        ranking = analysis.broker_ranking(before, between)
        ranks_before = {node: place for place, node in enumerate(ranking, 1)}
    comparison = analysis.compare(before, graph, ranks_before, ranks)
    return {
        "previous_year": year - 1,
        "new_count": len(comparison.new_ties),
        "lost_count": len(comparison.lost_ties),
        "new": [[node_id(a), node_id(b)] for a, b in comparison.new_ties[:CHANGES_LISTED]],
        "lost": [[node_id(a), node_id(b)] for a, b in comparison.lost_ties[:CHANGES_LISTED]],
        "rank_shifts": [
            [node_id(n), was, now] for n, was, now in comparison.rank_shifts[:CHANGES_LISTED]
        ],
    }
