"""Recording signals: the list with its filters (and ticking signals to bundle into an agenda
item), the one-minute form with the classifier's suggestion, one signal with its route,
interpreting one, and the residents waiting to hear back."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from koers.accounts.decorators import requires
from koers.accounts.policy import organisations_with
from koers.accounts.roles import Capability
from koers.core.http import client_address
from koers.core.listing import Column, list_page
from koers.core.pages import act, flash_form_errors
from koers.core.versioning import versioned_edit
from koers.directory.models import Organisation
from koers.privacy.access_log import log_access
from koers.privacy.models import AccessAction
from koers.signals import services as signal_services
from koers.signals.access import get_signal_for_user, may_manage_signals
from koers.signals.entry import queries, services
from koers.signals.entry.access import may_interpret
from koers.signals.entry.forms import (
    AnsweredForm,
    BundleForm,
    ContactFilterForm,
    InterpretForm,
    SignalFilterForm,
    SignalForm,
    SuggestForm,
    chosen_category,
)
from koers.signals.entry.suggestion import suggestion_for
from koers.signals.models import Signal

COLUMNS = (
    Column(gettext_lazy("Select"), label_hidden=True),
    Column(gettext_lazy("Week"), "week", ("iso_year", "iso_week")),
    Column(gettext_lazy("What happened"), "tekst", ("description",)),
    Column(gettext_lazy("Category"), "categorie", ("category__parent__name", "category__name")),
    Column(gettext_lazy("Municipality"), "gemeente", ("municipality__name",)),
    Column(gettext_lazy("Law or domain"), "wet", ("law",)),
    Column(gettext_lazy("Channel"), "kanaal", ("channel",)),
    Column(gettext_lazy("On the agenda"), "agenda", ("agenda_count",), numeric=True),
)

# The page that makes an agenda item of ticked signals (the agenda part of signals).
AGENDA_ITEM_ADD = "signals:agenda_item_add"


def recording_holder(user: Any) -> Organisation:
    """The organisation whose signals she records: her own (the first, should she record
    for several)."""
    staff, _funding = organisations_with(user, Capability.RECORD_SIGNALS)
    if not staff:
        raise PermissionDenied
    return Organisation.objects.get(pk=min(staff))


def _agenda_item_add_url() -> str:
    """The agenda part's page, or "" in an installation without it."""
    try:
        return reverse(AGENDA_ITEM_ADD)
    except NoReverseMatch:
        return ""


def _may_bundle(user: Any) -> bool:
    staff, _funding = organisations_with(user, Capability.MANAGE_SIGNALS)
    return bool(staff) and bool(_agenda_item_add_url())


@requires(Capability.VIEW_SIGNALS)
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    rows = queries.signals_for(request.user)
    staff, _funding = organisations_with(request.user, Capability.VIEW_SIGNALS)
    filters = SignalFilterForm(request.GET, holder_ids=staff, years=queries.years_of(request.user))
    listing = list_page(request, filters.narrow(rows), columns=COLUMNS, default_sort="-week")
    recorders, _funding = organisations_with(request.user, Capability.RECORD_SIGNALS)
    return render(
        request,
        "signals/entry/index.html",
        {
            "listing": listing,
            "signals": listing.rows,
            "filters": filters,
            "may_add": bool(recorders),
            "may_bundle": _may_bundle(request.user),
        },
    )


@requires(Capability.MANAGE_SIGNALS)
@require_GET
def bundle(request: HttpRequest) -> HttpResponse:
    """The signals ticked on the list, on to a new agenda item (`?signals=1,2,3`). Only
    signals of a holder whose signals she manages can be bundled."""
    visible = Signal.objects.filter(
        holder_id__in=organisations_with(request.user, Capability.MANAGE_SIGNALS)[0]
    )
    form = BundleForm(request.GET, visible=visible)
    target = _agenda_item_add_url()
    if not target or not form.is_valid():
        flash_form_errors(request, form)
        return redirect("signals:index")
    ids = ",".join(str(pk) for pk in sorted(s.pk for s in form.cleaned_data["signals"]))
    return redirect(f"{target}?{urlencode({'signals': ids}, safe=',')}")


@requires(Capability.RECORD_SIGNALS)
@require_http_methods(["GET", "POST"])
def signal_add(request: HttpRequest) -> HttpResponse:
    """The one-minute form. The text is scrubbed before it is saved; the classifier's
    suggestion (shown while typing) is kept beside her choice, which is final."""
    holder = recording_holder(request.user)
    posted = request.POST if request.method == "POST" else None
    form = SignalForm(posted, holder_id=holder.pk)
    if request.method == "POST" and form.is_valid():
        shown = suggestion_for(holder.pk, form.cleaned_data["description"])
        try:
            saved = signal_services.signal_record(
                actor=request.user,
                holder=holder,
                received_on=form.cleaned_data["received_on"],
                values=form.values(),
                suggestion=shown.kept() if shown else None,
                remote_addr=client_address(request),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _scrubbed_message(saved))
            if request.POST.get("next") == "another":
                return redirect("signals:signal_add")
            return redirect("signals:signal", pk=saved.pk)
    return render(
        request,
        "signals/entry/signal_add.html",
        {"form": form, "holder": holder},
        status=400 if request.method == "POST" else 200,
    )


def _scrubbed_message(signal: Signal) -> str:
    removed = sum(signal.scrubbed.values())
    if not removed:
        return _("The signal has been recorded.")
    return ngettext(
        "The signal has been recorded. %(count)s piece of personal data was taken out of the text.",
        "The signal has been recorded. %(count)s pieces of personal data were taken out of "
        "the text.",
        removed,
    ) % {"count": removed}


@requires(Capability.RECORD_SIGNALS)
@require_POST
def suggest(request: HttpRequest) -> HttpResponse:
    """The classifier's suggestion for the text typed so far (an htmx fragment)."""
    holder = recording_holder(request.user)
    form = SuggestForm(request.POST)
    text = form.cleaned_data["description"] if form.is_valid() else ""
    return render(
        request,
        "signals/entry/_suggestion.html",
        {"suggestion": suggestion_for(holder.pk, text)},
    )


@requires(Capability.VIEW_SIGNALS)
@require_GET
def signal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    signal = get_signal_for_user(request.user, pk)
    items = queries.agenda_items_of(signal)
    return render(
        request,
        "signals/entry/signal.html",
        {
            "signal": signal,
            "route": queries.route_of(signal, items),
            "agenda_items": items,
            "scrubbed": sorted(signal.scrubbed.items()),
            "may_interpret": may_interpret(request.user, signal),
            "may_manage": may_manage_signals(request.user, signal.holder_id),
        },
    )


@requires(Capability.RECORD_SIGNALS)
@require_http_methods(["GET", "POST"])
def signal_interpret(request: HttpRequest, pk: int) -> HttpResponse:
    """Choose or confirm the category: the person's choice is final."""
    signal = get_signal_for_user(request.user, pk)
    if not may_interpret(request.user, signal):
        raise PermissionDenied
    suggested = signal.suggested_category
    initial = {
        "category": signal.category_id or (suggested.pk if suggested else None),
        "version": signal.version,
    }
    posted = request.POST if request.method == "POST" else None
    form = InterpretForm(posted, initial=initial, holder_id=signal.holder_id, keep=signal.category)

    def save(cleaned: dict[str, Any]) -> Signal:
        category = chosen_category(signal.holder_id, cleaned["category"])
        if category is None:
            raise ValidationError({"category": _("This category does not exist (any more).")})
        return services.signal_category_set(
            actor=request.user,
            signal=signal,
            category=category,
            expected_version=cleaned["version"],
            remote_addr=client_address(request),
        )

    return versioned_edit(
        request,
        form,
        save,
        success=_("The signal has been interpreted."),
        shown=("category",),
        next_url=lambda saved: reverse("signals:signal", args=[saved.pk]),
        heading=_("Interpret %(signal)s") % {"signal": signal},
        intro=signal.description,
        notice=_suggestion_notice(signal),
        crumbs=[(str(signal), reverse("signals:signal", args=[signal.pk]))],
        back_url=reverse("signals:signal", args=[signal.pk]),
    )


def _suggestion_notice(signal: Signal) -> str:
    if signal.suggested_category is None or signal.suggestion_confidence is None:
        return ""
    return _("Koers suggested %(category)s (%(percent)s%% sure). Your choice is final.") % {
        "category": signal.suggested_category,
        "percent": round(signal.suggestion_confidence * 100),
    }


@requires(Capability.VIEW_SIGNALS)
@require_GET
def contacts(request: HttpRequest) -> HttpResponse:
    """Residents who asked to hear back: their details are personal data, so listing them
    is logged."""
    filters = ContactFilterForm(request.GET)
    waiting_only = not (filters.is_valid() and filters.cleaned_data["toon"] == "alle")
    rows = queries.contacts_for(request.user, waiting_only=waiting_only)
    listing = list_page(request, rows, columns=CONTACT_COLUMNS, default_sort="bewaren")
    log_access(request, AccessAction.LIST, listing.rows, detail="signals:contacts")
    recorders, _funding = organisations_with(request.user, Capability.RECORD_SIGNALS)
    return render(
        request,
        "signals/entry/contacts.html",
        {
            "listing": listing,
            "contacts": listing.rows,
            "filters": filters,
            "answer_form": AnsweredForm(),
            "may_answer": set(recorders),
        },
    )


CONTACT_COLUMNS = (
    Column(gettext_lazy("Name"), "naam", ("name",)),
    Column(gettext_lazy("How to reach her")),
    Column(gettext_lazy("Signal"), "signaal", ("signal_id",)),
    Column(gettext_lazy("Heard back on"), "beantwoord", ("answered_on",)),
    Column(gettext_lazy("Kept until"), "bewaren", ("retain_until",)),
    Column(gettext_lazy("Action"), label_hidden=True),
)


@requires(Capability.RECORD_SIGNALS)
@require_POST
def contact_answered(request: HttpRequest, pk: int) -> HttpResponse:
    contact = queries.get_contact_for_user(request.user, pk)
    form = AnsweredForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("signals:contacts")
    act(
        request,
        lambda: services.signal_contact_answer_record(
            actor=request.user,
            contact=contact,
            answered_on=form.cleaned_data["answered_on"],
            remote_addr=client_address(request),
        ),
        _("Marked as heard back."),
    )
    return redirect("signals:contacts")
