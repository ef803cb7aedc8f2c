from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from koers.core.health import health as health_checks


@login_not_required
@never_cache
@require_GET
def health(request: HttpRequest) -> HttpResponse:
    """For load balancers and monitoring (koers.core.health): each check's state, "ok" with
    200, "degraded" with 200 when something needs a look, "error" with 503 when this server
    cannot serve. The figures behind it: `/gezondheid/details/`, for the installation
    administrator."""
    found = health_checks()
    return JsonResponse(found.public(), status=found.http_status)


@login_not_required
@require_GET
def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement (toegankelijkheidsverklaring): public, as the law asks."""
    return render(request, "core/accessibility.html")


@login_not_required
@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers and feed readers ask for /favicon.ico whatever the page links; without this
    the request went to the sign-in page. The icon itself is an SVG among the static files."""
    return redirect(static("koers/favicon.svg"))
