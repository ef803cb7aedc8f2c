"""`koers backup_key`: make a backup key, rotate the key file, or list the keys in use.

Backups are encrypted with the first key of KOERS_BACKUP_KEY or the key file and read with
any of them (koers.core.backup.keys). Without an option a new key is printed for
KOERS_BACKUP_KEY; nothing is stored.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from koers.core.backup.errors import BackupError
from koers.core.backup.keys import (
    ENVIRONMENT,
    configured_keys,
    generate_key,
    key_file,
    rotate_key_file,
)


class Command(BaseCommand):
    help = "Make a new backup key, put one first in the key file (--rotate), or list the keys."

    def add_arguments(self, parser: Any) -> None:
        group = parser.add_mutually_exclusive_group()
        group.add_argument(
            "--rotate",
            action="store_true",
            help="Put a new key first in the key file; the old keys stay to read older backups.",
        )
        group.add_argument(
            "--list", action="store_true", help="Show the ids of the keys in use (not the keys)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["rotate"]:
                self._rotate()
            elif options["list"]:
                self._list()
            else:
                self.stdout.write(generate_key())
                self.stderr.write(
                    f"A new backup key. Put it first in {ENVIRONMENT}, followed by a comma and "
                    "the old keys, and keep a copy somewhere other than the backups."
                )
        except BackupError as error:
            raise CommandError(str(error)) from error

    def _rotate(self) -> None:
        key = rotate_key_file()
        self.stdout.write(
            f"New backup key {key.label} written first in {key_file()}; new backups use it. "
            "Keep the old keys in the file as long as you keep backups made with them, and "
            "copy the file somewhere other than the backups."
        )

    def _list(self) -> None:
        keys = configured_keys()
        source = ENVIRONMENT if settings.BACKUP_KEYS.strip() else str(key_file())
        if not keys:
            self.stdout.write(f"No backup key yet; the first backup writes one to {key_file()}.")
            return
        self.stdout.write(f"Backup keys from {source}:")
        for position, key in enumerate(keys):
            use = "encrypts new backups, reads" if position == 0 else "reads"
            self.stdout.write(f"  {key.label}  {use}")
