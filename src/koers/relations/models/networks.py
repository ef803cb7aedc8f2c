"""Networks the organisation takes part in, and their yearly review."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from koers.core.privacy import LawfulBasis, PersonalData
from koers.relations.managers import HeldQuerySet


class NetworkKind(models.TextChoices):
    REGIONAL_TABLE = "regional", _("Regional table")
    PLATFORM = "platform", _("Platform")
    WORKING_GROUP = "working_group", _("Working group")
    NATIONAL = "national", _("National network")


class NetworkRole(models.TextChoices):
    LEAD = "trekker", _("Lead (trekker)")
    SECRETARY = "secretaris", _("Secretary")
    FACILITATOR = "procesbegeleider", _("Process facilitator")
    MEMBER = "deelnemer", _("Participant")


class Network(models.Model):
    """A network the organisation takes part in, its role there, and who represents it."""

    personal_data = PersonalData(
        subjects=_("staff"),
        fields=("representatives",),
        purpose=_("Knowing who represents the organisation in which network."),
        lawful_basis=LawfulBasis.CONTRACT,
        retention=_("As long as the network is kept."),
    )

    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="networks",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=NetworkKind.choices)
    role = models.CharField(_("our role"), max_length=20, choices=NetworkRole.choices)
    programme = models.ForeignKey(
        "plans.Programme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="networks",
        verbose_name=_("programme"),
    )
    representatives = models.ManyToManyField(
        "accounts.User", blank=True, related_name="networks", verbose_name=_("represented by")
    )
    purpose = models.TextField(_("purpose"), blank=True)
    joined_on = models.DateField(_("member since"))
    left_on = models.DateField(_("left on"), null=True, blank=True)
    is_example = models.BooleanField(_("example data"), default=False, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = HeldQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("relations:network", args=[self.pk])

    def evidence_text(self) -> str:
        """The network as evidence in a report to a funder: its name, not who represents us."""
        return self.name


class NetworkValue(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class NetworkReview(models.Model):
    """The yearly weighing of a network: what it is worth to the work, and whether to stay."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("network")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.CharField(_("value"), max_length=8, choices=NetworkValue.choices)
    keep = models.BooleanField(_("stay in the network"))
    reason = models.TextField(_("why"))
    reviewed_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    reviewed_on = models.DateField(_("on"))

    class Meta:
        ordering = ["-year"]
        verbose_name = _("network review")
        verbose_name_plural = _("network reviews")
        constraints = [
            models.UniqueConstraint(fields=["network", "year"], name="network_review_once_a_year")
        ]

    def __str__(self) -> str:
        return f"{self.network} {self.year}"
