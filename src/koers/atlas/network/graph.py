"""The network of an atlas in a year as a networkx graph, read from its ties (a read: the
analysis and the stored snapshot build on it)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from koers.atlas.models import Collaboration, Initiative, NodeKind
from koers.atlas.network import analysis

Node = tuple[str, int]  # ("initiative", pk) | ("organisation", pk)
BATCH = 2000


def node_id(node: Node) -> str:
    return f"{node[0][0]}{node[1]}"


def year_graph(holder_id: int, year: int) -> Any:
    """The undirected graph of `holder_id`'s atlas in `year`: every initiative (those without
    a tie too) and every directory organisation on a tie active that year; an initiative that
    is a directory organisation is one node. Ties between one pair are merged into one edge
    with their kinds, themes and earliest start."""
    as_initiative = dict(
        Initiative.objects.held_by(holder_id)
        .filter(organisation__isnull=False)
        .values_list("organisation_id", "pk")
    )

    def end(initiative_id: int | None, organisation_id: int | None) -> Node:
        if initiative_id is not None:
            return (NodeKind.INITIATIVE.value, initiative_id)
        assert organisation_id is not None  # the database checks one of the two is set
        if organisation_id in as_initiative:
            return (NodeKind.INITIATIVE.value, as_initiative[organisation_id])
        return (NodeKind.ORGANISATION.value, organisation_id)

    merged: dict[tuple[Node, Node], dict[str, Any]] = defaultdict(
        lambda: {"kinds": set(), "themes": set(), "since": dt.date.max}
    )
    rows = (
        Collaboration.objects.active_in(year)
        .held_by(holder_id)
        .order_by()
        .values_list(
            "from_initiative_id",
            "from_organisation_id",
            "to_initiative_id",
            "to_organisation_id",
            "kind",
            "theme__name",
            "started_on",
        )
    )
    for from_i, from_o, to_i, to_o, kind, theme, started_on in rows.iterator(chunk_size=BATCH):
        a, b = sorted((end(from_i, from_o), end(to_i, to_o)))
        if a == b:  # an initiative tied to its own organisation: no edge
            continue
        tie = merged[(a, b)]
        tie["kinds"].add(kind)
        if theme:
            tie["themes"].add(theme)
        tie["since"] = min(tie["since"], started_on)
    initiatives = [
        (NodeKind.INITIATIVE.value, pk)
        for pk in Initiative.objects.held_by(holder_id).values_list("pk", flat=True)
    ]
    return analysis.build_graph(initiatives, ((a, b, tie) for (a, b), tie in merged.items()))
