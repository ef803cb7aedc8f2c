"""The read side of runs: the runs a user may see, one run by a permission-checking getter,
and what the run page shows of its figures (the shifts and candidates its why-not names,
each fetched in one query)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404

from koers.accounts.policy import Scope, has_capability
from koers.accounts.roles import Capability
from koers.matching.managers import pool_holders_visible_to
from koers.matching.models import Candidate, ProposalRun, Shift
from koers.matching.reasons import describe

UNFILLED_SHOWN = 50


def may_run(user: Any, holder_id: int) -> bool:
    """Whether `user` may start runs over the holder's pool (she manages it)."""
    return has_capability(user, Capability.MANAGE_MATCHING, Scope(organisation_id=holder_id))


def runs_for(user: Any) -> QuerySet[ProposalRun]:
    return (
        ProposalRun.objects.filter(holder_id__in=pool_holders_visible_to(user))
        .select_related("requested_by")
        .annotate(proposal_count=Count("proposals"))
    )


def get_run_for_user(user: Any, pk: int) -> ProposalRun:
    """The run, when its pool is one `user` may see (404 otherwise)."""
    return get_object_or_404(
        ProposalRun.objects.filter(holder_id__in=pool_holders_visible_to(user)).select_related(
            "requested_by"
        ),
        pk=pk,
    )


@dataclass
class UnfilledRow:
    shift: Shift | None
    missing: int
    reasons: list[str]  # rendered in the reader's language
    near_misses: list[tuple[Candidate | None, list[str]]] = field(default_factory=list)


@dataclass
class RunPage:
    comparison: list[dict]  # one row per method computed: its figures
    unfilled: list[UnfilledRow]
    unfilled_total: int


def run_page(run: ProposalRun) -> RunPage:
    stats = run.stats or {}
    comparison = [
        {"method": key, **stats[key]}
        for key in ("solver", "greedy")
        if isinstance(stats.get(key), dict)
    ]
    listed = list(stats.get("unfilled") or [])
    shown = listed[:UNFILLED_SHOWN]
    shift_ids = {row.get("shift") for row in shown}
    candidate_ids = {m.get("candidate") for row in shown for m in row.get("near_misses", [])}
    shifts = Shift.objects.select_related("request__requester").in_bulk(
        [pk for pk in shift_ids if isinstance(pk, int)]
    )
    candidates = (
        Candidate.objects.filter(holder_id=run.holder_id)
        .select_related("person")
        .in_bulk([pk for pk in candidate_ids if isinstance(pk, int)])
    )
    rows = [
        UnfilledRow(
            shift=shifts.get(row.get("shift")),
            missing=row.get("missing", 0),
            reasons=[describe(r) for r in row.get("reasons", [])],
            near_misses=[
                (candidates.get(m.get("candidate")), [describe(r) for r in m.get("reasons", [])])
                for m in row.get("near_misses", [])
            ],
        )
        for row in shown
    ]
    return RunPage(comparison=comparison, unfilled=rows, unfilled_total=len(listed))
