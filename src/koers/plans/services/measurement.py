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
from koers.plans.measures import get_measure
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
    year's plan is frozen. Realisations entered by hand are kept either way."""
    activity = indicator.activity
    require(actor, Capability.EDIT_PLAN, activity.programme)
    refuse_if_frozen(activity.programme, activity.year, "measure")
    chosen = get_measure(measure) if measure else None
    if measure and chosen is None:
        raise ValidationError({"measure": _("Koers cannot count this measure.")})
    if not isinstance(params, dict):
        raise ValidationError({"measure": _("The settings of the measure cannot be read.")})
    for parameter in chosen.parameters if chosen else ():
        if parameter.required and parameter.current(params) in ("", [], None):
            raise ValidationError(
                {"measure": _("%(setting)s is required.") % {"setting": parameter.label}}
            )
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
    before = snapshot(indicator, FIELDS)
    indicator.source = Source.DERIVED if chosen else Source.MANUAL
    indicator.measure = measure if chosen else ""
    indicator.measure_params = params if chosen else {}
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
