"""Grants: the pipeline, one grant with its steps, obligations, indicators and advances,
and the advances to invoice this quarter."""

from __future__ import annotations

from typing import Any

from django.db.models import OuterRef, Q, Subquery, Sum
from django.db.models.functions import Lower
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from koers.accounts.decorators import requires
from koers.accounts.policy import has_capability, organisations_with, own_organisation, sees_names
from koers.accounts.roles import Capability
from koers.core.confirm import Question, asks_first, confirm_first
from koers.core.http import client_address
from koers.core.listing import Column, list_page
from koers.core.pages import act, attempt, flash_form_errors, shown_again
from koers.core.versioning import versioned_edit
from koers.funding import pipeline, queries, services
from koers.funding.access import (
    get_grant_for_user,
    grant_scope,
)
from koers.funding.filters import GrantFilter, GrantListFilter
from koers.funding.forms import (
    GrantForm,
    GrantIndicatorForm,
    MoveForm,
    ObligationDoneForm,
    ObligationForm,
)
from koers.funding.models import Grant, GrantStatus, Obligation
from koers.plans.models import Programme, Target

COLUMNS = (
    Column(gettext_lazy("Grant"), "title", (Lower("title"),)),
    Column(gettext_lazy("Funder"), "funder", (Lower("funder__name"),)),
    Column(gettext_lazy("Kind"), "kind"),
    Column(gettext_lazy("Status"), "status", (queries.pipeline_position(), "starts_on")),
    Column(gettext_lazy("Period"), "period", ("starts_on", "ends_on")),
    Column(gettext_lazy("Submitted"), "submitted", ("submitted_on",)),
    Column(gettext_lazy("Decision"), "decision", ("decided_on",)),
    Column(gettext_lazy("Requested"), "requested", ("amount_requested",), numeric=True),
    Column(gettext_lazy("Granted"), "granted", ("amount_granted",), numeric=True),
)


def _may_manage(request: HttpRequest) -> bool:
    own, _funding = organisations_with(request.user, Capability.MANAGE_FUNDING)
    return bool(own)


@requires(Capability.VIEW_FUNDING)
@require_GET
def grants(request: HttpRequest) -> HttpResponse:
    """The pipeline: how many grants each status holds (of the chosen funder), and the
    grants themselves as a list that can be narrowed to one status, sorted and paged."""
    visible = Grant.objects.visible_to(request.user)
    of_funder = GrantFilter(request.GET, queryset=visible)
    chosen = GrantListFilter(request.GET, queryset=visible)
    rows = chosen.qs
    listing = list_page(
        request,
        queries.with_step_dates(rows).select_related("funder"),
        columns=COLUMNS,
        default_sort="status",
    )
    return render(
        request,
        "funding/grants.html",
        {
            "listing": listing,
            "grants": listing.rows,
            "totals": rows.aggregate(
                requested=Sum("amount_requested"), granted=Sum("amount_granted")
            ),
            "stages": queries.pipeline_stages(of_funder.qs),
            "applications": queries.applications_by_funder(of_funder.qs),
            "funders": visible.values_list("funder_id", "funder__name")
            .distinct()
            .order_by("funder__name"),
            "statuses": GrantStatus.choices,
            "chosen_funder": of_funder.form.cleaned_data.get("financier"),
            "chosen_status": chosen.form.cleaned_data.get("status") or "",
            "may_manage": _may_manage(request),
        },
    )


def _indicator_rows(grant: Grant, visible: Any) -> list[Any]:
    """The decision's indicators with the plan's own target for the same year beside them,
    of the `visible` programmes."""
    plan_target = Target.objects.filter(
        indicator=OuterRef("indicator_id"), year=OuterRef("year")
    ).values("value")[:1]
    return list(
        grant.indicators.filter(indicator__activity__programme__in=visible)
        .select_related("indicator__activity__programme")
        .annotate(plan_target=Subquery(plan_target))
    )


@requires(Capability.VIEW_FUNDING)
@require_GET
def grant(request: HttpRequest, pk: int) -> HttpResponse:
    return _grant_page(request, get_grant_for_user(request.user, pk))


def _move_form(posted: Any, moves: list[tuple[str, str, bool]], today: Any) -> Any:
    """The form of the grant's next step, offering only the steps its status allows."""
    form = posted or MoveForm(initial={"on": today}, auto_id="move-%s")
    fields: Any = form.fields  # a ChoiceField's choices, set per grant
    fields["to"].choices = [
        (status, _("Back to: %(label)s") % {"label": label} if back else label)
        for status, label, back in moves
    ]
    return form


def _grant_page(request: HttpRequest, record: Grant, **refused: Any) -> HttpResponse:
    """The grant's page; after a refused form with that form as posted (`refused`: the form
    under its name on the page, e.g. obligation_form)."""
    advances = list(record.advances.all())
    # What the grant pays for, of the programmes she may see: a funder's own grant may name
    # a programme that does not list her as its funder, whose figures are not hers to see.
    visible = Programme.objects.visible_to(request.user)
    may_manage = has_capability(request.user, Capability.MANAGE_FUNDING, grant_scope(record))
    today = timezone.localdate()
    moves = [
        (status, str(GrantStatus(status).label), False)
        for status in pipeline.FORWARD[record.status]
    ]
    if record.status in pipeline.BACK:
        back = pipeline.BACK[record.status]
        moves.append((back, str(GrantStatus(back).label), True))
    return render(
        request,
        "funding/grant.html",
        {
            "grant": record,
            "steps": record.steps.select_related("by"),
            "obligations": record.obligations.all(),
            "indicators": _indicator_rows(record, visible),
            "advances": advances,
            "programmes": record.programmes.filter(pk__in=visible),
            "activities": record.activities.filter(programme__in=visible).select_related(
                "programme"
            ),
            "projects": record.projects.filter(
                Q(programme__in=visible) | Q(programme__isnull=True)
            ),
            "may_manage": may_manage,
            "shows_names": sees_names(request.user, record.organisation_id),
            "moves": moves,
            "move_form": _move_form(refused.pop("move_form", None), moves, today),
            "obligation_form": ObligationForm(),
            "indicator_form": GrantIndicatorForm(grant=record) if may_manage else None,
            "advance_total": sum((a.amount for a in advances), 0),
            "today": today,
            **refused,
        },
    )


@requires(Capability.MANAGE_FUNDING)
@require_http_methods(["GET", "POST"])
def grant_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    organisation_id = own_organisation(request.user, Capability.MANAGE_FUNDING)
    record = get_grant_for_user(request.user, pk, Capability.MANAGE_FUNDING) if pk else None
    if record and record.organisation_id != organisation_id:
        raise Http404
    data = request.POST or None
    files = request.FILES or None
    form = (
        GrantForm.for_grant(record, data, files, organisation_id)
        if record
        else GrantForm(data, files, organisation_id=organisation_id)
    )

    def save(cleaned: dict[str, Any]) -> Grant:
        return services.grant_save(
            actor=request.user,
            organisation_id=organisation_id,
            values={name: cleaned[name] for name in services.GRANT_FIELDS},
            links={name: cleaned[name] for name in services.GRANT_LINKS},
            documents={name: cleaned[name] for name in services.GRANT_DOCUMENTS},
            grant=record,
            expected_version=cleaned["version"] if record else None,
            remote_addr=client_address(request),
        )

    return versioned_edit(
        request,
        form,
        save,
        success=_("The grant has been saved.") if record else _("The grant has been added."),
        shown=("title", "amount_requested", "amount_granted", "reference"),
        next_url=lambda saved: reverse("funding:grant", args=[saved.pk]),
        multipart=True,
        heading=_("Edit %(grant)s") % {"grant": record} if record else _("Add a grant"),
        crumbs=[(record.title, reverse("funding:grant", args=[record.pk]))] if record else [],
        back_url=reverse("funding:grant", args=[record.pk])
        if record
        else reverse("funding:grants"),
        intro=_(
            "A new grant starts as an idea. Move it through the pipeline on its page; "
            "the advances are scheduled when it is granted."
        ),
    )


def _back_to(record: Grant, anchor: str = "") -> HttpResponse:
    return redirect(reverse("funding:grant", args=[record.pk]) + anchor)


@requires(Capability.MANAGE_FUNDING)
@require_POST
def grant_move(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_grant_for_user(request.user, pk, Capability.MANAGE_FUNDING)
    form = MoveForm(request.POST, auto_id="move-%s")
    if attempt(
        request,
        form,
        lambda cleaned: services.grant_move(
            actor=request.user,
            grant=record,
            to=cleaned["to"],
            on=cleaned["on"],
            reason=cleaned["reason"],
            remote_addr=client_address(request),
        ),
        lambda cleaned: (
            _("The grant is now “%(status)s”.") % {"status": GrantStatus(cleaned["to"]).label}
        ),
    ):
        return _back_to(record)
    return shown_again(_grant_page(request, record, move_form=form))


@requires(Capability.MANAGE_FUNDING)
@require_POST
def obligation_add(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_grant_for_user(request.user, pk, Capability.MANAGE_FUNDING)
    form = ObligationForm(request.POST)
    if attempt(
        request,
        form,
        lambda cleaned: services.obligation_add(
            actor=request.user, grant=record, remote_addr=client_address(request), **cleaned
        ),
        _("The obligation has been added."),
    ):
        return _back_to(record, "#obligations")
    return shown_again(_grant_page(request, record, obligation_form=form))


@requires(Capability.MANAGE_FUNDING)
@require_POST
def obligation_done(request: HttpRequest, pk: int) -> HttpResponse:
    obligation = get_object_or_404(Obligation.objects.visible_to(request.user), pk=pk)
    record = get_grant_for_user(request.user, obligation.grant_id, Capability.MANAGE_FUNDING)
    form = ObligationDoneForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return _back_to(record, "#obligations")
    reopen = form.cleaned_data["reopen"] == "1"
    act(
        request,
        lambda: services.obligation_done_set(
            actor=request.user,
            obligation=obligation,
            on=None if reopen else timezone.localdate(),
            remote_addr=client_address(request),
        ),
        _("The obligation is open again.") if reopen else _("The obligation is met."),
    )
    return _back_to(record, "#obligations")


@requires(Capability.MANAGE_FUNDING)
@require_POST
def grant_indicator(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_grant_for_user(request.user, pk, Capability.MANAGE_FUNDING)
    form = GrantIndicatorForm(request.POST, grant=record)
    if attempt(
        request,
        form,
        lambda cleaned: services.grant_indicator_set(
            actor=request.user, grant=record, remote_addr=client_address(request), **cleaned
        ),
        _("The agreed target has been recorded."),
    ):
        return _back_to(record, "#indicators")
    return shown_again(_grant_page(request, record, indicator_form=form))


@asks_first
@requires(Capability.MANAGE_FUNDING)
@require_POST
def advances_remake(request: HttpRequest, pk: int) -> HttpResponse:
    """Replace the advances with the default schedule: it deletes those there are."""
    record = get_grant_for_user(request.user, pk, Capability.MANAGE_FUNDING)

    def remake() -> HttpResponse:
        act(
            request,
            lambda: services.advance_schedule_remake(
                actor=request.user, grant=record, remote_addr=client_address(request)
            ),
            _("The advances have been scheduled again."),
        )
        return _back_to(record, "#advances")

    def question() -> Question:
        advances = record.advances.count()
        return Question(
            heading=_("Schedule the advances of %(grant)s again?") % {"grant": record.title},
            consequences=[
                ngettext(
                    "The %(count)s advance there is now is deleted.",
                    "The %(count)s advances there are now are deleted.",
                    advances,
                )
                % {"count": advances},
                _(
                    "New advances are made from the amount granted: a quarter's share at the "
                    "start of each quarter."
                ),
            ],
            button=_("Yes, schedule again"),
            cancel_url=reverse("funding:grant", args=[record.pk]) + "#advances",
            cancel_label=record.title,
        )

    return confirm_first(request, question=question, then=remake)


@requires(Capability.VIEW_FUNDING)
@require_GET
def grant_document(request: HttpRequest, pk: int, which: str) -> FileResponse:
    """The application or decision document, always as a download."""
    record = get_grant_for_user(request.user, pk)
    field = {"aanvraag": "application_document", "beschikking": "decision_document"}.get(which)
    if field is None:
        raise Http404
    document = getattr(record, field)
    if not document:
        raise Http404
    response = FileResponse(
        document.open("rb"), as_attachment=True, filename=document.name.rsplit("/", 1)[-1]
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
