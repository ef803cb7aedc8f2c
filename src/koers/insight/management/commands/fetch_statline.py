"""`koers fetch_statline TABLE_ID`: fetch a table from CBS StatLine and import it.

Optional, for a machine that can reach CBS: it uses the `cbsodata` client (not among Koers's
own requirements; `pip install cbsodata` into Koers's environment) to download the table into
a temporary folder — the folder `koers import_statline` reads — and imports that, with the
same options (`--dry-run` first). Without `cbsodata`, or without a connection to CBS, it says
so and changes nothing: download the table where CBS can be reached, and import the folder
with `koers import_statline`.
"""

from __future__ import annotations

import importlib
import re
import tempfile
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

# A StatLine table id: digits and letters ("03759ned", "85496NED", "82931NED").
TABLE_ID = re.compile(r"^[0-9A-Za-z]{5,12}$")


class Command(BaseCommand):
    help = "Fetch a CBS StatLine table with cbsodata (where CBS can be reached) and import it."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("table_id", help="The table's id at CBS (03759ned).")
        parser.add_argument("--dry-run", action="store_true", help="Report only; store nothing.")
        parser.add_argument("--skip-unknown-regions", action="store_true")
        parser.add_argument("--remove-absent", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(settings.LANGUAGE_CODE):
            table_id = options["table_id"].strip()
            if not TABLE_ID.match(table_id):
                raise CommandError(
                    _("%(id)s is no StatLine table id (such as 03759ned).") % {"id": table_id}
                )
            try:
                cbsodata = importlib.import_module("cbsodata")
            except ImportError as missing:
                raise CommandError(
                    _(
                        "cbsodata is not installed, so Koers cannot fetch from CBS here: install "
                        "it (pip install cbsodata), or download the table where CBS can be "
                        "reached and import the folder with koers import_statline."
                    )
                ) from missing
            with tempfile.TemporaryDirectory(prefix="koers-statline-") as folder:
                try:
                    cbsodata.download_data(table_id, dir=folder, typed=True)
                except Exception as error:
                    raise CommandError(
                        _("CBS could not be reached or refused %(id)s; nothing changed: %(error)s")
                        % {"id": table_id, "error": error}
                    ) from error
                call_command(
                    "import_statline",
                    folder,
                    dry_run=options["dry_run"],
                    skip_unknown_regions=options["skip_unknown_regions"],
                    remove_absent=options["remove_absent"],
                    stdout=self.stdout,
                    stderr=self.stderr,
                )
