"""The rules of hours, each a function that raises ValidationError with a Dutch message.

Services call them inside their transaction; tests call them through the services.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_DOWN, Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext as _

MAX_HOURS_A_DAY = Decimal(24)
CO_FINANCING_SHARE = Decimal("0.5")  # DOMAIN.md: the programme pays at most half


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def check_day_total(day: dt.date, total: Decimal) -> None:
    if total > MAX_HOURS_A_DAY:
        raise ValidationError(
            _("%(day)s: %(total)s hours in one day; a day has at most 24.")
            % {"day": date_format(day), "total": total}
        )


def check_target_on(target: Any, day: dt.date) -> None:
    """A project only between its start and end; an activity only in its own year."""
    from koers.plans.models import Activity
    from koers.work.models import Project, TimeCategory

    if isinstance(target, Project):
        if day < target.starts_on or (target.ends_on and day > target.ends_on):
            raise ValidationError(
                _("%(day)s lies outside project %(project)s (%(start)s – %(end)s).")
                % {
                    "day": date_format(day),
                    "project": target,
                    "start": date_format(target.starts_on),
                    "end": date_format(target.ends_on) if target.ends_on else "…",
                }
            )
    elif isinstance(target, Activity):
        if day.year != target.year:
            raise ValidationError(
                _("%(day)s is not in %(year)s, the year of activity %(activity)s.")
                % {"day": date_format(day), "year": target.year, "activity": target.code}
            )
    elif isinstance(target, TimeCategory) and not target.active:
        raise ValidationError(_("The category %(name)s is no longer in use.") % {"name": target})


def check_note(target: Any, note: str) -> None:
    from koers.work.models import TimeCategory

    if isinstance(target, TimeCategory) and target.needs_note and not note.strip():
        raise ValidationError(_("Hours on %(name)s need a note.") % {"name": target})


def check_co_financing(
    *, partner: Any, hours_budget: Decimal | None, programme_hours: Decimal | None
) -> None:
    """With a municipality or organisation as partner, the programme pays at most half of
    the organisation's hours on the project (knowledge sharing included)."""
    if partner is None or programme_hours is None:
        return
    if hours_budget is None:
        raise ValidationError(
            {
                "hours_budget": _(
                    "With a partner, give the hours budget so the 50% rule can be checked."
                )
            }
        )
    if programme_hours > hours_budget:
        raise ValidationError(
            {"programme_hours": _("The programme's hours exceed the hours budget.")}
        )
    # Rounded down to the cent the hours are kept in: rounding half a cent up would let the
    # programme pay a little over half (50.02 of 100.03 hours).
    limit = (hours_budget * CO_FINANCING_SHARE).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    if programme_hours > limit:
        raise ValidationError(
            {
                "programme_hours": _(
                    "The programme may pay at most 50%% of the hours on a project with a "
                    "partner: at most %(limit)s of %(budget)s hours, not %(hours)s."
                )
                % {"limit": limit, "budget": hours_budget, "hours": programme_hours}
            }
        )
