"""Grants and their cycle: the grant, its steps, obligations, agreed indicators, advances.

A grant moves through one pipeline (`koers.funding.pipeline`); every step is kept as a
`GrantStep` with its date, so "when was it decided" is a fact, not a guess.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.core.uploads import validate_document
from koers.funding.managers import MoneyQuerySet, OfGrantQuerySet
from koers.funding.models.fields import money_field


class GrantKind(models.TextChoices):
    INSTITUTIONAL = "instellingssubsidie", _("Institutional grant")
    PROJECT = "projectsubsidie", _("Project grant")
    ASSIGNMENT = "opdracht", _("Assignment")
    FUND = "fonds", _("Application to a fund")


class GrantStatus(models.TextChoices):
    IDEA = "idea", _("Idea")
    PREPARATION = "preparation", _("In preparation")
    SUBMITTED = "submitted", _("Submitted")
    GRANTED = "granted", _("Granted")
    REJECTED = "rejected", _("Rejected")
    RUNNING = "running", _("Running")
    ACCOUNTED = "accounted", _("Accounted for")
    SETTLED = "settled", _("Settled")


class GrantQuerySet(MoneyQuerySet["Grant"]):
    def applications(self) -> GrantQuerySet:
        """Grants someone applied for (institutional grants are the plan's own subsidy)."""
        return self.exclude(kind=GrantKind.INSTITUTIONAL)


class Grant(models.Model):
    """An application and, once decided, the grant: who pays what, for which work."""

    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="grants_received",
        verbose_name=_("organisation"),
        help_text=_("The organisation that applies and carries out the work."),
    )
    funder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="grants_given",
        verbose_name=_("funder"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=GrantKind.choices)
    title = models.CharField(_("title"), max_length=200)
    reference = models.CharField(
        _("reference"), max_length=60, blank=True, help_text=_("The decision's reference.")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=GrantStatus.choices, default=GrantStatus.IDEA
    )
    amount_requested = money_field(
        _("amount requested (€)"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    amount_granted = money_field(
        _("amount granted (€)"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    starts_on = models.DateField(_("period from"))
    ends_on = models.DateField(_("period until"))
    decided_on = models.DateField(_("date of the decision"), null=True, blank=True)
    programmes = models.ManyToManyField(
        "plans.Programme", blank=True, related_name="grants", verbose_name=_("programmes")
    )
    activities = models.ManyToManyField(
        "plans.Activity", blank=True, related_name="grants", verbose_name=_("activities")
    )
    projects = models.ManyToManyField(
        "work.Project", blank=True, related_name="grants", verbose_name=_("projects")
    )
    application_document = models.FileField(
        _("application"),
        upload_to="grants/%Y/",
        blank=True,
        validators=[validate_document],
    )
    decision_document = models.FileField(
        _("decision"), upload_to="grants/%Y/", blank=True, validators=[validate_document]
    )
    note = models.TextField(_("note"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = GrantQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "title"]
        verbose_name = _("grant")
        verbose_name_plural = _("grants")
        indexes = [
            models.Index(fields=["organisation", "status"]),
            models.Index(fields=["funder", "starts_on"]),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The period ends before it starts.")})
        if self.funder_id and self.funder_id == self.organisation_id:
            raise ValidationError({"funder": _("An organisation cannot fund itself.")})


class GrantStep(models.Model):
    """One move of a grant through the pipeline: to which status, on which date, by whom,
    and why when it went back."""

    TENANT_PATH = "grant__organisation"  # whose record it is (koers.core.records)

    grant = models.ForeignKey(
        Grant, on_delete=models.CASCADE, related_name="steps", verbose_name=_("grant")
    )
    status = models.CharField(_("status"), max_length=12, choices=GrantStatus.choices)
    on = models.DateField(_("date"))
    reason = models.TextField(_("reason"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("grant step")
        verbose_name_plural = _("grant steps")
        indexes = [models.Index(fields=["status", "on"])]

    def __str__(self) -> str:
        return f"{self.grant} → {self.get_status_display()} ({self.on})"


class Obligation(models.Model):
    """Something the decision obliges: a report, an evaluation, a notification."""

    TENANT_PATH = "grant__organisation"  # whose record it is (koers.core.records)

    grant = models.ForeignKey(
        Grant, on_delete=models.CASCADE, related_name="obligations", verbose_name=_("grant")
    )
    text = models.CharField(_("obligation"), max_length=300)
    due_on = models.DateField(_("due"))
    done_on = models.DateField(_("done on"), null=True, blank=True)

    objects = OfGrantQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("obligation")
        verbose_name_plural = _("obligations")

    def __str__(self) -> str:
        return self.text


class GrantIndicator(models.Model):
    """One of the decision's performance indicators: a plan indicator with the target the
    funder agreed for a year, which may differ from the plan's own target."""

    grant = models.ForeignKey(
        Grant, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("grant")
    )
    indicator = models.ForeignKey(
        "plans.Indicator",
        on_delete=models.PROTECT,
        related_name="grant_targets",
        verbose_name=_("indicator"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    agreed_target = models.DecimalField(_("agreed target"), max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["indicator__activity__programme__order", "indicator__activity__order", "id"]
        verbose_name = _("performance indicator")
        verbose_name_plural = _("performance indicators")
        constraints = [
            models.UniqueConstraint(
                fields=["grant", "indicator", "year"], name="grant_indicator_unique_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}: {self.agreed_target}"


class Advance(models.Model):
    """An advance (voorschot) to invoice: for a period, due at its start; sent and paid."""

    TENANT_PATH = "grant__organisation"  # whose record it is (koers.core.records)

    grant = models.ForeignKey(
        Grant, on_delete=models.CASCADE, related_name="advances", verbose_name=_("grant")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period until"))
    due_on = models.DateField(_("to invoice on"))
    amount = money_field(_("amount (€)"), validators=[MinValueValidator(0)])
    invoice_number = models.CharField(_("invoice number"), max_length=40, blank=True)
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)

    objects = OfGrantQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "number"]
        verbose_name = _("advance")
        verbose_name_plural = _("advances")
        constraints = [
            models.UniqueConstraint(fields=["grant", "number"], name="advance_unique_number"),
            # One advance per period of a grant: the schedule is replaced whole, never added to.
            models.UniqueConstraint(fields=["grant", "period_start"], name="advance_unique_period"),
            models.CheckConstraint(
                condition=models.Q(paid_on__isnull=True) | models.Q(sent_on__isnull=False),
                name="advance_paid_after_sent",
            ),
        ]
        indexes = [models.Index(fields=["due_on"])]

    def __str__(self) -> str:
        return f"{self.grant} #{self.number}"
