"""Client support cases: the list of those she may open, one case with its contacts and the
signals raised from it, opening, changing and closing one, adding a contact and raising a
signal. A case is opened only by its supporter, her coordinator and the director; every
opening is in the access log, and so is every refused attempt (`get_case_for_request`)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from koers.accounts.decorators import requires, requires_any
from koers.accounts.policy import own_organisation
from koers.accounts.roles import Capability
from koers.core.http import client_address
from koers.core.listing import Column, list_page
from koers.core.pages import attempt, form_page, shown_again
from koers.core.versioning import versioned_edit
from koers.directory.models import Organisation
from koers.privacy.access_log import log_access
from koers.privacy.models import AccessAction
from koers.signals.access import get_case_for_request
from koers.signals.cases import queries, services
from koers.signals.cases.forms import (
    CaseCloseForm,
    CaseContactForm,
    CaseEditForm,
    CaseFilterForm,
    CaseHandOverForm,
    CaseOpenForm,
    RaiseSignalForm,
)
from koers.signals.cases.rules import may_supervise_case, may_support, support_holders
from koers.signals.models import Case, CaseType, Signal

SEES_CASES = (Capability.SUPPORT_CLIENTS, Capability.SUPERVISE_CASES)

COLUMNS = (
    Column(gettext_lazy("Case"), "nummer", ("pk",), numeric=True),
    Column(pgettext_lazy("client support", "Client"), "client", ("client__reference",)),
    Column(gettext_lazy("Kind of client support"), "soort", ("case_type__name",)),
    Column(gettext_lazy("Supporter"), "ondersteuner", ("supporter__last_name",)),
    Column(gettext_lazy("Opened on"), "geopend", ("opened_on",)),
    Column(gettext_lazy("Contacts"), "contacten", ("contact_count",), numeric=True),
    Column(gettext_lazy("Last contact"), "laatste", ("last_contact_on",)),
    Column(gettext_lazy("Closed on"), "gesloten", ("closed_on",)),
)


def _case_crumbs(case: Case) -> list[tuple[str, str]]:
    return [(_("Client support"), reverse("signals:cases")), (str(case), case.get_absolute_url())]


@requires_any(*SEES_CASES)
@require_GET
def cases(request: HttpRequest) -> HttpResponse:
    """The cases she may open (her own; her programme's; the director: all). The cases on
    the page are in the access log as listed."""
    visible = queries.cases_for(request.user)
    chosen = CaseFilterForm(
        request.GET,
        case_types=CaseType.objects.filter(holder_id__in=support_holders(request.user)),
    )
    listing = list_page(request, chosen.narrow(visible), columns=COLUMNS, default_sort="-geopend")
    if listing.rows:
        log_access(request, AccessAction.LIST, listing.rows)
    return render(
        request,
        "signals/cases/cases.html",
        {
            "listing": listing,
            "cases": listing.rows,
            "filters": chosen,
            "may_add": any(may_support(request.user, h) for h in support_holders(request.user)),
        },
    )


def _case_page(request: HttpRequest, case: Case, **forms: Any) -> HttpResponse:
    return render(
        request,
        "signals/cases/case.html",
        {
            "case": case,
            "may_hand_over": case.closed_on is None and may_supervise_case(request.user, case),
            **queries.contacts_of(case),
            "signals": queries.signals_raised_from(case),
            "contact_form": forms.get("contact_form") or CaseContactForm(),
        },
    )


@requires_any(*SEES_CASES)
@require_GET
def case(request: HttpRequest, pk: int) -> HttpResponse:
    return _case_page(request, get_case_for_request(request, pk))


@requires(Capability.SUPPORT_CLIENTS)
@require_http_methods(["GET", "POST"])
def case_add(request: HttpRequest) -> HttpResponse:
    """A new case with her as its supporter, for a known client or a new pseudonym."""
    holder_id = own_organisation(request.user, Capability.SUPPORT_CLIENTS)
    form = CaseOpenForm(
        request.POST or None,
        holder_id=holder_id,
        clients=queries.clients_for(request.user, holder_id),
    )

    def save(cleaned: dict[str, Any]) -> Case:
        return services.case_create(
            actor=request.user,
            holder=Organisation.objects.get(pk=holder_id),
            case_type=cleaned["case_type"],
            question=cleaned["question"],
            opened_on=cleaned["opened_on"],
            client=form.known,
            new_client=form.new_client(),
            remote_addr=client_address(request),
        )

    return versioned_edit(
        request,
        form,
        save,
        success=_("The case has been opened."),
        shown=(),
        next_url=lambda saved: saved.get_absolute_url(),
        heading=_("Open a case"),
        intro=_(
            "A client is known here by a pseudonym only: initials or a number, never a name "
            "or a date of birth."
        ),
        crumbs=[(_("Client support"), reverse("signals:cases"))],
        back_url=reverse("signals:cases"),
    )


@requires_any(*SEES_CASES)
@require_http_methods(["GET", "POST"])
def case_edit(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_case_for_request(request, pk, detail="edit")
    client = record.client
    initial = {
        "case_type": record.case_type_id,
        "question": record.question,
        "opened_on": record.opened_on,
        "birth_band": client.birth_band,
        "municipality": client.municipality_id,
        "law": client.law,
        "version": record.version,
    }
    form = CaseEditForm(
        request.POST or None,
        initial=initial,
        holder_id=record.holder_id,
        current=record.case_type,
    )

    def save(cleaned: dict[str, Any]) -> Case:
        return services.case_save(
            actor=request.user,
            case=record,
            values=cleaned,
            expected_version=cleaned["version"],
            remote_addr=client_address(request),
        )

    return versioned_edit(
        request,
        form,
        save,
        success=_("The case has been saved."),
        shown=("question", "opened_on"),
        next_url=lambda saved: saved.get_absolute_url(),
        heading=_("Change %(case)s") % {"case": record},
        crumbs=_case_crumbs(record),
        back_url=record.get_absolute_url(),
    )


@requires_any(*SEES_CASES)
@require_http_methods(["GET", "POST"])
def case_close(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_case_for_request(request, pk, detail="close")
    form = CaseCloseForm(request.POST or None)

    def save(cleaned: dict[str, Any]) -> Case:
        return services.case_close(
            actor=request.user,
            case=record,
            outcome=cleaned["outcome"],
            closed_on=cleaned["closed_on"],
            outcome_note=cleaned["outcome_note"],
            remote_addr=client_address(request),
        )

    return versioned_edit(
        request,
        form,
        save,
        success=_("The case has been closed."),
        shown=("outcome", "closed_on"),
        next_url=lambda saved: saved.get_absolute_url(),
        heading=_("Close %(case)s") % {"case": record},
        intro=_(
            "Once closed, the case is kept for %(months)s months and then removed with its "
            "contacts."
        )
        % {"months": record.case_type.retention_months},
        crumbs=_case_crumbs(record),
        back_url=record.get_absolute_url(),
    )


@requires(Capability.SUPERVISE_CASES)
@require_http_methods(["GET", "POST"])
def case_hand_over(request: HttpRequest, pk: int) -> HttpResponse:
    """Give an open case another supporter: for whoever supervises it (its programme's
    coordinator, the director)."""
    record = get_case_for_request(request, pk, detail="hand over")
    if not may_supervise_case(request.user, record):
        raise PermissionDenied
    form = CaseHandOverForm(
        request.POST or None, holder_id=record.holder_id, current=record.supporter
    )

    def save(cleaned: dict[str, Any]) -> Case:
        return services.case_hand_over(
            actor=request.user,
            case=record,
            supporter=cleaned["supporter"],
            remote_addr=client_address(request),
        )

    return versioned_edit(
        request,
        form,
        save,
        success=_("The case has been handed over."),
        shown=("supporter",),
        next_url=lambda saved: saved.get_absolute_url(),
        heading=_("Hand over %(case)s") % {"case": record},
        intro=_(
            "%(supporter)s supports this case now. The new supporter opens it from now on, "
            "with its client and contacts; %(supporter)s no longer does, unless she "
            "supervises it."
        )
        % {"supporter": record.supporter},
        crumbs=_case_crumbs(record),
        back_url=record.get_absolute_url(),
    )


@requires_any(*SEES_CASES)
@require_POST
def case_contact_add(request: HttpRequest, pk: int) -> HttpResponse:
    """A contact, posted from the case's page; refused: that page again (400) with the
    reasons next to the fields."""
    record = get_case_for_request(request, pk, detail="contact")
    form = CaseContactForm(request.POST)

    def call(cleaned: dict[str, Any]) -> None:
        services.case_contact_add(
            actor=request.user, case=record, remote_addr=client_address(request), **cleaned
        )

    if attempt(request, form, call, _("The contact has been added.")):
        return redirect(record.get_absolute_url() + "#contacten")
    return shown_again(_case_page(request, record, contact_form=form))


@requires_any(*SEES_CASES)
@require_http_methods(["GET", "POST"])
def case_raise_signal(request: HttpRequest, pk: int) -> HttpResponse:
    """One step from a case to a signal: law and municipality taken from the client, the
    channel an OCO conversation, the text scrubbed before it is saved."""
    record = get_case_for_request(request, pk, detail="raise signal")
    client = record.client
    form = RaiseSignalForm(
        request.POST or None,
        initial={"law": client.law, "municipality": client.municipality_id},
        holder_id=record.holder_id,
    )
    if request.method == "POST" and form.is_valid():
        cleaned = dict(form.cleaned_data)
        received_on = cleaned.pop("received_on")

        def raise_it(values: dict[str, Any]) -> Signal:
            return services.case_signal_record(
                actor=request.user,
                case=record,
                received_on=received_on,
                values=cleaned,
                remote_addr=client_address(request),
            )

        if attempt(request, form, raise_it, _("The signal has been recorded, without the client.")):
            return redirect(record.get_absolute_url() + "#signalen")
    return form_page(
        request,
        form,
        heading=_("Raise a signal from %(case)s") % {"case": record},
        intro=_(
            "The signal is recorded as a client support conversation and says nothing about "
            "the client or the case: only this case remembers it raised it."
        ),
        crumbs=_case_crumbs(record),
        back_url=record.get_absolute_url(),
    )
