"""`koers restore FILE`: replace the database and the uploaded files with a backup's.

Stop the app servers and workers first. The archive is checked completely (checksums,
database kind, migrations) before anything is changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from koers.core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore a backup archive made by `koers backup` (replaces all current data)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("archive", type=Path)
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args: Any, **options: Any) -> None:
        archive: Path = options["archive"]
        if not archive.is_file():
            raise CommandError(f"No such archive: {archive}")
        if not options["yes"]:
            answer = input(
                "This replaces ALL current data with the archive's. Type 'restore' to go on: "
            )
            if answer.strip() != "restore":
                raise CommandError("Nothing was changed.")
        try:
            manifest = restore_backup(archive)
        except BackupError as error:
            raise CommandError(f"{error} Nothing was changed.") from error
        self.stdout.write(f"Restored the backup of {manifest['created_at']}.")
