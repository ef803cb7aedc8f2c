from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.utils.translation import gettext as _

from koers.core.money import euro
from koers.core.numbers import grouped
from koers.plans.progress import Progress, Status

register = template.Library()


@register.simple_tag
def value(indicator: Any, number: Decimal | None) -> str:
    """A value in the indicator's unit, formatted for the current language."""
    if number is None:
        return "—"
    unit = indicator.unit
    if unit == "milestone":
        return _("yes") if number >= 1 else _("no")
    places = 0 if unit == "count" or number == number.to_integral_value() else 1
    if unit == "euro":
        return euro(number, 0 if number == number.to_integral_value() else 2)
    text = grouped(number, places)
    if unit == "percentage":
        return f"{text}%"
    if unit == "hours":
        return _("%(hours)s h") % {"hours": text}
    return text


@register.simple_tag
def status_label(status: str) -> str:
    return str(Status(status).label)


@register.simple_tag
def progress_label(progress: Progress, indicator: Any) -> str:
    realised = value(indicator, progress.realised)
    parts = [
        _("%(realised)s of %(target)s realised")
        % {"realised": realised, "target": value(indicator, progress.target)}
        if progress.target is not None
        else _("%(realised)s realised") % {"realised": realised}
    ]
    if progress.expected is not None:
        parts.append(
            _("expected by now %(expected)s") % {"expected": grouped(progress.expected, 1)}
        )
    parts.append(_("status: %(status)s") % {"status": Status(progress.status).label})
    return ", ".join(parts)


@register.filter
def clamp_zero(number: Any) -> Any:
    return max(0, int(number))


@register.filter
def split(text: str) -> list[str]:
    return text.split()


@register.simple_tag
def count_in(counts: Any, status: str) -> int:
    return int(counts.get(status, 0))


@register.simple_tag
def activity_due(activity: Any, reference: Any) -> Any:
    """The activity's target date as shown on a page of `reference` (None without one)."""
    from koers.plans.queries import activity_due as due

    return due(activity, reference)
