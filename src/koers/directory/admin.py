from django.contrib import admin

from koers.core.admin_audit import AuditedModelAdmin
from koers.directory.models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(AuditedModelAdmin):
    # Capability.ADMINISTER (koers.accounts.roles; directory sits below accounts): the
    # directory is reference data shared by every organisation of the installation.
    capability = "administer"
    list_display = ["name", "kind", "municipality"]
    list_filter = ["kind", "municipality"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}
