"""Dated milestones of a multi-year plan: a supervisory board from a date, an evaluation
delivered, a researcher hired. Shown as a timeline on the annual plan's page."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.plans.models.activities import Activity
from koers.plans.models.chain import Plan
from koers.plans.models.dates import DatePrecision, period_label


class Milestone(models.Model):
    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="milestones", verbose_name=_("plan")
    )
    title = models.CharField(_("title"), max_length=300)
    date = models.DateField(
        _("date"), help_text=_("The last day of the month, season or year when less is known.")
    )
    precision = models.CharField(
        _("known to the"), max_length=10, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    done = models.BooleanField(_("reached"), default=False)
    activity = models.ForeignKey(
        Activity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="milestones",
        verbose_name=_("activity"),
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["plan", "date", "id"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return f"{self.title} ({self.when})"

    @property
    def when(self) -> str:
        return period_label(self.date, self.precision)

    def clean(self) -> None:
        if self.activity is not None and self.activity.programme.plan_id != self.plan_id:
            raise ValidationError({"activity": _("Choose an activity of this plan.")})
