from django.contrib import admin

from koers.core.admin_audit import AuditedModelAdmin
from koers.core.models import Municipality

# The audit trail is not in the admin: the admin cannot scope it to the beheerder's own
# organisations, the Logboeken pages (koers.privacy.views) can.


@admin.register(Municipality)
class MunicipalityAdmin(AuditedModelAdmin):
    # Capability.ADMINISTER (koers.accounts.roles; core sits below accounts): beheerders read
    # the list every organisation shares; the installation administrator keeps it
    # (koers.accounts.admin_site: kept_by_installation, installation_writes).
    capability = "administer"
    kept_by_installation = True
    installation_writes = True
    list_display = ["name", "code", "province_code", "population"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"slug": ["name"]}
