from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from koers.accounts.policy import has_capability
from koers.accounts.roles import Capability
from koers.accounts.two_factor import pending_step
from koers.core.admin_forms import text_guarded


class KoersAdminSite(admin.AdminSite):
    """The admin, for beheerders only, signed in through Koers's own sign-in page."""

    site_header = _("Koers administration")
    site_title = _("Koers administration")
    index_title = _("Reference data, users and roles")

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        # The second-factor middleware holds unverified users back already; this keeps
        # the admin closed to them should a view ever slip past it.
        return bool(
            user.is_active
            and has_capability(user, Capability.ADMINISTER)
            and pending_step(user) is None
        )

    def register(self, model_or_iterable: Any, admin_class: Any = None, **options: Any) -> None:
        # Every admin form refuses text that cannot be stored, whoever registered it.
        guarded = text_guarded(admin_class or admin.ModelAdmin)
        super().register(model_or_iterable, guarded, **options)

    @login_not_required
    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        # One sign-in page for the whole application, whatever the admin would show.
        target = request.GET.get("next") or reverse("admin:index")
        return redirect_to_login(target, reverse("accounts:login"))
