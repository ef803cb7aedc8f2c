"""Why a candidate was proposed for a shift, or why not: reasons as data, rendered in the
reader's language.

The matcher stores each reason as a small dict, `{"code": ..., **figures}`, on the
proposal (`Proposal.reasons`) or in a run's figures (the why-not of unfilled places), so a
page shows them in Dutch or English whoever ran the matcher. `describe` renders one;
a code this module does not know renders as itself (never an error on an old run)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

Reason = dict[str, Any]

# Reasons for: what made her fit (hard rules met, then what the score weighed).
FOR: dict[str, Promise] = {
    "role": _("Can work as %(role)s."),
    "qualification": _("%(kind)s valid on the shift's date (until %(until)s)."),
    "qualification_open": _("%(kind)s valid on the shift's date (does not expire)."),
    "available": _("Available on %(weekday)s from %(start)s to %(end)s."),
    "distance": _("Lives %(km)s km away; travels up to %(max_km)s km."),
    "priority": _("The request has priority %(priority)s."),
    "rested": _("Not asked in the last %(days)s days."),
    "asked_before": _("Asked %(times)s times in the last %(days)s days (weighs less)."),
    "same_organisation": _("Worked here before."),
    "chosen_instead": _("Chosen by a coordinator in place of the proposed candidate."),
}

# Reasons against: the hard rule she did not meet, or why the place went to someone else.
AGAINST: dict[str, Promise] = {
    "no_role": _("Does not work as %(role)s."),
    "stage": _("Is not deployable (stage: %(stage)s)."),
    "qualification_missing": _("Has no %(kind)s valid on %(day)s."),
    "qualification_expired": _("%(kind)s expired on %(until)s."),
    "not_available": _("Not available on %(weekday)s from %(start)s to %(end)s."),
    "too_far": _("Lives %(km)s km away; travels up to %(max_km)s km."),
    "distance_unknown": _("Distance unknown: no boundary for %(municipality)s."),
    "overlap": _("Already placed from %(start)s to %(end)s."),
    "assigned_elsewhere": _("Proposed for another shift at the same time."),
    "outscored": _("Others fitted better (score %(score)s against %(best)s)."),
    "no_candidates": _("Nobody in the pool meets the rules for this shift."),
    # Why a place stayed open: how many with the role fail first on which rule.
    "count_stage": _("%(count)s with the role are not deployable."),
    "count_qualification": _("%(count)s lack a qualification valid on the shift's date."),
    "count_availability": _("%(count)s are not available at that time."),
    "count_distance": _("%(count)s live too far away, or their distance is unknown."),
    "count_overlap": _("%(count)s are already placed at that time."),
    "count_elsewhere": _("%(count)s who fit were proposed for another shift at the same time."),
}


def describe(reason: Reason) -> str:
    code = str(reason.get("code", ""))
    template = FOR.get(code) or AGAINST.get(code)
    if template is None:
        return code
    figures = {key: _shown(key, value) for key, value in reason.items() if key != "code"}
    try:
        return str(template) % figures
    except (KeyError, TypeError, ValueError):
        return str(template)


def _shown(key: str, value: Any) -> Any:
    """Stored values as the reader reads them: choice values as their labels, ISO dates in
    the language's date format; figures as they are."""
    from koers.matching.models import CareRole, Priority, QualificationKind, Stage

    labels: dict[str, Any] = {
        "role": CareRole,
        "kind": QualificationKind,
        "stage": Stage,
        "priority": Priority,
    }
    if key in labels:
        try:
            label = str(labels[key](value).label)
        except ValueError:
            return value
        # A role is a common noun mid-sentence ("werkt niet als verpleegkundige").
        return label[:1].lower() + label[1:] if key == "role" else label
    if key == "weekday" and isinstance(value, int) and 0 <= value <= 6:
        from django.utils.dates import WEEKDAYS

        return str(WEEKDAYS[value]).lower()
    if key in {"start", "end"} and isinstance(value, str) and "T" in value:
        try:
            return date_format(dt.datetime.fromisoformat(value), "DATETIME_FORMAT")
        except ValueError:
            return value
    if key in {"day", "until"} and isinstance(value, str):
        try:
            return date_format(dt.date.fromisoformat(value), "SHORT_DATE_FORMAT")
        except ValueError:
            return value
    return value


def is_against(reason: Reason) -> bool:
    return str(reason.get("code", "")) in AGAINST
