"""Hours, projects and capacity: staff profiles, projects, time entries, weeks, closed months.

The rules that keep hours trustworthy live in `koers.work.rules` and are enforced in the
services; the one rule no path may bypass — nothing changes in a closed month — is also
enforced here, in `TimeEntry.save()`/`delete()` and its queryset, so the admin, an import
or a shell cannot slip past it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from koers.core.privacy import LawfulBasis, PersonalData
from koers.core.uploads import validate_document


class Team(models.Model):
    """A team or label of the organisation (Project & Advies, Zorgbelang, Zowelwerk)."""

    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="teams",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="team_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class StaffProfile(models.Model):
    """A staff member as the hours see her: team, coordinator, contract over time, cost."""

    personal_data = PersonalData(
        subjects=_("staff"),
        fields=("user", "team", "coordinator"),
        purpose=_("Registering and approving hours, and planning capacity."),
        lawful_basis=LawfulBasis.CONTRACT,
        retention=_("Seven years after employment ends (fiscal retention of the hours)."),
    )

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="staff_profile",
        verbose_name=_("user"),
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="staff",
        verbose_name=_("organisation"),
    )
    team = models.ForeignKey(
        Team,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("team"),
    )
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="coordinated_staff",
        verbose_name=_("coordinator"),
        help_text=_("Who approves her weeks."),
    )

    class Meta:
        ordering = ["user__first_name", "user__last_name"]
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")

    def __str__(self) -> str:
        return str(self.user)


class Contract(models.Model):
    """Her contract from a date on: FTE, hours a week, the share of direct hours expected."""

    personal_data = PersonalData(
        subjects=_("staff"),
        fields=("fte", "hours_per_week", "direct_norm"),
        purpose=_("Planning capacity and the direct-hours norm."),
        lawful_basis=LawfulBasis.CONTRACT,
        retention=_("Seven years after employment ends."),
    )

    profile = models.ForeignKey(
        StaffProfile,
        on_delete=models.CASCADE,
        related_name="contracts",
        verbose_name=_("staff member"),
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)
    fte = models.DecimalField(
        _("FTE"),
        max_digits=4,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("1.5"))],
    )
    hours_per_week = models.DecimalField(_("hours a week"), max_digits=6, decimal_places=2)
    direct_norm = models.DecimalField(
        _("direct-hours norm (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")

    def __str__(self) -> str:
        return f"{self.profile} {self.fte} FTE {self.starts_on:%Y-%m-%d}"

    def clean(self) -> None:
        if self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end lies before the start.")})


class CostRate(models.Model):
    """Her cost per hour in a year (salary and overhead), for costing hours."""

    personal_data = PersonalData(
        subjects=_("staff"),
        fields=("rate",),
        purpose=_("Costing hours in budgets and accountability."),
        lawful_basis=LawfulBasis.CONTRACT,
        retention=_("Seven years (fiscal retention)."),
    )

    profile = models.ForeignKey(
        StaffProfile,
        on_delete=models.CASCADE,
        related_name="cost_rates",
        verbose_name=_("staff member"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    rate = models.DecimalField(_("cost per hour (€)"), max_digits=12, decimal_places=2)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("cost rate")
        verbose_name_plural = _("cost rates")
        constraints = [
            models.UniqueConstraint(fields=["profile", "year"], name="cost_rate_unique_year")
        ]

    def __str__(self) -> str:
        return f"{self.profile} {self.year}: €{self.rate}"


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    FINISHED = "finished", _("Finished")
    CANCELLED = "cancelled", _("Cancelled")


class Project(models.Model):
    """A project, always inside a programme — or flagged separate, with the date by which
    it must be handed over or ended."""

    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="projects",
        verbose_name=_("organisation"),
    )
    programme = models.ForeignKey(
        "plans.Programme",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name=_("programme"),
    )
    handover_by = models.DateField(
        _("hand over or end by"),
        null=True,
        blank=True,
        help_text=_("For a separate project (outside the programmes): required."),
    )
    code = models.CharField(_("code"), max_length=20, blank=True)
    title = models.CharField(_("title"), max_length=200)
    activities = models.ManyToManyField(
        "plans.Activity", blank=True, related_name="projects", verbose_name=_("activities")
    )
    funder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="funded_projects",
        verbose_name=_("funder"),
    )
    partner = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partner_projects",
        verbose_name=_("municipality or organisation"),
        help_text=_("With a partner, the programme pays at most half of the hours."),
    )
    municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name=_("municipality"),
    )
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"), null=True, blank=True)
    hours_budget = models.DecimalField(
        _("hours budget"), null=True, blank=True, max_digits=6, decimal_places=2
    )
    programme_hours = models.DecimalField(
        _("hours paid by the programme"),
        null=True,
        blank=True,
        max_digits=6,
        decimal_places=2,
        help_text=_("Of the hours budget; the rest is paid by the partner or funder."),
    )
    money_budget = models.DecimalField(
        _("budget (€)"), null=True, blank=True, max_digits=12, decimal_places=2
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.PLANNED
    )
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        ordering = ["code", "title"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self) -> str:
        return f"{self.code} {self.title}".strip()

    @property
    def is_separate(self) -> bool:
        return self.programme_id is None


class TimeCategory(models.Model):
    """A kind of time not written on a project or activity (management, training, leave…)."""

    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="time_categories",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=100)
    direct = models.BooleanField(_("direct hours"), default=False)
    needs_note = models.BooleanField(_("needs a note"), default=False)
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["-direct", "name"]
        verbose_name = _("time category")
        verbose_name_plural = _("time categories")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="category_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class ClosedMonth(models.Model):
    """A month closed by operations: its hours can no longer change, only be corrected."""

    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="closed_months",
        verbose_name=_("organisation"),
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("closed by"),
    )
    closed_at = models.DateTimeField(_("closed at"), auto_now_add=True)

    class Meta:
        ordering = ["-month"]
        verbose_name = _("closed month")
        verbose_name_plural = _("closed months")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "month"], name="closed_month_unique")
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}"


def month_of(day: dt.date) -> dt.date:
    return day.replace(day=1)


def is_closed(organisation_id: int, day: dt.date) -> bool:
    return ClosedMonth.objects.filter(organisation_id=organisation_id, month=month_of(day)).exists()


class ClosedMonthError(ValidationError):
    pass


class WeekStatus(models.TextChoices):
    OPEN = "open", _("Open")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Returned")


class Week(models.Model):
    """One staff member's week (Monday to Sunday): submitted, then approved or returned."""

    personal_data = PersonalData(
        subjects=_("staff"),
        fields=("user", "remark"),
        purpose=_("Approving registered hours."),
        lawful_basis=LawfulBasis.CONTRACT,
        retention=_("Seven years (fiscal retention)."),
    )

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="weeks",
        verbose_name=_("staff member"),
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisation"),
    )
    monday = models.DateField(_("week of"))
    status = models.CharField(
        _("status"), max_length=20, choices=WeekStatus.choices, default=WeekStatus.OPEN
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    remark = models.TextField(_("remark"), blank=True)

    class Meta:
        ordering = ["-monday"]
        verbose_name = _("week")
        verbose_name_plural = _("weeks")
        constraints = [
            models.UniqueConstraint(fields=["user", "monday"], name="week_unique_per_user"),
            models.CheckConstraint(
                condition=models.Q(monday__week_day=2), name="week_starts_on_monday"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.monday:%G-W%V}"

    @property
    def editable(self) -> bool:
        return self.status in (WeekStatus.OPEN, WeekStatus.RETURNED)


class TimeEntryQuerySet(models.QuerySet["TimeEntry"]):
    def update(self, **kwargs: Any) -> int:
        _refuse_closed(self)
        return super().update(**kwargs)

    def delete(self) -> tuple[int, dict[str, int]]:
        _refuse_closed(self)
        return super().delete()

    def direct(self) -> TimeEntryQuerySet:
        return self.filter(
            models.Q(project__isnull=False)
            | models.Q(activity__isnull=False)
            | models.Q(category__direct=True)
        )


def _refuse_closed(entries: models.QuerySet[Any]) -> None:
    """Refuse a bulk change that touches any entry in a closed month (two queries)."""
    months = set(
        entries.annotate(month=TruncMonth("date"))
        .values_list("organisation_id", "month")
        .distinct()
    )
    if not months:
        return
    touched = models.Q()
    for organisation_id, month in months:
        touched |= models.Q(organisation_id=organisation_id, month=month)
    if ClosedMonth.objects.filter(touched).exists():
        raise ClosedMonthError(_("Hours in a closed month cannot change; enter a correction."))


class TimeEntry(models.Model):
    """Hours on one day, on a project, an activity or a category (exactly one of them).

    A correction is an entry in an open month that points at the entry it corrects; its
    hours may be negative. Entries in a closed month never change.
    """

    personal_data = PersonalData(
        subjects=_("staff"),
        fields=("user", "date", "hours", "note"),
        purpose=_("Knowing where the time goes: direct hours, capacity and the cost of output."),
        lawful_basis=LawfulBasis.CONTRACT,
        retention=_("Seven years (fiscal retention)."),
    )

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="time_entries",
        verbose_name=_("staff member"),
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisation"),
    )
    date = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=2)
    project = models.ForeignKey(
        Project,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="time_entries",
        verbose_name=_("project"),
    )
    activity = models.ForeignKey(
        "plans.Activity",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="time_entries",
        verbose_name=_("activity"),
    )
    category = models.ForeignKey(
        TimeCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="time_entries",
        verbose_name=_("category"),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name=_("corrects"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = TimeEntryQuerySet.as_manager()

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("time entry")
        verbose_name_plural = _("time entries")
        indexes = [
            # Covering the capacity page's one scan (koers.work.queries.year_totals), so the
            # year's rows are summed from the index without visiting the table.
            models.Index(
                fields=["organisation", "date", "activity", "project", "category", "hours"],
                name="timeentry_capacity_idx",
            ),
            models.Index(fields=["user", "date"]),
            models.Index(fields=["activity", "date"]),
            models.Index(fields=["project", "date"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(project__isnull=False, activity__isnull=True, category__isnull=True)
                    | models.Q(project__isnull=True, activity__isnull=False, category__isnull=True)
                    | models.Q(project__isnull=True, activity__isnull=True, category__isnull=False)
                ),
                name="time_entry_exactly_one_target",
            ),
            models.CheckConstraint(
                condition=models.Q(hours__gt=0) | models.Q(corrects__isnull=False),
                name="time_entry_positive_unless_correction",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.date:%Y-%m-%d} {self.hours} h {self.target}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if is_closed(self.organisation_id, self.date):
            raise ClosedMonthError(_("Hours in a closed month cannot change; enter a correction."))
        if self.pk is not None:
            stored = TimeEntry.objects.filter(pk=self.pk).values_list("date", flat=True).first()
            if stored is not None and is_closed(self.organisation_id, stored):
                raise ClosedMonthError(
                    _("Hours in a closed month cannot change; enter a correction.")
                )
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        if is_closed(self.organisation_id, self.date):
            raise ClosedMonthError(_("Hours in a closed month cannot change; enter a correction."))
        return super().delete(*args, **kwargs)

    @property
    def target(self) -> Any:
        return self.project or self.activity or self.category


class HoursTarget(models.Model):
    """The organisation's targets for a year: direct hours and their share of all hours
    (the multi-year plan's KPIs), and how many hours one FTE stands for."""

    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="hours_targets",
        verbose_name=_("organisation"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    direct_hours = models.DecimalField(_("direct hours"), max_digits=9, decimal_places=2)
    direct_share = models.DecimalField(
        _("direct share (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    hours_per_fte = models.DecimalField(
        _("hours per FTE a year"),
        max_digits=6,
        decimal_places=2,
        default=Decimal(1872),
        help_text=_("36 hours × 52 weeks unless the organisation counts otherwise."),
    )
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        ordering = ["organisation", "year"]
        verbose_name = _("hours target")
        verbose_name_plural = _("hours targets")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="hours_target_unique")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.year}: {self.direct_hours} ({self.direct_share}%)"


class ProductKind(models.TextChoices):
    REPORT = "report", _("Report")
    NOTE = "note", _("Note or advice")
    PLAN = "plan", _("Plan")
    OTHER = "other", _("Other")


class ProductStatus(models.TextChoices):
    IN_REVIEW = "in_review", _("Awaiting review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Sent back")


class Product(models.Model):
    """An outgoing product (report, note, plan) of an activity. It counts as delivered only
    once a second person has approved it; a milestone indicator can count those
    (the derived measure "work.reviewed_products")."""

    personal_data = PersonalData(
        subjects=_("staff who register and review; persons named in documents"),
        fields=("registered_by", "reviewed_by", "document", "remark"),
        purpose=_("Four-eyes review of what the organisation sends out, as evidence of output."),
        lawful_basis=LawfulBasis.LEGITIMATE_INTERESTS,
        retention=_("Seven years after the year it counts for (accountability to funders)."),
    )

    activity = models.ForeignKey(
        "plans.Activity",
        on_delete=models.PROTECT,
        related_name="products",
        verbose_name=_("activity"),
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=ProductKind.choices)
    document = models.FileField(
        _("document"), upload_to="products/%Y/", blank=True, validators=[validate_document]
    )
    link = models.URLField(_("link"), blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("registered by"),
    )
    registered_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ProductStatus.choices, default=ProductStatus.IN_REVIEW
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    remark = models.TextField(_("remark"), blank=True)

    class Meta:
        ordering = ["-registered_at"]
        verbose_name = _("product")
        verbose_name_plural = _("products")
        indexes = [models.Index(fields=["activity", "status", "reviewed_at"])]

    def __str__(self) -> str:
        return self.title

    def evidence_text(self) -> str:
        """The product as evidence in a report to a funder: its title, not who reviewed it."""
        return self.title


class HoursBudget(models.Model):
    """Hours (and money) budgeted for a year: on an activity, or on a project for one of the
    years it runs (a project's own budget is for its whole run)."""

    activity = models.ForeignKey(
        "plans.Activity",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="hours_budgets",
        verbose_name=_("activity"),
    )
    project = models.ForeignKey(
        Project,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="budgets",
        verbose_name=_("project"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    hours = models.DecimalField(_("hours"), max_digits=8, decimal_places=2)
    money = models.DecimalField(
        _("budget (€)"), max_digits=12, decimal_places=2, null=True, blank=True
    )

    class Meta:
        ordering = ["year"]
        verbose_name = _("hours budget")
        verbose_name_plural = _("hours budgets")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(activity__isnull=False, project__isnull=True)
                | models.Q(activity__isnull=True, project__isnull=False),
                name="hours_budget_activity_or_project",
            ),
            models.UniqueConstraint(
                fields=["activity", "year"], name="hours_budget_unique_activity_year"
            ),
            models.UniqueConstraint(
                fields=["project", "year"], name="hours_budget_unique_project_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity or self.project} {self.year}: {self.hours} h"

    def clean(self) -> None:
        if self.activity_id and self.activity and self.activity.year != self.year:
            raise ValidationError({"year": _("An activity's budget is for its own year.")})
