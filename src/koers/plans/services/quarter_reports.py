"""The quarter's progress of each activity: narrative, risks and a status override."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from koers.accounts.roles import Capability
from koers.core.audit import audit_write, context_of, snapshot
from koers.core.periods import Quarter
from koers.core.reference import default_reference
from koers.core.versioning import ConflictError, EntriesRefused, lock_for_edit
from koers.plans.access import require
from koers.plans.models import Activity, QuarterReport
from koers.plans.progress import OVERRIDE_STATUSES
from koers.plans.validation import refuse_if_accounted

REPORT_FIELDS = ["narrative", "risks", "status_override", "override_reason"]


def _wanted(current: QuarterReport | None, values: dict[str, str]) -> dict[str, str]:
    """The record's fields after the save: `values` over what is there now, trimmed, and
    checked. Removing the override removes its reason (the history keeps both)."""
    wanted = dict.fromkeys(REPORT_FIELDS, "")
    if current is not None:
        wanted.update(snapshot(current, REPORT_FIELDS))
    wanted.update({name: (value or "").strip() for name, value in values.items()})
    override = wanted["status_override"]
    if override and override not in OVERRIDE_STATUSES:
        raise ValidationError(
            {"status_override": _("Choose achieved, on track, behind or open, or no override.")}
        )
    if not override:
        wanted["override_reason"] = ""
    elif not wanted["override_reason"]:
        raise ValidationError(
            {"override_reason": _("Give the reason why the status differs from the computed one.")}
        )
    return wanted


@transaction.atomic
def quarter_report_save(
    *,
    actor: Any,
    activity: Activity,
    quarter: int,
    values: dict[str, str],
    expected_version: int | None,
    remote_addr: str | None = None,
) -> QuarterReport:
    """Write the narrative, risks and status override of `activity` for `quarter` of its year.

    `values` holds some of REPORT_FIELDS; the others keep what they are. An override needs
    its reason. `expected_version` is the version the form was opened with (0: there was
    none yet; None: no check); when someone saved in between, ConflictError carries the
    current record, unless the save would change nothing, which returns it untouched.
    Refused for quarters that have not begun and once the year is accounted for. Every
    change is audited with before and after, in the activity's history.
    """
    unknown = set(values) - set(REPORT_FIELDS)
    if unknown:
        raise ValueError(f"Not part of a quarter report: {sorted(unknown)}")
    require(actor, Capability.REPORT_PROGRESS, activity.programme)
    if quarter not in (1, 2, 3, 4):
        raise ValidationError({"quarter": _("A quarter is 1, 2, 3 or 4.")})
    period = Quarter(activity.year, quarter)
    if period.start > default_reference():  # the demo's "today", elsewhere today
        raise ValidationError(
            {
                "narrative": _("%(quarter)s has not begun; write its progress once it has.")
                % {"quarter": period}
            }
        )
    refuse_if_accounted(activity, "narrative")
    existing = QuarterReport.objects.filter(activity=activity, quarter=quarter).first()
    if existing is not None and _wanted(existing, values) == snapshot(existing, REPORT_FIELDS):
        return existing
    if existing is None:
        wanted = _wanted(None, values)
        if not any(wanted.values()):
            raise ValidationError(
                {"narrative": _("Write what happened, the risks or a status before saving.")}
            )
        report = QuarterReport(activity=activity, quarter=quarter, updated_by=actor, **wanted)
        try:
            with transaction.atomic():
                report.save()
        except IntegrityError as error:  # someone wrote the quarter at the same moment
            raise ConflictError(
                QuarterReport.objects.get(activity=activity, quarter=quarter)
            ) from error
        before = dict.fromkeys(REPORT_FIELDS, "")  # the history lists what she filled in
    else:
        report = lock_for_edit(existing, expected_version)
        before = snapshot(report, REPORT_FIELDS)
        for name, value in _wanted(report, values).items():
            setattr(report, name, value)
        report.updated_by = actor
        report.save(update_fields=[*REPORT_FIELDS, "updated_by", "updated_at", "version"])
    report.activity = activity
    audit_write(
        actor=actor,
        action="quarter_report.save",
        instance=report,
        context=context_of(activity),
        before=before,
        after=snapshot(report, REPORT_FIELDS),
        remote_addr=remote_addr,
    )
    return report


@dataclass(frozen=True)
class QuarterReportEntry:
    """One activity's part of a quarter page: what she wrote and the version she saw."""

    activity: Activity
    values: dict[str, str]
    expected_version: int | None


class QuarterReportsRefused(EntriesRefused):
    """Some entries of a page could not be saved, so none was: per activity id, the
    ValidationError or ConflictError that refused it."""


@transaction.atomic
def quarter_reports_save(
    *,
    actor: Any,
    quarter: int,
    entries: Sequence[QuarterReportEntry],
    remote_addr: str | None = None,
) -> list[QuarterReport]:
    """Save a quarter page in one go: all entries or, when any is refused, none
    (QuarterReportsRefused says which and why, so each can be shown next to its form)."""
    saved: list[QuarterReport] = []
    errors: dict[int, ValidationError | ConflictError] = {}
    for entry in entries:
        try:
            with transaction.atomic():
                saved.append(
                    quarter_report_save(
                        actor=actor,
                        activity=entry.activity,
                        quarter=quarter,
                        values=entry.values,
                        expected_version=entry.expected_version,
                        remote_addr=remote_addr,
                    )
                )
        except (ValidationError, ConflictError) as error:
            errors[entry.activity.pk] = error
    if errors:
        raise QuarterReportsRefused(errors)
    return saved
