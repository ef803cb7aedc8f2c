"""The form of an indicator's measurement: which measure counts it, and that measure's
parameters (`koers.plans.measures.Parameter`), one field each."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.core.forms import Form
from koers.plans.measures import Measure, Parameter, get_measure, measure_choices
from koers.plans.models import Indicator

PREFIX = "param_"


def measure_options() -> list[tuple[str, Any]]:
    return [("", _("Entered by hand")), *measure_choices()]


class MeasurementForm(Form):
    """`measure` is the measure whose parameters the form shows (the page chooses it first);
    it is posted along, hidden, and the parameters are read for it only."""

    measure = forms.ChoiceField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, indicator: Indicator, measure: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["measure"]
        field.choices = measure_options()
        self.initial["measure"] = measure
        self.chosen: Measure | None = get_measure(measure)
        stored = (indicator.measure_params or {}) if measure == indicator.measure else {}
        for parameter in self.chosen.parameters if self.chosen else ():
            current = parameter.current(stored)
            self.fields[PREFIX + parameter.name] = _field(parameter, indicator, current)
            self.initial[PREFIX + parameter.name] = current

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        params: dict[str, Any] = {}
        for parameter in self.chosen.parameters if self.chosen else ():
            value = cleaned.get(PREFIX + parameter.name)
            if parameter.many and not parameter.choices and isinstance(value, str):
                value = [part.strip() for part in value.split(",") if part.strip()]
            params.update(parameter.stored(value))
        # The service's arguments, nothing else.
        return {"measure": cleaned.get("measure", ""), "params": params}


def _field(parameter: Parameter, indicator: Indicator, current: Any) -> forms.Field:
    common: dict[str, Any] = {
        "label": parameter.label,
        "help_text": parameter.help_text,
        "required": parameter.required,
    }
    if parameter.choices is not None:
        choices = parameter.choices(indicator)
        # A value stored before that is no choice now (a municipality not recorded, set by
        # a script) stays offered, so saving the page unchanged keeps it.
        offered = {value for value, _label in choices}
        currents = current if isinstance(current, list) else [current]
        choices += [(value, value) for value in currents if value and value not in offered]
        if parameter.many:
            return forms.MultipleChoiceField(
                choices=choices, widget=forms.CheckboxSelectMultiple, **common
            )
        empty = "—" if parameter.required else (parameter.empty_label or _("(any)"))
        return forms.ChoiceField(choices=[("", empty), *choices], **common)
    if parameter.number:
        return forms.IntegerField(min_value=0, max_value=100_000, **common)
    return forms.CharField(max_length=300, **common)
