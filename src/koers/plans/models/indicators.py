"""Indicators of an activity, their target per year and their realisations (measured
values with evidence)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from koers.core.privacy import LawfulBasis, PersonalData
from koers.plans.managers import IndicatorQuerySet, RealisationQuerySet
from koers.plans.models.activities import Activity


def value_field(verbose_name: Any, **options: Any) -> models.DecimalField[Any, Any]:
    """Indicator values, targets and baselines: up to 12 digits before and 2 after the point."""
    return models.DecimalField(verbose_name, max_digits=14, decimal_places=2, **options)


class IndicatorKind(models.TextChoices):
    OUTPUT = "output", _("Output")
    OUTCOME = "outcome", _("Outcome")


class Unit(models.TextChoices):
    COUNT = "count", _("Number")
    PERCENTAGE = "percentage", _("Percentage")
    EURO = "euro", _("Euro")
    HOURS = "hours", _("Hours")
    MILESTONE = "milestone", _("Milestone (yes/no)")


class Aggregation(models.TextChoices):
    SUM = "sum", _("Sum over the year (cumulative)")
    LATEST = "latest", _("Latest value")
    MAX = "max", _("Highest value")


class Source(models.TextChoices):
    MANUAL = "manual", _("Entered by hand")
    DERIVED = "derived", _("Derived from records")


class Indicator(models.Model):
    """What is measured for an activity, and how values over a year add up."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("activity")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=IndicatorKind.choices)
    title = models.CharField(_("title"), max_length=300)
    unit = models.CharField(_("unit"), max_length=12, choices=Unit.choices)
    aggregation = models.CharField(
        _("aggregation over the year"), max_length=10, choices=Aggregation.choices
    )
    baseline = value_field(_("baseline"), null=True, blank=True)
    verification = models.CharField(_("means of verification"), max_length=300, blank=True)
    note = models.TextField(_("note"), blank=True)
    is_key = models.BooleanField(
        _("key indicator"), default=False, help_text=_("Shown on the dashboard.")
    )
    # Later capabilities make an indicator derived from their records (events,
    # communications, hours …) by naming a measure registered with koers.plans.measures;
    # manual indicators keep these empty, so switching needs no migration.
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.MANUAL
    )
    measure = models.CharField(_("measure"), max_length=80, blank=True)
    measure_params = models.JSONField(_("measure parameters"), default=dict, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["activity", "kind", "order", "id"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.title

    @property
    def decimal_places(self) -> int:
        return 0 if self.unit in (Unit.COUNT, Unit.MILESTONE) else 2


class Target(models.Model):
    """An indicator's target for one year, optionally phased over the quarters."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="targets", verbose_name=_("indicator")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = value_field(_("target"))
    # Cumulative planned values at the end of Q1, Q2 and Q3 (Q4 is the target itself);
    # empty means the target is paced evenly over the year.
    q1 = value_field(_("planned by end of Q1"), null=True, blank=True)
    q2 = value_field(_("planned by end of Q2"), null=True, blank=True)
    q3 = value_field(_("planned by end of Q3"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["indicator", "year"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="target_unique_year")
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}: {self.value}"

    @property
    def phasing(self) -> tuple[Decimal, Decimal, Decimal, Decimal] | None:
        if self.q1 is None or self.q2 is None or self.q3 is None:
            return None
        return (self.q1, self.q2, self.q3, self.value)


def evidence_path(instance: Realisation, filename: str) -> str:
    return f"evidence/{instance.date:%Y}/{filename}"


class Realisation(models.Model):
    """A measured value with its date, place and evidence."""

    personal_data = PersonalData(
        subjects=_("staff who record; persons named in evidence (attendance lists)"),
        fields=("recorded_by", "evidence_file", "note"),
        purpose=_("Showing funders what an activity delivered, with the evidence behind it."),
        lawful_basis=LawfulBasis.LEGITIMATE_INTERESTS,
        retention=_("Seven years after the year it counts for (accountability to funders)."),
    )

    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="realisations",
        verbose_name=_("indicator"),
    )
    date = models.DateField(_("date"))
    value = value_field(_("value"))
    municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="realisations",
        verbose_name=_("municipality"),
    )
    evidence_file = models.FileField(
        _("evidence (file)"), upload_to=evidence_path, blank=True, max_length=300
    )
    evidence_url = models.URLField(_("evidence (link)"), blank=True, max_length=500)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    is_example = models.BooleanField(_("example data"), default=False)

    objects = RealisationQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("realisation")
        verbose_name_plural = _("realisations")
        # Covers the progress aggregations (sum, max, latest per indicator in a date window)
        # so they read the index alone.
        indexes = [
            models.Index(fields=["indicator", "date", "value"], name="realisation_progress_idx")
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} ({date_format(self.date)})"
