"""The quarter page: the coordinator writes every activity's progress of a quarter at once."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from koers.accounts.decorators import requires
from koers.accounts.policy import sees_names
from koers.accounts.roles import Capability
from koers.core.http import client_address
from koers.core.periods import Quarter
from koers.core.reference import default_reference
from koers.core.versioning import ConflictRows, versioned_edit_many
from koers.plans import queries, services
from koers.plans.access import get_programme_for_user
from koers.plans.forms import QuarterReportForm
from koers.plans.models import AnnualPlanStatus, QuarterReport
from koers.plans.progress import Status
from koers.plans.services import QuarterReportEntry
from koers.plans.views.common import margin_percent


def progress_url(programme_id: int, quarter: Quarter) -> str:
    return reverse("plans:programme_progress", args=[programme_id, quarter.year, quarter.number])


def _neighbours(quarter: Quarter, years: range) -> tuple[Quarter | None, Quarter | None]:
    before = Quarter(quarter.year, quarter.number - 1) if quarter.number > 1 else None
    after = Quarter(quarter.year, quarter.number + 1) if quarter.number < 4 else None
    if before is None and quarter.year - 1 in years:
        before = Quarter(quarter.year - 1, 4)
    if after is None and quarter.year + 1 in years:
        after = Quarter(quarter.year + 1, 1)
    return before, after


@requires(Capability.REPORT_PROGRESS)
@require_http_methods(["GET", "POST"])
def programme_progress(request: HttpRequest, pk: int, year: int, quarter: int) -> HttpResponse:
    """Narrative, risks and status override of each of the programme's activities for one
    quarter, beside the status Koers computes. The page is saved whole: when one activity
    needs attention nothing is saved, and her input stays in the forms."""
    programme = get_programme_for_user(request.user, pk, Capability.REPORT_PROGRESS)
    if year not in programme.plan.years or quarter not in (1, 2, 3, 4):
        raise Http404
    period = Quarter(year, quarter)
    reference = min(period.end, default_reference())
    annual_plan = queries.annual_plan_for(programme.plan, year)
    accounted = annual_plan is not None and annual_plan.status == AnnualPlanStatus.ACCOUNTED
    begun = period.start <= default_reference()
    writable = begun and not accounted
    entries = queries.quarter_progress(programme, period, reference)
    as_of = date_format(reference)
    forms = {
        entry.activity.pk: QuarterReportForm.for_report(
            entry.activity,
            entry.report,
            computed=_("Computed as of %(date)s: %(status)s.")
            % {"date": as_of, "status": Status(entry.computed).label},
            data=request.POST if request.method == "POST" and writable else None,
        )
        for entry in entries
    }
    if request.method == "POST" and not writable:
        messages.error(request, _("This quarter's progress cannot be changed; see why below."))

    def save(forms: Mapping[int, QuarterReportForm]) -> list[QuarterReport]:
        return services.quarter_reports_save(
            actor=request.user,
            quarter=quarter,
            entries=[
                QuarterReportEntry(form.activity, form.values(), form.cleaned_data["version"])
                for form in forms.values()
                if form.has_changed()
            ],
            remote_addr=client_address(request),
        )

    def saved_message(saved: list[QuarterReport]) -> str:
        if not saved:
            return _("Nothing had changed.")
        return ngettext(
            "The progress of %(count)s activity has been saved.",
            "The progress of %(count)s activities has been saved.",
            len(saved),
        ) % {"count": len(saved)}

    def back_to_her_activity(_saved: list[QuarterReport]) -> str:
        anchor = request.POST.get("from", "")
        return progress_url(programme.pk, period) + (
            f"#activity-{anchor}" if anchor.isdigit() else ""
        )

    before, after = _neighbours(period, programme.plan.years)

    def page(conflicts: Mapping[int, ConflictRows]) -> dict[str, Any]:
        return {
            "programme": programme,
            "shows_names": sees_names(request.user, programme.plan.organisation_id),
            "quarter": period,
            "reference": reference,
            "entries": [
                (entry, forms[entry.activity.pk], conflicts.get(entry.activity.pk))
                for entry in entries
            ],
            "errors": [form for form in forms.values() if form.errors],
            "writable": writable,
            "accounted": accounted,
            "begun": begun,
            "before": before,
            "after": after,
            "before_url": progress_url(programme.pk, before) if before else None,
            "after_url": progress_url(programme.pk, after) if after else None,
            "margin": margin_percent(),
        }

    return versioned_edit_many(
        request,
        forms,
        save,
        success=saved_message,
        refused=_("Nothing has been saved: see the activities marked below."),
        conflict=_(
            "Someone else saved this activity's progress while you were writing. Their "
            "version is shown here; your text is kept in the form — check it and save again."
        ),
        shown=QuarterReportForm.TEXT_FIELDS,
        next_url=back_to_her_activity,
        template="plans/programme_progress.html",
        context=page,
    )
