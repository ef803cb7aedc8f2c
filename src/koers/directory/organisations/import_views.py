"""The import of organisations on the one import flow (`koers.core.imports`): its page,
texts and options; the rows' rules are in `imports`."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods

from koers.accounts.decorators import requires
from koers.accounts.roles import Capability
from koers.core.imports import Importer, failing_rows, run_import
from koers.core.spreadsheets import spreadsheet_export
from koers.directory.organisations import imports as organisation_imports
from koers.directory.organisations.forms import OrganisationImportOptions

ORGANISATIONS = Importer(
    title=gettext_lazy("Import organisations"),
    url_name="directory:organisation_import",
    failing_url_name="directory:organisation_import_failing",
    failing_filename="organisaties-met-problemen.csv",
    section=gettext_lazy("Organisations"),
    section_url_name="directory:organisations",
    back_url_name="directory:organisations",
    back_label=gettext_lazy("To the organisations"),
    intro=gettext_lazy(
        "From a spreadsheet or an export of another system. First Koers checks every row "
        "and shows what it found; nothing is saved until you confirm."
    ),
    columns_note=gettext_lazy(
        "The first row names the columns, in Dutch or English, in any order. Only 'naam' is "
        "required. A municipality is given by name or CBS code; a parent organisation by "
        "name, in Koers or elsewhere in the file. A row that looks like an organisation in "
        "Koers or like another row (the same name or website) is reported as a duplicate."
    ),
    columns=organisation_imports.COLUMNS,
    options=lambda request, data: OrganisationImportOptions(data),
    read=organisation_imports.read,
    check=lambda rows, o: organisation_imports.check(rows, kind=o["kind"]),
    apply=lambda report, o, **kw: organisation_imports.apply(report, **kw),
    done=lambda count: (
        ngettext("%(count)s organisation imported.", "%(count)s organisations imported.", count)
        % {"count": count}
    ),
    label_heading=gettext_lazy("Name"),
)


@requires(Capability.EDIT_PERSONS)
@require_http_methods(["GET", "POST"])
def organisation_import(request: HttpRequest) -> HttpResponse:
    """Organisations are shared by the installation; whoever may add one may import them
    (`organisation_save` checks each)."""
    return run_import(request, ORGANISATIONS)


@spreadsheet_export
@requires(Capability.EDIT_PERSONS)
@require_GET
def organisation_import_failing(request: HttpRequest, token: str) -> HttpResponse:
    return failing_rows(request, ORGANISATIONS, token)
