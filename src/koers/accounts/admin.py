from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from koers.accounts.models import Membership, User
from koers.core.admin_audit import AuditedModelAdmin


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]
    filter_horizontal = ["programmes"]


@admin.register(User)
class UserAdmin(AuditedModelAdmin, DjangoUserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "first_name", "last_name", "email", "is_active"]
