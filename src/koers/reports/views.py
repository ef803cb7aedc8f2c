"""Reports: the list (and preparing one), a report as a page with its sign-off, its
documents and — once sent — what has changed since, and the documents themselves."""

from __future__ import annotations

import io
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models.functions import Lower
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from koers.accounts.decorators import requires
from koers.accounts.policy import has_capability, organisations_with, sees_names
from koers.accounts.roles import Capability
from koers.core.audit import context_of
from koers.core.confirm import Question, asks_first, confirm_first
from koers.core.http import client_address
from koers.core.listing import Column, list_page
from koers.core.models import AuditEntry
from koers.core.pages import act, attempt, flash_form_errors, form_status, shown_again
from koers.core.spreadsheets import spreadsheet_export
from koers.core.versioning import ConflictError
from koers.reports import documents, queries, services
from koers.reports.access import (
    get_document_for_user,
    get_report_for_user,
    is_staff_of,
    may,
    reports_visible_to,
)
from koers.reports.filters import ReportFilter
from koers.reports.forms import PrepareForm, QuestionFormSet, ReopenForm, StepForm
from koers.reports.models import DocumentFormat, JobStatus, Report, ReportKind, ReportStatus

S = ReportStatus
# Unsorted, the list keeps the reports' own order: newest period first.
COLUMNS = (
    Column(gettext_lazy("Report"), "title", (Lower("title"),)),
    Column(gettext_lazy("For"), "recipient", (Lower("recipient__name"),)),
    Column(gettext_lazy("Status"), "status"),
    Column(gettext_lazy("Due"), "due", ("due_on",)),
    Column(gettext_lazy("Sent"), "sent", ("sent_at",)),
)


def _download(data: Any, filename: str, format: str) -> FileResponse:
    response = FileResponse(
        data, as_attachment=True, filename=filename, content_type=documents.CONTENT_TYPES[format]
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@requires(Capability.VIEW_PLANS)
@require_http_methods(["GET", "POST"])
def report_list(request: HttpRequest) -> HttpResponse:
    own, _funding = organisations_with(request.user, Capability.PREPARE_REPORTS)
    form = PrepareForm(request.POST or None, organisation_ids=own) if own else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            cleaned = form.cleaned_data
            try:
                report = services.report_prepare(
                    actor=request.user,
                    plan=cleaned["plan"],
                    kind=cleaned["kind"],
                    year=cleaned["year"],
                    quarter=cleaned["quarter"],
                    last_year=cleaned["last_year"],
                    grant=cleaned["grant"],
                    recipient=cleaned["recipient"],
                    due_on=cleaned["due_on"],
                    questions=cleaned["questions"].splitlines(),
                    remote_addr=client_address(request),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The report has been prepared."))
                return redirect("reports:report", pk=report.pk)
    filters = ReportFilter(request.GET, queryset=reports_visible_to(request.user))
    listing = list_page(
        request,
        filters.qs.select_related("recipient", "prepared_by", "signed_by"),
        columns=COLUMNS,
    )
    return render(
        request,
        "reports/list.html",
        {
            "listing": listing,
            "filters": filters.form,
            "reports": listing.rows,
            "form": form,
            "pending": _pending_amendments(request.user),
        },
        status=form_status(request),
    )


def _pending_amendments(user: Any) -> Any:
    """For a funder's official: the amendments of her programmes awaiting her decision."""
    from koers.plans.models import Activity, Amendment, AmendmentStatus

    if not has_capability(user, Capability.DECIDE_AS_FUNDER):
        return []
    return (
        Amendment.objects.filter(
            status=AmendmentStatus.PROPOSED, activity__in=Activity.objects.visible_to(user)
        )
        .select_related("activity", "annual_plan")
        .order_by("proposed_at")[:50]
    )


def _steps(report: Report) -> list[dict[str, Any]]:
    reached = list(S.values).index(report.status)
    people = [
        (report.prepared_by, report.prepared_at),
        (report.reviewed_by, report.reviewed_at),
        (report.signed_by, report.signed_at),
        (report.sent_by, report.sent_at),
    ]
    return [
        {
            "label": label,
            "done": number <= reached,
            "current": number == reached,
            "by": people[number][0],
            "at": people[number][1],
        }
        for number, (_value, label) in enumerate(S.choices)
    ]


@requires(Capability.VIEW_PLANS)
@require_GET
def report(request: HttpRequest, pk: int) -> HttpResponse:
    return _report_page(request, get_report_for_user(request.user, pk))


def _report_page(
    request: HttpRequest, record: Any, reopen_form: Any = None, questions: Any = None
) -> HttpResponse:
    """The report's page; after a refused reopening or refused questions with that form
    as posted."""
    staff = is_staff_of(request.user, record)
    names = sees_names(request.user, record.organisation_id)
    snapshot = getattr(record, "snapshot", None) if record.status == S.SENT else None
    current = queries.content_since_sent(record) if snapshot else queries.current_content(record)
    content = snapshot.content if snapshot else current
    preparer = may(request.user, Capability.PREPARE_REPORTS, record)
    return render(
        request,
        "reports/report.html",
        {
            "report": record,
            "snapshot": snapshot,
            "steps": _steps(record),
            "blocks": queries.page_blocks(content),
            "language": content.get("language"),
            "differences": queries.differences(snapshot.content, current) if snapshot else [],
            "documents": record.documents.filter(snapshot=snapshot).select_related("requested_by")[
                :12
            ],
            "formats": DocumentFormat.choices,
            "long": documents.size(content) > documents.INLINE_BLOCKS,
            "may_review": preparer
            and record.status == S.PREPARED
            and record.prepared_by_id != request.user.pk,
            "may_sign": may(request.user, Capability.SIGN_REPORTS, record)
            and record.status == S.REVIEWED,
            "may_send": preparer and record.status == S.SIGNED,
            "may_reopen": preparer and record.status in (S.REVIEWED, S.SIGNED),
            "reopen_form": reopen_form or ReopenForm(),
            "questions": (
                questions
                or QuestionFormSet(
                    initial=[
                        {"question": q.question, "answer": q.answer} for q in record.questions.all()
                    ],
                    prefix="q",
                )
            )
            if record.kind == ReportKind.EVALUATION and preparer and record.status == S.PREPARED
            else None,
            "staff": staff,
            "names": names,
            "shows_names": names,
            "history": AuditEntry.objects.about(context_of(record)).select_related("actor")[:30]
            if names
            else [],
        },
    )


def _transition(request: HttpRequest, pk: int, service: Any, success: str) -> HttpResponse:
    record = get_report_for_user(request.user, pk)
    if not is_staff_of(request.user, record):
        raise Http404
    form = StepForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("reports:report", pk=record.pk)
    try:
        act(
            request,
            lambda: service(
                actor=request.user,
                report=record,
                expected_version=form.cleaned_data["version"],
                remote_addr=client_address(request),
            ),
            success,
        )
    except ConflictError:
        messages.error(
            request,
            _("Someone else moved the report on while you had it open; here it is as it is now."),
        )
    return redirect("reports:report", pk=record.pk)


@requires(Capability.PREPARE_REPORTS)
@require_POST
def report_review(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(request, pk, services.report_review, _("The report has been reviewed."))


@requires(Capability.SIGN_REPORTS)
@require_POST
def report_sign(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(request, pk, services.report_sign, _("The report has been signed."))


@asks_first
@requires(Capability.PREPARE_REPORTS)
@require_POST
def report_send(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_report_for_user(request.user, pk)
    if not is_staff_of(request.user, record):
        raise Http404
    return confirm_first(
        request,
        question=lambda: Question(
            heading=_("Send %(title)s to %(recipient)s?")
            % {"title": record.title, "recipient": record.recipient},
            consequences=[
                _("%(recipient)s receives the report and sees it in Koers from now on.")
                % {"recipient": record.recipient},
                _(
                    "Its content is kept as it is now, with a checksum; a sent report cannot "
                    "be changed or taken back."
                ),
                _("Its Word, PDF and Excel documents are made from that content."),
            ],
            button=_("Yes, send"),
            cancel_url=reverse("reports:report", args=[record.pk]),
            cancel_label=record.title,
        ),
        then=lambda: _transition(
            request,
            pk,
            services.report_send,
            _("The report has been sent; what was sent is kept and its documents are being made."),
        ),
        carried=("version",),
    )


@requires(Capability.PREPARE_REPORTS)
@require_POST
def report_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_report_for_user(request.user, pk)
    if not is_staff_of(request.user, record):
        raise Http404
    form = ReopenForm(request.POST)
    if attempt(
        request,
        form,
        lambda cleaned: services.report_reopen(
            actor=request.user,
            report=record,
            reason=cleaned["reason"],
            remote_addr=client_address(request),
        ),
        _("The report is back to prepared; review and signature are needed again."),
    ):
        return redirect("reports:report", pk=record.pk)
    return shown_again(_report_page(request, record, reopen_form=form))


@requires(Capability.PREPARE_REPORTS)
@require_POST
def report_questions(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_report_for_user(request.user, pk)
    if not is_staff_of(request.user, record):
        raise Http404
    formset = QuestionFormSet(request.POST, prefix="q")
    if formset.is_valid():
        act(
            request,
            lambda: services.questions_save(
                actor=request.user,
                report=record,
                questions=[
                    (form.cleaned_data.get("question", ""), form.cleaned_data.get("answer", ""))
                    for form in formset.forms
                ],
                remote_addr=client_address(request),
            ),
            _("The questions and answers have been saved."),
        )
    else:  # each question's problems next to its fields, the formset's above them
        return shown_again(_report_page(request, record, questions=formset))
    return redirect(reverse("reports:report", args=[record.pk]) + "#questions")


@spreadsheet_export
@requires(Capability.VIEW_PLANS)
@require_GET
def report_document(request: HttpRequest, pk: int, format: str) -> HttpResponse | FileResponse:
    """A document made while she waits (a short report), or the sent report's own."""
    record = get_report_for_user(request.user, pk)
    if format not in DocumentFormat.values:
        raise Http404
    if record.status == S.SENT:
        kept = record.documents.filter(
            snapshot__report=record, format=format, status=JobStatus.DONE
        ).first()
        if kept is None:
            messages.info(request, _("The document is still being made; it appears below."))
            return redirect(reverse("reports:report", args=[record.pk]) + "#documents")
        return _download(kept.file.open("rb"), kept.file.name.rsplit("/", 1)[-1], format)
    content = queries.current_content(record)
    if documents.size(content) > documents.INLINE_BLOCKS:
        messages.info(request, _("This is a long document: make it below and follow its progress."))
        return redirect(reverse("reports:report", args=[record.pk]) + "#documents")
    data = documents.render(content, format)
    return _download(io.BytesIO(data), documents.filename(content, format), format)


@requires(Capability.VIEW_PLANS)
@require_POST
def document_make(request: HttpRequest, pk: int) -> HttpResponse:
    """Have the task worker make a document of a report not yet sent."""
    record = get_report_for_user(request.user, pk)
    format = request.POST.get("format", "")
    if format not in DocumentFormat.values or record.status == S.SENT:
        raise Http404
    document = services.document_request(actor=request.user, report=record, format=format)
    if getattr(request, "htmx", False):
        return render(request, "reports/document.html", {"document": document, "staff": True})
    return redirect(reverse("reports:report", args=[record.pk]) + "#documents")


@requires(Capability.VIEW_PLANS)
@require_POST
def document_retry(request: HttpRequest, pk: int) -> HttpResponse:
    """Make a document again that failed or whose worker stopped (staff only)."""
    document = get_document_for_user(request.user, pk)
    if not is_staff_of(request.user, document.report):
        raise Http404
    act(
        request,
        lambda: services.document_retry(actor=request.user, document=document),
        _("The document is being made again."),
    )
    return redirect(reverse("reports:report", args=[document.report_id]) + "#documents")


@requires(Capability.VIEW_PLANS)
@require_GET
def document_status(request: HttpRequest, pk: int) -> HttpResponse:
    """One document's progress: the fragment the page polls while it is being made."""
    document = get_document_for_user(request.user, pk)
    staff = is_staff_of(request.user, document.report)
    return render(request, "reports/document.html", {"document": document, "staff": staff})


@spreadsheet_export
@requires(Capability.VIEW_PLANS)
@require_GET
def document_download(request: HttpRequest, pk: int) -> FileResponse:
    document = get_document_for_user(request.user, pk)
    if document.status != JobStatus.DONE or not document.file:
        raise Http404
    return _download(
        document.file.open("rb"), document.file.name.rsplit("/", 1)[-1], document.format
    )
