"""Hours: time categories, weeks, time entries and closed months.

The one rule no path may bypass — nothing changes in a closed month — is enforced here, in
`TimeEntry.save()`/`delete()` and its queryset, so the admin, an import or a shell cannot
slip past it; the other rules of hours live in `koers.work.rules`, applied by the services.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import TruncMonth
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from koers.accounts.policy import organisations_with
from koers.accounts.roles import Capability
from koers.core.privacy import LawfulBasis, PersonalData
from koers.work.models.projects import Project


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
        return date_format(self.month, "YEAR_MONTH_FORMAT")


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


class WeekQuerySet(models.QuerySet["Week"]):
    def for_approver(self, user: Any) -> WeekQuerySet:
        """The weeks of the organisations where she approves hours, never her own; whether
        she may decide on one (her coordinator, or management) is `work.access.may_approve`."""
        own, _funding = organisations_with(user, Capability.APPROVE_HOURS)
        return self.filter(organisation_id__in=own).exclude(user_id=user.pk)


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

    objects = WeekQuerySet.as_manager()

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
        return f"{self.user} {date_format(self.date)} {self.hours} h {self.target}"

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
