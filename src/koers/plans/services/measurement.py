"""Setting how an indicator is measured: by hand, or counted by a registered measure with
its parameters."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from koers.accounts.roles import Capability
from koers.core.audit import audit_write, context_of, snapshot
from koers.plans.access import require
from koers.plans.measures import Measure, get_measure
from koers.plans.models import Indicator, Source
from koers.plans.validation import refuse_if_frozen

FIELDS = ["source", "measure", "measure_params"]


@transaction.atomic
def indicator_measure_set(
    *,
    actor: Any,
    indicator: Indicator,
    measure: str,
    params: dict[str, Any],
    remote_addr: str | None = None,
) -> Indicator:
    """Make the indicator counted by `measure` with `params`, or entered by hand when
    `measure` is empty. How an indicator is measured is part of the plan: refused once the
    year's plan is frozen. Realisations entered by hand are kept either way. With the same
    measure, stored settings that no parameter declares (set by a script) are kept."""
    indicator = (
        Indicator.objects.select_for_update().select_related("activity").get(pk=indicator.pk)
    )
    activity = indicator.activity
    require(actor, Capability.EDIT_PLAN, activity.programme)
    refuse_if_frozen(activity.programme, activity.year, "measure")
    chosen = get_measure(measure) if measure else None
    if measure and chosen is None:
        raise ValidationError({"measure": _("Koers cannot count this measure.")})
    params = _checked(chosen, params) if chosen else {}
    if chosen and measure == indicator.measure:
        kept = {
            key: value
            for key, value in (indicator.measure_params or {}).items()
            if key not in chosen.parameter_keys
        }
        params = {**kept, **params}
    before = snapshot(indicator, FIELDS)
    indicator.source = Source.DERIVED if chosen else Source.MANUAL
    indicator.measure = measure if chosen else ""
    indicator.measure_params = params
    indicator.save(update_fields=FIELDS)
    audit_write(
        actor=actor,
        action="indicator.measure",
        instance=indicator,
        context=context_of(activity),
        before=before,
        after=snapshot(indicator, FIELDS),
        remote_addr=remote_addr,
    )
    return indicator


def _checked(measure: Measure, params: Any) -> dict[str, Any]:
    """`params` as the measure's parameters may store them, or a ValidationError: only the
    keys they write, whole numbers of at least 0, lists of text, and what is required."""
    unreadable = ValidationError({"measure": _("The settings of the measure cannot be read.")})
    if not isinstance(params, dict) or not set(params) <= measure.parameter_keys:
        raise unreadable
    for parameter in measure.parameters:
        value = params.get(parameter.name)
        if (
            parameter.number
            and value not in (None, "")
            and (not isinstance(value, int) or isinstance(value, bool) or value < 0)
        ):
            raise unreadable
        if (
            parameter.many
            and value is not None
            and (not isinstance(value, list) or not all(isinstance(item, str) for item in value))
        ):
            raise unreadable
        if parameter.required and parameter.current(params) in ("", [], None):
            raise ValidationError(
                {"measure": _("%(setting)s is required.") % {"setting": parameter.label}}
            )
    return params
