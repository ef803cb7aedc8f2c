"""The GET filters of the list of reports, parsed by a django-filter FilterSet (as the
funding pages do): a value that is not one of the choices is left out of the filtering, so
junk in the address shows the unfiltered list instead of an error."""

from __future__ import annotations

from typing import Any

import django_filters
from django.utils.translation import gettext_lazy as _

from koers.core.forms import Form
from koers.reports.models import ReportKind, ReportStatus


class ReportFilterForm(Form):
    """Its fields' ids differ from those of the form that prepares a report on the same
    page, which has a kind too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "filter-%s")
        super().__init__(*args, **kwargs)


class ReportFilter(django_filters.FilterSet):
    """`?kind=` and `?status=`: the reports of one kind, in one status."""

    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=ReportKind.choices, empty_label=_("All kinds")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=ReportStatus.choices, empty_label=_("All statuses")
    )

    class Meta:
        form = ReportFilterForm
