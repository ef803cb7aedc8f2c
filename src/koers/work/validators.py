"""Checks of a record as a whole, before a service saves it; they read, never write."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from koers.work import rules
from koers.work.models import Project


def validate_project(project: Project) -> None:
    """Refuse a project whose fields do not fit together (raises ValidationError per field);
    the service and the admin both check a project with it before saving."""
    if project.programme_id is None and project.handover_by is None:
        raise ValidationError(
            {
                "handover_by": _(
                    "A project outside the programmes needs the date by which it is handed "
                    "over or ended."
                )
            }
        )
    if project.ends_on and project.ends_on < project.starts_on:
        raise ValidationError({"ends_on": _("The end lies before the start.")})
    rules.check_co_financing(
        partner=project.partner,
        hours_budget=project.hours_budget,
        programme_hours=project.programme_hours,
    )
