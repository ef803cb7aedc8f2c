"""Agenda-setting: signals bundled into an item for a meeting (the four yearly meetings with
the province, or another table), its question or recommendation, the response, and what was
fed back to whom. Every step of its route is dated."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from koers.core.versioning import VersionedModel
from koers.signals.managers import HeldQuerySet
from koers.signals.models.choices import AgendaStatus, MeetingKind


class Meeting(VersionedModel):
    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="signal_meetings",
        verbose_name=_("kept by"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices)
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("date"))
    # Who sits at the table, e.g. the province; for the agenda's list of recipients.
    with_organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("with"),
    )

    objects = HeldQuerySet["Meeting"].as_manager()

    class Meta:
        ordering = ["-held_on", "pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return self.title


class AgendaItem(VersionedModel):
    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="signal_agenda_items",
        verbose_name=_("kept by"),
    )
    title = models.CharField(_("title"), max_length=200)
    question = models.TextField(_("proposed question or recommendation"))
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name=_("meeting"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=AgendaStatus.choices, default=AgendaStatus.NIEUW
    )
    response = models.TextField(_("response at the meeting"), blank=True)
    feedback = models.TextField(_("what was fed back"), blank=True)
    fed_back_to = models.CharField(_("fed back to"), max_length=300, blank=True)
    signals = models.ManyToManyField(
        "signals.Signal", related_name="agenda_items", blank=True, verbose_name=_("signals")
    )

    objects = HeldQuerySet["AgendaItem"].as_manager()

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("signals:agenda_item", args=[self.pk])


class AgendaStep(models.Model):
    """One dated step of an agenda item's route (the status it reached)."""

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="steps", verbose_name=_("agenda item")
    )
    status = models.CharField(_("status"), max_length=20, choices=AgendaStatus.choices)
    on = models.DateField(_("date"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["on", "pk"]
        verbose_name = _("step of an agenda item")
        verbose_name_plural = _("steps of agenda items")

    def __str__(self) -> str:
        return f"{self.item} — {self.get_status_display()}"
