"""The content of each kind of report, assembled from the records (see `common`).

`build(report)` returns plain data: what the page shows, what the documents render, and
what a snapshot keeps when the report is sent.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from koers.core.periods import Quarter, Year
from koers.core.reference import default_reference
from koers.plans.models import Amendment, AmendmentStatus, Indicator
from koers.reports.content.budget import budget_content
from koers.reports.content.common import (
    day,
    long_date,
    num,
    period_values,
    programme_sections,
    programmes_for,
)
from koers.reports.content.context import context_content
from koers.reports.content.figures import values_of
from koers.reports.models import Report, ReportKind

CONTENT_VERSION = 1  # bump when the shape changes; snapshots keep the version they had


def reference_of(report: Report) -> dt.date:
    """The date the figures are counted to: a quarter's end, else the year's (or the last
    year's) end, never later than today's reference date for a period still running."""
    if report.kind == ReportKind.ANNUAL_PLAN:
        return Year(report.year).start
    if report.kind == ReportKind.PROGRESS and report.quarter:
        end = Quarter(report.year, report.quarter).end
    else:
        end = Year(report.last_year or report.year).end
    return max(min(end, default_reference()), Year(report.year).start)


def _header(report: Report, reference: dt.date) -> dict[str, Any]:
    return {
        "version": CONTENT_VERSION,
        "kind": report.kind,
        "kind_label": report.get_kind_display(),
        "title": report.title,
        "organisation": report.organisation.name,
        "recipient": report.recipient.name,
        "year": report.year,
        "quarter": report.quarter,
        "last_year": report.last_year,
        "reference": day(reference),
        "reference_label": long_date(reference),
        "language": get_language(),
        "built_at": timezone.now().isoformat(timespec="seconds"),
        "sign_off": _sign_off(report),
    }


def _sign_off(report: Report) -> list[list[str]]:
    """When the report was prepared, reviewed, signed by the director and sent (as far as it
    got). By role, not by name: the report goes to funders, who see no staff by name."""
    steps = [
        (_("Prepared"), report.prepared_by, report.prepared_at),
        (_("Reviewed"), report.reviewed_by, report.reviewed_at),
        (_("Signed by the director"), report.signed_by, report.signed_at),
        (_("Sent"), report.sent_by, report.sent_at),
    ]
    return [
        [label, long_date(timezone.localdate(at))]
        for label, user, at in steps
        if user is not None and at is not None
    ]


def as_stored(content: dict[str, Any]) -> dict[str, Any]:
    """The content as a snapshot stores it: through JSON (dates and numbers as text)."""
    return json.loads(json.dumps(content, cls=DjangoJSONEncoder))


def build(report: Report, reference: dt.date | None = None) -> dict[str, Any]:
    """The report's content; with `reference`, counted to that date instead of its own
    (to compare today's figures with a snapshot taken before its period ended)."""
    builders = {
        ReportKind.ANNUAL_PLAN: annual_plan,
        ReportKind.PROGRESS: progress_report,
        ReportKind.ACCOUNTABILITY: accountability_report,
        ReportKind.EVALUATION: evaluation_dossier,
    }
    return builders[ReportKind(report.kind)](report, reference or reference_of(report))


def annual_plan(report: Report, reference: dt.date) -> dict[str, Any]:
    """The seeds' jaarplan: per programme its introduction, roles, the tables of
    activities with output and outcome (with the year's targets) and the budget."""
    programmes = list(programmes_for(report.plan_id, report.recipient_id))
    sections = programme_sections(
        programmes, Year(report.year), Year(report.year).end, with_progress=False
    )
    money = budget_content(
        report.organisation_id, report.year, Year(report.year).end, realised=False
    )
    for section in sections:
        section["budget"] = money.get(section["id"])
    return {**_header(report, reference), "programmes": sections}


def progress_report(report: Report, reference: dt.date) -> dict[str, Any]:
    """Per programme, activity and indicator: the target, what is realised to date, the
    status (with the coordinator's override and reason), her narrative and the risks, the
    hours, and spending against the budget."""
    year = Year(report.year)
    programmes = list(programmes_for(report.plan_id, report.recipient_id))
    sections = programme_sections(programmes, year, reference, quarter=report.quarter)
    money = budget_content(
        report.organisation_id, report.year, reference, funder_ids={report.recipient_id}
    )
    for section in sections:
        section["budget"] = money.get(section["id"])
    # The quarters so far, each counted to its end: a row per indicator per quarter in Excel.
    # The last one is the report's own reference date, whose figures are in the sections.
    quarters = year.quarters()[: report.quarter or 4]
    periods = [
        {
            "label": str(quarter),
            "end": day(quarter.end),
            "values": period_values(programmes, year, quarter.end)
            if quarter != quarters[-1]
            else values_of(sections),
        }
        for quarter in quarters
    ]
    return {
        **_header(report, reference),
        "programmes": sections,
        "periods": periods,
        "context": context_content(
            programmes, report.recipient_id, report.year, sender_id=report.organisation_id
        ),
    }


def accountability_report(report: Report, reference: dt.date) -> dict[str, Any]:
    """The grant's decision indicators (agreed target against realised, with the evidence
    behind each figure) and the financial statement."""
    grant = report.grant
    assert grant is not None
    year = Year(report.year)
    agreed = dict(
        grant.indicators.filter(year=report.year).values_list("indicator_id", "agreed_target")
    )
    # The grant's programmes that its funder funds: the rule of every page she opens.
    programmes = list(grant.programmes.filter(funders=grant.funder_id).order_by("order", "code"))
    sections = programme_sections(
        programmes,
        year,
        reference,
        indicators=Indicator.objects.filter(pk__in=agreed),
        agreed=agreed,
        with_evidence=True,
    )
    money = budget_content(
        report.organisation_id, report.year, reference, funder_ids={grant.funder_id}
    )
    for section in sections:
        section["budget"] = money.get(section["id"])
    advances = list(grant.advances.order_by("number"))
    paid = sum((a.amount for a in advances if a.paid_on and a.paid_on <= reference), Decimal(0))
    costs = sum(
        (Decimal(s["budget"]["cost_realised"] or 0) for s in sections if s["budget"]), Decimal(0)
    )
    granted = grant.amount_granted or Decimal(0)
    return {
        **_header(report, reference),
        "programmes": sections,
        "grant": {
            "title": grant.title,
            "funder": str(grant.funder),
            "reference": grant.reference,
            "decided_on": day(grant.decided_on),
            "period": f"{long_date(grant.starts_on)} – {long_date(grant.ends_on)}",
            "requested": num(grant.amount_requested),
            "granted": num(grant.amount_granted),
            "advances": [
                {
                    "number": a.number,
                    "period": f"{long_date(a.period_start)} – {long_date(a.period_end)}",
                    "amount": num(a.amount),
                    "invoice": a.invoice_number,
                    "sent_on": day(a.sent_on),
                    "paid_on": day(a.paid_on),
                }
                for a in advances
            ],
            "paid": num(paid),
            "costs": num(costs),
            "balance": num(granted - costs),
            "obligations": [
                {"text": o.text, "due_on": day(o.due_on), "done_on": day(o.done_on)}
                for o in grant.obligations.order_by("due_on")
            ],
        },
    }


def evaluation_dossier(report: Report, reference: dt.date) -> dict[str, Any]:
    """For an evaluation moment: the questions with the organisation's answers, and per
    year of the period the programmes' figures, narratives, hours and money, and the
    changes made to the plan (amendments decided)."""
    first, last = report.year, report.last_year or report.year
    programmes = list(programmes_for(report.plan_id, report.recipient_id))
    years = []
    for value in range(first, last + 1):
        year = Year(value)
        until = min(year.end, reference)
        sections = programme_sections(programmes, year, max(until, year.start))
        money = budget_content(
            report.organisation_id, value, until, funder_ids={report.recipient_id}
        )
        for section in sections:
            section["budget"] = money.get(section["id"])
        years.append({"year": value, "reference": day(until), "programmes": sections})
    amendments = (
        Amendment.objects.filter(
            activity__programme__in=programmes,
            annual_plan__plan_id=report.plan_id,
            annual_plan__year__gte=first,
            annual_plan__year__lte=last,
        )
        .exclude(status=AmendmentStatus.PROPOSED)
        .select_related("activity", "annual_plan")
        .order_by("annual_plan__year", "decided_at", "id")
    )
    from koers.work.models import TimeEntry

    hours = dict(
        TimeEntry.objects.filter(
            organisation_id=report.organisation_id,
            date__year__gte=first,
            date__year__lte=last,
            activity__programme__in=programmes,
        )
        .values_list("activity__programme_id")
        .annotate(hours=Sum("hours"))
        .order_by()
    )
    return {
        **_header(report, reference),
        "questions": [{"question": q.question, "answer": q.answer} for q in report.questions.all()],
        "years": years,
        # The most recent year's sections, so what every report has is in the same place.
        "programmes": years[-1]["programmes"] if years else [],
        "hours_per_programme": [
            {"programme": p.name, "hours": num(hours.get(p.pk))} for p in programmes
        ],
        "changes": [
            {
                "year": a.annual_plan.year,
                "activity": f"{a.activity.code} {a.activity.title}" if a.activity else "",
                "what": a.get_field_display(),
                "old": a.old_value,
                "new": a.new_value,
                "reason": a.reason,
                "decision": a.get_status_display(),
                "decided_on": day(timezone.localdate(a.decided_at)) if a.decided_at else None,
                "note": a.decision_note,
            }
            for a in amendments
        ],
        "no_answer": _("Not answered yet."),
        "context": context_content(
            programmes, report.recipient_id, last, sender_id=report.organisation_id
        ),
    }
