"""Benchmark the network analysis the worker runs, on a synthetic network of 5,000 nodes and
50,000 ties (no database: the pure analysis of koers.atlas.network.analysis).

    .venv/bin/python bench/network.py [NODES] [TIES]

The baseline in the same run is building the graph (what any analysis must do); each step
is timed once with its peak Python memory (tracemalloc) and the process's peak RSS.
BENCH_TRACE=0 times without tracemalloc, which slows pure-Python code severalfold.
"""

from __future__ import annotations

import os
import random
import resource
import sys
import time
import tracemalloc

from koers.atlas.network import analysis


def synthetic_ties(nodes: int, ties: int, seed: int = 1) -> list[tuple[int, int, dict[str, str]]]:
    rng = random.Random(seed)  # noqa: S311 (benchmark data)
    found: set[tuple[int, int]] = set()
    while len(found) < ties:
        a, b = rng.randrange(nodes), rng.randrange(nodes)
        if a != b:
            found.add((min(a, b), max(a, b)))
    return [(a, b, {"kind": "samenwerking"}) for a, b in found]


TRACE = os.environ.get("BENCH_TRACE", "1") == "1"  # tracemalloc slows Python code severalfold


def measured(label: str, call: object) -> object:
    if TRACE:
        tracemalloc.start()
    started = time.perf_counter()
    result = call()  # type: ignore[operator]
    seconds = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory() if TRACE else (0, 0)
    if TRACE:
        tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"| {label} | {seconds:.1f} | {peak / 2**20:.0f} | {rss:.0f} |", flush=True)
    return result


def main() -> None:
    nodes = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    ties = int(sys.argv[2]) if len(sys.argv) > 2 else 50000
    edges = synthetic_ties(nodes, ties)
    print(f"{nodes} nodes, {ties} ties")
    print("| step | seconds | peak traced MB | peak RSS MB |\n| --- | ---: | ---: | ---: |")
    graph = measured(
        "build the graph (baseline)", lambda: analysis.build_graph(range(nodes), edges)
    )
    measured("betweenness (sampled above the threshold)", lambda: analysis.betweenness(graph))
    measured("the whole analysis (analyse)", lambda: analysis.analyse(graph))


if __name__ == "__main__":
    main()
