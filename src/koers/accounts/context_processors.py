from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from koers.accounts.navigation import menu_for
from koers.accounts.policy import has_capability, roles_of
from koers.accounts.roles import Capability


def access(request: HttpRequest) -> dict[str, Any]:
    """What the page chrome needs to know of the user's roles (no extra query)."""
    return {
        # Signed in without any membership: every page but her own account is refused, and
        # the refusal says whom to ask (templates/403.html).
        "has_role": bool(roles_of(request.user)),
        "may_approve_hours": has_capability(request.user, Capability.APPROVE_HOURS),
        "may_close_period": has_capability(request.user, Capability.CLOSE_PERIOD),
        "may_view_persons": has_capability(request.user, Capability.VIEW_PERSONS),
        # Names of people on records: none unless the page says whose records it shows
        # (koers.accounts.policy.sees_names for that organisation). A default of "sees names
        # anywhere" showed partners' staff to a funder's official who is staff elsewhere.
        "shows_names": False,
        "may_manage_privacy": has_capability(request.user, Capability.MANAGE_PRIVACY),
        "two_factor_waived": settings.TWO_FACTOR_WAIVED,
        # Built when a template reads it: the full pages' base does, an htmx fragment never.
        "navigation": SimpleLazyObject(lambda: _navigation(request)),
    }


def _navigation(request: HttpRequest) -> Any:
    if not roles_of(request.user):
        return None
    match = request.resolver_match
    return menu_for(request.user, match.view_name if match else "", request.path)
