"""The funnel from sign-up to placement: which step may follow which, recording a step, and
the funnel's figures (how many reached each stage, and the conversion from the one before).

The main path is aangemeld → intake gepland → intake gehad → inzetbaar → voorgesteld →
geplaatst → afgerond; niet inzetbaar, doorverwezen (to whom) and gestopt (why) branch off
it. A candidate "reached" a stage of the main path when she has a step to it or to a later
one of the path (an intake may be held without being planned first), or stands in one now
(rows made before the history was kept). Everything is counted in the database, in one
query whatever the size of the pool."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext as _

from koers.matching.models import Candidate, Stage, StageChange

S = Stage
MAIN_PATH: tuple[str, ...] = (
    S.AANGEMELD,
    S.INTAKE_GEPLAND,
    S.INTAKE_GEHAD,
    S.INZETBAAR,
    S.VOORGESTELD,
    S.GEPLAATST,
    S.AFGEROND,
)
BRANCHES: tuple[str, ...] = (S.NIET_INZETBAAR, S.DOORVERWEZEN, S.GESTOPT)

# Which stage may follow which. Going back is allowed where it happens in practice: a
# candidate placed and finished becomes deployable again; one who stopped signs up again.
NEXT: dict[str, frozenset[str]] = {
    S.AANGEMELD: frozenset(
        {S.INTAKE_GEPLAND, S.INTAKE_GEHAD, S.NIET_INZETBAAR, S.DOORVERWEZEN, S.GESTOPT}
    ),
    S.INTAKE_GEPLAND: frozenset({S.INTAKE_GEHAD, S.DOORVERWEZEN, S.GESTOPT}),
    S.INTAKE_GEHAD: frozenset({S.INZETBAAR, S.NIET_INZETBAAR, S.DOORVERWEZEN, S.GESTOPT}),
    S.INZETBAAR: frozenset(
        {S.VOORGESTELD, S.GEPLAATST, S.NIET_INZETBAAR, S.DOORVERWEZEN, S.GESTOPT}
    ),
    S.NIET_INZETBAAR: frozenset({S.INZETBAAR, S.DOORVERWEZEN, S.GESTOPT}),
    S.DOORVERWEZEN: frozenset({S.AFGEROND, S.GESTOPT}),
    S.VOORGESTELD: frozenset({S.GEPLAATST, S.INZETBAAR, S.GESTOPT}),
    S.GEPLAATST: frozenset({S.AFGEROND, S.INZETBAAR, S.GESTOPT}),
    S.AFGEROND: frozenset({S.INZETBAAR, S.GESTOPT}),
    S.GESTOPT: frozenset({S.AANGEMELD}),
}
# Steps that must say to whom, or why.
NEEDS_REFERRAL = frozenset({S.DOORVERWEZEN})
NEEDS_REASON = frozenset({S.GESTOPT, S.NIET_INZETBAAR})


def next_stages(stage: str) -> list[str]:
    """The stages that may follow `stage`, in the funnel's order."""
    allowed = NEXT.get(stage, frozenset())
    return [value for value in Stage.values if value in allowed]


def check_step(
    candidate: Candidate, stage: str, *, on: dt.date, referred_to: Any = None, reason: str = ""
) -> None:
    """Refuse, in the reader's language, a step the funnel does not allow."""
    errors: dict[str, str] = {}
    if stage not in NEXT.get(candidate.stage, frozenset()):
        errors["stage"] = _("From “%(current)s” she cannot go to “%(stage)s”.") % {
            "current": Stage(candidate.stage).label,
            "stage": Stage(stage).label if stage in Stage.values else stage,
        }
    if stage in NEEDS_REFERRAL and referred_to is None:
        errors["referred_to"] = _("Say to which organisation she was referred.")
    if stage not in NEEDS_REFERRAL and referred_to is not None:
        errors["referred_to"] = _("Only a referral names an organisation.")
    if stage in NEEDS_REASON and not reason.strip():
        errors["reason"] = _("Say why.")
    if candidate.stage_since and on < candidate.stage_since:
        errors["on"] = _("The step cannot lie before her current stage began (%(day)s).") % {
            "day": candidate.stage_since.isoformat()
        }
    if errors:
        raise ValidationError(errors)


def record_step(
    candidate: Candidate,
    stage: str,
    *,
    on: dt.date,
    by: Any,
    referred_to: Any = None,
    reason: str = "",
) -> StageChange:
    """Move `candidate` (a row the caller locked) to `stage` on `on`, kept in the history
    with who did it. Checks the funnel's rules; the caller checks permission and audits."""
    check_step(candidate, stage, on=on, referred_to=referred_to, reason=reason)
    change = StageChange.objects.create(
        candidate=candidate,
        stage=stage,
        on=on,
        by=by if getattr(by, "is_authenticated", False) else None,
        referred_to=referred_to,
        reason=reason.strip(),
    )
    candidate.stage = stage
    candidate.stage_since = on
    candidate.save(update_fields=["stage", "stage_since", "version", "updated_at"])
    return change


@dataclass(frozen=True)
class FunnelStep:
    stage: str
    label: str
    reached: int
    now: int  # standing in this stage today
    conversion: int | None  # % of the previous stage of the path that reached this one


@dataclass(frozen=True)
class Funnel:
    path: list[FunnelStep]
    branches: list[FunnelStep]
    total: int


def _reached_q(stages: tuple[str, ...]) -> Q:
    steps = StageChange.objects.filter(candidate=OuterRef("pk"), stage__in=stages)
    return Q(stage__in=stages) | Q(Exists(steps))


def funnel_of(holder_id: int) -> Funnel:
    """The holder's funnel, in one query: per stage how many reached it and how many stand
    in it now, with the conversion from the previous stage of the main path."""
    figures: dict[str, Any] = {"total": Count("pk")}
    for index, stage in enumerate(MAIN_PATH):
        figures[f"reached_{stage}"] = Count("pk", filter=_reached_q(MAIN_PATH[index:]))
    for stage in BRANCHES:
        figures[f"reached_{stage}"] = Count("pk", filter=_reached_q((stage,)))
    for stage in Stage.values:
        figures[f"now_{stage}"] = Count("pk", filter=Q(stage=stage))
    counts = Candidate.objects.filter(holder_id=holder_id).aggregate(**figures)
    total = counts["total"] or 0
    path: list[FunnelStep] = []
    previous: int | None = None
    for stage in MAIN_PATH:
        reached = counts[f"reached_{stage}"] or 0
        conversion = None if previous is None else _percent(reached, previous)
        path.append(
            FunnelStep(stage, str(Stage(stage).label), reached, counts[f"now_{stage}"], conversion)
        )
        previous = reached
    branches = [
        FunnelStep(
            stage,
            str(Stage(stage).label),
            counts[f"reached_{stage}"] or 0,
            counts[f"now_{stage}"] or 0,
            _percent(counts[f"reached_{stage}"] or 0, total) if total else None,
        )
        for stage in BRANCHES
    ]
    return Funnel(path=path, branches=branches, total=total)


def _percent(part: int, whole: int) -> int | None:
    if not whole:
        return None
    return round(100 * part / whole)
