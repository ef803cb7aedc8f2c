"""`koers import_boundaries FILE [--dry-run]`: a newer or finer set of municipal boundaries.

The file is TopoJSON or GeoJSON whose municipalities carry their CBS code (`statcode`), as
CBS and PDOK publish them. A refused file changes nothing; `--dry-run` shows what an import
would change and stores nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from koers.core.boundaries import BoundaryChanges, boundaries_import, refusal
from koers.core.geo import BoundaryFileError


class Command(BaseCommand):
    help = "Import municipal boundaries (TopoJSON or GeoJSON with CBS codes) for the maps."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", help="A TopoJSON or GeoJSON file of municipalities.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would change; store nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(settings.LANGUAGE_CODE):
            path = Path(options["file"])
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                raise CommandError(
                    _("The file %(file)s cannot be read: %(error)s")
                    % {"file": path, "error": error}
                ) from error
            try:
                changes = boundaries_import(text=text, source=path.name, dry_run=options["dry_run"])
            except BoundaryFileError as error:
                raise CommandError(
                    _("%(file)s refused, nothing changed: %(reason)s")
                    % {"file": path.name, "reason": refusal(error)}
                ) from error
            self._report(changes, dry_run=options["dry_run"])

    def _report(self, changes: BoundaryChanges, *, dry_run: bool) -> None:
        lines = [
            _("Added: %(count)d %(codes)s")
            % {"count": len(changes.added), "codes": " ".join(changes.added)},
            _("Changed: %(count)d %(codes)s")
            % {"count": len(changes.changed), "codes": " ".join(changes.changed)},
            _("Removed: %(count)d %(codes)s")
            % {"count": len(changes.removed), "codes": " ".join(changes.removed)},
            _("Unchanged: %(count)d") % {"count": changes.unchanged},
        ]
        for line in lines:
            self.stdout.write(line.rstrip())
        if dry_run:
            self.stdout.write(_("Dry run: nothing was stored."))
        else:
            self.stdout.write(_("The boundaries are imported; the maps use them from now on."))
