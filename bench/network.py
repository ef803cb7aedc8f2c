"""Benchmark the network analysis the worker runs, on a synthetic network of 5,000 nodes and
50,000 ties (no database: the pure analysis of koers.atlas.network.analysis).

    .venv/bin/python bench/network.py [NODES] [TIES]
    BENCH_DATABASE=1 .venv/bin/python bench/network.py   # also the worker's whole task

With BENCH_DATABASE=1 it also migrates a fresh SQLite database (or DATABASE_URL's), stores
the same network as initiatives and collaborations of one atlas, and times the worker's
function, `snapshot_store` (reading the ties, the analysis, writing the snapshot's rows).

The baseline in the same run is building the graph (what any analysis must do); each step
is timed once with its peak Python memory (tracemalloc) and the process's peak RSS.
BENCH_TRACE=1 also traces Python allocations (tracemalloc), which slows the analysis about tenfold,
so the times are taken without it.
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


TRACE = os.environ.get("BENCH_TRACE", "0") == "1"  # tracemalloc slows Python code ~10×


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


def with_database(nodes: int, edges: list[tuple[int, int, dict[str, str]]]) -> None:
    import datetime as dt
    import tempfile

    os.environ.setdefault("KOERS_DATA_DIR", tempfile.mkdtemp(prefix="koers-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koers.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from koers.atlas.models import Collaboration, Initiative
    from koers.atlas.network.services import snapshot_store
    from koers.core.models import Municipality
    from koers.directory.models import Organisation

    call_command("migrate", verbosity=0)
    holder = Organisation.objects.create(name="Bench", slug="bench")
    municipality, _created = Municipality.objects.get_or_create(
        code="GM0034", defaults={"name": "Almere", "slug": "almere"}
    )
    day = dt.date(2021, 1, 1)
    initiatives = Initiative.objects.bulk_create(
        Initiative(
            holder=holder, name=f"I{n}", kind="overig", municipality=municipality, confirmed_on=day
        )
        for n in range(nodes)
    )
    Collaboration.objects.bulk_create(
        (
            Collaboration(
                holder=holder,
                from_initiative=initiatives[a],
                to_initiative=initiatives[b],
                kind="samenwerking",
                source="anders",
                started_on=day,
            )
            for a, b, _attributes in edges
        ),
        batch_size=2000,
    )
    measured(
        "snapshot_store: the worker's task", lambda: snapshot_store(holder_id=holder.pk, year=2021)
    )


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
    if os.environ.get("BENCH_DATABASE") == "1":
        with_database(nodes, edges)


if __name__ == "__main__":
    main()
