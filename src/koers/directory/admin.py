"""Organisations in the admin: to look up, not to change. Koers's own pages add, change and
merge them through the services (the duplicate check, the audit entry, the version), and
they edit every field a beheerder keeps; a second write path here would let a form opened
in Koers before an admin change overwrite it. Each page says where to change the record."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from koers.core.admin_audit import ReadOnlyModelAdmin
from koers.directory.models import Organisation

# Koers's pages for organisations (by URL name: directory sits below the app that holds them).
ORGANISATIONS_URL = "relations:organisations"
ORGANISATION_EDIT_URL = "relations:organisation_edit"


def _change_it_in_koers(request: HttpRequest, url: str) -> None:
    messages.info(
        request,
        format_html(
            '{} <a href="{}">{}</a>', _("Change this in Koers itself:"), url, _("open in Koers")
        ),
    )


@admin.register(Organisation)
class OrganisationAdmin(ReadOnlyModelAdmin):
    # Capability.ADMINISTER (koers.accounts.roles; directory sits below accounts): the
    # directory is reference data shared by every organisation of the installation.
    capability = "administer"
    list_display = ["name", "kind", "municipality"]
    list_filter = ["kind", "municipality"]
    search_fields = ["name", "short_name"]

    def changelist_view(self, request: HttpRequest, extra_context: Any = None) -> Any:
        _change_it_in_koers(request, reverse(ORGANISATIONS_URL))
        return super().changelist_view(request, extra_context)

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> Any:
        response = super().change_view(request, object_id, form_url, extra_context)
        # After the page was allowed and found: a refused or unknown record gets no link.
        if response.status_code == 200:
            _change_it_in_koers(request, reverse(ORGANISATION_EDIT_URL, args=[object_id]))
        return response
