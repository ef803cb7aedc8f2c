"""Recent authentication: some changes need her password (and second factor) again.

Changing the password, the second factor, the recovery codes, or anyone's account or
roles in the admin requires that she proved who she is within the last
`REAUTHENTICATION_AGE` seconds: at sign-in, or on the confirm page these views send her
to, which brings her back afterwards.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

View = TypeVar("View", bound=Callable[..., Any])

AUTHENTICATED_AT = "koers_authenticated_at"


def mark_recent(request: HttpRequest) -> None:
    request.session[AUTHENTICATED_AT] = int(time.time())


def is_recent(request: HttpRequest) -> bool:
    at = request.session.get(AUTHENTICATED_AT)
    return isinstance(at, int) and 0 <= time.time() - at <= settings.REAUTHENTICATION_AGE


def safe_next(request: HttpRequest, candidate: str | None, default: str) -> str:
    """`candidate` if it is a path on this site, else `default`. Only an absolute path
    counts: `redirect()` would take any other word for a URL name and fail on it."""
    if (
        candidate
        and candidate.startswith("/")
        and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return candidate
    return default


def _return_to(request: HttpRequest) -> str:
    if request.method == "GET":
        return request.get_full_path()
    # After a refused form post, come back to the page the form was on.
    referer = request.headers.get("Referer", "")
    if referer and url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()}):
        parts = urlsplit(referer)
        return parts.path + (f"?{parts.query}" if parts.query else "")
    return request.path


def reauthentication_response(request: HttpRequest) -> HttpResponse | None:
    """None when her authentication is recent; else the way to the confirm page."""
    if is_recent(request):
        return None
    url = f"{reverse('accounts:reauthenticate')}?{urlencode({'next': _return_to(request)})}"
    if request.method != "GET":
        messages.info(request, _("Nothing was changed yet: confirm it is you, then try again."))
    if request.headers.get("HX-Request") == "true":
        return HttpResponseClientRedirect(url)
    return redirect(url)


def recent_authentication(view: View) -> View:
    """Let the view run only after a recent authentication (see the module docstring)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        return reauthentication_response(request) or view(request, *args, **kwargs)

    return wrapped  # type: ignore[return-value]
