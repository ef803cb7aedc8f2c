"""What drafting next year's annual plan from the multi-year plan would do, before it is
done: which activities carry over (with the targets proposed for their indicators), which
are left out and why, and which multi-year results come in as new activities. The page
shows it; the service (`annual_plan_carry_over`) computes it again and carries it out."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import F, FilteredRelation, Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from koers.core.numbers import grouped
from koers.plans.models import (
    Activity,
    ActivityStatus,
    Aggregation,
    AnnualPlan,
    AnnualPlanStatus,
    Decision,
    Indicator,
    MultiYearResult,
    MultiYearTarget,
)
from koers.plans.queries.multi_year import realised_in_period, with_period_values


@dataclass
class ProposedTarget:
    indicator: Any  # the indicator of the current year, annotated with its year's target
    value: Decimal | None
    note: str
    multi_year_ids: list[int] = field(default_factory=list)  # targets the copy counts towards
    from_multi_year: bool = False


@dataclass
class CarriedActivity:
    activity: Activity
    targets: list[ProposedTarget] = field(default_factory=list)

    @property
    def from_multi_year(self) -> int:
        return sum(1 for proposed in self.targets if proposed.from_multi_year)

    @property
    def proposals(self) -> int:
        return sum(
            1
            for proposed in self.targets
            if proposed.value is not None and not proposed.from_multi_year
        )


@dataclass
class LeftOut:
    activity: Activity
    reason: str


@dataclass
class NewFromPlan:
    result: MultiYearResult
    code: str


@dataclass
class RollOver:
    source: AnnualPlan
    year: int
    refusal: str = ""
    carried: list[CarriedActivity] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    new: list[NewFromPlan] = field(default_factory=list)

    @property
    def indicator_count(self) -> int:
        return sum(len(row.targets) for row in self.carried)

    @property
    def target_count(self) -> int:
        return sum(1 for row in self.carried for t in row.targets if t.value is not None)


def roll_over_refusal(source: AnnualPlan, year: int) -> str:
    """Why next year's plan cannot be drafted from this one, or "" when it can."""
    plan = source.plan
    if year > plan.end_year:
        return _(
            "The multi-year plan runs until %(end)s: there is no %(year)s to draft an annual "
            "plan for."
        ) % {"end": plan.end_year, "year": year}
    existing = AnnualPlan.objects.filter(plan=plan, year=year).first()
    if existing is not None and existing.status != AnnualPlanStatus.CONCEPT:
        return _(
            "The annual plan %(year)s exists already and is %(status)s; nothing has been "
            "carried over."
        ) % {"year": year, "status": existing.get_status_display().lower()}
    count = Activity.objects.filter(programme__plan=plan, year=year).count()
    if count:
        return _(
            "The annual plan %(year)s exists already: it has %(count)s activities. Carrying "
            "over again would add them twice; change the plan of %(year)s itself instead."
        ) % {"year": year, "count": count}
    return ""


def _left_out_reason(activity: Activity) -> str:
    """Why an activity does not continue next year, or "" when it does. A no-go (which
    also stops the activity) says when and why it was decided."""
    if activity.decision == Decision.NO_GO:
        values = {
            "date": date_format(activity.decision_date) if activity.decision_date else "",
            "reason": activity.decision_reason.strip().rstrip("."),
        }
        if values["date"] and values["reason"]:
            return _("Decided no-go on %(date)s: %(reason)s.") % values
        if values["date"]:
            return _("Decided no-go on %(date)s.") % values
        if values["reason"]:
            return _("Decided no-go: %(reason)s.") % values
        return _("Decided no-go.")
    if activity.status == ActivityStatus.STOPPED:
        return _("Stopped in %(year)s.") % {"year": activity.year}
    return ""


def _share(value: Decimal, years: int, places: int) -> Decimal:
    exponent = Decimal(1).scaleb(-places)
    return (max(value, Decimal(0)) / max(years, 1)).quantize(exponent, rounding=ROUND_HALF_UP)


def _proposals(
    activities: list[Activity], source_year: int, year: int
) -> dict[int, list[ProposedTarget]]:
    """Per carried activity, each indicator with the target proposed for `year`: from the
    multi-year target covering `year` where the indicator counts towards one (a cumulative
    target's remainder spread over the period's remaining years), else this year's target."""
    indicators = list(
        Indicator.objects.filter(activity__in=activities)
        .annotate(
            year_target=FilteredRelation("targets", condition=Q(targets__year=source_year)),
            target_value=F("year_target__value"),
        )
        .order_by("activity_id", "kind", "order", "id")
    )
    through = MultiYearTarget.indicators.through
    links: dict[int, list[int]] = defaultdict(list)
    for indicator_id, target_id in through.objects.filter(
        indicator_id__in=[indicator.pk for indicator in indicators],
        multiyeartarget__start_year__lte=year,
        multiyeartarget__end_year__gte=year,
    ).values_list("indicator_id", "multiyeartarget_id"):
        links[indicator_id].append(target_id)
    ids = {target for found in links.values() for target in found}
    before_year = dt.date(year - 1, 12, 31)
    targets = {
        target.pk: target
        for target in with_period_values(
            MultiYearTarget.objects.filter(pk__in=ids).order_by("start_year", "pk"), before_year
        )
    }
    found: dict[int, list[ProposedTarget]] = defaultdict(list)
    for indicator in indicators:
        linked = sorted(links.get(indicator.pk, []), key=lambda pk: (targets[pk].start_year, pk))
        if linked:
            target = targets[linked[0]]
            places = indicator.decimal_places
            if indicator.aggregation == Aggregation.SUM:
                done = realised_in_period(target) or Decimal(0)
                value = _share(target.value - done, target.end_year - year + 1, places)
            else:
                value = target.value
            note = _("From the multi-year target %(period)s (%(value)s for the period).") % {
                "period": target.period,
                "value": grouped(target.value, places),
            }
            found[indicator.activity_id].append(
                ProposedTarget(indicator, value, note, linked, from_multi_year=True)
            )
        elif indicator.target_value is not None:
            note = _("Carried over from %(year)s as a proposal; review it.") % {"year": source_year}
            found[indicator.activity_id].append(
                ProposedTarget(indicator, indicator.target_value, note)
            )
        else:
            found[indicator.activity_id].append(ProposedTarget(indicator, None, ""))
    return found


def free_code(base: str, taken: set[str]) -> str:
    for number in range(1, 1000):
        code = f"{base}.M{number}"
        if code not in taken:
            return code
    raise ValueError(base)  # pragma: no cover - a thousand results of one line


def roll_over_preview(source: AnnualPlan) -> RollOver:
    """What drafting the annual plan after `source` from the multi-year plan would do."""
    year = source.year + 1
    preview = RollOver(source=source, year=year, refusal=roll_over_refusal(source, year))
    if preview.refusal:
        return preview
    activities = list(
        Activity.objects.filter(programme__plan=source.plan, year=source.year)
        .select_related("programme", "line")
        .order_by("programme__order", "programme__code", "line__order", "order", "code")
    )
    continuing = []
    for activity in activities:
        reason = _left_out_reason(activity)
        if reason:
            preview.left_out.append(LeftOut(activity, reason))
        else:
            continuing.append(activity)
    proposals = _proposals(continuing, source.year, year)
    preview.carried = [CarriedActivity(a, proposals.get(a.pk, [])) for a in continuing]
    taken: dict[int, set[str]] = defaultdict(set)
    for activity in continuing:
        taken[activity.programme_id].add(activity.code)
    results = (
        MultiYearResult.objects.filter(
            programme__plan=source.plan, start_year__lte=year, end_year__gte=year
        )
        .select_related("programme", "line")
        .order_by("programme__order", "programme__code", "line__order", "order", "pk")
    )
    for result in results:
        codes = taken[result.programme_id]
        if result.code and result.code in codes:
            continue  # carried out by an activity that carries over (or an earlier result)
        code = result.code or free_code(
            result.line.code if result.line else result.programme.code, codes
        )
        codes.add(code)
        preview.new.append(NewFromPlan(result, code))
    return preview
