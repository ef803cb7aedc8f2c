from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordChangeForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from koers.accounts.decorators import signed_in
from koers.core.ratelimit import allow

RESET_WINDOW = dt.timedelta(hours=1)
RESETS_PER_ADDRESS = 10
RESETS_PER_EMAIL = 3


class PasswordResetView(auth_views.PasswordResetView):
    """Password reset, rate limited per address and per e-mail address.

    Too many requests from one address get a message; too many for one e-mail address
    are answered as usual but send nothing, so the page never tells whether an address
    has an account.
    """

    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form: Any) -> HttpResponse:
        address = self.request.META.get("REMOTE_ADDR", "")
        if not allow(f"reset:ip:{address}", limit=RESETS_PER_ADDRESS, window=RESET_WINDOW):
            form.add_error(None, _("Too many requests from your address. Try again in an hour."))
            return self.form_invalid(form)
        email = form.cleaned_data["email"].strip().lower()
        if not allow(f"reset:email:{email}", limit=RESETS_PER_EMAIL, window=RESET_WINDOW):
            return redirect(self.get_success_url())
        return super().form_valid(form)


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


@signed_in
def password_change(request: HttpRequest) -> HttpResponse:
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        update_session_auth_hash(request, user)
        messages.success(request, _("Your password has been changed."))
        return redirect("plans:dashboard")
    return render(request, "accounts/password_change.html", {"form": form})


sign_out = signed_in(auth_views.LogoutView.as_view())
