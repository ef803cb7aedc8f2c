"""An activity's outgoing products, registered by one person and reviewed by another."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.core.privacy import LawfulBasis, PersonalData
from koers.core.uploads import validate_document


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
