"""Users and memberships in the admin, scoped to the beheerder's own organisations.

A beheerder manages the accounts of the organisations she is beheerder of; accounts of
other organisations (a funder's officials, say), and accounts without any membership, are
out of her sight. An account she adds has a role in one of her organisations from the same
save, so it never leaves her sight. Only a platform superuser, created with
`koers createsuperuser`, manages every organisation, accounts without a membership and the
superuser flag itself (koers.accounts.admin_site says what else she may).
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from koers.accounts import services
from koers.accounts.admin_site import SUPERUSER_ONLY, administered_organisations, kept_by_her
from koers.accounts.models import Membership, User, one_staff_organisation
from koers.accounts.policy import has_capability
from koers.accounts.reauth import reauthentication_response
from koers.accounts.roles import INSTALLATION_ROLES, STAFF_ROLES, Capability
from koers.core.admin_audit import AuditedModelAdmin
from koers.core.audit import audit_write
from koers.core.http import client_address
from koers.directory.models import Organisation


def _scoped(queryset: QuerySet[Any], path: str, scope: set[int] | None) -> QuerySet[Any]:
    if scope is None:
        return queryset
    # distinct: a path through a to-many relation (a user's memberships) repeats rows, and
    # a choice field's lookup of the chosen row must find it once.
    return queryset.filter(**{f"{path}__in": scope}).distinct()


class OrganisationScopedAdmin(admin.ModelAdmin):
    """Rows limited to the organisations where the user holds both ADMINISTER and the
    capability the ModelAdmin declares (all for a superuser, for what she holds), and the
    choices of its foreign keys and many-to-many fields with them. `organisation_path` says
    how a row reaches its organisation ("organisation", "plan__organisation", …)."""

    organisation_path = "organisation"
    # Other relations whose choices are scoped too: field name → path to the organisation.
    scoped_choices: dict[str, str] = {}

    def _scope(self, request: HttpRequest) -> set[int] | None:
        if kept_by_her(self, request.user):
            return None  # every organisation's, as the installation administrator
        # Each registered ModelAdmin declares `capability` (koers.accounts.admin_site).
        return administered_organisations(request.user, getattr(self, "capability", None))

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return _scoped(super().get_queryset(request), self.organisation_path, self._scope(request))

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        scope = self._scope(request)
        if db_field.name == "organisation" and scope is not None:
            kwargs["queryset"] = Organisation.objects.filter(pk__in=scope)
        elif db_field.name in self.scoped_choices:
            path = self.scoped_choices[db_field.name]
            kwargs["queryset"] = _scoped(db_field.related_model._default_manager, path, scope)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name in self.scoped_choices:
            path = self.scoped_choices[db_field.name]
            kwargs["queryset"] = _scoped(
                db_field.related_model._default_manager, path, self._scope(request)
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


INSTALLATION_ROLE_REFUSED = gettext_lazy(
    "Only the installation administrator gives the role of installation administrator: it "
    "answers for what every organisation on this installation shares. Nothing was saved."
)


def may_grant_installation(user: Any) -> bool:
    return bool(user.is_superuser) or has_capability(user, Capability.MANAGE_INSTALLATION)


class MembershipFormSet(BaseInlineFormSet):
    """A beheerder's new account gets a role in one of her organisations in the same save:
    without one it would be out of her sight (and of no use) the moment it was saved."""

    needs_own_role = False
    may_grant_installation = False  # set per request (`MembershipInline.get_formset`)

    def clean(self) -> None:
        super().clean()
        self._one_staff_organisation()
        self._installation_roles_from_the_installation()
        if not self.needs_own_role:
            return
        kept = [
            form
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("organisation")
        ]
        if not kept:
            raise ValidationError(
                _(
                    "Give the account a role in your organisation: choose the organisation "
                    "and the role under Memberships, then save again. Nothing was saved yet."
                )
            )

    def _installation_roles_from_the_installation(self) -> None:
        """A role over the whole installation is given by the installation administrator or
        a superuser only: a beheerder who could give it would answer for every
        organisation's shared records (koers.insight.keepers, the directory's merges)."""
        if self.may_grant_installation:
            return
        for form in self.forms:
            if (
                form.cleaned_data
                and not form.cleaned_data.get("DELETE")
                and form.cleaned_data.get("role") in INSTALLATION_ROLES
                and (form.instance.pk is None or "role" in form.changed_data)
            ):
                raise ValidationError(INSTALLATION_ROLE_REFUSED)

    def _one_staff_organisation(self) -> None:
        """Two staff roles in two organisations in one save: refused like one beside a
        membership elsewhere (Membership.clean)."""
        working = {
            form.cleaned_data["organisation"]
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("organisation")
            and form.cleaned_data.get("role") in STAFF_ROLES
        }
        if len(working) > 1:
            first = sorted(working, key=lambda organisation: organisation.pk)[0]
            raise ValidationError(one_staff_organisation(first))


class MembershipInline(admin.StackedInline):
    """Stacked, with plain lists: every field has its own label (the tabular layout's
    fields have none, and the two-pane programme picker's icons carry ARIA a span may not,
    both refused by axe). Her own organisations only: an autocomplete would search the
    whole directory and offer organisations she cannot choose."""

    model = Membership
    formset = MembershipFormSet
    extra = 0

    def _scope(self, request: HttpRequest) -> set[int] | None:
        return administered_organisations(request.user, Capability.ADMINISTER)

    def get_extra(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> int:
        return 1 if obj is None else 0  # a new account: one role to fill in

    def get_formset(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        # A class made for this request by inlineformset_factory: setting on it is local.
        formset: Any = super().get_formset(request, obj, **kwargs)
        formset.needs_own_role = obj is None and not request.user.is_superuser
        formset.may_grant_installation = may_grant_installation(request.user)
        return formset

    def formfield_for_choice_field(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        field: Any = super().formfield_for_choice_field(db_field, request, **kwargs)
        if db_field.name == "role" and not may_grant_installation(request.user):
            # Not offered; a posted one is refused by the formset all the same.
            field.choices = [
                choice for choice in field.choices if choice[0] not in INSTALLATION_ROLES
            ]
        return field

    def get_queryset(self, request: HttpRequest) -> QuerySet[Membership]:
        return _scoped(super().get_queryset(request), "organisation", self._scope(request))

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        scope = self._scope(request)
        if db_field.name == "organisation" and scope is not None:
            kwargs["queryset"] = Organisation.objects.filter(pk__in=scope)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "programmes":
            kwargs["queryset"] = _scoped(
                db_field.related_model._default_manager, "plan__organisation", self._scope(request)
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


# Second factors are managed by their owners (Account → two-step verification); the
# admin would show secrets and let a beheerder give anyone a device. A beheerder resets a
# lost one with the action on the users' list. Groups are not used: what a user may do
# comes from her memberships (koers.accounts.roles).
for model in (TOTPDevice, StaticDevice, Group):
    if admin.site.is_registered(model):
        admin.site.unregister(model)

# The task queue holds the arguments and results of every organisation's tasks: for the
# platform's superusers, who run the workers.
if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class TaskResultAdmin(DBTaskResultAdmin):
    capability = SUPERUSER_ONLY


# An account that works for several organisations is no single beheerder's: each keeps its
# role in her own organisation, none changes the account itself for the others.
ACCOUNT_FIELDS = ["username", "password", "first_name", "last_name", "email", "is_active"]
SHARED_ACCOUNT = gettext_lazy(
    "This account also works for another organisation: you change its role in yours, but "
    "not its name, e-mail address, password, second factor or whether it is active, and you "
    "do not delete it. Ask the platform's administrator."
)


def keeps_account(user: Any, account: User) -> bool:
    """Whether `user` keeps the account itself: every organisation it is a member of is one
    she administers (a superuser keeps every account)."""
    scope = administered_organisations(user, Capability.ADMINISTER)
    if scope is None:
        return True
    return set(account.memberships.values_list("organisation_id", flat=True)) <= scope


@admin.register(User)
class UserAdmin(AuditedModelAdmin, DjangoUserAdmin):
    """Accounts and (inline) their memberships; every change needs a recent authentication."""

    capability = Capability.ADMINISTER
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
        kept = [user for user in queryset if keeps_account(request.user, user)]
        if refused := [user.username for user in queryset if user not in kept]:
            messages.error(request, f"{SHARED_ACCOUNT} ({', '.join(refused)})")
            return  # all or nothing, as every bulk action here
        for user in kept:
            services.second_factor_reset(
                actor=request.user, user=user, remote_addr=client_address(request)
            )
        messages.success(
            request,
            _("Second factor removed; they set up a new one at their next sign-in."),
        )

    def get_queryset(self, request: HttpRequest) -> QuerySet[User]:
        # Her organisations' people; accounts without a membership only for a superuser.
        scope = administered_organisations(request.user, Capability.ADMINISTER)
        return _scoped(super().get_queryset(request), "memberships__organisation", scope)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # Set by Koers, not typed in (and the admin's split date-time inputs carry no label).
        readonly = [*super().get_readonly_fields(request, obj), "last_login", "date_joined"]
        if not request.user.is_superuser:
            readonly += ["is_superuser", "is_staff", "groups", "user_permissions"]
        if obj is not None and not keeps_account(request.user, obj):
            readonly += ACCOUNT_FIELDS  # her role in her organisation stays hers to change
        return readonly

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and not keeps_account(request.user, obj):
            return False
        return super().has_delete_permission(request, obj)

    def user_change_password(
        self, request: HttpRequest, id: str, form_url: str = ""
    ) -> HttpResponse:
        if refused := reauthentication_response(request):
            return refused
        account = self.get_object(request, id)
        if account is not None and not keeps_account(request.user, account):
            raise PermissionDenied(SHARED_ACCOUNT)
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            audit_write(
                actor=request.user,
                action="admin.password_change",
                instance=self.get_object(request, id),  # type: ignore[arg-type]
                remote_addr=client_address(request),
            )
        return response
