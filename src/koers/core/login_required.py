from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import resolve_url
from django_htmx.http import HttpResponseClientRedirect


class KoersLoginRequiredMiddleware(LoginRequiredMiddleware):
    """Django's deny-by-default sign-in check, also for htmx requests.

    A plain redirect would make htmx swap the sign-in page into the middle of a page when
    a session has expired; htmx requests are told to load the sign-in page instead, and
    to come back to the page the user was on.
    """

    # htmx gets a client redirect, not the HttpResponseRedirect the base class declares.
    def handle_no_permission(  # type: ignore[override]
        self, request: HttpRequest, view_func: Callable[..., HttpResponseBase]
    ) -> HttpResponse:
        if request.headers.get("HX-Request") == "true":
            login_url = resolve_url(settings.LOGIN_URL)
            page = urlsplit(request.headers.get("HX-Current-URL", "")).path
            target = f"{login_url}?{urlencode({'next': page})}" if page else login_url
            return HttpResponseClientRedirect(target)
        response: Any = super().handle_no_permission(request, view_func)
        return response
