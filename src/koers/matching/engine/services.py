"""Runs of the matcher: asking for one (staff who manage the pool). `run_start` makes a
waiting run and, once the transaction commits, enqueues the worker's task
(`tasks.compute_proposals`, which calls `compute.run_execute`)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from koers.core.audit import audit_write
from koers.matching.engine.queries import may_run
from koers.matching.engine.tasks import compute_proposals
from koers.matching.models import ProposalRun, RunMethod, RunStatus


def run_start(
    *, holder_id: int, user: Any, method: str = RunMethod.SOLVER, remote_addr: str | None = None
) -> ProposalRun:
    """A waiting run of `method` over the holder's open requests, computed by the worker
    after this transaction commits. Refused (PermissionDenied) unless `user` manages the
    holder's pool."""
    if not may_run(user, holder_id):
        raise PermissionDenied
    if method not in RunMethod.values:
        raise ValueError(method)
    with transaction.atomic():
        run = ProposalRun.objects.create(
            holder_id=holder_id, method=method, status=RunStatus.WACHTEND, requested_by=user
        )
        audit_write(
            actor=user,
            action="run.started",
            instance=run,
            after={"method": method},
            remote_addr=remote_addr,
            organisation_id=holder_id,
        )
        transaction.on_commit(lambda: compute_proposals.enqueue(run.pk))
    return run
