"""Organisations in the admin: to look up, not to change. Koers's own pages add, change and
merge them through the services (the duplicate check, the audit entry, the version), and
they edit every field a beheerder keeps; a second write path here would let a form opened
in Koers before an admin change overwrite it. Each page says where to change the record."""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse

from koers.core.admin_audit import ReadOnlyModelAdmin
from koers.directory.models import Organisation

# Koers's pages for organisations (by URL name: directory sits below the app that holds them).
ORGANISATIONS_URL = "directory:organisations"
ORGANISATION_EDIT_URL = "directory:organisation_edit"


@admin.register(Organisation)
class OrganisationAdmin(ReadOnlyModelAdmin):
    # Capability.ADMINISTER (koers.accounts.roles; directory sits below accounts): the
    # directory is reference data shared by every organisation of the installation.
    capability = "administer"
    list_display = ["name", "kind", "municipality"]
    list_filter = ["kind", "municipality"]
    search_fields = ["name", "short_name"]

    def koers_url(self, object_id: str | None = None) -> str:
        if object_id is None:
            return reverse(ORGANISATIONS_URL)
        return reverse(ORGANISATION_EDIT_URL, args=[object_id])
