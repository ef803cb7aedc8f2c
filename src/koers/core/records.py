"""URL parts that name a record: `<activity:pk>` where a plain URL would say `<int:pk>`.

Each app registers its models under a converter name in its `ready()`. The URL then
says which record it takes, and the tenancy check (`koers.accounts.tenancy`) can tell,
without a table kept beside the URL patterns, whose record a refused request asked for:
a user of another organisation gets 404 (the record's existence is not confirmed), not
403. The converter itself only matches digits and hands the view an int, like `int`.

A record belongs to an organisation through a relation path (`owner_lookup`): the
model's own `TENANT_PATH` when it declares one, else the first of the audit trail's
`ORGANISATION_PATHS` the model has. A record no organisation owns (a funder's goal, the
shared directory, the installation's statistics) is registered with `shared=True`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import register_converter

from koers.core.audit import ORGANISATION_PATHS


@dataclass(frozen=True)
class RecordKind:
    model: type[models.Model]
    shared: bool


RECORD_KINDS: dict[str, RecordKind] = {}

# `<converter:name>` in a route (Django's own syntax).
ROUTE_PART = re.compile(r"<(?P<converter>\w+):(?P<name>\w+)>")


class RecordConverter:
    regex = "[0-9]+"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(int(value))


def register_records(shared: bool = False, **kinds: type[models.Model]) -> None:
    """Make `<name:…>` a URL part taking a record of the given model, per keyword."""
    for name, model in kinds.items():
        known = RECORD_KINDS.get(name)
        if known is not None:
            if known.model is not model:
                raise ValueError(f"The URL part <{name}:…> names {known.model} already.")
            continue
        RECORD_KINDS[name] = RecordKind(model=model, shared=shared)
        register_converter(type(f"{name.title()}Converter", (RecordConverter,), {}), name)


def records_in(route: str) -> list[tuple[str, RecordKind]]:
    """The URL kwargs of `route` that name records, with the kind of record each names."""
    found = []
    for part in ROUTE_PART.finditer(route):
        kind = RECORD_KINDS.get(part["converter"])
        if kind is not None:
            found.append((part["name"], kind))
    return found


def _path_exists(model: type[models.Model], path: tuple[str, ...]) -> bool:
    current: type[models.Model] = model
    for step in path:
        try:
            field = current._meta.get_field(step)
        except FieldDoesNotExist:
            return False
        if field.related_model is None:
            return False
        current = field.related_model  # type: ignore[assignment]
    return True


def owner_lookup(model: type[models.Model]) -> str | None:
    """The ORM lookup from `model` to the id of the organisation its records belong to."""
    declared = getattr(model, "TENANT_PATH", None)
    if declared:
        return f"{declared}_id"
    for path in ORGANISATION_PATHS:
        if _path_exists(model, path):
            return "__".join(path) + "_id"
    return None


def owners_of(model: type[models.Model], pk: int) -> set[int] | None:
    """The organisations that hold record `pk` (none if there is no such record), or None
    when no path leads from `model` to an organisation."""
    lookup = owner_lookup(model)
    if lookup is None:
        return None
    values = model._default_manager.filter(pk=pk).values_list(lookup, flat=True)
    return {value for value in values if value is not None}
