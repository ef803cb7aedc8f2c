"""The opportunity pipeline: opportunities and quotes with their totals per status, one
opportunity with its quote and history, and the steps (send, withdraw, win, lose, reopen).
Staff of the organisation see and keep them; funders and boards never do."""

from __future__ import annotations

import io
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Lower
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from koers.accounts.decorators import requires
from koers.accounts.policy import has_capability, own_organisation, sees_names
from koers.accounts.roles import Capability
from koers.core.audit import context_of
from koers.core.confirm import Question, asks_first, confirm_first
from koers.core.http import client_address
from koers.core.listing import Column, list_page
from koers.core.models import AuditEntry
from koers.core.pages import act, form_status, shown_again
from koers.core.reference import default_reference
from koers.core.versioning import versioned_edit
from koers.privacy.access_log import log_access
from koers.privacy.models import AccessAction
from koers.relations.models import Opportunity, OpportunityStatus, Quote, QuoteTemplate
from koers.relations.opportunities import quotes, services
from koers.relations.opportunities.access import (
    get_opportunity_for_user,
    holders_of,
    may_edit_opportunity,
    may_win,
)
from koers.relations.opportunities.forms import (
    OpportunityForm,
    PipelineFilterForm,
    QuoteLoseForm,
    QuoteSendForm,
    QuoteTemplateForm,
    QuoteWinForm,
    QuoteWithdrawForm,
)
from koers.relations.opportunities.queries import pipeline_summary

S = OpportunityStatus
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
COLUMNS = (
    Column(gettext_lazy("Subject"), "title", (Lower("title"),)),
    Column(gettext_lazy("Client"), "client", (Lower("organisation__name"),)),
    Column(gettext_lazy("Programme"), "programme", ("programme__name",)),
    Column(gettext_lazy("Status"), "status"),
    Column(gettext_lazy("Decision expected"), "expected", ("expected_on",)),
    Column(gettext_lazy("Owner"), "owner", ("owner__first_name", "owner__last_name")),
    Column(gettext_lazy("Hours"), "hours", numeric=True),
    Column(gettext_lazy("Amount (€)"), "amount", numeric=True),
)


def _filtered(request: HttpRequest, form: PipelineFilterForm) -> QuerySet[Opportunity]:
    rows = Opportunity.objects.visible_to(request.user)
    status = ""
    if form.is_valid():
        status = form.cleaned_data["status"]
        if form.cleaned_data["programme"]:
            rows = rows.filter(programme=form.cleaned_data["programme"])
        if form.cleaned_data["owner"]:
            rows = rows.filter(owner=form.cleaned_data["owner"])
    if status == "":
        return rows.filter(status__in=[S.OPPORTUNITY, S.QUOTED])
    if status != "all":
        return rows.filter(status=status)
    return rows


@requires(Capability.VIEW_PERSONS)
@require_GET
def opportunities(request: HttpRequest) -> HttpResponse:
    holder_ids = holders_of(request.user)
    form = PipelineFilterForm(request.GET or None, holder_ids=holder_ids)
    rows = _filtered(request, form)
    year = default_reference().year
    decided = Opportunity.objects.visible_to(request.user).filter(decided_on__year=year)
    outcome = decided.aggregate(
        won=Count("id", filter=Q(status=S.WON)),
        lost=Count("id", filter=Q(status=S.LOST)),
        won_amount=Sum("amount", filter=Q(status=S.WON)),
    )
    decided_count = outcome["won"] + outcome["lost"]
    listing = list_page(
        request,
        rows.select_related("organisation", "programme", "owner", "project", "current_quote"),
        columns=COLUMNS,
        default_sort="expected",
    )
    return render(
        request,
        "relations/opportunities.html",
        {
            "form": form,
            "listing": listing,
            "opportunities": listing.rows,
            "summary": pipeline_summary(Opportunity.objects.visible_to(request.user)),
            "statuses": S,
            "year": year,
            "outcome": outcome,
            "win_rate": round(100 * outcome["won"] / decided_count) if decided_count else None,
            "today": default_reference(),
            "may_add": bool(holders_of(request.user, Capability.EDIT_PERSONS)),
            "may_template": has_capability(request.user, Capability.ADMINISTER),
        },
    )


@requires(Capability.VIEW_PERSONS)
@require_GET
def opportunity(request: HttpRequest, pk: int) -> HttpResponse:
    return _opportunity_page(request, get_opportunity_for_user(request.user, pk))


def _opportunity_page(request: HttpRequest, record: Opportunity, **refused: Any) -> HttpResponse:
    """The opportunity's page; after a refused step with its form as posted (`refused`:
    the form under its name on the page, e.g. send_form)."""
    may_edit = may_edit_opportunity(request.user, record)
    today = default_reference()
    return render(
        request,
        "relations/opportunity.html",
        {
            "opportunity": record,
            "shows_names": sees_names(request.user, record.holder_id),
            "statuses": S,
            "may_edit": may_edit,
            "may_win": may_edit and may_win(request.user, record),
            "send_form": QuoteSendForm(initial={"on": today}),
            "win_form": QuoteWinForm(initial={"on": today}),
            "lose_form": QuoteLoseForm(initial={"on": today}),
            "withdraw_form": QuoteWithdrawForm(),
            "quotes": record.quotes.select_related("sent_by"),
            "history": AuditEntry.objects.about(context_of(record)).select_related("actor")[:50],
            **refused,
        },
    )


# The name each step's form has on the opportunity page, to show it again when refused.
STEP_FORMS = {
    QuoteSendForm: "send_form",
    QuoteWinForm: "win_form",
    QuoteLoseForm: "lose_form",
    QuoteWithdrawForm: "withdraw_form",
}


@requires(Capability.EDIT_PERSONS)
@require_http_methods(["GET", "POST"])
def opportunity_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    record = get_opportunity_for_user(request.user, pk) if pk else None
    if record and not may_edit_opportunity(request.user, record):
        raise Http404
    if record and not record.is_open:
        messages.error(request, _("A decided opportunity does not change; reopen it first."))
        return redirect("relations:opportunity", pk=record.pk)
    holder_id = (
        record.holder_id if record else own_organisation(request.user, Capability.EDIT_PERSONS)
    )
    data = request.POST or None
    form = (
        OpportunityForm.for_opportunity(record, data)
        if record
        else OpportunityForm(data, initial={"owner": request.user}, holder_id=holder_id)
    )
    return versioned_edit(
        request,
        form,
        lambda cleaned: services.opportunity_save(
            actor=request.user,
            holder_id=holder_id,
            values={name: cleaned[name] for name in services.OPPORTUNITY_FIELDS},
            opportunity=record,
            expected_version=cleaned["version"] if record else None,
            remote_addr=client_address(request),
        ),
        success=_("The opportunity has been saved.")
        if record
        else _("The opportunity has been added."),
        shown=("title", "hours", "amount", "owner"),
        next_url=lambda opportunity: reverse("relations:opportunity", args=[opportunity.pk]),
        heading=_("Edit %(title)s") % {"title": record.title}
        if record
        else _("Add an opportunity"),
        crumbs=[(record.title, reverse("relations:opportunity", args=[record.pk]))]
        if record
        else [],
        back_url=reverse("relations:opportunity", args=[record.pk])
        if record
        else reverse("relations:opportunities"),
    )


def _step(
    request: HttpRequest,
    pk: int,
    form_class: Any,
    service: Any,
    success: str,
    question: Any = None,
) -> HttpResponse:
    """A step posted from the opportunity page, done by `service` with the form's fields: the
    form's problems show the page again with the form (400; nothing asked, no confirmation
    spent), the service's reasons for refusing come back as messages there. With
    a `question` (the opportunity → a Question), the step asks first (koers.core.confirm)."""
    record = get_opportunity_for_user(request.user, pk)
    if not may_edit_opportunity(request.user, record):
        raise Http404
    form = form_class(request.POST) if form_class else None
    if form is not None and not form.is_valid():
        return shown_again(_opportunity_page(request, record, **{STEP_FORMS[form_class]: form}))
    cleaned = form.cleaned_data if form is not None else {}

    def do() -> HttpResponse:
        act(
            request,
            lambda: service(
                actor=request.user,
                opportunity=record,
                remote_addr=client_address(request),
                **cleaned,
            ),
            success,
        )
        return redirect("relations:opportunity", pk=record.pk)

    if question is None:
        return do()
    return confirm_first(
        request,
        question=lambda: question(record),
        then=do,
        carried=[form.add_prefix(name) for name in form.fields] if form is not None else [],
    )


def _send_question(record: Opportunity) -> Question:
    return Question(
        heading=_("Send the quote for %(title)s?") % {"title": record.title},
        consequences=[
            _("The quote gets the next quote number of the year; numbers are never reused."),
            _("Its hours, amount and Word document are kept as sent and no longer change."),
            _("The opportunity can only be changed again after withdrawing the quote."),
        ],
        button=_("Yes, send"),
        cancel_url=reverse("relations:opportunity", args=[record.pk]),
        cancel_label=record.title,
    )


def _withdraw_question(record: Opportunity) -> Question:
    number = record.current_quote.number if record.current_quote else ""
    return Question(
        heading=_("Withdraw quote %(number)s?") % {"number": number},
        consequences=[
            _("Quote %(number)s is marked withdrawn, with your reason; it cannot be won any more.")
            % {"number": number},
            _("A new quote gets a new number."),
        ],
        button=_("Yes, withdraw"),
        cancel_url=reverse("relations:opportunity", args=[record.pk]),
        cancel_label=record.title,
    )


@asks_first
@requires(Capability.EDIT_PERSONS)
@require_POST
def quote_send(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        QuoteSendForm,
        services.quote_send,
        _("The quote has been sent; its document is kept as sent."),
        question=_send_question,
    )


@asks_first
@requires(Capability.EDIT_PERSONS)
@require_POST
def quote_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        QuoteWithdrawForm,
        services.quote_withdraw,
        _("The quote has been withdrawn; the opportunity can be changed and quoted again."),
        question=_withdraw_question,
    )


@requires(Capability.EDIT_PERSONS)
@require_POST
def quote_win(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        QuoteWinForm,
        services.quote_win,
        _("The quote has been won and its project created."),
    )


@requires(Capability.EDIT_PERSONS)
@require_POST
def opportunity_lose(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        QuoteLoseForm,
        services.opportunity_lose,
        _("The opportunity has been recorded as lost."),
    )


@requires(Capability.EDIT_PERSONS)
@require_POST
def opportunity_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        None,
        services.opportunity_reopen,
        _("The opportunity is open again."),
    )


def _log_contact(request: HttpRequest, record: Opportunity, *, detail: str) -> None:
    """A quote names its contact person: downloading it is access to her data. (A sent
    quote does not keep whom it named; its opportunity's contact is who it names unless
    the contact was changed since.)"""
    if record.contact is not None:
        log_access(request, AccessAction.EXPORT, [record.contact], detail=detail)


def _docx(content: Any, filename: str) -> FileResponse:
    response = FileResponse(content, as_attachment=True, filename=filename, content_type=DOCX)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@requires(Capability.VIEW_PERSONS)
@require_GET
def quote_preview(request: HttpRequest, pk: int) -> HttpResponse | FileResponse:
    """The quote as it would be sent today, with the opportunity's figures as they are."""
    record = get_opportunity_for_user(request.user, pk)
    _log_contact(request, record, detail="quote preview")
    try:
        document = quotes.quote_document(record)
    except ValidationError as error:  # an own template stored before the upload checks
        for problem in error.messages:
            messages.error(request, problem)
        return redirect("relations:opportunity", pk=record.pk)
    name = f"offerte-concept-{slugify(record.organisation.name)[:40]}.docx"
    return _docx(io.BytesIO(document), name)


@requires(Capability.VIEW_PERSONS)
@require_GET
def quote_document(request: HttpRequest, pk: int) -> FileResponse:
    """A quote exactly as it was sent."""
    quote = get_object_or_404(
        Quote.objects.visible_to(request.user).select_related("opportunity__contact"),
        pk=pk,
    )
    _log_contact(request, quote.opportunity, detail=f"quote {quote.number}")
    return _docx(quote.document.open("rb"), quote.document.name.rsplit("/")[-1])


@requires(Capability.ADMINISTER)
@require_http_methods(["GET", "POST"])
def quote_template(request: HttpRequest) -> HttpResponse:
    """The organisation's quote template: the standard one to start from, her own one."""
    holder_id = own_organisation(request.user, Capability.ADMINISTER)
    form = QuoteTemplateForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.quote_template_store(
                actor=request.user,
                holder_id=holder_id,
                document=form.cleaned_data["document"],
                remote_addr=client_address(request),
            )
        except ValidationError as error:
            form.add_error("document", error)
        else:
            messages.success(request, _("The quote template has been stored."))
            return redirect("relations:quote_template")
    return render(
        request,
        "relations/quote_template.html",
        {
            "form": form,
            "own": QuoteTemplate.objects.filter(holder_id=holder_id).first(),
            "placeholders": quotes.PLACEHOLDERS,
        },
        status=form_status(request),
    )


@requires(Capability.VIEW_PERSONS)
@require_GET
def quote_template_document(request: HttpRequest, which: str) -> FileResponse:
    """The standard template, or the organisation's own, as a Word file to edit."""
    if which == "standaard":
        return _docx(io.BytesIO(quotes.standard_template()), "offerte-sjabloon-standaard.docx")
    if which != "eigen":
        raise Http404
    holder_id = own_organisation(request.user, Capability.VIEW_PERSONS)
    own = QuoteTemplate.objects.filter(holder_id=holder_id).first()
    if own is None:
        raise Http404
    return _docx(own.document.open("rb"), "offerte-sjabloon.docx")
