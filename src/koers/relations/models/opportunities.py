"""Opportunities (the sales pipeline) and their quotes."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.core.privacy import LawfulBasis, PersonalData
from koers.relations.managers import HeldQuerySet


class OpportunityStatus(models.TextChoices):
    OPPORTUNITY = "kans", _("Opportunity")
    QUOTED = "offerte", _("Quote sent")
    WON = "gegund", _("Won")
    LOST = "verloren", _("Lost")


class VatRate(models.IntegerChoices):
    EXEMPT = 0, _("0% (exempt)")
    LOW = 9, _("9%")
    STANDARD = 21, _("21%")


class Opportunity(models.Model):
    """Work the organisation could do for a client (a municipality, a fund, a partner): an
    opportunity, then a quote with its hours and amount, then won (it becomes a project)
    or lost (with the reason)."""

    personal_data = PersonalData(
        subjects=_("contact persons; staff"),
        fields=("contact", "owner"),
        purpose=_("Knowing whom the quote was made for, and who follows it up."),
        lawful_basis=LawfulBasis.LEGITIMATE_INTERESTS,
        retention=_("With the person; erasing her takes her off the opportunity."),
    )

    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="opportunities",
        verbose_name=_("organisation"),
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="opportunities_as_client",
        verbose_name=_("client"),
    )
    contact = models.ForeignKey(
        "directory.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="opportunities",
        verbose_name=_("contact person"),
    )
    programme = models.ForeignKey(
        "plans.Programme",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="opportunities",
        verbose_name=_("programme"),
    )
    title = models.CharField(_("subject"), max_length=200)
    description = models.TextField(
        _("what we offer"), blank=True, help_text=_("The text of the quote: approach, results.")
    )
    hours = models.DecimalField(_("hours"), max_digits=7, decimal_places=2, null=True, blank=True)
    programme_hours = models.DecimalField(
        _("of which paid by the programme"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Co-financing: at most half of the hours when the client is a partner."),
    )
    amount = models.DecimalField(
        _("amount excl. VAT (€)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    vat_rate = models.PositiveSmallIntegerField(
        _("VAT rate"), choices=VatRate.choices, default=VatRate.STANDARD
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=OpportunityStatus.choices,
        default=OpportunityStatus.OPPORTUNITY,
    )
    owner = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        related_name="opportunities",
        verbose_name=_("owner"),
    )
    expected_on = models.DateField(_("decision expected"), null=True, blank=True)
    starts_on = models.DateField(_("work starts"), null=True, blank=True)
    ends_on = models.DateField(_("work ends"), null=True, blank=True)
    current_quote = models.OneToOneField(
        "relations.Quote",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("quote"),
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    lost_reason = models.TextField(_("why lost"), blank=True)
    project = models.ForeignKey(
        "work.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="opportunities",
        verbose_name=_("project"),
    )
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    created_on = models.DateField(_("recorded on"))
    is_example = models.BooleanField(_("example data"), default=False, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = HeldQuerySet.as_manager()

    class Meta:
        ordering = ["-created_on", "-id"]
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        indexes = [models.Index(fields=["holder", "status", "expected_on"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in (OpportunityStatus.OPPORTUNITY, OpportunityStatus.QUOTED)


class Quote(models.Model):
    """A quote as sent: its number, dates, figures and the Word document the client
    received. Never changed afterwards; revising means withdrawing it and sending a new
    quote with a new number, so a number is never used twice."""

    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="quotes", verbose_name=_("opportunity")
    )
    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisation"),
    )
    number = models.CharField(_("quote number"), max_length=20)
    sent_on = models.DateField(_("sent on"))
    valid_until = models.DateField(_("valid until"))
    hours = models.DecimalField(_("hours"), max_digits=7, decimal_places=2)
    amount = models.DecimalField(_("amount excl. VAT (€)"), max_digits=12, decimal_places=2)
    vat_rate = models.PositiveSmallIntegerField(_("VAT rate"), choices=VatRate.choices)
    document = models.FileField(_("document as sent"), upload_to="quotes/%Y/", max_length=300)
    sent_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("sent by")
    )
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawn_reason = models.TextField(_("why withdrawn"), blank=True)

    objects = HeldQuerySet.as_manager()

    class Meta:
        ordering = ["-sent_on", "-id"]
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        constraints = [
            models.UniqueConstraint(fields=["holder", "number"], name="quote_number_once"),
            # One quote stands for an opportunity at a time: a new one only once the last is
            # withdrawn (reopening a lost opportunity withdraws its quote).
            models.UniqueConstraint(
                fields=["opportunity"],
                condition=models.Q(withdrawn_on__isnull=True),
                name="quote_one_standing_per_opportunity",
            ),
        ]

    def __str__(self) -> str:
        return self.number


class QuoteTemplate(models.Model):
    """An organisation's own Word template for quotes (its letterhead and terms), with
    placeholders such as {offertenummer} that Koers fills in. Without one, Koers uses its
    standard template, which can be downloaded as a starting point."""

    holder = models.OneToOneField(
        "directory.Organisation",
        on_delete=models.CASCADE,
        related_name="quote_template",
        verbose_name=_("organisation"),
    )
    document = models.FileField(_("Word template (.docx)"), upload_to="templates/", max_length=300)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now=True)

    class Meta:
        verbose_name = _("quote template")
        verbose_name_plural = _("quote templates")

    def __str__(self) -> str:
        return str(self.holder)
