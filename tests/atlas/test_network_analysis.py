"""The network analysis on small graphs whose figures were worked out by hand (in the
comments), so a change in a formula, a normalisation or a tie-break fails here."""

from __future__ import annotations

import pytest

from koers.atlas.network import analysis


def graph(nodes: str, edges: list[str]) -> object:
    return analysis.build_graph(nodes, ((e[0], e[1], {}) for e in edges))


# A path a–b–c–d.
# Betweenness of b: the shortest paths through b are a–c and a–d (2 of the 3 pairs not
# involving b: a–c, a–d, c–d); normalised by (n-1)(n-2)/2 = 3 → 2/3. Same for c (a–d, b–d).
# Closeness of b: distances 1 (a), 1 (c), 2 (d) → 3 / 4 = 0.75; of a: 3 / (1+2+3) = 0.5.
# Cutting b or c splits the path: articulation points b, c. Every edge is a bridge (3).
def test_path_of_four() -> None:
    result = analysis.analyse(graph("abcd", ["ab", "bc", "cd"]))
    assert result.nodes["b"].betweenness == pytest.approx(2 / 3)
    assert result.nodes["c"].betweenness == pytest.approx(2 / 3)
    assert result.nodes["a"].betweenness == 0
    assert result.nodes["b"].closeness == pytest.approx(0.75)
    assert result.nodes["a"].closeness == pytest.approx(0.5)
    assert [n for n, f in result.nodes.items() if f.is_articulation_point] == ["b", "c"]
    assert result.bridges == [("a", "b"), ("b", "c"), ("c", "d")]
    assert result.nodes["b"].degree == 2
    assert result.largest_group_share == 100.0
    # b and c tie on betweenness and degree: the node's order decides, b first.
    assert (result.nodes["b"].rank, result.nodes["c"].rank) == (1, 2)
    # Without b: {a} and {c, d}, so 2 of the 4 nodes in the largest group = 50%. Only b and
    # c are brokers (betweenness > 0): "top 3" removes those two, leaving {a}, {d}: 25%.
    assert result.what_if[1] == {"removed": ["b"], "share": 50.0}
    assert result.what_if[3] == {"removed": ["b", "c"], "share": 25.0}


# A bowtie: triangles a–b–c and c–d–e sharing c. Every path between the triangles goes
# through c: c lies on all 2 × 2 = 4 such pairs of the 6 pairs not involving c →
# betweenness 4/6 = 2/3; c is the only articulation point. Each edge lies on a cycle (its
# triangle), so there are no bridges.
def test_bowtie() -> None:
    result = analysis.analyse(graph("abcde", ["ab", "bc", "ac", "cd", "de", "ce"]))
    assert [n for n, f in result.nodes.items() if f.is_articulation_point] == ["c"]
    assert result.bridges == []
    assert result.nodes["c"].betweenness == pytest.approx(2 / 3)
    assert result.nodes["c"].rank == 1
    # Without c: {a, b} and {d, e}: 2 of 5 = 40%.
    assert result.what_if[1]["share"] == pytest.approx(40.0)


# Two triangles a–b–c and d–e–f joined by c–d. c–d is the only edge on no cycle: the only
# bridge. Betweenness of c: c lies on the paths from a and b to d, e, f (6 pairs) and on
# no other; normalised by (6-1)(6-2)/2 = 10 → 0.6; d likewise. c and d are articulation
# points. The top broker c stopping leaves {a, b} and {d, e, f}: 3 of 6 = 50%; the top 3
# (only c and d are brokers) leave {a, b}, {e, f}: 2 of 6 = 33.3%.
def test_two_triangles_joined_by_one_tie() -> None:
    result = analysis.analyse(graph("abcdef", ["ab", "bc", "ac", "cd", "de", "ef", "df"]))
    assert result.bridges == [("c", "d")]
    assert result.nodes["c"].betweenness == pytest.approx(0.6)
    assert result.nodes["d"].betweenness == pytest.approx(0.6)
    assert {n for n, f in result.nodes.items() if f.is_articulation_point} == {"c", "d"}
    assert result.what_if[1] == {"removed": ["c"], "share": 50.0}
    assert result.what_if[3]["removed"] == ["c", "d"]
    assert result.what_if[3]["share"] == pytest.approx(100 * 2 / 6)
    # Louvain finds the two triangles; the larger-or-first group is community 1.
    communities = {n: f.community for n, f in result.nodes.items()}
    assert communities["a"] == communities["b"] == communities["c"] == 1
    assert communities["d"] == communities["e"] == communities["f"] == 2


def test_isolated_nodes_stay_and_count_against_the_largest_group() -> None:
    # a–b–c plus x alone: the largest group holds 3 of 4 = 75%.
    g = graph("abcx", ["ab", "bc"])
    assert analysis.isolated(g) == ["x"]
    assert analysis.largest_group_share(g) == 75.0
    assert analysis.analyse(g).nodes["x"].degree == 0


def test_the_same_network_gives_the_same_communities_and_drawing() -> None:
    edges = ["ab", "bc", "ac", "cd", "de", "ef", "df"]
    first, second = (
        analysis.analyse(graph("abcdef", edges)),
        analysis.analyse(graph("abcdef", edges)),
    )
    assert first.layout == second.layout
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in first.layout.values())
    assert first.nodes == second.nodes


def test_year_on_year_new_and_lost_ties_and_rank_shifts() -> None:
    # 2020: a–b–c (b the broker). 2021: b–c, c–d (c the broker): a–b ended, c–d is new;
    # b went from rank 1 to 2, c from 2 to 1.
    before, after = graph("abc", ["ab", "bc"]), graph("abcd", ["bc", "cd"])
    ranks_before = {"b": 1, "c": 2, "a": 3}
    ranks_after = {"c": 1, "b": 2, "d": 3, "a": 4}
    result = analysis.compare(before, after, ranks_before, ranks_after)
    assert result.new_ties == [("c", "d")]
    assert result.lost_ties == [("a", "b")]
    assert ("b", 1, 2) in result.rank_shifts and ("c", 2, 1) in result.rank_shifts
    assert ("a", 3, 4) in result.rank_shifts
    assert all(node != "d" for node, _b, _a in result.rank_shifts)


def test_a_large_network_samples_betweenness(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analysis, "EXACT_BETWEENNESS_UP_TO", 3)
    monkeypatch.setattr(analysis, "BETWEENNESS_SAMPLE", 2)
    _figures, sampled = analysis.betweenness(graph("abcd", ["ab", "bc", "cd"]))
    assert sampled == 2
    _figures, sampled = analysis.betweenness(graph("abc", ["ab", "bc"]))
    assert sampled == 0


# The atlas counts its initiatives, not the organisations between them. A path a–B–C–d where
# B and C are organisations (upper case) and a, d initiatives: both initiatives hang together
# (2 of 2 = 100%), although the path has four parties. Without the top broker B (first among
# equals) a stands alone and d with C: the group holding most initiatives holds 1 of 2 = 50%.
# Counting every party instead gives 100% and, without B, {C, d} = 2 of 4 = 50% too; so a
# second case: a star B with initiatives a, c, d, where counting all gives 4 of 4 and, without
# B, 1 of 4 = 25%, counting initiatives 1 of 3 = 33.3%.
def test_the_shares_count_only_the_nodes_asked_for() -> None:
    initiatives_only = str.islower
    path = analysis.analyse(graph("aBCd", ["aB", "BC", "Cd"]), counted=initiatives_only)
    assert path.largest_group_share == 100.0
    assert path.what_if[1] == {"removed": ["B"], "share": 50.0}
    star = graph("Bacd", ["Ba", "Bc", "Bd"])
    assert analysis.analyse(star).what_if[1]["share"] == 25.0
    counted = analysis.analyse(star, counted=initiatives_only).what_if[1]["share"]
    assert counted == pytest.approx(100 / 3)
