"""Risks and reserves: the risk register, earmarked reserves with their ceiling and planned
additions, and figures a document states in its text that Koers can check."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import DecimalField, ExpressionWrapper, F, Value
from django.utils.translation import gettext_lazy as _

from koers.core.versioning import VersionedModel
from koers.funding.models.fields import money_field

PERCENT = Decimal("0.01")


class RiskQuerySet(models.QuerySet["Risk"]):
    def of_organisation(self, organisation_id: int) -> RiskQuerySet:
        return self.filter(organisation_id=organisation_id)

    def with_expected_impact(self) -> RiskQuerySet:
        """Each risk with `expected_impact` (probability × impact), computed in the database."""
        return self.annotate(
            expected_impact=ExpressionWrapper(
                # Times 0.01, not divided by 100: SQLite divides integers as integers.
                F("impact") * F("probability") * Value(PERCENT),
                output_field=DecimalField(max_digits=16, decimal_places=2),
            )
        )


class Risk(VersionedModel):
    """A risk of the organisation (or of one programme): what may happen, how likely, what
    it would cost, and what is adjusted (the scenario) and done about it (the measures)."""

    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="risks",
        verbose_name=_("organisation"),
    )
    programme = models.ForeignKey(
        "plans.Programme",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="risks",
        verbose_name=_("programme"),
        help_text=_("Empty for a risk of the whole organisation."),
    )
    title = models.CharField(_("risk"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    probability = models.PositiveSmallIntegerField(
        _("probability (%)"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    impact = money_field(_("impact (€)"), validators=[MinValueValidator(0)])
    scenario = models.TextField(
        _("scenario"),
        blank=True,
        help_text=_("What is adjusted if it happens, e.g. the effort on programmes."),
    )
    owner = models.CharField(_("owner"), max_length=120, blank=True)
    measures = models.TextField(_("measures"), blank=True)
    review_on = models.DateField(_("review date"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    # Demo risks whose probability or impact the seeds do not give: the pages say so.
    is_example = models.BooleanField(_("example data"), default=False, editable=False)

    objects = RiskQuerySet.as_manager()

    class Meta:
        ordering = ["title", "id"]
        verbose_name = _("risk")
        verbose_name_plural = _("risks")
        indexes = [models.Index(fields=["organisation", "review_on"])]

    def __str__(self) -> str:
        return self.title


class EarmarkedReserve(VersionedModel):
    """An earmarked reserve (bestemmingsreserve): its balance at the end of `opening_year`,
    the additions planned per year after it, and the ceiling it may not exceed."""

    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="earmarked_reserves",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=200)
    purpose = models.CharField(_("purpose"), max_length=300, blank=True)
    ceiling = money_field(
        _("ceiling (€)"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    opening_year = models.PositiveSmallIntegerField(_("balance at the end of"))
    opening_balance = money_field(_("balance then (€)"), default=Decimal(0))
    source = models.CharField(_("source"), max_length=300, blank=True)
    is_example = models.BooleanField(_("example data"), default=False, editable=False)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("earmarked reserve")
        verbose_name_plural = _("earmarked reserves")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="earmarked_reserve_unique_name"
            )
        ]

    def __str__(self) -> str:
        return self.name


class ReserveAddition(models.Model):
    """The addition to (or, negative, withdrawal from) a reserve planned for a year."""

    reserve = models.ForeignKey(
        EarmarkedReserve,
        on_delete=models.CASCADE,
        related_name="additions",
        verbose_name=_("reserve"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    amount = money_field(_("planned addition (€)"))
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["reserve", "year"]
        verbose_name = _("planned addition")
        verbose_name_plural = _("planned additions")
        constraints = [
            models.UniqueConstraint(fields=["reserve", "year"], name="reserve_addition_unique_year")
        ]

    def __str__(self) -> str:
        return f"{self.reserve} {self.year}: {self.amount}"

    def clean(self) -> None:
        if self.reserve_id and self.year <= self.reserve.opening_year:
            raise ValidationError(
                {"year": _("A planned addition falls in a year after the opening balance.")}
            )


class StatedFigure(models.Model):
    """A figure a document states in its text, beside the figure it should agree with
    elsewhere (a table, a grant): kept as stated, shown with both figures when they differ."""

    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="stated_figures",
        verbose_name=_("organisation"),
    )
    subject = models.CharField(_("subject"), max_length=200)
    stated = money_field(_("figure in the text (€)"))
    stated_source = models.CharField(_("source of the text"), max_length=300)
    compared = money_field(_("figure it is compared with (€)"))
    compared_source = models.CharField(_("source of that figure"), max_length=300)
    basis = models.CharField(_("how that figure is made up"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("stated figure")
        verbose_name_plural = _("stated figures")

    def __str__(self) -> str:
        return self.subject

    @property
    def differs(self) -> bool:
        return self.stated != self.compared
