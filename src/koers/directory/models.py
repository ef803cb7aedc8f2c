from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    OWN = "own", _("Executing organisation")
    PROVINCE = "province", _("Province")
    MUNICIPALITY = "municipality", _("Municipality")
    FUNDER = "funder", _("Funder")
    CARE = "care", _("Care or welfare organisation")
    EDUCATION = "education", _("School or educational institution")
    RESIDENTS = "residents", _("Residents' or patients' organisation")
    PARTNER = "partner", _("Other partner")


class Organisation(models.Model):
    """Any organisation Koers knows: the executing one, funders, municipalities, partners."""

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("municipality"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent organisation"),
    )
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.short_name or self.name
