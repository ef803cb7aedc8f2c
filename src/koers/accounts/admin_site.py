"""The admin (`/beheer/`): beheerders only, each model only for the capability it declares.

The site follows the same role table as Koers's own pages (koers.accounts.roles): it opens
to a user whose role holds ADMINISTER, and a registered model opens to her only when her
roles also hold the capability its ModelAdmin declares in `capability` (VIEW_FUNDING for
grants, MANAGE_FUNDING for cost rates, …): a beheerder has no money or capacity pages in
Koers, so the admin shows her none either. A ModelAdmin without a declaration opens to
nobody (deny by default, as AccessDeclarationMiddleware does for views).

A platform superuser (`koers createsuperuser`, for whoever runs the installation) counts as
beheerder of every organisation here: accounts, roles and reference data of all of them,
and the platform's own records (SUPERUSER_ONLY). Like a beheerder she sees no money or
capacity without a role that does, and Koers's own pages follow her memberships only.

Whoever is signed in and may not see a page is refused (403) and never sent to the sign-in
page: that page sends a signed-in user on to where she came from, which was a loop.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import update_wrapper
from typing import Any

from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from koers.accounts.policy import has_capability, organisations_with
from koers.accounts.reauth import safe_next
from koers.accounts.roles import ROLE_CAPABILITIES, Capability, Role
from koers.accounts.two_factor import pending_step
from koers.core.admin_forms import text_guarded

# Declared by ModelAdmins of the platform's own records (the task queue): superusers only.
SUPERUSER_ONLY = "superuser-only"
# What a platform superuser holds in the admin, in every organisation.
SUPERUSER_CAPABILITIES = (
    ROLE_CAPABILITIES[Role.BEHEERDER] | ROLE_CAPABILITIES[Role.INSTALLATIEBEHEERDER]
)


def may_administer(user: Any) -> bool:
    return bool(
        user.is_active
        and (
            user.is_superuser
            or has_capability(user, Capability.ADMINISTER)
            or has_capability(user, Capability.MANAGE_INSTALLATION)
        )
    )


def admin_allows(user: Any, capability: str | None) -> bool:
    """May `user`, inside the admin, see records whose ModelAdmin declares `capability`?"""
    if capability == SUPERUSER_ONLY:
        return bool(user.is_superuser)
    if capability not in Capability.values:
        return False  # undeclared: nobody
    if user.is_superuser and capability in SUPERUSER_CAPABILITIES:
        return True
    return has_capability(user, Capability(capability))


def administered_organisations(user: Any, capability: str | None) -> set[int] | None:
    """The organisations whose records of this capability `user` manages in the admin: those
    where she holds both ADMINISTER and `capability`. None means every organisation (a
    superuser, for what she holds everywhere)."""
    if user.is_superuser and capability in SUPERUSER_CAPABILITIES:
        return None
    if capability not in Capability.values:
        return set()
    cap = Capability(capability)
    administered = None if user.is_superuser else organisations_with(user, Capability.ADMINISTER)[0]
    own, _funding = organisations_with(user, cap)
    return own if administered is None else own & administered


def kept_by_her(model_admin: Any, user: Any) -> bool:
    """Whether `user` keeps this ModelAdmin's records as the installation administrator:
    it declares `kept_by_installation` (records of all organisations that one of them may
    lack a beheerder for, such as a funder's goal tree)."""
    return getattr(model_admin, "kept_by_installation", False) and has_capability(
        user, Capability.MANAGE_INSTALLATION
    )


class CapabilityGate:
    """Mixed into every ModelAdmin the site registers: its pages, its place on the index and
    its inlines open only with the capability it declares (see the module docstring).

    Objects outside the querysets the ModelAdmins scope are answered with 404, as Koers's
    permission-checking getters do, instead of the admin's redirect to its index.
    """

    # No `capability` attribute here: this class comes first in the gated class's MRO, so
    # one here would hide the ModelAdmin's own declaration.
    def _declared(self) -> str | None:
        return getattr(self, "capability", None)

    def _allowed(self, request: HttpRequest) -> bool:
        return admin_allows(request.user, self._declared()) or kept_by_her(self, request.user)

    def _refuse_unless_allowed(self, request: HttpRequest) -> None:
        if not self._allowed(request):
            raise PermissionDenied

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._allowed(request) and super().has_module_permission(request)  # type: ignore[misc]

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._allowed(request) and super().has_view_permission(request, obj)  # type: ignore[misc]

    def _may_write(self, request: HttpRequest) -> bool:
        """Writes as reads, except where the ModelAdmin declares `installation_writes`: a
        list all organisations share (municipalities), which beheerders read and only the
        installation administrator (or a platform superuser) changes."""
        if not self._allowed(request):
            return False
        if getattr(self, "installation_writes", False):
            user = request.user
            return bool(user.is_superuser) or has_capability(user, Capability.MANAGE_INSTALLATION)
        return True

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return self._may_write(request) and super().has_add_permission(request, *args)  # type: ignore[misc]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_write(request) and super().has_change_permission(request, obj)  # type: ignore[misc]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_write(request) and super().has_delete_permission(request, obj)  # type: ignore[misc]

    # The pages refuse before they look anything up, so a refused user learns nothing of
    # which objects exist.
    def changelist_view(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        self._refuse_unless_allowed(request)
        return super().changelist_view(request, *args, **kwargs)  # type: ignore[misc]

    def add_view(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        self._refuse_unless_allowed(request)
        return super().add_view(request, *args, **kwargs)  # type: ignore[misc]

    def change_view(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        self._refuse_unless_allowed(request)
        return super().change_view(request, *args, **kwargs)  # type: ignore[misc]

    def history_view(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        self._refuse_unless_allowed(request)
        return super().history_view(request, *args, **kwargs)  # type: ignore[misc]

    def delete_view(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        self._refuse_unless_allowed(request)
        return super().delete_view(request, *args, **kwargs)  # type: ignore[misc]

    def get_object(self, request: HttpRequest, object_id: str, from_field: Any = None) -> Any:
        found = super().get_object(request, object_id, from_field)  # type: ignore[misc]
        if found is None:
            raise Http404
        return found

    def get_inline_instances(self, request: HttpRequest, obj: Any = None) -> list[Any]:
        # An inline declares its own capability where it holds what its parent does not
        # (a staff member's cost rates); else it follows its parent.
        return [
            inline
            for inline in super().get_inline_instances(request, obj)  # type: ignore[misc]
            if admin_allows(request.user, getattr(inline, "capability", self._declared()))
        ]


class KoersAdminSite(admin.AdminSite):
    """The admin, for beheerders only, signed in through Koers's own sign-in page."""

    site_header = _("Koers administration")
    site_title = _("Koers administration")
    index_title = _("Reference data, users and roles")

    def register(self, model_or_iterable: Any, admin_class: Any = None, **options: Any) -> None:
        """Every ModelAdmin goes through the capability gate, also those of other packages,
        and its forms refuse text that cannot be stored (koers.core.admin_forms)."""
        base = text_guarded(admin_class or admin.ModelAdmin)
        gated = type(base.__name__, (CapabilityGate, base), {"__module__": base.__module__})
        super().register(model_or_iterable, gated, **options)

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        # The second-factor middleware holds unverified users back already; this keeps
        # the admin closed to them should a view ever slip past it.
        return may_administer(user) and pending_step(user) is None

    def admin_view(self, view: Callable[..., Any], cacheable: bool = False) -> Any:
        guarded = super().admin_view(view, cacheable)

        def refuse_signed_in(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            if request.user.is_authenticated and not self.has_permission(request):
                raise PermissionDenied  # never to sign in: she is signed in (a loop)
            return guarded(request, *args, **kwargs)

        return update_wrapper(refuse_signed_in, guarded)

    @login_not_required
    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        # One sign-in page for the whole application, whatever the admin would show.
        target = safe_next(request, request.GET.get("next"), reverse("admin:index"))
        if not request.user.is_authenticated:
            return redirect_to_login(target, reverse("accounts:login"))
        if self.has_permission(request):
            return redirect(target)
        raise PermissionDenied

    # A redirect, not the admin's form: the stubs type the return as a TemplateResponse.
    def password_change(  # type: ignore[override]
        self, request: HttpRequest, extra_context: Any = None
    ) -> HttpResponse:
        # Koers's own page: it asks for the password again and ends her other sessions.
        return redirect("accounts:password_change")

    def password_change_done(  # type: ignore[override]
        self, request: HttpRequest, extra_context: Any = None
    ) -> HttpResponse:
        return redirect("accounts:account")
