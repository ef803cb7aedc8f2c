"""What hours are measured against: yearly hours targets and activities' hours budgets."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.work.models.projects import Project


class HoursTarget(models.Model):
    """The organisation's targets for a year: direct hours and their share of all hours
    (the multi-year plan's KPIs), and how many hours one FTE stands for.

    A reference year (`is_reference`) holds what was measured in a year the plan starts
    from (CMO's 2019: 18,117 direct hours, 64%), in the same figures as the targets, so the
    two are shown side by side; it is never a year's target."""

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
    is_reference = models.BooleanField(
        _("reference year"),
        default=False,
        help_text=_("What was realised in a year the plan starts from, not a target."),
    )

    class Meta:
        ordering = ["organisation", "year"]
        verbose_name = _("hours target")
        verbose_name_plural = _("hours targets")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="hours_target_unique")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.year}: {self.direct_hours} ({self.direct_share}%)"


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
