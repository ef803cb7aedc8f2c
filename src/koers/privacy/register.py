"""The register of processing (AVG art. 30), built from the models' declarations."""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models

from koers.core.privacy import PersonalData, declaration_of


@dataclass(frozen=True)
class RegisterEntry:
    model: type[models.Model]
    declaration: PersonalData
    field_labels: tuple[str, ...]

    @property
    def name(self) -> str:
        return str(self.model._meta.verbose_name_plural)

    @property
    def app(self) -> str:
        return str(apps.get_app_config(self.model._meta.app_label).verbose_name)


def _label(model: type[models.Model], name: str) -> str:
    try:
        return str(getattr(model._meta.get_field(name), "verbose_name", name))
    except FieldDoesNotExist:  # a declared name that is not a field (a test checks)
        return name


def processing_register() -> list[RegisterEntry]:
    entries = []
    for model in apps.get_models():
        declaration = declaration_of(model)
        if declaration is None:
            continue
        labels = tuple(_label(model, name) for name in declaration.fields)
        entries.append(RegisterEntry(model, declaration, labels))
    return sorted(entries, key=lambda entry: (entry.app, entry.name))
