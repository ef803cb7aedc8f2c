"""The register of processing, the audit trail and the access log, for the people
responsible for privacy in an organisation; each sees her own organisations' entries."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from koers.accounts.decorators import requires, requires_as_staff, signed_in
from koers.accounts.policy import organisations_with
from koers.accounts.roles import Capability
from koers.core.http import client_address
from koers.core.listing import Column, list_page
from koers.core.models import AuditEntry
from koers.core.spreadsheets import spreadsheet_export, xlsx_response
from koers.directory.models import Organisation, Person
from koers.privacy import services
from koers.privacy.access_log import Subject, log_access_to
from koers.privacy.forms import LogFilter, ReasonForm, RetentionForm
from koers.privacy.models import AccessAction, AccessRecord
from koers.privacy.queries import PERSON_TYPE, person_contexts, person_ids, retention_years
from koers.privacy.register import processing_register

# Unsorted, both logs show the newest first.
WRITE_COLUMNS = (
    Column(gettext_lazy("When"), "when", ("at",)),
    Column(
        gettext_lazy("Who"), "who", ("actor__first_name", "actor__last_name", "actor__username")
    ),
    Column(gettext_lazy("What")),
    Column(gettext_lazy("Changes")),
    Column(gettext_lazy("Address")),
)
ACCESS_COLUMNS = (
    Column(gettext_lazy("When"), "when", ("at",)),
    Column(gettext_lazy("Who"), "who", ("user__first_name", "user__last_name", "user__username")),
    Column(gettext_lazy("In the role of")),
    Column(gettext_lazy("Action"), "action"),
    Column(gettext_lazy("Person number")),
    Column(gettext_lazy("Detail")),
    Column(gettext_lazy("Reason")),
    Column(gettext_lazy("Address")),
)


@signed_in
@require_GET
def register(request: HttpRequest) -> HttpResponse:
    """Public to every signed-in user: what Koers holds about whom, why and how long, with
    the retention terms of the organisations whose privacy she answers for."""
    own = Organisation.objects.filter(pk__in=_own_organisations(request)).order_by("name")
    return render(
        request,
        "privacy/register.html",
        {
            "entries": processing_register(),
            "terms": [(organisation, retention_years(organisation)) for organisation in own],
        },
    )


@requires_as_staff(Capability.MANAGE_PRIVACY)
@require_http_methods(["GET", "POST"])
def retention(request: HttpRequest) -> HttpResponse:
    """The retention term of the persons her organisations hold: each organisation is the
    controller of its own (docs/tenancy.md), so each sets its own term."""
    organisations = Organisation.objects.filter(pk__in=_own_organisations(request)).order_by("name")
    form = RetentionForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        stored = services.person_retention_set(
            request.user,
            form.cleaned_data["organisation"],
            form.cleaned_data["years"],
            client_address(request),
        )
        messages.success(
            request,
            _("%(organisation)s now keeps unlinked persons for %(years)s years.")
            % {"organisation": stored, "years": retention_years(stored)},
        )
        return redirect("privacy:retention")
    return render(
        request,
        "privacy/retention.html",
        {
            "form": form,
            "heading": _("Retention of persons"),
            "terms": [
                (organisation, retention_years(organisation)) for organisation in organisations
            ],
            "installation_years": settings.PERSON_RETENTION_YEARS,
            "back_url": reverse("privacy:register"),
        },
        status=400 if request.method == "POST" else 200,
    )


def _own_organisations(request: HttpRequest) -> set[int]:
    # The audit trail is core's, which knows no roles: it is narrowed here by the same rule
    # as `AccessRecord.objects.visible_to`.
    own, _funding = organisations_with(request.user, Capability.MANAGE_PRIVACY)
    return own


def _filtered_writes(request: HttpRequest, form: LogFilter) -> QuerySet[AuditEntry]:
    entries = AuditEntry.objects.filter(organisation_id__in=_own_organisations(request))
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            entries = entries.filter(
                Q(subject_repr__icontains=data["q"]) | Q(action__icontains=data["q"])
            )
        if data["user"]:
            entries = entries.filter(actor__username__icontains=data["user"])
        if data["person"]:
            entries = entries.filter(context__in=person_contexts(data["person"]))
        if data["since"]:
            entries = entries.filter(at__date__gte=data["since"])
        if data["until"]:
            entries = entries.filter(at__date__lte=data["until"])
    return entries.select_related("actor")


def _filtered_accesses(request: HttpRequest, form: LogFilter) -> QuerySet[AccessRecord]:
    records = AccessRecord.objects.visible_to(request.user)
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            text = data["q"]
            records = records.filter(Q(detail__icontains=text) | Q(reason__icontains=text))
        if data["user"]:
            records = records.filter(user__username__icontains=data["user"])
        if data["person"]:
            records = records.filter(
                subject_type=PERSON_TYPE, subject_id__in=person_ids(data["person"])
            )
        if data["action"]:
            records = records.filter(action=data["action"])
        if data["since"]:
            records = records.filter(at__date__gte=data["since"])
        if data["until"]:
            records = records.filter(at__date__lte=data["until"])
    return records.select_related("user")


@requires(Capability.MANAGE_PRIVACY)
@require_GET
def audit_log(request: HttpRequest) -> HttpResponse:
    form = LogFilter(request.GET or None)
    listing = list_page(request, _filtered_writes(request, form), columns=WRITE_COLUMNS)
    return render(
        request,
        "privacy/audit_log.html",
        {"form": form, "listing": listing, "page": listing.rows, "tab": "writes"},
    )


@spreadsheet_export
@requires(Capability.MANAGE_PRIVACY)
@require_http_methods(["GET", "POST"])
def access_log(request: HttpRequest) -> HttpResponse:
    """The log on screen; POSTed with a reason, the filtered log as a workbook, which is
    itself logged (one record per person in it)."""
    form = LogFilter(request.GET or None)
    records = _filtered_accesses(request, form)
    reason_form = ReasonForm(request.POST or None)
    if request.method == "POST" and reason_form.is_valid():
        query = request.GET.copy()
        query.pop("pagina", None)
        _log_download(request, records, reason_form, detail=f"access log {query.urlencode()}")
        return _access_workbook(records, "toegangslog")
    listing = list_page(request, records, columns=ACCESS_COLUMNS)
    return render(
        request,
        "privacy/access_log.html",
        {
            "form": form,
            "listing": listing,
            "page": listing.rows,
            "tab": "accesses",
            "reason_form": reason_form,
        },
        status=400 if request.method == "POST" else 200,
    )


@spreadsheet_export
@requires(Capability.MANAGE_PRIVACY)
@require_http_methods(["GET", "POST"])
def person_access(request: HttpRequest, pk: int) -> HttpResponse:
    """A person's access history as a workbook, to hand to her (also after erasure), with
    the accesses to records of her merged into this one; asks a reason first, and the
    download is itself logged."""
    records = (
        AccessRecord.objects.visible_to(request.user)
        .filter(
            subject_type=PERSON_TYPE,
            subject_id__in=person_ids(pk),
        )
        .select_related("user")
    )
    holder_id = (
        Person.objects.filter(pk=pk, holder_id__in=_own_organisations(request))
        .values_list("holder_id", flat=True)
        .first()
    )
    if holder_id is None and not records.exists():
        raise Http404  # no person of hers, and no trace of one (erased ones leave records)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        held = [(PERSON_TYPE, pk, holder_id)] if holder_id else []
        _log_download(request, records, form, detail="access history", also=held)
        return _access_workbook(records.order_by("at", "id"), f"inzage-persoon-{pk}")
    back = reverse("directory:person", args=[pk]) if holder_id else reverse("privacy:access_log")
    return render(
        request,
        "privacy/reason.html",
        {
            "form": form,
            "heading": _("Access history of person %(number)s") % {"number": pk},
            "explanation": _(
                "An Excel workbook of everyone who viewed, found, exported or erased her data. "
                "Downloading it is itself written to the access log, with your reason."
            ),
            "submit": _("Download as Excel"),
            "back_url": back,
        },
        status=400 if request.method == "POST" else 200,
    )


def _log_download(
    request: HttpRequest,
    records: QuerySet[AccessRecord],
    form: ReasonForm,
    *,
    detail: str,
    also: list[Subject] | None = None,
) -> None:
    """Log the download of `records` as access to every person in them (and `also`)."""
    shown = records.order_by().values_list("subject_type", "subject_id", "organisation_id")
    subjects = sorted(set(shown.distinct()) | set(also or []))
    log_access_to(
        request,
        AccessAction.HISTORY,
        subjects,
        detail=detail,
        reason=form.cleaned_data["reason"],
    )


def _access_workbook(records: QuerySet[AccessRecord], name: str) -> HttpResponse:
    header = [
        _("When"),
        _("User"),
        _("In the role of"),
        _("Action"),
        _("Person number"),
        _("Detail"),
        _("Reason"),
        _("Address"),
    ]
    rows = (
        [
            timezone.localtime(record.at).replace(tzinfo=None),
            str(record.user),
            record.roles,
            str(record.get_action_display()),
            record.subject_id,
            record.detail,
            record.reason,
            record.remote_addr or "",
        ]
        for record in records.iterator(chunk_size=2000)
    )
    stamp = timezone.localdate().isoformat()
    return xlsx_response(f"{name}-{stamp}.xlsx", [(_("Access"), header, rows)])
