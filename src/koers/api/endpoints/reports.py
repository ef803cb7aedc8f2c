"""Reports once sent, with their snapshot: the content as it went out and its checksum. A
funder's official sees those sent to her organisation; staff those of their own (the same
rule as the report pages, `reports_visible_to`). Drafts are not offered: what the API
gives is what was accounted for."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query

from koers.api import schemas
from koers.api.base import needs
from koers.api.endpoints.plans import Page, PageSize
from koers.api.models import ApiScope
from koers.api.pagination import paginate
from koers.api.responses import ERRORS, ApiRouter
from koers.reports.access import reports_visible_to
from koers.reports.models import Report, ReportStatus

router = ApiRouter(tags=["reports"])


def _sent(request: HttpRequest) -> QuerySet[Report]:
    return (
        reports_visible_to(request.user)
        .filter(status=ReportStatus.SENT, snapshot__isnull=False)
        .select_related("organisation", "recipient", "snapshot")
    )


def _summary(report: Report) -> dict[str, Any]:
    return {
        "id": report.pk,
        "kind": report.kind,
        "title": report.title,
        "year": report.year,
        "quarter": report.quarter,
        "organisation": {"id": report.organisation_id, "name": report.organisation.name},
        "recipient": {"id": report.recipient_id, "name": report.recipient.name},
        "sent_at": report.sent_at,
        "sha256": report.snapshot.sha256,
    }


@router.get("/reports", response={200: schemas.ReportList, **ERRORS}, operation_id="listReports")
@needs(ApiScope.REPORTS)
def reports(
    request: HttpRequest,
    year: int | None = Query(None, ge=2000, le=2100, description="Only reports on this year."),
    recipient: int | None = Query(None, description="Only reports sent to this funder."),
    page: int = Page,
    page_size: int = PageSize,
) -> Any:
    rows = _sent(request).defer("snapshot__content")
    if year is not None:
        rows = rows.filter(year=year)
    if recipient is not None:
        rows = rows.filter(recipient_id=recipient)
    found, envelope = paginate(request, rows.order_by("-sent_at", "-pk"), page, page_size)
    return {**envelope, "results": [_summary(report) for report in found]}


@router.get(
    "/reports/{report_id}", response={200: schemas.Report, **ERRORS}, operation_id="getReport"
)
@needs(ApiScope.REPORTS)
def report(request: HttpRequest, report_id: int) -> Any:
    found = get_object_or_404(_sent(request), pk=report_id)
    return {**_summary(found), "content": found.snapshot.content}
