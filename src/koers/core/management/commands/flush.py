"""`flush` as Django has it, but able to empty the append-only logs.

Their triggers refuse to remove recent records one by one (koers.core.append_only). Wiping
the whole database is another act than removing some records, and one only a person who
may drop the database anyway can do; the test suite does it between tests. So the
triggers are lifted for the flush's own transaction and put back in it: if the flush
fails, nothing changed.
"""

from __future__ import annotations

from typing import Any

from django.core.management.commands import flush
from django.db import connections, transaction

from koers.core import append_only


class Command(flush.Command):
    help = flush.Command.help + " The logs' append-only triggers are lifted for it and restored."

    def handle(self, **options: Any) -> None:
        connection = connections[options["database"]]
        with transaction.atomic(using=connection.alias):
            append_only.lift(connection)
            super().handle(**options)
            append_only.install(connection)
