"""The multi-year plan's own results and targets: adding and changing them.

Those who edit the plan (`Capability.EDIT_PLAN` on the programme) may. Each function
validates with messages for the user, keyed by field (a period outside the plan's years,
a last year before the first, a line or result or indicator of another programme), writes
in a transaction and records an audit entry; a refusal changes nothing. The records carry
no version: an edit is a plain audited edit.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from koers.accounts.roles import Capability
from koers.core.audit import audit_write, context_of, snapshot
from koers.plans.access import require
from koers.plans.models import Indicator, Line, MultiYearResult, MultiYearTarget, Programme

RESULT_FIELDS = ["line", "theme", "start_year", "end_year", "title", "activity_text"]
RESULT_FIELDS += ["result_text", "code"]
TARGET_FIELDS = ["result", "title", "start_year", "end_year", "value", "note"]


def _check_period(programme: Programme, start_year: int, end_year: int) -> None:
    plan = programme.plan
    errors: dict[str, list[str]] = {}
    outside = _("Choose a year of the plan, from %(start)s to %(end)s.") % {
        "start": plan.start_year,
        "end": plan.end_year,
    }
    if not plan.start_year <= start_year <= plan.end_year:
        errors["start_year"] = [outside]
    if not plan.start_year <= end_year <= plan.end_year:
        errors["end_year"] = [outside]
    elif end_year < start_year:
        errors["end_year"] = [_("The last year cannot lie before the first.")]
    if errors:
        raise ValidationError(errors)


def _required(value: str, field: str) -> str:
    value = value.strip()
    if not value:
        raise ValidationError({field: _("This field is required.")})
    return value


def _programme_of(record: Any, programme: Programme) -> None:
    if record is not None and record.programme_id != programme.pk:
        raise PermissionDenied


@transaction.atomic
def multi_year_result_save(
    *,
    actor: Any,
    programme: Programme,
    line: Line | None,
    start_year: int,
    end_year: int,
    title: str,
    activity_text: str,
    result_text: str,
    theme: str = "",
    code: str = "",
    result: MultiYearResult | None = None,
    remote_addr: str | None = None,
) -> MultiYearResult:
    """Add a multi-year result to `programme` (or one of its lines), or change `result`."""
    require(actor, Capability.EDIT_PLAN, programme)
    _programme_of(result, programme)
    if line is not None and line.programme_id != programme.pk:
        raise ValidationError({"line": _("Choose a line of this programme.")})
    _check_period(programme, start_year, end_year)
    title = _required(title, "title")
    activity_text = _required(activity_text, "activity_text")
    result_text = _required(result_text, "result_text")
    if result is None:
        last = MultiYearResult.objects.filter(programme=programme).aggregate(last=Max("order"))
        record = MultiYearResult(programme=programme, order=int(last["last"] or 0) + 1)
        before = None
    else:
        record = MultiYearResult.objects.select_for_update().get(pk=result.pk)
        before = snapshot(record, RESULT_FIELDS)
    record.line, record.start_year, record.end_year = line, start_year, end_year
    record.title, record.activity_text, record.result_text = title, activity_text, result_text
    record.theme, record.code = theme.strip(), code.strip()
    record.save()
    audit_write(
        actor=actor,
        action="multi_year_result.save",
        instance=record,
        context=context_of(programme),
        before=before,
        after=snapshot(record, RESULT_FIELDS),
        remote_addr=remote_addr,
    )
    return record


def _indicator_labels(indicators: Iterable[Indicator]) -> list[str]:
    return sorted(str(indicator.pk) for indicator in indicators)


@transaction.atomic
def multi_year_target_save(
    *,
    actor: Any,
    programme: Programme,
    title: str,
    start_year: int,
    end_year: int,
    value: Decimal,
    indicators: Iterable[Indicator] = (),
    result: MultiYearResult | None = None,
    note: str = "",
    target: MultiYearTarget | None = None,
    remote_addr: str | None = None,
) -> MultiYearTarget:
    """Add a multi-year target to `programme`, or change `target`: its value for the
    period as a whole and the yearly indicators (of the programme, in the period's years)
    whose realisations count towards it."""
    require(actor, Capability.EDIT_PLAN, programme)
    _programme_of(target, programme)
    title = _required(title, "title")
    _check_period(programme, start_year, end_year)
    if value < 0:
        raise ValidationError({"value": _("A target cannot be negative.")})
    if result is not None and result.programme_id != programme.pk:
        raise ValidationError({"result": _("Choose a multi-year result of this programme.")})
    chosen = list(indicators)
    ids = [indicator.pk for indicator in chosen]
    found = Indicator.objects.filter(pk__in=ids, activity__programme=programme)
    if found.count() != len(set(ids)):
        raise ValidationError({"indicators": _("Choose indicators of this programme.")})
    if found.exclude(activity__year__gte=start_year, activity__year__lte=end_year).exists():
        raise ValidationError(
            {
                "indicators": _("Choose indicators of the years %(start)s to %(end)s.")
                % {"start": start_year, "end": end_year}
            }
        )
    if target is None:
        record = MultiYearTarget(programme=programme)
        before = None
    else:
        record = MultiYearTarget.objects.select_for_update().get(pk=target.pk)
        before = snapshot(record, TARGET_FIELDS) | {
            "indicators": _indicator_labels(record.indicators.all())
        }
    record.title, record.start_year, record.end_year = title, start_year, end_year
    record.value, record.result, record.note = value, result, note.strip()
    record.save()
    record.indicators.set(chosen)
    audit_write(
        actor=actor,
        action="multi_year_target.save",
        instance=record,
        context=context_of(programme),
        before=before,
        after=snapshot(record, TARGET_FIELDS) | {"indicators": _indicator_labels(chosen)},
        remote_addr=remote_addr,
    )
    return record
