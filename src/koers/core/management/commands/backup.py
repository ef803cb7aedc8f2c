"""`koers backup [--output FILE]`: the database and the uploaded files in one checked archive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from koers.core.backup import BackupError, create_backup, default_backup_path


class Command(BaseCommand):
    help = "Write a backup archive (database + uploaded files + checksum manifest)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--output", type=Path, help="Archive to write (default: under the data directory)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        output = options["output"] or default_backup_path()
        try:
            result = create_backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Backup written: {result.path} ({result.size:,} bytes, {result.files} uploaded files)"
        )
