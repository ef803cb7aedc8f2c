"""The public open-data pages, and the administrator's choice of what is published."""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from koers.accounts.decorators import requires_as_staff
from koers.accounts.policy import organisations_with
from koers.accounts.roles import Capability
from koers.api import services
from koers.api.forms import PublishForm
from koers.api.models import PublishedProgramme
from koers.api.open_data.release import COLUMNS, published_programmes, release
from koers.core.http import client_address
from koers.core.spreadsheets import csv_response, spreadsheet_export
from koers.plans.models import Programme

# Made anew for every request without a key, one query per quarter: caches and portals may
# keep it for an hour (figures of a quarter do not need to be fresher).
CACHED = "public, max-age=3600"


def _published_or_404() -> None:
    if not settings.OPEN_DATA:
        raise Http404


@login_not_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    _published_or_404()
    return render(
        request,
        "api/open_data.html",
        {
            "programmes": published_programmes(),
            "licence": settings.OPEN_DATA_LICENCE,
            "source": settings.OPEN_DATA_SOURCE,
            "minimum": settings.OPEN_DATA_MIN_COUNT,
            "columns": COLUMNS,
        },
    )


@login_not_required
@require_GET
def as_json(request: HttpRequest) -> HttpResponse:
    _published_or_404()
    found = release()
    body = {
        "licence": found.licence,
        "source": found.source,
        "counted_to": found.reference.isoformat(),
        "columns": list(COLUMNS),
        "rows": found.rows,
    }
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False), content_type="application/json; charset=utf-8"
    )
    response["Access-Control-Allow-Origin"] = "*"  # open data: any portal may fetch it
    response["Cache-Control"] = CACHED
    return response


@spreadsheet_export
@login_not_required
@require_GET
def as_csv(request: HttpRequest) -> HttpResponse:
    _published_or_404()
    found = release()
    rows = [list(COLUMNS)] + [[row[column] for column in COLUMNS] for row in found.rows]
    response = csv_response("koers-voortgang.csv", rows)
    response["Access-Control-Allow-Origin"] = "*"
    response["Link"] = f'<{reverse("open_data:index")}>; rel="describedby"'
    response["Cache-Control"] = CACHED
    return response


@requires_as_staff(Capability.ADMINISTER)
@require_http_methods(["GET", "POST"])
def choose(request: HttpRequest) -> HttpResponse:
    """Her organisations' programmes, with which are published as open data."""
    own, _funding = organisations_with(request.user, Capability.ADMINISTER)
    programmes = Programme.objects.filter(plan__organisation__in=own).select_related(
        "plan__organisation"
    )
    published = set(
        PublishedProgramme.objects.filter(programme__in=programmes).values_list(
            "programme_id", flat=True
        )
    )
    data = request.POST if request.method == "POST" else None  # nothing ticked: all withdrawn
    form = PublishForm(data, programmes=programmes, published=published)
    if request.method == "POST" and form.is_valid():
        added, removed = services.open_data_set(
            request.user,
            set(form.cleaned_data["programmes"]),
            within=programmes,
            remote_addr=client_address(request),
        )
        messages.success(
            request,
            _("Open data saved: %(added)d programme(s) published, %(removed)d withdrawn.")
            % {"added": added, "removed": removed},
        )
        return redirect("open_data:choose")
    return render(
        request,
        "api/open_data_choose.html",
        {
            "form": form,
            "heading": _("Open data"),
            "intro": _(
                "The programmes chosen here publish their indicators' progress per quarter "
                "(no persons, small counts hidden) at public addresses, for open-data portals."
            )
            if settings.OPEN_DATA
            else _(
                "This installation publishes no open data (KOERS_OPEN_DATA is off): what you "
                "choose here is published once it is switched on."
            ),
            "back_url": reverse("plans:dashboard"),
        },
        status=400 if request.method == "POST" else 200,
    )
