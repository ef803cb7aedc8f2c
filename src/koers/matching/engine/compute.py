"""The worker's part of a run: compute and store its proposals and figures.

`run_execute` loads the problem, runs `match.run_matching` and stores, in one transaction,
the new proposals (status voorgesteld), the open proposals of the same shifts from earlier
runs marked vervallen, and the run's figures. A failure marks the run failed with its
error; nothing half-stored."""

from __future__ import annotations

import datetime as dt
import logging

from django.db import transaction
from django.utils import timezone

from koers.core.audit import audit_write
from koers.matching.engine.loading import load_problem
from koers.matching.engine.match import run_matching
from koers.matching.models import Proposal, ProposalRun, ProposalStatus, RunStatus

logger = logging.getLogger(__name__)


def run_execute(run_id: int, now: dt.datetime | None = None) -> ProposalRun:
    """Compute and store the run's proposals and figures (the worker's task). A run that is
    not waiting any more (done, or taken by another worker) is left alone. `now` (the
    pool's clock by default) says which shifts are still to come."""
    with transaction.atomic():
        run = ProposalRun.objects.select_for_update().get(pk=run_id)
        if run.status != RunStatus.WACHTEND:
            return run
        run.status = RunStatus.BEZIG
        run.save(update_fields=["status"])
    try:
        problem = load_problem(run.holder_id, now)
        outcome = run_matching(problem, run.method)
        with transaction.atomic():
            shift_ids = [s.id for s in problem.shifts if s.places > 0]
            superseded = Proposal.objects.filter(
                shift_id__in=shift_ids, status=ProposalStatus.VOORGESTELD
            ).update(status=ProposalStatus.VERVALLEN)
            Proposal.objects.bulk_create(
                (
                    Proposal(
                        run=run,
                        shift_id=a.shift_id,
                        candidate_id=a.candidate_id,
                        score=a.score,
                        reasons=a.reasons,
                    )
                    for a in outcome.assignments
                ),
                batch_size=1000,
            )
            run.stats = {
                **outcome.stats,
                "proposals": len(outcome.assignments),
                "superseded": superseded,
            }
            run.status = RunStatus.KLAAR
            run.finished_at = timezone.now()
            run.save(update_fields=["stats", "status", "finished_at"])
            audit_write(
                actor=run.requested_by,
                action="run.finished",
                instance=run,
                after={"proposals": len(outcome.assignments), "used": outcome.method},
                organisation_id=run.holder_id,
            )
    except Exception as error:
        logger.exception("Proposal run %s failed", run_id)
        ProposalRun.objects.filter(pk=run_id).update(
            status=RunStatus.MISLUKT, error=str(error)[:2000], finished_at=timezone.now()
        )
        run.refresh_from_db()
    return run
