"""Optimistic locking for records edited through forms.

A versioned record carries a `version` that every save through a service raises by one.
A form carries the version it was opened with; the service calls `lock_for_edit` with it
inside its transaction, and gets `ConflictError` (holding the record as it is now) when
someone saved in between, instead of silently overwriting their change. The page side of
this — showing the other version and keeping her input — is `koers.core.pages`.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models

Versioned = TypeVar("Versioned", bound=models.Model)


class ConflictError(Exception):
    """Someone else saved the record since the form was opened."""

    def __init__(self, current: Any) -> None:
        super().__init__("stale version")
        self.current = current


class VersionedModel(models.Model):
    """A model edited through forms with a version check (see `lock_for_edit`).

    The field is declared exactly as the versioned models declare it, so a model that
    inherits it instead needs no migration.
    """

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


def lock_for_edit(record: Versioned, expected_version: int | None) -> Versioned:
    """`record` fetched again and locked until the transaction ends, its version raised
    for the write to come; ConflictError when someone saved it since `expected_version`
    (None: no check, e.g. a service call without a form)."""
    locked = type(record).objects.select_for_update().get(pk=record.pk)  # type: ignore[attr-defined]
    if expected_version is not None and locked.version != expected_version:
        raise ConflictError(locked)
    locked.version += 1
    return locked
