from django.contrib import admin

from koers.core.admin_audit import AuditedModelAdmin, ReadOnlyModelAdmin
from koers.core.models import AuditEntry, Municipality


@admin.register(Municipality)
class MunicipalityAdmin(AuditedModelAdmin):
    list_display = ["name", "code", "province_code"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyModelAdmin):
    """Read-only: the trail cannot be changed from the application."""

    list_display = ["at", "actor", "action", "subject_type", "subject_repr"]
    list_filter = ["action", "subject_type"]
    search_fields = ["subject_repr", "context", "actor__username"]
    date_hierarchy = "at"
