"""The portfolio as a workbook: a sheet per part, numbers as numbers."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from koers.portfolio.queries import Portfolio


def sheets(found: Portfolio) -> list[tuple[str, list[str], list[list[Any]]]]:
    return [goals_sheet(found), units_sheet(found), partners_sheet(found), amendments_sheet(found)]


def goals_sheet(found: Portfolio) -> tuple[str, list[str], list[list[Any]]]:
    header = [
        _("Goal"),
        _("Partner"),
        _("Programme"),
        _("Activity"),
        _("Status"),
        _("Indicator"),
        _("Unit"),
        _("Target"),
        _("Realised"),
    ]
    rows: list[list[Any]] = []
    for block in found.goals:
        goal = f"{block.goal.code} {block.goal.title}"
        if block.is_gap:
            rows.append([goal, _("no one works on this goal"), "", "", "", "", "", None, None])
        for work in block.partners:
            for line in work.activities:
                base = [goal, work.organisation.name, line.programme.name]
                base += [f"{line.code} {line.title}", str(line.status.label)]
                if not line.indicators:
                    rows.append([*base, "", "", None, None])
                for indicator in line.indicators:
                    progress = indicator.progress
                    rows.append(
                        [
                            *base,
                            indicator.title,
                            indicator.unit,
                            progress.target,
                            progress.realised if progress.measured else None,
                        ]
                    )
    return (_("Goals and work"), header, rows)


def units_sheet(found: Portfolio) -> tuple[str, list[str], list[list[Any]]]:
    partners = [summary.organisation for summary in found.partners]
    header = [_("Goal"), _("Indicator"), _("Unit"), _("Total target"), _("Total realised")]
    for organisation in partners:
        header += [
            _("%(partner)s: target") % {"partner": organisation.name},
            _("%(partner)s: realised") % {"partner": organisation.name},
        ]
    rows: list[list[Any]] = []
    for block in found.goals:
        for unit in block.units:
            row: list[Any] = [f"{block.goal.code} {block.goal.title}", unit.name, unit.unit]
            row += [unit.target, unit.realised] if unit.summed else [None, None]
            for organisation in partners:
                target, realised = unit.per_partner.get(organisation.pk, (None, None))
                row += [target, realised]
            rows.append(row)
    return (_("Per indicator"), header, rows)


def partners_sheet(found: Portfolio) -> tuple[str, list[str], list[list[Any]]]:
    header = [
        _("Partner"),
        _("Programmes"),
        _("Activities"),
        _("Behind"),
        _("Grants"),
        _("Granted (€)"),
        _("Reports received"),
        _("Obligations overdue"),
    ]
    rows = [
        [
            s.organisation.name,
            s.programmes,
            s.activities,
            s.behind,
            s.grants,
            s.granted,
            len(s.reports),
            s.obligations_due,
        ]
        for s in found.partners
    ]
    return (_("Partners"), header, rows)


def amendments_sheet(found: Portfolio) -> tuple[str, list[str], list[list[Any]]]:
    header = [_("Partner"), _("Activity"), _("What changes"), _("Current"), _("Proposed")]
    header += [_("Reason"), _("Proposed on")]
    rows = [
        [
            a.activity.programme.plan.organisation.name,
            f"{a.activity.code} {a.activity.title}",
            str(a.get_field_display()),
            a.old_value,
            a.new_value,
            a.reason,
            timezone.localdate(a.proposed_at),
        ]
        for a in found.amendments
    ]
    return (_("Amendments awaiting"), header, rows)
