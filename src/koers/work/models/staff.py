"""Who records hours: teams, staff profiles with their coordinator, contracts and cost rates."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from koers.core.money import euro
from koers.core.privacy import LawfulBasis, PersonalData


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
        return f"{self.profile} {self.fte} FTE {date_format(self.starts_on)}"

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
        return f"{self.profile} {self.year}: {euro(self.rate)}"
