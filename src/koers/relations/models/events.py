"""Events with their participants, and communication items: records that feed the results
chain (they hang off a programme and optionally an activity, so its indicators count them)."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from koers.core.privacy import LawfulBasis, PersonalData
from koers.relations.managers import EventQuerySet


class Event(models.Model):
    """A meeting the organisation held or co-organised: a thematic network meeting, a
    symposium, a regional event."""

    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("organisation"),
    )
    programme = models.ForeignKey(
        "plans.Programme",
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("programme"),
    )
    activity = models.ForeignKey(
        "plans.Activity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("activity"),
    )
    title = models.CharField(_("title"), max_length=200)
    theme = models.CharField(
        _("theme"), max_length=100, blank=True, help_text=_("For example: sport, loneliness.")
    )
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("municipality"),
    )
    co_organisers = models.ManyToManyField(
        "directory.Organisation",
        blank=True,
        related_name="co_organised_events",
        verbose_name=_("co-organising organisations"),
    )
    evaluation = models.DecimalField(
        _("evaluation score (1–10)"),
        max_digits=3,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    note = models.TextField(_("note"), blank=True)
    is_example = models.BooleanField(_("example data"), default=False, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "title"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["programme", "date"])]

    def __str__(self) -> str:
        return f"{self.title} ({date_format(self.date)})"

    def get_absolute_url(self) -> str:
        return reverse("relations:event", args=[self.pk])


class Participant(models.Model):
    """Someone registered for an event: a person (with her organisation), or an
    organisation without a named person. When a person is erased, her participation stays
    as an anonymous one, so counts do not change."""

    # An organisation may take part without a person: the record is the event holder's.
    TENANT_PATH = "event__holder"

    personal_data = PersonalData(
        subjects=_("contact persons"),
        fields=("person",),
        purpose=_(
            "Registrations and attendance lists of meetings, and counting which "
            "organisations take part in a programme."
        ),
        lawful_basis=LawfulBasis.LEGITIMATE_INTERESTS,
        retention=_("With the person; erasing her leaves an anonymous attendance."),
    )

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="participants", verbose_name=_("event")
    )
    person = models.ForeignKey(
        "directory.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("organisation"),
    )
    attended = models.BooleanField(_("attended"), null=True, default=None)

    class Meta:
        ordering = ["event", "id"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person"],
                condition=models.Q(person__isnull=False),
                name="participant_once_per_event",
            )
        ]

    def __str__(self) -> str:
        return str(self.person or self.organisation or _("anonymous"))


class Channel(models.TextChoices):
    NEWSLETTER = "newsletter", _("Newsletter")
    WEBSITE = "website", _("Website")
    SOCIAL = "social", _("Social media")
    PRESS = "press", _("Press")
    OTHER = "other", _("Other")


class CommunicationItem(models.Model):
    """Something published: a newsletter article, a web post, a press release."""

    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="communication_items",
        verbose_name=_("organisation"),
    )
    programme = models.ForeignKey(
        "plans.Programme",
        on_delete=models.PROTECT,
        related_name="communication_items",
        verbose_name=_("programme"),
    )
    activity = models.ForeignKey(
        "plans.Activity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="communication_items",
        verbose_name=_("activity"),
    )
    date = models.DateField(_("date"))
    channel = models.CharField(_("channel"), max_length=12, choices=Channel.choices)
    title = models.CharField(_("title"), max_length=200)
    theme = models.CharField(_("theme"), max_length=100, blank=True)
    link = models.URLField(_("link"), blank=True)
    is_example = models.BooleanField(_("example data"), default=False, editable=False)

    class Meta:
        ordering = ["-date", "title"]
        verbose_name = _("communication item")
        verbose_name_plural = _("communication items")
        indexes = [models.Index(fields=["programme", "date"])]

    def __str__(self) -> str:
        return self.title
