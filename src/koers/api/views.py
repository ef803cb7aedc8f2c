"""Her own API keys: the list with their last use, making one (shown once) and revoking."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from koers.accounts.decorators import requires_any, signed_in
from koers.accounts.reauth import recent_authentication
from koers.api import services
from koers.api.forms import TokenForm
from koers.api.models import SCOPE_CAPABILITY, ApiScope, ApiToken
from koers.api.scopes import scopes_open_to
from koers.core.http import client_address

# Whoever may read something the API offers may make a key for it.
READERS = tuple(dict.fromkeys(SCOPE_CAPABILITY.values()))


@signed_in  # her own keys: she may list and revoke them whatever roles she holds now
@require_GET
def token_list(request: HttpRequest) -> HttpResponse:
    tokens = ApiToken.objects.of(request.user).annotate(last_used_at=Max("calls__at"))
    labels = {scope.value: scope.label for scope in ApiScope}
    return render(
        request,
        "api/tokens.html",
        {
            "tokens": [
                (token, [labels[s] for s in token.scopes if s in labels]) for token in tokens
            ],
            "openapi_url": reverse("api:openapi-json"),
            "may_make": bool(scopes_open_to(request.user)),
        },
    )


@requires_any(*READERS)
@recent_authentication
@require_http_methods(["GET", "POST"])
def token_create(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None, scopes=scopes_open_to(request.user))
    if request.method == "POST" and form.is_valid():
        token, text = services.token_create(
            request.user,
            name=form.cleaned_data["name"],
            scopes=[ApiScope(value) for value in form.cleaned_data["scopes"]],
            expires_on=form.cleaned_data["expires_on"],
            remote_addr=client_address(request),
        )
        # Shown on this answer only: never stored, never in a redirect or the session, and
        # kept by no cache (the back button, a proxy).
        response = render(request, "api/token_created.html", {"token": token, "text": text})
        response["Cache-Control"] = "no-store"
        return response
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "heading": _("New API key"),
            "intro": _(
                "A key lets a program read what you may read, for as long as you choose. "
                "You see it once, when it is made."
            ),
            "crumbs": [
                (_("Account"), reverse("accounts:account")),
                (_("API keys"), reverse("api_tokens:list")),
            ],
            "back_url": reverse("api_tokens:list"),
        },
        status=400 if request.method == "POST" else 200,
    )


@signed_in
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken.objects.of(request.user), pk=pk)
    services.token_revoke(request.user, token, remote_addr=client_address(request))
    messages.success(request, _("The key %(name)s is revoked.") % {"name": token.name})
    return redirect("api_tokens:list")
