"""Permission-checking getters for reports: outside the user's scope → 404.

Staff and the board of the organisation see all its reports; a funder's official sees
only the reports sent to her organisation, and only once they are sent."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from koers.accounts.policy import Scope, has_capability, organisations_with
from koers.accounts.roles import Capability
from koers.reports.models import Report, ReportDocument, ReportStatus


def reports_visible_to(user: Any) -> QuerySet[Report]:
    own, funding = organisations_with(user, Capability.VIEW_PLANS)
    return Report.objects.filter(
        Q(organisation_id__in=own) | Q(recipient_id__in=funding, status=ReportStatus.SENT)
    )


def get_report_for_user(user: Any, pk: int) -> Report:
    return get_object_or_404(
        reports_visible_to(user).select_related(
            "organisation",
            "recipient",
            "plan",
            "grant",
            "prepared_by",
            "reviewed_by",
            "signed_by",
            "sent_by",
        ),
        pk=pk,
    )


def get_document_for_user(user: Any, pk: int) -> ReportDocument:
    """A document of a report she may see; a funder only the documents of what was sent to
    her, never the drafts made before."""
    own, funding = organisations_with(user, Capability.VIEW_PLANS)
    documents = ReportDocument.objects.filter(
        Q(report__organisation_id__in=own)
        | Q(
            report__recipient_id__in=funding,
            report__status=ReportStatus.SENT,
            snapshot__isnull=False,
        )
    )
    return get_object_or_404(documents.select_related("report"), pk=pk)


def is_staff_of(user: Any, report: Report) -> bool:
    """She works at the organisation (or sits on its board), not at the funder."""
    return has_capability(
        user, Capability.VIEW_PLANS, Scope(organisation_id=report.organisation_id)
    )


def may(user: Any, capability: Capability, report: Report) -> bool:
    return has_capability(user, capability, Scope(organisation_id=report.organisation_id))
