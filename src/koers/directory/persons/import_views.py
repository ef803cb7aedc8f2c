"""The import of persons on the one import flow (`koers.core.imports`): its page, texts
and options; the rows' rules are in `imports`.

The options of a person import (the holder, a purpose and a lawful basis) are checked on
every request: a holder she may not keep persons for is refused."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods

from koers.accounts.decorators import requires
from koers.accounts.roles import Capability
from koers.core.imports import Importer, failing_rows, run_import
from koers.core.spreadsheets import spreadsheet_export
from koers.directory.persons import imports
from koers.directory.persons.access import holders_for
from koers.directory.persons.forms import PersonImportOptions
from koers.privacy.access_log import log_access
from koers.privacy.models import AccessAction


def _log_look_alikes(request: HttpRequest, report: Any, *, exported: bool) -> None:
    """The persons in Koers that rows look like are named in the report: logged."""
    if report.look_alikes:
        action = AccessAction.EXPORT if exported else AccessAction.LIST
        log_access(request, action, list(dict.fromkeys(report.look_alikes)), detail="import")


def _person_options(request: HttpRequest, data: QueryDict | None) -> forms.Form:
    return PersonImportOptions(data, holders=holders_for(request.user))


PERSONS = Importer(
    title=gettext_lazy("Import persons"),
    url_name="directory:person_import",
    failing_url_name="directory:person_import_failing",
    failing_filename="personen-met-problemen.csv",
    section=gettext_lazy("Persons"),
    section_url_name="directory:persons",
    back_url_name="directory:persons",
    back_label=gettext_lazy("To the persons"),
    intro=gettext_lazy(
        "From a spreadsheet or a contacts export of Outlook. First Koers checks every row and "
        "shows what it found; nothing is saved until you confirm."
    ),
    columns_note=gettext_lazy(
        "The first row names the columns, in Dutch or English, in any order; the column "
        "names of an Outlook export are recognised. Only 'achternaam' is required. An "
        "organisation must already be in Koers. A row with the e-mail address of a person "
        "in Koers, or her name at the same organisation, is reported as a duplicate."
    ),
    columns=imports.COLUMNS,
    options=_person_options,
    read=imports.read,
    check=lambda rows, o: imports.check(
        rows, holder=o["holder"], purpose=o["purpose"], lawful_basis=o["lawful_basis"]
    ),
    apply=lambda report, o, **kw: imports.apply(report, holder=o["holder"], **kw),
    done=lambda count: (
        ngettext("%(count)s person imported.", "%(count)s persons imported.", count)
        % {"count": count}
    ),
    label_heading=gettext_lazy("Name"),
    log_shown=_log_look_alikes,
)


@requires(Capability.EDIT_PERSONS)
@require_http_methods(["GET", "POST"])
def person_import(request: HttpRequest) -> HttpResponse:
    return run_import(request, PERSONS)


@spreadsheet_export
@requires(Capability.EDIT_PERSONS)
@require_GET
def person_import_failing(request: HttpRequest, token: str) -> HttpResponse:
    return failing_rows(request, PERSONS, token)
