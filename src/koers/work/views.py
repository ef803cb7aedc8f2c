"""Hours pages: her week grid, approving weeks, closing months."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Sum
from django.db.models.functions import TruncMonth
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from koers.accounts.decorators import requires
from koers.accounts.policy import (
    Scope,
    has_capability,
    organisations_with,
    own_organisation,
    sees_names,
)
from koers.accounts.roles import Capability
from koers.core.forms import Form
from koers.core.http import client_address
from koers.core.imports import Importer, failing_rows, run_import
from koers.core.pages import flash_form_errors
from koers.core.reference import default_reference, viewpoint
from koers.core.spreadsheets import spreadsheet_export, xlsx_response
from koers.core.uploads import (
    ALLOWED_EXTENSIONS,
    validate_document,
)
from koers.plans.access import can, get_activity_for_user
from koers.work import grid, imports, queries, services
from koers.work.forms import CorrectionForm, ProductReviewForm, WeekDecisionForm, WeekForm
from koers.work.models import (
    ClosedMonth,
    Product,
    ProductKind,
    StaffProfile,
    TimeEntry,
    Week,
    WeekStatus,
    month_of,
)
from koers.work.rules import monday_of

DAY_NAMES = [  # lazy: translated per request, not once at import
    gettext_lazy("Mon"),
    gettext_lazy("Tue"),
    gettext_lazy("Wed"),
    gettext_lazy("Thu"),
    gettext_lazy("Fri"),
    gettext_lazy("Sat"),
    gettext_lazy("Sun"),
]


def _monday(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise Http404 from None
    return monday_of(day)


@requires(Capability.RECORD_HOURS)
@require_GET
def week_today(request: HttpRequest) -> HttpResponse:
    monday = monday_of(min(default_reference(), timezone.localdate()))
    return redirect("work:week", monday=monday.isoformat())


@requires(Capability.RECORD_HOURS)
@require_http_methods(["GET", "POST"])
def week(request: HttpRequest, monday: str) -> HttpResponse:
    me: Any = request.user
    day = _monday(monday)
    if day.isoformat() != monday:
        return redirect("work:week", monday=day.isoformat())
    organisation_id = own_organisation(request.user, Capability.RECORD_HOURS)
    available = grid.options(request.user, organisation_id, day)
    extra = request.POST.getlist("rows") + request.GET.getlist("rij")
    rows = grid.rows_for(request.user, day, extra, available)
    this_week = Week.objects.filter(user=me, monday=day).first()
    status = 200
    if request.method == "POST":
        shown = {row.key for row in rows}
        addable = [grid.key_of(t) for group in available.values() for t in group]
        form = WeekForm(request.POST, rows=rows, addable=[k for k in addable if k not in shown])
        valid = form.is_valid()
        if valid and form.action_chosen == "copy":
            return _copy_last_week(request, organisation_id, day)
        problems = [] if valid else form.problems()
        if valid:
            try:
                this_week = services.save_week(
                    actor=request.user,
                    organisation_id=organisation_id,
                    monday=day,
                    cells=form.cells(day),
                    remote_addr=client_address(request),
                )
                if form.action_chosen == "submit":
                    services.submit_week(
                        actor=request.user, week=this_week, remote_addr=client_address(request)
                    )
                    messages.success(request, _("Your week has been submitted for approval."))
                else:
                    messages.success(request, _("Your hours have been saved."))
                return redirect("work:week", monday=day.isoformat())
            except ValidationError as error:
                problems = error.messages
        for problem in problems:
            messages.error(request, problem)
        status = 400
    days = [day + dt.timedelta(days=n) for n in range(7)]
    day_totals = [sum((row.hours[i] or Decimal(0) for row in rows), Decimal(0)) for i in range(7)]
    closed = set(
        ClosedMonth.objects.filter(
            organisation_id=organisation_id, month__in={month_of(d) for d in days}
        ).values_list("month", flat=True)
    )
    shown = {row.key for row in rows}
    return render(
        request,
        "work/week.html",
        {
            "monday": day,
            "days": [
                {"date": d, "name": DAY_NAMES[i], "closed": month_of(d) in closed}
                for i, d in enumerate(days)
            ],
            "rows": rows,
            "day_totals": day_totals,
            "week_total": sum(day_totals, Decimal(0)),
            "week": this_week,
            "editable": this_week is None or this_week.editable,
            "previous": (day - dt.timedelta(days=7)).isoformat(),
            "next": (day + dt.timedelta(days=7)).isoformat(),
            "addable": {
                name: [(grid.key_of(t), t) for t in group if grid.key_of(t) not in shown]
                for name, group in available.items()
            },
        },
        status=status,
    )


def _copy_last_week(request: HttpRequest, organisation_id: int, monday: dt.date) -> HttpResponse:
    """Last week's hours into this week's empty cells, as one save."""
    me: Any = request.user
    last = TimeEntry.objects.filter(
        user=me,
        date__gte=monday - dt.timedelta(days=7),
        date__lt=monday,
        corrects__isnull=True,
    ).select_related("project", "activity", "category")
    taken = set(
        TimeEntry.objects.filter(
            user=me, date__gte=monday, date__lt=monday + dt.timedelta(days=7)
        ).values_list("project_id", "activity_id", "category_id", "date")
    )
    cells = [
        services.Cell(entry.target, entry.date + dt.timedelta(days=7), entry.hours, entry.note)
        for entry in last
        if (
            entry.project_id,
            entry.activity_id,
            entry.category_id,
            entry.date + dt.timedelta(days=7),
        )
        not in taken
    ]
    try:
        services.save_week(
            actor=request.user,
            organisation_id=organisation_id,
            monday=monday,
            cells=cells,
            remote_addr=client_address(request),
        )
    except ValidationError as error:
        for problem in error.messages:
            messages.error(request, problem)
    else:
        messages.success(
            request, _("%(count)s entries copied from last week.") % {"count": len(cells)}
        )
    return redirect("work:week", monday=monday.isoformat())


@requires(Capability.APPROVE_HOURS)
@require_GET
def approvals(request: HttpRequest) -> HttpResponse:
    """Submitted weeks she may approve, each with its hours per row."""
    own, _funding = organisations_with(request.user, Capability.APPROVE_HOURS)
    weeks = [
        week
        for week in Week.objects.filter(organisation_id__in=own, status=WeekStatus.SUBMITTED)
        .select_related("user")
        .order_by("monday", "user__first_name")
        if services.may_approve(request.user, week)
    ]
    totals = {
        (row["user_id"], monday_of(row["date"])): row["total"]
        for row in TimeEntry.objects.filter(
            user_id__in={w.user_id for w in weeks},
            date__gte=min((w.monday for w in weeks), default=dt.date.min),
        )
        .values("user_id", "date")
        .annotate(total=Sum("hours"))
    }
    summary: dict[tuple[int, dt.date], Decimal] = {}
    for (user_id, monday), total in totals.items():
        summary[(user_id, monday)] = summary.get((user_id, monday), Decimal(0)) + total
    return render(
        request,
        "work/approvals.html",
        {"weeks": [(week, summary.get((week.user_id, week.monday), Decimal(0))) for week in weeks]},
    )


@requires(Capability.APPROVE_HOURS)
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    own, _funding = organisations_with(request.user, Capability.APPROVE_HOURS)
    week = get_object_or_404(Week, pk=pk, organisation_id__in=own)
    if not services.may_approve(request.user, week):
        raise Http404
    form = WeekDecisionForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("work:approvals")
    try:
        if form.cleaned_data["decision"] == "return":
            services.return_week(
                actor=request.user,
                week=week,
                remark=form.cleaned_data["remark"],
                remote_addr=client_address(request),
            )
            messages.success(request, _("The week has been returned with your remark."))
        else:
            services.approve_week(
                actor=request.user, week=week, remote_addr=client_address(request)
            )
            messages.success(request, _("The week has been approved."))
    except ValidationError as error:
        for problem in error.messages:
            messages.error(request, problem)
    return redirect("work:approvals")


@requires(Capability.CLOSE_PERIOD)
@require_http_methods(["GET", "POST"])
def months(request: HttpRequest) -> HttpResponse:
    organisation_id = own_organisation(request.user, Capability.CLOSE_PERIOD)
    year = default_reference().year
    if request.method == "POST":
        try:
            month = dt.date.fromisoformat(request.POST.get("month", ""))
            services.close_month(
                actor=request.user,
                organisation_id=organisation_id,
                month=month,
                remote_addr=client_address(request),
            )
            messages.success(
                request, _("%(month)s has been closed.") % {"month": month.strftime("%m-%Y")}
            )
        except ValueError:
            messages.error(request, _("Choose a month."))
        except ValidationError as error:
            for problem in error.messages:
                messages.error(request, problem)
        return redirect("work:months")
    closed = {
        c.month: c
        for c in ClosedMonth.objects.filter(
            organisation_id=organisation_id, month__year=year
        ).select_related("closed_by")
    }
    hours = {
        row["month"]: row["total"]
        for row in TimeEntry.objects.filter(organisation_id=organisation_id, date__year=year)
        .annotate(month=TruncMonth("date"))
        .values("month")
        .annotate(total=Sum("hours"))
    }
    rows = [
        {"month": month, "closed": closed.get(month), "hours": hours.get(month)}
        for month in (dt.date(year, number, 1) for number in range(1, 13))
    ]
    return render(request, "work/months.html", {"year": year, "rows": rows})


@requires(Capability.VIEW_CAPACITY)
@require_GET
def capacity(request: HttpRequest) -> HttpResponse:
    """Direct hours against the year's target, a forecast, hours per programme against its
    FTE, per project against its budget, per activity, and the weeks not handed in."""
    organisation_id = own_organisation(request.user, Capability.VIEW_CAPACITY)
    point = viewpoint(request)
    figures = queries.capacity(organisation_id, point.year.value, point.reference)
    return render(request, "work/capacity.html", {"figures": figures, "viewpoint": point})


@requires(Capability.RECORD_HOURS)
@require_GET
def person(request: HttpRequest, user_id: int) -> HttpResponse:
    """One staff member's hours: for herself and her coordinator only."""
    profile = StaffProfile.objects.select_related("user").filter(user_id=user_id).first()
    if profile is None and user_id == request.user.pk:
        # No profile yet: her own page still shows what she registered.
        profile = StaffProfile(user=request.user, organisation_id=0)
    if profile is None:
        raise Http404
    if request.user.pk not in (profile.user_id, profile.coordinator_id):
        raise Http404
    point = viewpoint(request)
    figures = queries.person_year(profile.user, point.year.value, point.reference)
    return render(
        request, "work/person.html", {"figures": figures, "viewpoint": point, "profile": profile}
    )


def _own_organisation_for_import(request: HttpRequest) -> dict[str, Any]:
    return {"organisation_id": own_organisation(request.user, Capability.CLOSE_PERIOD)}


HOURS_IMPORT = Importer(
    title=gettext_lazy("Import hours"),
    url_name="work:import",
    failing_url_name="work:import_failing",
    failing_filename="uren-met-problemen.csv",
    section=gettext_lazy("Months"),
    section_url_name="work:months",
    intro=gettext_lazy(
        "First Koers checks every row by the same rules as the week grid and shows what it "
        "found; nothing is saved until you confirm."
    ),
    columns_note=gettext_lazy(
        "The first row names the columns, in Dutch or English, in any order. Required: "
        "datum, medewerker (user name or e-mail address), uren, and one of project (code), "
        "activiteit (code) or categorie (name)."
    ),
    columns=imports.COLUMNS,
    scope=_own_organisation_for_import,
    read=imports.read,
    check=lambda rows, s: imports.check(rows, organisation_id=s["organisation_id"]),
    apply=lambda report, s, **kw: imports.apply(report, **kw),
    done=lambda count: _("%(count)s entries imported.") % {"count": count},
)


@requires(Capability.CLOSE_PERIOD)
@require_http_methods(["GET", "POST"])
def hours_import(request: HttpRequest) -> HttpResponse:
    """Upload → dry run listing every row's problems → import (all, or the passing rows)."""
    return run_import(request, HOURS_IMPORT)


@spreadsheet_export
@requires(Capability.CLOSE_PERIOD)
@require_GET
def hours_import_failing(request: HttpRequest, token: str) -> HttpResponse:
    """The rows with problems as a CSV file, with a column saying what is wrong."""
    return failing_rows(request, HOURS_IMPORT, token)


@spreadsheet_export
@requires(Capability.VIEW_CAPACITY)
@require_GET
def hours_export(request: HttpRequest) -> HttpResponse:
    """Every entry of the year as a row of a workbook, for controllers."""
    organisation_id = own_organisation(request.user, Capability.VIEW_CAPACITY)
    year = viewpoint(request).year.value
    entries = (
        TimeEntry.objects.filter(organisation_id=organisation_id, date__year=year)
        .select_related("user", "project", "activity__programme", "category", "corrects")
        .order_by("date", "user__username", "id")
    )
    header = [
        _("Date"),
        _("Staff member"),
        _("Programme"),
        _("Project"),
        _("Activity"),
        _("Category"),
        _("Direct"),
        _("Hours"),
        _("Note"),
        _("Corrects entry"),
    ]
    rows = (
        [
            entry.date,
            str(entry.user),
            entry.activity.programme.name if entry.activity else "",
            str(entry.project or ""),
            f"{entry.activity.code} {entry.activity.title}" if entry.activity else "",
            str(entry.category or ""),
            _("yes") if _is_direct(entry) else _("no"),
            entry.hours,
            entry.note,
            entry.corrects_id or "",
        ]
        for entry in entries.iterator(chunk_size=2000)
    )
    return xlsx_response(f"uren-{year}.xlsx", [(_("Hours"), header, rows)])


def _is_direct(entry: TimeEntry) -> bool:
    return bool(entry.project_id or entry.activity_id or (entry.category and entry.category.direct))


class ProductForm(Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=ProductKind.choices)
    document = forms.FileField(
        label=gettext_lazy("Document"),
        required=False,
        validators=[validate_document],
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED_EXTENSIONS)}),
    )
    link = forms.URLField(
        label=gettext_lazy("Link"), required=False, max_length=200, assume_scheme="https"
    )


@requires(Capability.VIEW_PLANS)
@require_http_methods(["GET", "POST"])
def products(request: HttpRequest, activity_id: int) -> HttpResponse:
    """An activity's outgoing products: register one, review another's."""
    activity = get_activity_for_user(request.user, activity_id)
    may_record = can(request.user, Capability.RECORD_REALISATION, activity.programme)
    form = ProductForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not may_record:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.product_register(
                    actor=request.user,
                    activity=activity,
                    remote_addr=client_address(request),
                    **form.cleaned_data,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The product is registered and awaits review."))
                return redirect("work:products", activity_id=activity.pk)
    return render(
        request,
        "work/products.html",
        {
            "activity": activity,
            "products": Product.objects.filter(activity=activity).select_related(
                "registered_by", "reviewed_by"
            ),
            "form": form if may_record else None,
            "may_review": may_record,
            "shows_names": sees_names(request.user, activity.programme.plan.organisation_id),
        },
        status=400 if request.method == "POST" else 200,
    )


@requires(Capability.RECORD_REALISATION)
@require_POST
def product_review(request: HttpRequest, pk: int) -> HttpResponse:
    product = get_object_or_404(Product.objects.select_related("activity"), pk=pk)
    get_activity_for_user(request.user, product.activity_id, Capability.RECORD_REALISATION)
    form = ProductReviewForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("work:products", activity_id=product.activity_id)
    try:
        services.product_review(
            actor=request.user,
            product=product,
            approve=form.cleaned_data["decision"] == "approve",
            remark=form.cleaned_data["remark"],
            remote_addr=client_address(request),
        )
        messages.success(request, _("Your review has been saved."))
    except ValidationError as error:
        for problem in error.messages:
            messages.error(request, problem)
    return redirect("work:products", activity_id=product.activity_id)


@requires(Capability.VIEW_PLANS)
@require_GET
def product_document(request: HttpRequest, pk: int) -> FileResponse:
    """The product's document, always as a download (never rendered from our origin)."""
    product = get_object_or_404(Product, pk=pk)
    get_activity_for_user(request.user, product.activity_id)
    if not product.document:
        raise Http404
    response = FileResponse(
        product.document.open("rb"),
        as_attachment=True,
        filename=product.document.name.rsplit("/", 1)[-1],
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@requires(Capability.RECORD_HOURS)
@require_http_methods(["GET", "POST"])
def corrections(request: HttpRequest) -> HttpResponse:
    """Correct hours of a closed month: a signed entry in an open month that points at the
    entry it corrects. For the staff member herself and for operations."""
    me: Any = request.user
    organisation_id = own_organisation(request.user, Capability.RECORD_HOURS)
    raw_staff = request.GET.get("medewerker", "")
    staff_id = int(raw_staff) if raw_staff.isdigit() else me.pk
    if staff_id != me.pk and not has_capability(
        me, Capability.CLOSE_PERIOD, Scope(organisation_id=organisation_id)
    ):
        raise Http404
    try:
        month = month_of(dt.date.fromisoformat(request.GET.get("maand", "") + "-01"))
    except ValueError:
        month = None
    if request.method == "POST":
        back = redirect(f"{reverse('work:corrections')}?{request.GET.urlencode()}")
        form = CorrectionForm(request.POST)
        if not form.is_valid():
            flash_form_errors(request, form)
            return back
        entry = get_object_or_404(
            TimeEntry,
            pk=form.cleaned_data["entry"],
            user_id=staff_id,
            organisation_id=organisation_id,
        )
        try:
            services.correct_entry(
                actor=me,
                entry=entry,
                day=form.cleaned_data["day"],
                hours=form.cleaned_data["hours"],
                note=form.cleaned_data["note"],
                remote_addr=client_address(request),
            )
            messages.success(request, _("The correction has been saved."))
        except ValidationError as error:
            for problem in error.messages:
                messages.error(request, problem)
        return back
    entries = []
    if month is not None:
        end = (month + dt.timedelta(days=32)).replace(day=1)
        entries = list(
            TimeEntry.objects.filter(
                user_id=staff_id,
                organisation_id=organisation_id,
                date__gte=month,
                date__lt=end,
                corrects__isnull=True,
            )
            .select_related("project", "activity", "category")
            .prefetch_related("corrections")
        )
    closed = (
        month is not None
        and ClosedMonth.objects.filter(organisation_id=organisation_id, month=month).exists()
    )
    return render(
        request,
        "work/corrections.html",
        {
            "month": month,
            "closed": closed,
            "entries": entries,
            "staff_id": staff_id,
            "today": timezone.localdate(),
        },
    )
