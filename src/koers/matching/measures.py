"""Derived measures of the talent pool, registered with `plans`, so the plan's indicators of
Extra Handen voor de Zorg and the coaching trajectories count themselves ("Tenminste 10
beschikbare verzorgenden in het bestand", "Minimaal 150 Sterk in je Werk trajecten").
Each reads the pool of the organisation whose plan holds the indicator (the indicator's
programme's plan's organisation = the pool's holder). Everything is counted in the
database; a page with many such indicators costs a query per measure and holder (per
narrowing, for the trajectories), not one per indicator.

- `matching.available` (param "role", a `CareRole` value; none: any role): candidates
  available on the period's last day, by THE definition of available
  (`koers.matching.pool`). A state, not a sum: the value at the end of the period.
- `matching.signed_up`: candidates who signed up in the period.
- `matching.placed`: distinct candidates with a holding placement (confirmed or took place)
  starting in the period.
- `matching.referred` (param "to": the slug of the organisation referred to, optional):
  distinct candidates referred on (stage "doorverwezen") in the period.
- `matching.conversion` (params "from_stage", "to_stage": `Stage` values): of the
  candidates who reached `from_stage` in the period (for "aangemeld": signed up in it), the
  share (%) who reached `to_stage` on or after that day, by the period's end. No value when
  nobody reached `from_stage`, or a stage is unknown.
- `matching.trajectories` (params "kind", "outcome", optional): trajectories started in the
  period.

The records behind the counts are about people (candidates, trajectories): pages and
reports count them and never list them (`koers.plans.measures.lists_records`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from koers.plans.measures import Measure, Parameter, choices_of, register


def _holder(indicator: Any) -> int:
    return int(indicator.activity.programme.plan.organisation_id)


def _param(indicator: Any, name: str) -> str:
    return str((indicator.measure_params or {}).get(name, "")).strip()


def _day_bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[start's midnight, the midnight after `end`) in the installation's time zone."""
    zone = timezone.get_current_timezone()
    return (
        dt.datetime.combine(start, dt.time.min, tzinfo=zone),
        dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=zone),
    )


# --- available -------------------------------------------------------------------------


def _available(indicator: Any, start: dt.date, end: dt.date) -> QuerySet[Any]:
    from koers.matching.models import Candidate, CareRole
    from koers.matching.pool import available_candidates

    role = _param(indicator, "role")
    if role and role not in CareRole.values:
        return Candidate.objects.none()
    return available_candidates(_holder(indicator), end, role or None).order_by("pk")


def _available_value(indicator: Any, start: dt.date, end: dt.date) -> Decimal | None:
    return _available_many([indicator], start, end)[indicator.pk]


def _available_many(indicators: list[Any], start: dt.date, end: dt.date) -> dict[int, Any]:
    """One query per holder for the indicators naming a role (`available_by_role` counts
    every role at once), one per holder for those naming none."""
    from koers.matching.models import CareRole
    from koers.matching.pool import available_by_role, available_candidates

    values: dict[int, Decimal | None] = {}
    per_role: dict[int, dict[str, int]] = {}
    anyone: dict[int, int] = {}
    for indicator in indicators:
        holder, role = _holder(indicator), _param(indicator, "role")
        if not role:
            if holder not in anyone:
                anyone[holder] = available_candidates(holder, end).count()
            values[indicator.pk] = Decimal(anyone[holder])
        elif role not in CareRole.values:
            values[indicator.pk] = None
        else:
            if holder not in per_role:
                per_role[holder] = available_by_role(holder, end)
            values[indicator.pk] = Decimal(per_role[holder][role])
    return values


# --- signed up, placed, referred --------------------------------------------------------


def _signed_up(indicator: Any, start: dt.date, end: dt.date) -> QuerySet[Any]:
    from koers.matching.models import Candidate

    return Candidate.objects.held_by(_holder(indicator)).filter(
        signed_up_on__gte=start, signed_up_on__lte=end
    )


def _placed(indicator: Any, start: dt.date, end: dt.date) -> QuerySet[Any]:
    from koers.matching.models import HOLDING_PLACEMENT, Candidate, Placement

    since, until = _day_bounds(start, end)
    holding = Placement.objects.filter(
        candidate=OuterRef("pk"),
        status__in=HOLDING_PLACEMENT,
        starts_at__gte=since,
        starts_at__lt=until,
    )
    return Candidate.objects.held_by(_holder(indicator)).filter(Exists(holding))


def _referred(indicator: Any, start: dt.date, end: dt.date) -> QuerySet[Any]:
    from koers.matching.models import Candidate, Stage, StageChange

    steps = StageChange.objects.filter(
        candidate=OuterRef("pk"), stage=Stage.DOORVERWEZEN, on__gte=start, on__lte=end
    )
    if to := _param(indicator, "to"):
        steps = steps.filter(referred_to__slug=to)
    return Candidate.objects.held_by(_holder(indicator)).filter(Exists(steps))


# --- conversion ---------------------------------------------------------------------------


def _conversion(indicator: Any, start: dt.date, end: dt.date) -> Decimal | None:
    from koers.matching.models import Candidate, Stage, StageChange

    from_stage, to_stage = _param(indicator, "from_stage"), _param(indicator, "to_stage")
    if from_stage not in Stage.values or to_stage not in Stage.values:
        return None
    candidates = Candidate.objects.held_by(_holder(indicator))
    if from_stage == Stage.AANGEMELD:
        reached = candidates.filter(signed_up_on__gte=start, signed_up_on__lte=end).annotate(
            reached_on=F("signed_up_on")
        )
    else:
        first = (
            StageChange.objects.filter(
                candidate=OuterRef("pk"), stage=from_stage, on__gte=start, on__lte=end
            )
            .order_by("on")
            .values("on")[:1]
        )
        reached = candidates.annotate(reached_on=Subquery(first)).filter(reached_on__isnull=False)
    later = StageChange.objects.filter(
        candidate=OuterRef("pk"), stage=to_stage, on__gte=OuterRef("reached_on"), on__lte=end
    )
    counts = reached.annotate(went_on=Exists(later)).aggregate(
        total=Count("pk"), converted=Count("pk", filter=Q(went_on=True))
    )
    if not counts["total"]:
        return None
    share = Decimal(100 * counts["converted"]) / Decimal(counts["total"])
    return share.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


# --- trajectories ---------------------------------------------------------------------


def _trajectories(indicator: Any, start: dt.date, end: dt.date) -> QuerySet[Any]:
    from koers.matching.models import Trajectory

    rows = Trajectory.objects.held_by(_holder(indicator)).filter(
        started_on__gte=start, started_on__lte=end
    )
    if kind := _param(indicator, "kind"):
        rows = rows.filter(kind=kind)
    if outcome := _param(indicator, "outcome"):
        rows = rows.filter(outcome=outcome)
    return rows.order_by("started_on", "pk")


def _trajectories_many(indicators: list[Any], start: dt.date, end: dt.date) -> dict[int, Any]:
    """One query per (kind, outcome) narrowing in use, grouped by holder."""
    from koers.matching.models import Trajectory

    groups: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for indicator in indicators:
        groups[(_param(indicator, "kind"), _param(indicator, "outcome"))].append(indicator)
    values: dict[int, Decimal | None] = {}
    for (kind, outcome), group in groups.items():
        rows = Trajectory.objects.filter(
            holder_id__in={_holder(i) for i in group},
            started_on__gte=start,
            started_on__lte=end,
        )
        if kind:
            rows = rows.filter(kind=kind)
        if outcome:
            rows = rows.filter(outcome=outcome)
        counts = dict(
            rows.order_by()
            .values_list("holder_id")
            .annotate(n=Count("pk"))
            .values_list("holder_id", "n")
        )
        for indicator in group:
            values[indicator.pk] = Decimal(counts.get(_holder(indicator), 0))
    return values


def _count(records: Any) -> Any:
    return lambda indicator, start, end: Decimal(records(indicator, start, end).count())


MEASURES = [
    Measure(
        key="matching.available",
        label=_("Candidates available at the end of the period (of one role, if named)"),
        compute=_available_value,
        records=_available,
        compute_many=_available_many,
        counts_records=True,
        parameters=(
            Parameter(
                "role", _("Role"), choices=choices_of("koers.matching.models.choices.CareRole")
            ),
        ),
    ),
    Measure(
        key="matching.signed_up",
        label=_("Candidates signed up for extra hands in the period"),
        compute=_count(_signed_up),
        records=_signed_up,
        counts_records=True,
    ),
    Measure(
        key="matching.placed",
        label=_("Candidates placed with a care organisation in the period"),
        compute=_count(_placed),
        records=_placed,
        counts_records=True,
    ),
    Measure(
        key="matching.referred",
        label=_("Candidates referred on in the period (to one organisation, if named)"),
        compute=_count(_referred),
        records=_referred,
        counts_records=True,
        parameters=(
            Parameter(
                "to",
                _("Organisation referred to"),
                help_text=_("Its short name in the address of its page (slug)."),
            ),
        ),
    ),
    Measure(
        key="matching.conversion",
        label=_("Share of the candidates who went on from one stage to another (%)"),
        compute=_conversion,
        parameters=(
            Parameter(
                "from_stage",
                _("From stage"),
                choices=choices_of("koers.matching.models.choices.Stage"),
                required=True,
            ),
            Parameter(
                "to_stage",
                _("To stage"),
                choices=choices_of("koers.matching.models.choices.Stage"),
                required=True,
            ),
        ),
    ),
    Measure(
        key="matching.trajectories",
        label=_("Trajectories started in the period (of one kind and outcome, if named)"),
        compute=_count(_trajectories),
        records=_trajectories,
        compute_many=_trajectories_many,
        counts_records=True,
        parameters=(
            Parameter(
                "kind",
                _("Kind"),
                choices=choices_of("koers.matching.models.choices.TrajectoryKind"),
            ),
            Parameter(
                "outcome",
                _("Outcome"),
                choices=choices_of("koers.matching.models.choices.TrajectoryOutcome"),
            ),
        ),
    ),
]


def register_all() -> None:
    for measure in MEASURES:
        register(measure)
