"""Users and memberships in the admin, scoped to the beheerder's own organisations.

A beheerder manages the accounts of the organisations she is beheerder of; accounts of
other organisations (a funder's officials, say) are out of her sight. Only a platform
superuser, created with `koers createsuperuser`, manages every organisation and the
superuser flag itself.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse

from koers.accounts.models import Membership, User
from koers.accounts.policy import organisations_with
from koers.accounts.roles import Capability
from koers.core.admin_audit import AuditedModelAdmin
from koers.core.audit import audit_write


def administered_organisations(request: HttpRequest) -> set[int] | None:
    """The organisations whose accounts the user manages; None means all (superuser)."""
    if request.user.is_superuser:
        return None
    own, _funding = organisations_with(request.user, Capability.ADMINISTER)
    return own


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]
    filter_horizontal = ["programmes"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Membership]:
        memberships = super().get_queryset(request)
        scope = administered_organisations(request)
        return memberships if scope is None else memberships.filter(organisation_id__in=scope)

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        scope = administered_organisations(request)
        if db_field.name == "organisation" and scope is not None and field is not None:
            from koers.directory.models import Organisation

            field.queryset = Organisation.objects.filter(pk__in=scope)
        return field


@admin.register(User)
class UserAdmin(AuditedModelAdmin, DjangoUserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "first_name", "last_name", "email", "is_active"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[User]:
        users = super().get_queryset(request)
        scope = administered_organisations(request)
        if scope is None:
            return users
        # Her organisations' people, and new accounts that have no membership yet.
        return users.filter(
            Q(memberships__organisation_id__in=scope) | Q(memberships__isnull=True)
        ).distinct()

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly += ["is_superuser", "is_staff", "groups", "user_permissions"]
        return readonly

    def user_change_password(
        self, request: HttpRequest, id: str, form_url: str = ""
    ) -> HttpResponse:
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            audit_write(
                actor=request.user,
                action="admin.password_change",
                instance=self.get_object(request, id),  # type: ignore[arg-type]
                remote_addr=request.META.get("REMOTE_ADDR"),
            )
        return response
