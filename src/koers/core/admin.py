from django.contrib import admin

from koers.core.admin_audit import AuditedModelAdmin
from koers.core.models import Municipality

# The audit trail is not in the admin: the admin cannot scope it to the beheerder's own
# organisations, the Logboeken pages (koers.privacy.views) can.


@admin.register(Municipality)
class MunicipalityAdmin(AuditedModelAdmin):
    # Capability.MANAGE_INSTALLATION (koers.accounts.roles; core sits below accounts): one
    # list every organisation shares, kept by the installation administrator.
    capability = "manage_installation"
    list_display = ["name", "code", "province_code", "population"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"slug": ["name"]}
