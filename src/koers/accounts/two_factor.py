"""Two-factor sign-in: who needs a second factor, and the middleware that holds her to it.

A password sign-in makes a session that is signed in but not verified. A user with a
confirmed authenticator app must then pass the second step (a code from the app or a
recovery code) before any other page opens; a user whose role requires a second factor
and who has none is sent to enrolment first. Only then does django-otp count the session
as verified (`request.user.is_verified()`). The demo may waive the requirement
(`TWO_FACTOR_WAIVED`); a user who enrolled anyway still gets the second step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import urlencode, urlsplit

import segno
from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django_htmx.http import HttpResponseClientRedirect
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from koers.accounts import reauth
from koers.accounts.policy import roles_of
from koers.accounts.roles import TWO_FACTOR_ROLES

View = TypeVar("View", bound=Callable[..., Any])

STEP_ATTRIBUTE = "koers_second_factor_step"
SECOND_STEP = "second-step"  # reachable before the second step: the step itself, sign-out
ENROLMENT = "enrolment"  # reachable by a user who must enrol and has not yet


def second_step(view: View) -> View:
    """Mark a view reachable by a signed-in user who has not passed the second step."""
    setattr(view, STEP_ATTRIBUTE, SECOND_STEP)
    return view


def enrolment_step(view: View) -> View:
    """Mark a view reachable by a user who must enrol a second factor and has none yet."""
    setattr(view, STEP_ATTRIBUTE, ENROLMENT)
    return view


def required_for(user: Any) -> bool:
    """Her role (or the superuser flag) requires a second factor, waived or not."""
    return bool(user.is_superuser or roles_of(user) & TWO_FACTOR_ROLES)


def enforced_for(user: Any) -> bool:
    """She may not work without a second factor: required and not waived by the demo."""
    return not settings.TWO_FACTOR_WAIVED and required_for(user)


def confirmed_device(user: Any) -> TOTPDevice | None:
    """Her authenticator app, once she has confirmed it with a code."""
    if not user.is_authenticated:
        return None
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").last()


def is_verified(user: Any) -> bool:
    verified = getattr(user, "is_verified", None)
    return bool(verified and verified())


def pending_step(user: Any) -> str | None:
    """What stands between this signed-in user and the application, if anything."""
    if not user.is_authenticated or is_verified(user):
        return None
    if confirmed_device(user) is not None:
        return SECOND_STEP
    if enforced_for(user):
        return ENROLMENT
    return None


def step_url(step: str) -> str:
    return reverse(
        "accounts:two_factor_verify" if step == SECOND_STEP else "accounts:two_factor_setup"
    )


def send_to(request: HttpRequest, url: str) -> HttpResponse:
    """Redirect to `url`, coming back to the current page afterwards; htmx loads it whole."""
    if request.headers.get("HX-Request") == "true":
        page = urlsplit(request.headers.get("HX-Current-URL", "")).path
        return HttpResponseClientRedirect(f"{url}?{urlencode({'next': page})}" if page else url)
    if request.method == "GET":
        return redirect(f"{url}?{urlencode({'next': request.get_full_path()})}")
    return redirect(url)


class SecondFactorMiddleware:
    """Hold a signed-in user at the second step (or at enrolment) until she passes it."""

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
    ) -> HttpResponse | None:
        if not getattr(view_func, "login_required", True):
            return None  # public pages: sign-in, password reset, health check, language
        step = pending_step(request.user)
        if step is None:
            return None
        reachable = getattr(view_func, STEP_ATTRIBUTE, None)
        if reachable == SECOND_STEP or (step == ENROLMENT and reachable == ENROLMENT):
            return None
        return send_to(request, step_url(step))


@receiver(user_logged_in)
def _start_unverified(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    """A password alone never verifies a session; it is a recent authentication only for
    a user without a second factor (with one, the second step makes it so)."""
    if request is None or not hasattr(request, "session"):
        return
    request.session.pop(DEVICE_ID_SESSION_KEY, None)
    request.session.pop(reauth.AUTHENTICATED_AT, None)
    if confirmed_device(user) is None:
        reauth.mark_recent(request)


def qr_code_svg(device: TOTPDevice, label: str) -> SafeString:
    """The device's otpauth:// address as an inline SVG QR code (no script, no data: URI)."""
    svg = segno.make(device.config_url, error="m").svg_inline(
        scale=4, dark="#000", light="#fff", svgclass="qr-code", title=label, border=4
    )
    # segno escapes the title; the role and name make it an image for screen readers.
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1))


def readable_secret(device: TOTPDevice) -> str:
    """The secret key in base32, in groups of four, for typing into an app by hand."""
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
