"""The worker's part of the network analysis: computing a year's snapshot (minutes on a
large network, so never in a request), and the request for it that staff make."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django_tasks import task

from koers.atlas.access import may_edit_atlas
from koers.atlas.network.services import snapshot_store
from koers.core.audit import audit_write


@task()
def compute_network_snapshot(holder_id: int, year: int) -> int:
    """Compute and store `year`'s snapshot of `holder_id`'s atlas; returns its id."""
    return snapshot_store(holder_id=holder_id, year=year).pk


def snapshot_request(
    *, actor: Any, holder_id: int, year: int, remote_addr: str | None = None
) -> None:
    """Ask the worker to (re)compute `year`'s snapshot of `holder_id`'s atlas, once this
    transaction commits; refused unless `actor` may change that atlas."""
    if not may_edit_atlas(actor, holder_id):
        raise PermissionDenied
    with transaction.atomic():
        from koers.directory.models import Organisation

        holder = Organisation.objects.get(pk=holder_id)
        audit_write(
            actor=actor,
            action="network.requested",
            instance=holder,
            context=f"atlas.networksnapshot:{holder_id}:{year}",
            after={"year": year},
            remote_addr=remote_addr,
            organisation_id=holder_id,
        )
        transaction.on_commit(lambda: compute_network_snapshot.enqueue(holder_id, year))
