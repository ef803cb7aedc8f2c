"""Deny by default: a view must declare who may reach it, or nobody can.

Django's LoginRequiredMiddleware already refuses anonymous users everywhere except
views marked `login_not_required`. This middleware adds the second half: a signed-in
user only reaches a view that declares its access rule (through
`koers.accounts.decorators.requires`), so a view someone forgets to protect is
unreachable instead of open. The admin does its own checks (`KoersAdminSite`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger(__name__)

ACCESS_ATTRIBUTE = "koers_access"


def declared_access(view_func: Callable[..., Any]) -> str | None:
    if not getattr(view_func, "login_required", True):
        return "public"
    return getattr(view_func, ACCESS_ATTRIBUTE, None)


class AccessDeclarationMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: Any,
        view_kwargs: Any,
    ) -> None:
        match = request.resolver_match
        if match is not None and match.namespace == "admin":
            return None
        if declared_access(view_func) is None:
            logger.error("View %s declares no access rule; refused.", match and match.view_name)
            raise PermissionDenied
        return None
