"""Reading CBS StatLine tables: the OData download folder and the CSV export, both into one
`Table` that the import reads row by row (`koers.insight.importing`)."""

from __future__ import annotations

from pathlib import Path

from django.utils.translation import gettext as _

from koers.insight.statline.csv_export import read_csv_export
from koers.insight.statline.odata import read_odata_folder
from koers.insight.statline.table import Table, TableError

__all__ = ["Table", "TableError", "read_odata_folder", "read_table"]


def read_table(path: Path, **info: str) -> Table:
    """A StatLine OData download folder, or a StatLine CSV export (`info` gives what a CSV
    does not say itself: table_id, title, source, licence)."""
    if path.is_dir():
        return read_odata_folder(path)
    if path.suffix.lower() == ".csv":
        return read_csv_export(path, **info)
    raise TableError(
        _("%(name)s is neither a StatLine download folder nor a CSV file.") % {"name": path.name}
    )
