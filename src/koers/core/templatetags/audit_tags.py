"""How audit entries read on screen: action names and field names in the user's language."""

from __future__ import annotations

from functools import cache
from typing import Any

from django import template
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model

from koers.core.audit import ACTION_LABELS, INSTALLATION, INSTALLATION_FIELDS

register = template.Library()


@register.simple_tag
def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action))


@cache
def _renamed_models() -> dict[str, type[Model]]:
    """Models by the labels they had before a rename (`former_labels` on the model): the
    audit trail is append-only, so entries written before keep the old label."""
    return {
        label: model for model in apps.get_models() for label in getattr(model, "former_labels", ())
    }


def _field(subject_type: str, name: str) -> Any:
    try:
        model: type[Model] = apps.get_model(subject_type)
    except LookupError:
        renamed = _renamed_models().get(subject_type.lower())
        if renamed is None:
            raise
        model = renamed
    return model._meta.get_field(name)


@register.simple_tag
def field_label(subject_type: str, name: str) -> str:
    """The field's name as users know it, for the history of changes."""
    if subject_type == INSTALLATION:
        return str(INSTALLATION_FIELDS.get(name, name))
    try:
        field = _field(subject_type, name)
    except (LookupError, ValueError, FieldDoesNotExist):
        return name
    # A reverse relation (the participants of an event) has no name of its own: its model's.
    if not hasattr(field, "verbose_name"):
        return str(field.related_model._meta.verbose_name_plural)
    return str(field.verbose_name)


@register.simple_tag
def change_value(subject_type: str, name: str, value: object) -> str:
    """A value in a change as users know it: a choice by its label, nothing as a dash."""
    if value is None or value == "":
        return "—"
    try:
        field = _field(subject_type, name)
    except (LookupError, ValueError, FieldDoesNotExist):
        return str(value)
    labels = dict(getattr(field, "flatchoices", None) or ())
    return str(labels.get(value, value))
