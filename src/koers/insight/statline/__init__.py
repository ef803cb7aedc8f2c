"""Reading CBS StatLine tables: the OData download folder and the CSV export, both into one
`Table` that the import reads row by row (`koers.insight.importing`)."""

from koers.insight.statline.odata import read_odata_folder
from koers.insight.statline.table import Table, TableError, read_table

__all__ = ["Table", "TableError", "read_odata_folder", "read_table"]
