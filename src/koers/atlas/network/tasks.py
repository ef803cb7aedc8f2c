"""The worker's part of the network analysis: computing a year's snapshot (minutes on a
large network, so never in a request)."""

from __future__ import annotations

from django_tasks import task


@task()
def compute_network_snapshot(holder_id: int, year: int) -> int:
    """Compute and store `year`'s snapshot of `holder_id`'s atlas; returns its id."""
    from koers.atlas.network.services import snapshot_compute

    return snapshot_compute(holder_id=holder_id, year=year).pk
