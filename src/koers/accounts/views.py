from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, PasswordResetForm
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from koers.accounts import services
from koers.accounts.decorators import requires, signed_in
from koers.accounts.forms import ReauthenticationForm, SecondFactorForm
from koers.accounts.models import UserSession
from koers.accounts.navigation import may_open, start_url
from koers.accounts.reauth import mark_recent, recent_authentication, safe_next
from koers.accounts.roles import Capability
from koers.accounts.tasks import send_password_reset
from koers.accounts.two_factor import (
    SECOND_STEP,
    confirmed_device,
    enforced_for,
    enrolment_step,
    pending_step,
    qr_code_svg,
    readable_secret,
    required_for,
    second_step,
    step_url,
)
from koers.accounts.user_sessions import get_own_session, record
from koers.core.forms import with_text_guard
from koers.core.health import health as health_checks
from koers.core.http import client_address
from koers.core.ratelimit import allow

RESET_WINDOW = dt.timedelta(hours=1)
RESETS_PER_ADDRESS = 10
RESETS_PER_EMAIL = 3


class PasswordResetView(auth_views.PasswordResetView):
    """Password reset, rate limited per address and per e-mail address.

    Too many requests from one address get a message; too many for one e-mail address
    are answered as usual but send nothing, so the page never tells whether an address
    has an account. Neither does the time it takes: the request only enqueues the mail
    (`send_password_reset`), for a known and an unknown address alike, and the task
    worker looks the address up and sends it.
    """

    template_name = "accounts/password_reset_form.html"
    form_class = with_text_guard(PasswordResetForm)
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form: Any) -> HttpResponse:
        address = client_address(self.request) or ""
        if not allow(f"reset:ip:{address}", limit=RESETS_PER_ADDRESS, window=RESET_WINDOW):
            form.add_error(None, _("Too many requests from your address. Try again in an hour."))
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        email = form.cleaned_data["email"].strip().lower()
        if allow(f"reset:email:{email}", limit=RESETS_PER_EMAIL, window=RESET_WINDOW):
            send_password_reset.enqueue(
                email=email,
                domain=self.request.get_host(),
                use_https=self.request.is_secure(),
                language=translation.get_language(),
            )
        return redirect(self.get_success_url())

    def form_invalid(self, form: Any) -> HttpResponse:
        # 400, as every Koers form page answers a post it refuses.
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class SignInView(auth_views.LoginView):
    """The password step; a user with a second factor (or who must enrol one) goes on to it."""

    template_name = "accounts/login.html"
    form_class = with_text_guard(AuthenticationForm)
    redirect_authenticated_user = True

    def get_redirect_url(self) -> str:
        # Back to the sign-in page itself would be a loop for a signed-in user (Django
        # refuses it with an error): she goes to her dashboard instead.
        url = super().get_redirect_url()
        return "" if urlsplit(url).path == self.request.path else url

    def get_success_url(self) -> str:
        url = self.get_redirect_url() or start_url(self.request.user)
        step = pending_step(self.request.user)
        if step is None:
            return url
        return f"{step_url(step)}?{urlencode({'next': url})}"


@signed_in
@recent_authentication
def password_change(request: HttpRequest) -> HttpResponse:
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = services.password_set(
            user=request.user,
            new_password=form.cleaned_data["new_password1"],
            remote_addr=client_address(request),
        )
        # A new session key: the old one's record goes with its row, so record it again.
        update_session_auth_hash(request, user)
        record(request, user)
        # Other sessions no longer match the password; end them now rather than at their
        # next request, so that they leave "My sessions" as well.
        services.other_user_sessions_end(
            actor=user,
            current_session_key=request.session.session_key,
            remote_addr=client_address(request),
        )
        messages.success(request, _("Your password has been changed."))
        return redirect("plans:dashboard")
    return render(request, "accounts/password_change.html", {"form": form})


sign_out = second_step(signed_in(auth_views.LogoutView.as_view()))


def _next(request: HttpRequest, default: str = "plans:dashboard") -> str:
    return safe_next(request, request.POST.get("next") or request.GET.get("next"), reverse(default))


def _address(request: HttpRequest) -> str | None:
    return client_address(request)


@signed_in
def account(request: HttpRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "accounts/account.html",
        {
            "device": confirmed_device(user),
            "required": required_for(user),
            "waived": settings.TWO_FACTOR_WAIVED,
            "session_count": UserSession.objects.of(user).count(),
            # Her API keys (koers.api, above this app: named, not imported).
            "may_use_api": may_open(user, "api_tokens:list"),
        },
    )


@signed_in
def two_factor(request: HttpRequest) -> HttpResponse:
    user = request.user
    device = confirmed_device(user)
    static = StaticDevice.objects.filter(user=user).first() if device else None
    return render(
        request,
        "accounts/two_factor.html",
        {
            "device": device,
            "recovery_codes_left": static.token_set.count() if static else 0,
            "required": required_for(user),
            "enforced": enforced_for(user),
        },
    )


def _show_recovery_codes(request: HttpRequest, codes: list[str], *, next_url: str) -> HttpResponse:
    response = render(
        request, "accounts/recovery_codes.html", {"codes": codes, "next_url": next_url}
    )
    # Shown once: never kept by the browser or a proxy.
    response["Cache-Control"] = "no-store"
    return response


@signed_in
@enrolment_step
@recent_authentication
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Enrol an authenticator app, or replace the one she has; confirmed by a code from it."""
    user = request.user
    device = services.totp_device_prepare(user=user)
    form = SecondFactorForm(request.POST or None, allow_recovery=False)
    if request.method == "POST" and form.is_valid():
        check = services.second_factor_verify(user=user, code=form.entered, device=device)
        if check.device is None:
            form.add_error("code", check.refusal)
        else:
            codes = services.second_factor_confirm(
                user=user, device=device, remote_addr=_address(request)
            )
            otp_login(request, device)
            messages.success(request, _("Two-step verification is on."))
            return _show_recovery_codes(
                request, codes, next_url=_next(request, "accounts:two_factor")
            )
    label = _("QR code to scan with your authenticator app")
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_code": qr_code_svg(device, label),
            "secret": readable_secret(device),
            "replacing": confirmed_device(user) is not None,
            "required": enforced_for(user),
            "next": _next(request, "accounts:two_factor"),
        },
    )


@signed_in
@second_step
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """The second step of signing in: a code from her app, or a recovery code."""
    user = request.user
    next_url = _next(request)
    if pending_step(user) != SECOND_STEP:
        return redirect(next_url)
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        check = services.second_factor_verify(user=user, code=form.entered)
        if check.device is None:
            form.add_error(form.error_field, check.refusal)
        else:
            otp_login(request, check.device)
            mark_recent(request)
            if isinstance(check.device, StaticDevice):
                left = check.device.token_set.count()
                messages.warning(
                    request,
                    ngettext(
                        "You used a recovery code; %(count)d is left. Make new ones under "
                        "Account, two-step verification.",
                        "You used a recovery code; %(count)d are left. Make new ones under "
                        "Account, two-step verification.",
                        left,
                    )
                    % {"count": left},
                )
            return redirect(next_url)
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": next_url})


@require_POST
@signed_in
@recent_authentication
def two_factor_remove(request: HttpRequest) -> HttpResponse:
    try:
        services.second_factor_remove(user=request.user, remote_addr=_address(request))
    except services.SecondFactorRequired:
        messages.error(
            request,
            _("Your role requires two-step verification: you can replace your app, not remove it."),
        )
    else:
        messages.success(request, _("Two-step verification is off."))
    return redirect("accounts:two_factor")


@require_POST
@signed_in
@recent_authentication
def recovery_codes_regenerate(request: HttpRequest) -> HttpResponse:
    if confirmed_device(request.user) is None:
        messages.error(request, _("Set up two-step verification first."))
        return redirect("accounts:two_factor")
    codes = services.recovery_codes_regenerate(user=request.user, remote_addr=_address(request))
    messages.success(request, _("New recovery codes made; the old ones no longer work."))
    return _show_recovery_codes(request, codes, next_url=reverse("accounts:two_factor"))


@signed_in
@enrolment_step
def reauthenticate(request: HttpRequest) -> HttpResponse:
    """Confirm it is her (password, and second factor if she has one), then go back."""
    user = request.user
    next_url = _next(request, "accounts:account")
    with_second_factor = confirmed_device(user) is not None
    form = ReauthenticationForm(request.POST or None, with_second_factor=with_second_factor)
    if request.method == "POST" and form.is_valid():
        password_ok = authenticate(
            request, username=user.get_username(), password=form.cleaned_data["password"]
        )
        if password_ok is None or password_ok.pk != user.pk:
            form.add_error("password", _("That is not your password."))
        elif with_second_factor:
            check = services.second_factor_verify(user=user, code=form.entered)
            if check.device is None:
                form.add_error(form.error_field, check.refusal)
        if not form.errors:
            mark_recent(request)
            return redirect(next_url)
    return render(request, "accounts/reauthenticate.html", {"form": form, "next": next_url})


@signed_in
def sessions(request: HttpRequest) -> HttpResponse:
    current = request.session.session_key
    rows = list(UserSession.objects.of(request.user))
    return render(
        request,
        "accounts/sessions.html",
        {"rows": rows, "current": current, "others": [r for r in rows if r.session_id != current]},
    )


@require_POST
@signed_in
def session_end(request: HttpRequest, pk: int) -> HttpResponse:
    user_session = get_own_session(request.user, pk)
    if user_session.session_id == request.session.session_key:
        messages.error(request, _("To end this session, sign out."))
        return redirect("accounts:sessions")
    services.user_session_end(
        actor=request.user, user_session=user_session, remote_addr=_address(request)
    )
    messages.success(request, _("The session has ended; that browser is signed out."))
    return redirect("accounts:sessions")


@require_POST
@signed_in
def sessions_end_others(request: HttpRequest) -> HttpResponse:
    ended = services.other_user_sessions_end(
        actor=request.user,
        current_session_key=request.session.session_key,
        remote_addr=client_address(request),
    )
    messages.success(
        request,
        ngettext("%(count)d other session ended.", "%(count)d other sessions ended.", ended)
        % {"count": ended},
    )
    return redirect("accounts:sessions")


@requires(Capability.MANAGE_INSTALLATION)
@never_cache
@require_GET
def health_details(request: HttpRequest) -> HttpResponse:
    """The health checks with their figures (queue age, each periodic job's last run, free
    disk space), for the installation administrator: the public `/gezondheid/` gives the
    states only."""
    found = health_checks(figures=True)
    return JsonResponse(found.detailed(), status=found.http_status)
