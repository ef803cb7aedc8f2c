"""The line every figure carries: where it comes from, which table, which version, under
which licence, and whether it is example data."""

from __future__ import annotations

from django.utils import formats
from django.utils.translation import gettext as _

from koers.insight.models import Dataset


def source_line(dataset: Dataset) -> str:
    parts = [
        _("Source: %(source)s, table %(table)s")
        % {"source": dataset.source, "table": dataset.table_id}
    ]
    if dataset.period_covered:
        parts.append(_("period %(period)s") % {"period": dataset.period_covered})
    if dataset.modified_at_source:
        parts.append(
            _("version of %(date)s")
            % {"date": formats.date_format(dataset.modified_at_source, "DATE_FORMAT")}
        )
    if dataset.licence:
        parts.append(_("licence %(licence)s") % {"licence": dataset.licence})
    line = ", ".join(parts) + "."
    if dataset.is_example:
        line += " " + _("Example data (voorbeelddata): not published figures.")
    return line
