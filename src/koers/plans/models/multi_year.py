"""The multi-year plan's own results: what a programme or line is to achieve over a period
of the plan's years (the seeds' "Termijn | Activiteit | Resultaat" tables), and targets
for an indicator over such a period as a whole (reach 150 employers over 2020–2021, with
no yearly value)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.plans.models.activities import ActivityPhase, ActivityRole
from koers.plans.models.chain import Line, Programme
from koers.plans.models.indicators import Indicator, value_field


def _period_constraint(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(end_year__gte=models.F("start_year")), name=name
    )


class MultiYearResult(models.Model):
    """A programme's (or one of its lines') result for a period of the plan's years: the
    activity that leads to it and the result itself, as the multi-year plan words them.

    `code` names the activity that carries it out in each year of the period; drafting a
    year's plan adds that activity when the year has none with this code yet.
    """

    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="multi_year_results",
        verbose_name=_("programme"),
    )
    line = models.ForeignKey(
        Line,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="multi_year_results",
        verbose_name=_("line"),
    )
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    code = models.CharField(
        _("activity code"),
        max_length=16,
        blank=True,
        help_text=_("The code of the activity that carries this result out in a year."),
    )
    title = models.CharField(_("title"), max_length=300)
    activity_text = models.TextField(_("activity"))
    result_text = models.TextField(_("result"))
    role = models.CharField(
        _("role"), max_length=40, choices=ActivityRole.choices, default=ActivityRole.DEVELOP
    )
    phase = models.CharField(
        _("phase"), max_length=20, choices=ActivityPhase.choices, default=ActivityPhase.DEVELOP
    )
    source = models.CharField(_("source"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["programme", "line__order", "start_year", "order", "id"]
        verbose_name = _("multi-year result")
        verbose_name_plural = _("multi-year results")
        constraints = [_period_constraint("multi_year_result_years_ordered")]
        indexes = [models.Index(fields=["programme", "start_year", "end_year"])]

    def __str__(self) -> str:
        return f"{self.start_year}–{self.end_year} {self.title}"

    @property
    def period(self) -> str:
        return f"{self.start_year}–{self.end_year}"

    def covers(self, year: int) -> bool:
        return self.start_year <= year <= self.end_year

    def clean(self) -> None:
        line = self.line if self.line_id is not None else None
        if (
            line is not None
            and self.programme_id is not None
            and line.programme_id != self.programme_id
        ):
            raise ValidationError({"line": _("Choose a line of this programme.")})


class MultiYearTarget(models.Model):
    """A target for an indicator over a period as a whole. `indicators` are the yearly
    indicators that count towards it: the same indicator of the same activity (its code)
    in each year of the period, linked as the plan of each year is drafted."""

    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="multi_year_targets",
        verbose_name=_("programme"),
    )
    result = models.ForeignKey(
        MultiYearResult,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="targets",
        verbose_name=_("multi-year result"),
    )
    title = models.CharField(_("title"), max_length=300)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    value = value_field(_("target for the period"))
    indicators = models.ManyToManyField(
        Indicator,
        blank=True,
        related_name="multi_year_targets",
        verbose_name=_("indicators counted"),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["programme", "start_year", "title", "id"]
        verbose_name = _("multi-year target")
        verbose_name_plural = _("multi-year targets")
        constraints = [_period_constraint("multi_year_target_years_ordered")]

    def __str__(self) -> str:
        return f"{self.title} {self.start_year}–{self.end_year}: {self.value}"

    @property
    def period(self) -> str:
        return f"{self.start_year}–{self.end_year}"

    def covers(self, year: int) -> bool:
        return self.start_year <= year <= self.end_year
