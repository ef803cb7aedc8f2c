"""`koers backup [--output FILE]`: the database and the uploaded files in one encrypted archive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from koers.core.backup import BackupError, create_backup, default_backup_path
from koers.core.backup.keys import configured_keys, key_file


class Command(BaseCommand):
    help = (
        "Write a backup archive (database + uploaded files + checksum manifest), encrypted "
        "with the backup key."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--output", type=Path, help="Archive to write (default: under the data directory)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        output = options["output"] or default_backup_path()
        try:
            first_key = not configured_keys()
            result = create_backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Backup written: {result.path} ({result.size:,} bytes, {result.files} uploaded "
            f"files, key {result.key_id})"
        )
        if first_key:
            # Said once, on the first backup: the key just made is the only way to read it.
            self.stderr.write(
                f"A new backup key was made in {key_file()}. Copy it somewhere other than the "
                "backups (a password manager, a safe): without it no backup can be read."
            )
