"""`koers restore FILE`: replace the database and the uploaded files with a backup's.

Stop the app servers and workers first. The archive is authenticated to its last byte with
the backup key and checked completely (checksums, database kind, migrations) before
anything is changed. `--check` does only that.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from koers.core.backup import BackupError, restore_backup, verify_backup


class Command(BaseCommand):
    help = "Restore a backup archive made by `koers backup` (replaces all current data)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("archive", type=Path)
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")
        parser.add_argument(
            "--check",
            action="store_true",
            help="Only read and check the archive with the backup key; change nothing.",
        )
        parser.add_argument(
            "--allow-unencrypted",
            action="store_true",
            help="Also accept an archive from before backups were encrypted. Nobody can tell "
            "whether such an archive was changed: use it only when you know where it has been.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        archive: Path = options["archive"]
        if not archive.is_file():
            raise CommandError(_("There is no archive %(path)s.") % {"path": archive})
        if options["check"]:
            self._check(archive, allow_unencrypted=options["allow_unencrypted"])
            return
        if not options["yes"]:
            answer = input(
                _("This replaces ALL current data with the archive's. Type 'restore' to go on: ")
            )
            if answer.strip() != "restore":
                raise CommandError(_("Nothing was changed."))
        try:
            manifest = restore_backup(archive, allow_unencrypted=options["allow_unencrypted"])
        except BackupError as error:
            raise CommandError(f"{error} {_('Nothing was changed.')}") from error
        self.stdout.write(f"Restored the backup of {manifest['created_at']}.")

    def _check(self, archive: Path, *, allow_unencrypted: bool) -> None:
        with tempfile.TemporaryDirectory(prefix="koers-check-") as work:
            try:
                checked = verify_backup(archive, Path(work), allow_unencrypted=allow_unencrypted)
            except BackupError as error:
                raise CommandError(str(error)) from error
        manifest = checked.manifest
        key = f"key {checked.key_id}" if checked.key_id else "not encrypted"
        self.stdout.write(
            f"The archive is complete and its checksums match: the backup of "
            f"{manifest['created_at']} ({manifest['database']}, {key}, SHA-256 {checked.sha256})."
        )
