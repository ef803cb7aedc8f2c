"""The partners of an activity: organisations of the directory, each with its role."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.plans.models.activities import Activity


class PartnerRole(models.TextChoices):
    """The words the seeds use for who does what in a piece of work: the one who leads it
    ("trekker"), who works on it ("partner", "netwerkpartner"), who pays for it
    ("financier": ZonMw, Windesheim for ExpEx) and who joins it ("deelnemer": the
    employers, schools and social partners of the Human Capital Pool pilot)."""

    LEAD = "trekker", _("Lead")
    PARTNER = "partner", _("Partner")
    FUNDER = "financier", _("Funder")
    PARTICIPANT = "deelnemer", _("Participant")


class ActivityPartner(models.Model):
    # Its `organisation` is the partner; the record is the activity's holder's.
    TENANT_PATH = (
        "activity__programme__plan__organisation"  # whose record it is (koers.core.records)
    )

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="partners", verbose_name=_("activity")
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="activity_partnerships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=20, choices=PartnerRole.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["activity", "role", "organisation__name"]
        verbose_name = _("activity partner")
        verbose_name_plural = _("activity partners")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "organisation"], name="activity_partner_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"
