"""Signals: what a resident or client said about care and welfare, anonymous by design.

A signal stores no one's identity: not the resident's, and not the staff member's who
recorded it (the audit log keeps who wrote what, for the privacy officer only). Its text
is scrubbed before it is saved (`koers.signals.scrubbing`), and the day it came in is
kept as its ISO week only. A resident who wants to hear back leaves her details in a
`SignalContact`, which points to the signal; the signal never points back."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from koers.core.privacy import LawfulBasis, PersonalData
from koers.core.versioning import VersionedModel
from koers.signals.managers import HeldQuerySet
from koers.signals.models.choices import Channel, Law, Sentiment, TargetGroup


class SignalQuerySet(HeldQuerySet["Signal"]):
    def in_week_range(self, first: tuple[int, int], last: tuple[int, int]) -> SignalQuerySet:
        """Signals received from ISO week `first` to `last` (year, week), both included."""
        (first_year, first_week), (last_year, last_week) = first, last
        after = models.Q(iso_year__gt=first_year) | models.Q(
            iso_year=first_year, iso_week__gte=first_week
        )
        before = models.Q(iso_year__lt=last_year) | models.Q(
            iso_year=last_year, iso_week__lte=last_week
        )
        return self.filter(after & before)


class Signal(VersionedModel):
    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="signals",
        verbose_name=_("kept by"),
    )
    # When it came in, as the ISO week (never the day), with the quarter of that week's
    # Thursday so the analysis groups by quarter in the database (`koers.signals.weeks`).
    iso_year = models.PositiveSmallIntegerField(_("year (ISO week)"))
    iso_week = models.PositiveSmallIntegerField(_("week"))
    quarter = models.PositiveSmallIntegerField(_("quarter"))
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    law = models.CharField(_("law or domain"), max_length=20, choices=Law.choices)
    category = models.ForeignKey(
        "signals.Category",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signals",
        verbose_name=_("category"),
    )
    target_group = models.CharField(
        _("target group"), max_length=20, choices=TargetGroup.choices, blank=True
    )
    municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signals",
        verbose_name=_("municipality"),
    )
    sentiment = models.CharField(_("sentiment"), max_length=10, choices=Sentiment.choices)
    description = models.TextField(_("what happened"))
    # What the scrubber took out, by kind and count ({"naam": 2}); never the text itself.
    scrubbed = models.JSONField(_("taken out of the text"), default=dict, blank=True)
    # The classifier's suggestion when it was recorded; the human's `category` is final.
    suggested_category = models.ForeignKey(
        "signals.Category",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("suggested category"),
    )
    suggestion_confidence = models.FloatField(
        _("confidence of the suggestion"), null=True, blank=True
    )
    # Interpreted ("geduid"): a person chose or confirmed the category.
    interpreted_at = models.DateTimeField(_("interpreted at"), null=True, blank=True)
    interpreted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("interpreted by"),
    )

    objects = SignalQuerySet.as_manager()

    class Meta:
        ordering = ["-iso_year", "-iso_week", "-pk"]
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        indexes = [
            models.Index(fields=["holder", "iso_year", "quarter"], name="signals_holder_quarter"),
            models.Index(fields=["holder", "category"], name="signals_holder_category"),
            models.Index(fields=["holder", "municipality"], name="signals_holder_municipality"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(iso_week__gte=1, iso_week__lte=53),
                name="signals_signal_iso_week",
            ),
            models.CheckConstraint(
                condition=models.Q(quarter__gte=1, quarter__lte=4), name="signals_signal_quarter"
            ),
        ]

    def __str__(self) -> str:
        return _("Signal %(number)s (week %(week)s of %(year)s)") % {
            "number": self.pk,
            "week": self.iso_week,
            "year": self.iso_year,
        }

    def get_absolute_url(self) -> str:
        return reverse("signals:signal", args=[self.pk])

    @property
    def week_label(self) -> str:
        return f"{self.iso_year}-W{self.iso_week:02d}"


class SignalContact(models.Model):
    """A resident who wants to hear back: her details, apart from the signal, with her
    consent and until when they are kept. Only this row knows which signal it is about."""

    personal_data = PersonalData(
        subjects=_("residents who reported a signal and asked to hear back"),
        fields=("name", "email", "phone"),
        purpose=_("Telling the resident what was done with her signal."),
        lawful_basis=LawfulBasis.CONSENT,
        retention=_("Until the date stated on the record, then removed."),
        recipients=_("Staff of the organisation that keeps the signals."),
    )

    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="signal_contacts",
        verbose_name=_("kept by"),
    )
    signal = models.ForeignKey(
        Signal, on_delete=models.CASCADE, related_name="+", verbose_name=_("signal")
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    consent_at = models.DateTimeField(_("consent given at"))
    retain_until = models.DateField(_("kept until"))
    answered_on = models.DateField(_("heard back on"), null=True, blank=True)

    objects = HeldQuerySet["SignalContact"].as_manager()

    class Meta:
        ordering = ["retain_until", "pk"]
        verbose_name = _("contact for a signal")
        verbose_name_plural = _("contacts for signals")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(email="", phone=""), name="signals_contact_reachable"
            ),
        ]

    def __str__(self) -> str:
        return self.name
