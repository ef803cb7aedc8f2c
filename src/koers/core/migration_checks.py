"""Checks a migration runs before it adds a unique constraint to existing rows.

A migration must never delete or merge records to make a constraint fit. When rows would
violate it, the migration stops before changing anything and names them, so that people who
know the records can decide which one is right and resolve the others, then migrate again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.db.models import Count, Q


class DuplicateRowsError(RuntimeError):
    """Existing rows would violate a unique constraint the migration adds."""


def refuse_duplicates(
    model: str, fields: Sequence[str], condition: Q | None = None
) -> Callable[[Any, Any], None]:
    """A RunPython function: raises DuplicateRowsError, naming the rows, when rows of
    `model` ("app.Model") that meet `condition` share the values of `fields`."""

    def check(apps: Any, schema_editor: Any) -> None:
        rows = apps.get_model(model)._base_manager.using(schema_editor.connection.alias)
        if condition is not None:
            rows = rows.filter(condition)
        clashes = (
            rows.values(*fields).annotate(rows=Count("pk")).filter(rows__gt=1).order_by(*fields)
        )
        found = []
        for clash in clashes[:20]:
            key = {name: clash[name] for name in fields}
            ids = sorted(rows.filter(**key).values_list("pk", flat=True))
            found.append(f"{key}: ids {ids}")
        if found:
            raise DuplicateRowsError(
                f"{model}: these rows share {', '.join(fields)}, which must be unique; "
                "nothing has been changed. Decide with those who keep these records which "
                "one stays, resolve the others by hand, then migrate again.\n" + "\n".join(found)
            )

    return check
