"""The grant pipeline: which step may follow which, and what each step needs.

idea → in preparation → submitted → granted or rejected → running → accounted → settled.
Forward moves go one step at a time (no skipping); a move back goes to the step before
and needs a reason (a withdrawn application, an objection to a rejection).
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from koers.funding.models import Grant, GrantStatus

S = GrantStatus

FORWARD: dict[str, tuple[str, ...]] = {
    S.IDEA: (S.PREPARATION,),
    S.PREPARATION: (S.SUBMITTED,),
    S.SUBMITTED: (S.GRANTED, S.REJECTED),
    S.GRANTED: (S.RUNNING,),
    S.REJECTED: (),
    S.RUNNING: (S.ACCOUNTED,),
    S.ACCOUNTED: (S.SETTLED,),
    S.SETTLED: (),
}

BACK: dict[str, str] = {
    S.PREPARATION: S.IDEA,
    S.SUBMITTED: S.PREPARATION,
    S.GRANTED: S.SUBMITTED,
    S.REJECTED: S.SUBMITTED,
    S.RUNNING: S.GRANTED,
    S.ACCOUNTED: S.RUNNING,
    S.SETTLED: S.ACCOUNTED,
}

ORDER = [S.IDEA, S.PREPARATION, S.SUBMITTED, S.GRANTED, S.RUNNING, S.ACCOUNTED, S.SETTLED]
# Statuses in which a grant brings in money (or will): what budgets count as income.
DECIDED = (S.GRANTED, S.RUNNING, S.ACCOUNTED, S.SETTLED)


def is_back(current: str, to: str) -> bool:
    return BACK.get(current) == to


def refusal(grant: Grant, to: str, reason: str) -> str | None:
    """Why `grant` may not move to `to` now, in words for the user; None when it may."""
    current = grant.status
    if to == current:
        return _("The grant already has this status.")
    if is_back(current, to):
        if not reason.strip():
            return _("Going back a step needs a reason.")
        return None
    if to not in FORWARD[current]:
        allowed = ", ".join(str(S(s).label) for s in FORWARD[current]) or _("none")
        return _(
            "From “%(current)s” a grant can only move on to: %(allowed)s. Steps cannot be skipped."
        ) % {"current": S(current).label, "allowed": allowed}
    return missing_for(grant, to)


def missing_for(grant: Grant, to: str) -> str | None:
    if to == S.SUBMITTED and grant.amount_requested is None:
        return _("Enter the amount requested before submitting.")
    if to == S.GRANTED:
        missing = [
            str(label)
            for label, value in (
                (_("the amount granted"), grant.amount_granted),
                (_("the date of the decision"), grant.decided_on),
                (_("the decision's reference"), grant.reference),
            )
            if not value
        ]
        if missing:
            return _("Enter %(missing)s before recording the grant.") % {
                "missing": ", ".join(missing)
            }
    return None
