"""Domain rules for values, dates and frozen plans, with messages meant for the user."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.plans.models import Activity, AnnualPlan, AnnualPlanStatus, Indicator, Programme, Unit


def validate_value(indicator: Indicator, value: Decimal, *, field: str = "value") -> None:
    """Refuse a value the indicator's unit cannot hold."""
    if not value.is_finite():
        raise ValidationError({field: _("Enter a number.")})
    exponent = value.normalize().as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if indicator.unit == Unit.MILESTONE:
        if value not in (Decimal(0), Decimal(1)):
            raise ValidationError(
                {field: _("A milestone is either reached (yes) or not (no); enter 1 or 0.")}
            )
        return
    if value < 0:
        raise ValidationError({field: _("The value cannot be negative.")})
    if indicator.unit == Unit.COUNT and decimals:
        raise ValidationError({field: _("A number of things is a whole number.")})
    if decimals > 2:
        raise ValidationError({field: _("Use at most two decimals.")})
    if indicator.unit == Unit.PERCENTAGE and value > 100:
        raise ValidationError({field: _("A percentage cannot be above 100.")})


def validate_realisation_date(programme: Programme, day: dt.date, *, year: int) -> None:
    plan = programme.plan
    if not plan.start_year <= day.year <= plan.end_year:
        raise ValidationError(
            {
                "date": _("The date lies outside the plan period %(start)s–%(end)s.")
                % {"start": plan.start_year, "end": plan.end_year}
            }
        )
    if day.year != year:
        raise ValidationError(
            {
                "date": _(
                    "This activity belongs to the annual plan of %(year)s; "
                    "record results for another year on that year's activity."
                )
                % {"year": year}
            }
        )
    if day > timezone.localdate():
        raise ValidationError({"date": _("A realisation cannot lie in the future.")})


def frozen_message(annual_plan: AnnualPlan) -> str:
    return _(
        "The annual plan %(year)s is %(status)s: its targets and activity texts are frozen. "
        "Propose an amendment instead."
    ) % {"year": annual_plan.year, "status": annual_plan.get_status_display().lower()}


def annual_plan_of(programme: Programme, year: int, *, lock: bool = False) -> AnnualPlan | None:
    """The annual plan of `year`; with `lock`, held until the transaction ends so a
    submission cannot slip in between this check and the write that relies on it."""
    plans = AnnualPlan.objects.filter(plan_id=programme.plan_id, year=year)
    if lock:
        plans = plans.select_for_update()
    return plans.first()


def refuse_if_frozen(programme: Programme, year: int, field: str) -> None:
    annual_plan = annual_plan_of(programme, year, lock=True)
    if annual_plan is not None and annual_plan.is_frozen:
        raise ValidationError({field: frozen_message(annual_plan)})


def refuse_if_accounted(activity: Activity, field: str = "date") -> None:
    """Refuse a change to what an activity delivered once its year has been accounted for."""
    annual_plan = annual_plan_of(activity.programme, activity.year, lock=True)
    if annual_plan is not None and annual_plan.status == AnnualPlanStatus.ACCOUNTED:
        raise ValidationError(
            {
                field: _("The year %(year)s has been accounted for; its results cannot change.")
                % {"year": activity.year}
            }
        )
