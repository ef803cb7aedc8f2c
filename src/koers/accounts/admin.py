"""Users and memberships in the admin, scoped to the beheerder's own organisations.

A beheerder manages the accounts of the organisations she is beheerder of; accounts of
other organisations (a funder's officials, say) are out of her sight. Only a platform
superuser, created with `koers createsuperuser`, manages every organisation and the
superuser flag itself.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from koers.accounts import services
from koers.accounts.models import Membership, User
from koers.accounts.policy import organisations_with
from koers.accounts.reauth import reauthentication_response
from koers.accounts.roles import Capability
from koers.accounts.user_sessions import client_address
from koers.core.admin_audit import AuditedModelAdmin
from koers.core.audit import audit_write
from koers.directory.models import Organisation


def administered_organisations(request: HttpRequest) -> set[int] | None:
    """The organisations whose accounts the user manages; None means all (superuser)."""
    if request.user.is_superuser:
        return None
    own, _funding = organisations_with(request.user, Capability.ADMINISTER)
    return own


class OrganisationScopedAdmin(admin.ModelAdmin):
    """Rows limited to the organisations the beheerder administers (all for a superuser),
    and the organisation choices with them. `organisation_path` says how a row reaches its
    organisation ("organisation", "plan__organisation", …)."""

    organisation_path = "organisation"
    # Other foreign keys whose choices are scoped too: field name → path to the organisation.
    scoped_choices: dict[str, str] = {}

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        rows = super().get_queryset(request)
        scope = administered_organisations(request)
        if scope is None:
            return rows
        return rows.filter(**{f"{self.organisation_path}__in": scope})

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        scope = administered_organisations(request)
        if db_field.name == "organisation" and scope is not None:
            kwargs["queryset"] = Organisation.objects.filter(pk__in=scope)
        elif db_field.name in self.scoped_choices and scope is not None:
            path = self.scoped_choices[db_field.name]
            kwargs["queryset"] = db_field.related_model._default_manager.filter(
                **{f"{path}__in": scope}
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


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


# Second factors are managed by their owners (Account → two-step verification); the
# admin would show secrets and let a beheerder give anyone a device. A beheerder resets a
# lost one with the action on the users' list.
for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


@admin.register(User)
class UserAdmin(AuditedModelAdmin, DjangoUserAdmin):
    """Accounts and (inline) their memberships; every change needs a recent authentication."""

    inlines = [MembershipInline]
    list_display = ["username", "first_name", "last_name", "email", "is_active"]
    actions = ["reset_second_factor"]

    # Adding, changing or deleting an account or its roles, setting its password and the
    # list's bulk actions all need a recent authentication (koers.accounts.reauth).
    def add_view(self, request: HttpRequest, form_url: str = "", extra_context: Any = None) -> Any:
        return reauthentication_response(request) or super().add_view(
            request, form_url, extra_context
        )

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> Any:
        return reauthentication_response(request) or super().change_view(
            request, object_id, form_url, extra_context
        )

    def delete_view(self, request: HttpRequest, object_id: str, extra_context: Any = None) -> Any:
        return reauthentication_response(request) or super().delete_view(
            request, object_id, extra_context
        )

    def changelist_view(self, request: HttpRequest, extra_context: Any = None) -> Any:
        refused = reauthentication_response(request) if request.method == "POST" else None
        return refused or super().changelist_view(request, extra_context)  # POST: bulk action

    @admin.action(description=gettext_lazy("Remove the second factor (lost phone and codes)"))
    def reset_second_factor(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            services.second_factor_reset(
                actor=request.user, user=user, remote_addr=client_address(request)
            )
        messages.success(
            request,
            _("Second factor removed; they set up a new one at their next sign-in."),
        )

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
        if refused := reauthentication_response(request):
            return refused
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            audit_write(
                actor=request.user,
                action="admin.password_change",
                instance=self.get_object(request, id),  # type: ignore[arg-type]
                remote_addr=request.META.get("REMOTE_ADDR"),
            )
        return response
