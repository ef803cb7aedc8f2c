"""Writes to reports: prepare one, its sign-off (prepared → reviewed → signed by the
director → sent), taking it back, an evaluation's questions, and its documents.

Sign-off is four eyes and the director's signature: the reviewer is someone other than
whoever prepared it, the signature is the director's, and only a signed report is sent.
Sending stores the snapshot — the content with every figure, and a checksum — and
queues its three documents; from then on nothing about the report changes.

Each service checks the actor's rights, runs in a transaction and keeps an audit entry.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from koers.accounts.policy import Scope, has_capability
from koers.accounts.roles import Capability
from koers.core.audit import audit_write, snapshot
from koers.core.periods import Quarter
from koers.core.versioning import lock_for_edit
from koers.plans.models import Plan, Programme
from koers.reports import content as contents
from koers.reports.checksum import checksum
from koers.reports.models import (
    DocumentFormat,
    EvaluationQuestion,
    JobStatus,
    Report,
    ReportDocument,
    ReportKind,
    ReportSnapshot,
    ReportStatus,
)

K, S = ReportKind, ReportStatus
AUDITED = ["status", "title", "year", "quarter", "last_year", "due_on"]


def _require(actor: Any, capability: Capability, organisation_id: int) -> None:
    if not has_capability(actor, capability, Scope(organisation_id=organisation_id)):
        raise PermissionDenied


def _title(kind: str, year: int, quarter: int | None, last_year: int | None, grant: Any) -> str:
    if kind == K.ANNUAL_PLAN:
        return _("Annual plan %(year)s") % {"year": year}
    if kind == K.PROGRESS:
        return _("Progress report %(quarter)s") % {"quarter": Quarter(year, quarter or 4)}
    if kind == K.ACCOUNTABILITY:
        return _("Accountability %(year)s: %(grant)s") % {"year": year, "grant": grant.title}
    return _("Evaluation dossier %(first)s–%(last)s") % {"first": year, "last": last_year}


@transaction.atomic
def report_prepare(
    *,
    actor: Any,
    plan: Plan,
    kind: str,
    year: int,
    quarter: int | None = None,
    last_year: int | None = None,
    grant: Any = None,
    recipient: Any = None,
    due_on: dt.date | None = None,
    questions: list[str] | None = None,
    at: dt.datetime | None = None,
    remote_addr: str | None = None,
) -> Report:
    """Prepare a report: what it covers is checked now, its content is assembled each time
    it is read until it is sent. `at` backdates the step (the demo's history)."""
    _require(actor, Capability.PREPARE_REPORTS, plan.organisation_id)
    if not plan.start_year <= year <= plan.end_year:
        raise ValidationError(
            {
                "year": _("The plan runs from %(first)s to %(last)s.")
                % {"first": plan.start_year, "last": plan.end_year}
            }
        )
    if kind == K.PROGRESS and quarter not in (1, 2, 3, 4):
        raise ValidationError({"quarter": _("A progress report is for a quarter.")})
    if kind != K.PROGRESS:
        quarter = None
    if kind == K.ACCOUNTABILITY:
        if grant is None or grant.organisation_id != plan.organisation_id:
            raise ValidationError({"grant": _("Choose the grant the accountability is for.")})
        recipient = grant.funder
    else:
        grant = None
    if kind == K.EVALUATION:
        last_year = last_year or year
        if not year <= last_year <= plan.end_year:
            raise ValidationError(
                {"last_year": _("The evaluation's last year lies in the plan, after its first.")}
            )
    else:
        last_year = None
    recipient = recipient or plan.funder
    if recipient is None:
        raise ValidationError({"recipient": _("Choose the funder the report is for.")})
    # One report per kind, period, plan and recipient (and grant): the plan's row is locked
    # so that two people preparing the same report at once cannot both pass the check;
    # the database's constraints (Report.Meta) hold it too.
    Plan.objects.select_for_update().filter(pk=plan.pk).first()
    existing = Report.objects.filter(
        plan=plan,
        recipient=recipient,
        kind=kind,
        year=year,
        quarter=quarter,
        last_year=last_year,
        grant=grant,
    ).first()
    if existing is not None:
        raise ValidationError(
            format_html(
                '{} <a href="{}">{}</a>',
                _(
                    "%(title)s for %(recipient)s exists already (%(status)s); a second one "
                    "is not made."
                )
                % {
                    "title": existing.title,
                    "recipient": recipient,
                    "status": existing.get_status_display().lower(),
                },
                reverse("reports:report", args=[existing.pk]),
                _("Open %(title)s") % {"title": existing.title},
            ),
            code="duplicate",
        )
    # A report holds only the programmes its recipient funds (those that list her as a
    # funder), as every page she opens does; for an accountability, those the grant pays for.
    funded = Programme.objects.filter(funders=recipient)
    if grant is not None and not funded.filter(grants=grant).exists():
        raise ValidationError(
            {
                "grant": _(
                    "%(funder)s funds none of the programmes this grant pays for, so the "
                    "report would be empty. Add %(funder)s as a funder of those programmes "
                    "first."
                )
                % {"funder": recipient}
            }
        )
    if grant is None and not funded.filter(plan=plan).exists():
        raise ValidationError(
            _("%(funder)s funds none of this plan's programmes; the report would be empty.")
            % {"funder": recipient}
        )
    report = Report.objects.create(
        organisation_id=plan.organisation_id,
        plan=plan,
        recipient=recipient,
        kind=kind,
        year=year,
        quarter=quarter,
        last_year=last_year,
        grant=grant,
        title=_title(kind, year, quarter, last_year, grant),
        due_on=due_on,
        prepared_by=actor,
        prepared_at=at or timezone.now(),
    )
    for order, text in enumerate(q.strip() for q in questions or [] if q.strip()):
        EvaluationQuestion.objects.create(report=report, order=order, question=text)
    audit_write(
        actor=actor,
        action="report.created",
        instance=report,
        after=snapshot(report, AUDITED),
        remote_addr=remote_addr,
        organisation_id=report.organisation_id,
    )
    return report


def _step(
    actor: Any,
    report: Report,
    expected_version: int | None,
    *,
    capability: Capability,
    before_status: str,
    after_status: str,
    action: str,
    remote_addr: str | None,
    at: dt.datetime | None = None,
) -> Report:
    report = lock_for_edit(report, expected_version)
    _require(actor, capability, report.organisation_id)
    if report.status != before_status:
        raise ValidationError(
            _("The report is %(status)s; this step is not possible now.")
            % {"status": report.get_status_display().lower()}
        )
    before = snapshot(report, AUDITED)
    report.status = after_status
    now = at or timezone.now()
    who = {S.REVIEWED: "reviewed", S.SIGNED: "signed", S.SENT: "sent"}[S(after_status)]
    setattr(report, f"{who}_by", actor)
    setattr(report, f"{who}_at", now)
    report.save()
    audit_write(
        actor=actor,
        action=action,
        instance=report,
        before=before,
        after=snapshot(report, AUDITED),
        remote_addr=remote_addr,
        organisation_id=report.organisation_id,
    )
    return report


@transaction.atomic
def report_review(
    *,
    actor: Any,
    report: Report,
    expected_version: int | None = None,
    at: dt.datetime | None = None,
    remote_addr: str | None = None,
) -> Report:
    """Reviewed: by someone other than whoever prepared it (four eyes)."""
    if report.prepared_by_id == actor.pk:
        raise ValidationError(_("Someone other than who prepared the report reviews it."))
    return _step(
        actor,
        report,
        expected_version,
        capability=Capability.PREPARE_REPORTS,
        before_status=S.PREPARED,
        after_status=S.REVIEWED,
        action="report.reviewed",
        remote_addr=remote_addr,
        at=at,
    )


@transaction.atomic
def report_sign(
    *,
    actor: Any,
    report: Report,
    expected_version: int | None = None,
    at: dt.datetime | None = None,
    remote_addr: str | None = None,
) -> Report:
    """Signed by the director, after the review."""
    return _step(
        actor,
        report,
        expected_version,
        capability=Capability.SIGN_REPORTS,
        before_status=S.REVIEWED,
        after_status=S.SIGNED,
        action="report.signed",
        remote_addr=remote_addr,
        at=at,
    )


@transaction.atomic
def report_send(
    *,
    actor: Any,
    report: Report,
    expected_version: int | None = None,
    at: dt.datetime | None = None,
    remote_addr: str | None = None,
) -> Report:
    """Send the signed report: its content is kept as it is now, with a checksum, and its
    Word, PDF and Excel documents are made from that content by the task worker."""
    report = _step(
        actor,
        report,
        expected_version,
        capability=Capability.PREPARE_REPORTS,
        before_status=S.SIGNED,
        after_status=S.SENT,
        action="report.sent",
        remote_addr=remote_addr,
        at=at,
    )
    content = contents.as_stored(contents.build(report))
    kept = ReportSnapshot.objects.create(
        report=report,
        content=content,
        sha256=checksum(content),
        created_at=report.sent_at or timezone.now(),
    )
    for format in DocumentFormat.values:
        document_request(actor=actor, report=report, format=format, snapshot=kept)
    return report


@transaction.atomic
def report_reopen(
    *, actor: Any, report: Report, reason: str, remote_addr: str | None = None
) -> Report:
    """Back to prepared (a figure or a narrative must change before it goes out); the review
    and signature are undone and must be given again."""
    report = lock_for_edit(report, None)
    _require(actor, Capability.PREPARE_REPORTS, report.organisation_id)
    if report.status not in (S.REVIEWED, S.SIGNED):
        raise ValidationError(_("Only a reviewed or signed report that is not sent goes back."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the report goes back.")})
    before = {**snapshot(report, AUDITED), "reason": ""}
    report.status = S.PREPARED
    report.reviewed_by = report.signed_by = None
    report.reviewed_at = report.signed_at = None
    report.save()
    audit_write(
        actor=actor,
        action="report.reopened",
        instance=report,
        before=before,
        after={**snapshot(report, AUDITED), "reason": reason.strip()},
        remote_addr=remote_addr,
        organisation_id=report.organisation_id,
    )
    return report


@transaction.atomic
def questions_save(
    *, actor: Any, report: Report, questions: list[tuple[str, str]], remote_addr: str | None = None
) -> Report:
    """Replace an evaluation's questions and answers (blank questions are dropped)."""
    report = lock_for_edit(report, None)
    _require(actor, Capability.PREPARE_REPORTS, report.organisation_id)
    if report.kind != K.EVALUATION:
        raise ValidationError(_("Only an evaluation dossier has questions."))
    if report.status != S.PREPARED:
        raise ValidationError(_("Take the report back to prepared to change its questions."))
    before = list(report.questions.values_list("question", "answer"))
    report.questions.all().delete()
    kept = [(q.strip(), a.strip()) for q, a in questions if q.strip()]
    EvaluationQuestion.objects.bulk_create(
        EvaluationQuestion(report=report, order=n, question=q, answer=a)
        for n, (q, a) in enumerate(kept)
    )
    audit_write(
        actor=actor,
        action="report.questions",
        instance=report,
        before={"questions": before},
        after={"questions": kept},
        remote_addr=remote_addr,
        organisation_id=report.organisation_id,
    )
    return report


def document_request(
    *, actor: Any, report: Report, format: str, snapshot: ReportSnapshot | None = None
) -> ReportDocument:
    """Queue a document of the report for the task worker; the page follows its progress.
    For the organisation's staff and board (funders download what was sent to them)."""
    from koers.reports.tasks import make_document

    _require(actor, Capability.VIEW_PLANS, report.organisation_id)
    document = ReportDocument.objects.create(
        report=report,
        snapshot=snapshot,
        format=format,
        requested_by=actor,
        status=JobStatus.QUEUED,
        language=get_language() or "",
    )
    transaction.on_commit(lambda: make_document.enqueue(document.pk))
    return document


STALE_AFTER = dt.timedelta(minutes=30)  # a document "being made" this long lost its worker


@transaction.atomic
def document_retry(*, actor: Any, document: ReportDocument) -> ReportDocument:
    """Queue a document again that failed (or whose worker stopped while making it), in the
    same record: a sent report's documents are made from its snapshot, so a retry gives the
    document that was due."""
    from koers.reports.tasks import make_document

    document = ReportDocument.objects.select_for_update().get(pk=document.pk)
    _require(actor, Capability.VIEW_PLANS, document.report.organisation_id)
    stale = (
        document.status in (JobStatus.QUEUED, JobStatus.RUNNING)
        and timezone.now() - document.requested_at > STALE_AFTER
    )
    if document.status != JobStatus.FAILED and not stale:
        raise ValidationError(_("The document is being made; wait for it."))
    document.status, document.progress, document.error = JobStatus.QUEUED, 0, ""
    document.save(update_fields=["status", "progress", "error"])
    transaction.on_commit(lambda: make_document.enqueue(document.pk))
    return document
