"""Hours in and out as spreadsheets: the import (upload, dry run, import) and the export."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from koers.accounts.decorators import requires
from koers.accounts.policy import (
    own_organisation,
)
from koers.accounts.roles import Capability
from koers.core.imports import Importer, failing_rows, run_import
from koers.core.reference import viewpoint
from koers.core.spreadsheets import spreadsheet_export, xlsx_response
from koers.work import imports
from koers.work.models import (
    TimeEntry,
)


def _own_organisation_for_import(request: HttpRequest) -> dict[str, Any]:
    return {"organisation_id": own_organisation(request.user, Capability.CLOSE_PERIOD)}


HOURS_IMPORT = Importer(
    title=gettext_lazy("Import hours"),
    url_name="work:import",
    failing_url_name="work:import_failing",
    failing_filename="uren-met-problemen.csv",
    section=gettext_lazy("Months"),
    section_url_name="work:months",
    intro=gettext_lazy(
        "First Koers checks every row by the same rules as the week grid and shows what it "
        "found; nothing is saved until you confirm."
    ),
    columns_note=gettext_lazy(
        "The first row names the columns, in Dutch or English, in any order. Required: "
        "datum, medewerker (user name or e-mail address), uren, and one of project (code), "
        "activiteit (code) or categorie (name)."
    ),
    columns=imports.COLUMNS,
    scope=_own_organisation_for_import,
    read=imports.read,
    check=lambda rows, s: imports.check(rows, organisation_id=s["organisation_id"]),
    apply=lambda report, s, **kw: imports.apply(report, **kw),
    done=lambda count: _("%(count)s entries imported.") % {"count": count},
)


@requires(Capability.CLOSE_PERIOD)
@require_http_methods(["GET", "POST"])
def hours_import(request: HttpRequest) -> HttpResponse:
    """Upload → dry run listing every row's problems → import (all, or the passing rows)."""
    return run_import(request, HOURS_IMPORT)


@spreadsheet_export
@requires(Capability.CLOSE_PERIOD)
@require_GET
def hours_import_failing(request: HttpRequest, token: str) -> HttpResponse:
    """The rows with problems as a CSV file, with a column saying what is wrong."""
    return failing_rows(request, HOURS_IMPORT, token)


@spreadsheet_export
@requires(Capability.VIEW_CAPACITY)
@require_GET
def hours_export(request: HttpRequest) -> HttpResponse:
    """Every entry of the year as a row of a workbook, for controllers."""
    organisation_id = own_organisation(request.user, Capability.VIEW_CAPACITY)
    year = viewpoint(request).year.value
    entries = (
        TimeEntry.objects.filter(organisation_id=organisation_id, date__year=year)
        .select_related("user", "project", "activity__programme", "category", "corrects")
        .order_by("date", "user__username", "id")
    )
    header = [
        _("Date"),
        _("Staff member"),
        _("Programme"),
        _("Project"),
        _("Activity"),
        _("Category"),
        _("Direct"),
        _("Hours"),
        _("Note"),
        _("Corrects entry"),
    ]
    rows = (
        [
            entry.date,
            str(entry.user),
            entry.activity.programme.name if entry.activity else "",
            str(entry.project or ""),
            f"{entry.activity.code} {entry.activity.title}" if entry.activity else "",
            str(entry.category or ""),
            _("yes") if _is_direct(entry) else _("no"),
            entry.hours,
            entry.note,
            entry.corrects_id or "",
        ]
        for entry in entries.iterator(chunk_size=2000)
    )
    return xlsx_response(f"uren-{year}.xlsx", [(_("Hours"), header, rows)])


def _is_direct(entry: TimeEntry) -> bool:
    return bool(entry.project_id or entry.activity_id or (entry.category and entry.category.direct))
