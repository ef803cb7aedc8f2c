"""`koers import_statline PATH`: a CBS StatLine table into Koers's statistics.

PATH is the folder `cbsodata.download_data(table_id, dir=PATH)` writes, or a StatLine CSV
export (with `--table-id` and `--title`, which a CSV does not say). `--dry-run` reports what
the import would add, change and remove, and what does not fit, and stores nothing. A refused
import changes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from koers.insight.importing import ImportRefused, ImportReport, import_table, rows_of
from koers.insight.models import ImportMethod
from koers.insight.statline import TableError, read_table


class Command(BaseCommand):
    help = "Import a CBS StatLine table (OData download folder or CSV export); --dry-run first."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("path", help="A cbsodata download folder, or a StatLine CSV export.")
        parser.add_argument("--dry-run", action="store_true", help="Report only; store nothing.")
        parser.add_argument("--table-id", default="", help="For a CSV: the table's id (85496NED).")
        parser.add_argument("--title", default="", help="For a CSV: the table's title.")
        parser.add_argument("--source", default="CBS StatLine", help="For a CSV: who publishes it.")
        parser.add_argument("--licence", default="CC BY 4.0 (CBS)", help="For a CSV: its licence.")
        parser.add_argument(
            "--skip-unknown-regions",
            action="store_true",
            help="Leave out rows whose region Koers does not know, and import the rest.",
        )
        parser.add_argument(
            "--remove-absent",
            action="store_true",
            help="Remove values an earlier version had and this one lacks (kept in the history).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(settings.LANGUAGE_CODE):
            path = Path(options["path"])
            if not path.exists():
                raise CommandError(_("%(path)s does not exist.") % {"path": path})
            try:
                table = read_table(
                    path,
                    table_id=options["table_id"],
                    title=options["title"],
                    source=options["source"],
                    licence=options["licence"],
                )
                report = import_table(
                    table,
                    method=ImportMethod.COMMAND,
                    dry_run=options["dry_run"],
                    skip_unknown_regions=options["skip_unknown_regions"],
                    remove_absent=options["remove_absent"],
                )
            except TableError as error:
                raise CommandError(
                    _("%(path)s refused, nothing changed: %(reason)s")
                    % {"path": path.name, "reason": error}
                ) from error
            except ImportRefused as refused:
                self._report(refused.report)
                raise CommandError(
                    _("%(table)s refused, nothing changed: %(reasons)s")
                    % {
                        "table": refused.report.table_id,
                        "reasons": " ".join(refused.report.refusals),
                    }
                ) from refused
            self._report(report)
            if options["dry_run"]:
                for reason in report.refusals:
                    self.stdout.write(
                        _("The import would be refused: %(reason)s") % {"reason": reason}
                    )
                self.stdout.write(_("Dry run: nothing was stored."))
            else:
                self.stdout.write(
                    _("%(table)s is imported: %(title)s.")
                    % {"table": report.table_id, "title": report.title}
                )

    def _report(self, report: ImportReport) -> None:
        self.stdout.write(f"{report.table_id}: {report.title}")
        for what, count in rows_of(report):
            self.stdout.write(f"  {what}: {count}")
        for change in report.examples:
            self.stdout.write(
                f"  {change.topic} {change.region} {change.period} {change.breakdown}: "
                f"{change.old} → {change.new}".replace("  :", ":")
            )
        for problem in report.problems:
            self.stdout.write(f"  {problem}")
