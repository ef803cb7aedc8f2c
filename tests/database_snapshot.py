"""Every row of every table, and every stored file: to show that a request changed nothing.

Two tables are left out, both the bookkeeping of signing in rather than anyone's records:
the session store (`sessions.session`), which the test client and Django's session
middleware write on requests that change no record, and Koers's list of a user's
sessions (`accounts.usersession`), whose "last seen" moves with every request.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import connection

EXCLUDED = {
    "sessions.session": "the session store, written by signing in and by the middleware",
    "accounts.usersession": "a user's sessions; 'last seen' moves with every request",
}

Snapshot = dict[str, list[tuple[Any, ...]]]


def snapshot() -> Snapshot:
    """Every model's table, all its rows in primary-key order (read with plain SQL: the ORM
    would take most of a second for the hundred tables), and the files under MEDIA_ROOT."""
    tables: Snapshot = {}
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            meta = model._meta
            if meta.proxy or meta.label_lower in EXCLUDED:
                continue  # a proxy's rows are its concrete model's
            cursor.execute(
                f"SELECT * FROM {quote(meta.db_table)} ORDER BY {quote(meta.pk.column)}"  # noqa: S608
            )
            tables[meta.label_lower] = [tuple(row) for row in cursor.fetchall()]
    media = Path(settings.MEDIA_ROOT)
    tables["<files>"] = [
        (str(path.relative_to(media)),) for path in sorted(media.rglob("*")) if path.is_file()
    ]
    return tables


def changed_tables(before: Snapshot, after: Snapshot) -> tuple[str, ...]:
    """The tables (and "<files>") whose rows differ."""
    names = before.keys() | after.keys()
    return tuple(sorted(name for name in names if before.get(name) != after.get(name)))
