"""`koers check_logs`: are the audit trail and the access log still append-only in the
database? Exits 1, naming what is wrong, when a trigger is missing, disabled or altered."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from koers.core import append_only


class Command(BaseCommand):
    help = "Check that the database still refuses to change or remove log records."

    def handle(self, *args: Any, **options: Any) -> None:
        found = append_only.problems()
        if found:
            raise CommandError(
                "The logs are not protected as they should be:\n  "
                + "\n  ".join(found)
                + "\nIf nobody changed them on purpose, investigate; `koers migrate` puts "
                "the protection back."
            )
        tables = ", ".join(m._meta.db_table for m in append_only.protected_models())
        self.stdout.write(f"The logs are append-only in the database ({tables}).")
