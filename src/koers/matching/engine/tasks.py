"""The worker's part of matching: computing a run's proposals (seconds to a minute on a
large pool, so never in a request)."""

from __future__ import annotations

from django_tasks import task

from koers.matching.engine.compute import run_execute


@task()
def compute_proposals(run_id: int) -> str:
    """Compute and store run `run_id`'s proposals; returns the run's status."""
    return str(run_execute(run_id).status)
