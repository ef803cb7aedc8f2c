"""What the public spinnenweb page keeps: anonymous counts per dimension for reporting, and
the contact requests of residents who asked to be contacted — nothing else about her.

A tally row counts answers, never holds one: per atlas, ISO week and dimension, how many
residents scored it and how many of them scored it low. The municipality she chose is not
counted with them, so a week's rows of a small municipality cannot be read back as one
resident's answers."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from koers.atlas.models.themes import DIMENSIONS
from koers.core.privacy import LawfulBasis, PersonalData


class SpinnenwebTally(models.Model):
    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.CASCADE,
        related_name="spinnenweb_tallies",
        verbose_name=_("kept by"),
    )
    year = models.PositiveSmallIntegerField(_("year"))  # the ISO year of the week
    week = models.PositiveSmallIntegerField(_("week"))
    dimension = models.CharField(
        _("dimension"), max_length=16, choices=[(d.key, d.label) for d in DIMENSIONS]
    )
    answered = models.PositiveIntegerField(_("answered"), default=0)
    low = models.PositiveIntegerField(_("scored low"), default=0)

    class Meta:
        ordering = ["year", "week", "dimension"]
        verbose_name = _("spinnenweb count")
        verbose_name_plural = _("spinnenweb counts")
        constraints = [
            models.UniqueConstraint(
                fields=["holder", "year", "week", "dimension"], name="atlas_tally_once"
            ),
            models.CheckConstraint(
                condition=models.Q(low__lte=models.F("answered")), name="atlas_tally_low_of_all"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d} {self.dimension}: {self.low}/{self.answered}"


def contact_retention_until(moment: dt.datetime | None = None) -> dt.date:
    """The day a contact request made at `moment` is removed (setting, 183 days default)."""
    day = timezone.localdate(moment or timezone.now())
    return day + dt.timedelta(days=settings.ATLAS_CONTACT_RETENTION_DAYS)


class ContactRequest(models.Model):
    """A resident who used the public spinnenweb and asked the organisation keeping the
    atlas to contact her about the initiatives she picked. Her scores are not kept."""

    personal_data = PersonalData(
        subjects=_("residents who asked to be contacted from the public spinnenweb page"),
        fields=("name", "email", "phone", "message", "municipality", "initiatives"),
        purpose=_(
            "Contacting the resident about the local initiatives she picked, because she "
            "asked for it."
        ),
        lawful_basis=LawfulBasis.CONSENT,
        retention=_(
            "Removed automatically six months after the request (setting "
            "KOERS_ATLAS_CONTACT_RETENTION_DAYS), or earlier by staff once handled."
        ),
        recipients=_("Staff of the organisation keeping the atlas who edit it."),
    )

    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.CASCADE,
        related_name="atlas_contact_requests",
        verbose_name=_("for"),
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("telephone number"), max_length=30, blank=True)
    message = models.TextField(_("message"), blank=True, max_length=2000)
    municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    initiatives = models.ManyToManyField(
        "atlas.Initiative", blank=True, related_name="+", verbose_name=_("initiatives picked")
    )
    # The consent as she saw it, word for word, in the language she used.
    consent_text = models.TextField(_("consent given"))
    language = models.CharField(_("language"), max_length=8)
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    retained_until = models.DateField(_("kept until"), db_index=True)
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("contact request")
        verbose_name_plural = _("contact requests")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(email="", phone=""), name="atlas_contact_reachable"
            ),
        ]

    def __str__(self) -> str:
        # Never her name: the audit trail keeps this text longer than the request itself.
        return str(_("Contact request %(number)s")) % {"number": self.pk}
