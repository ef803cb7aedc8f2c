"""An initiative's contact confirms or updates its entry through a personal link, without an
account; what she changes waits for a coordinator's review. Derived ties a coordinator
hid are remembered, so the proposals page does not offer them again."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from koers.core.dates import timestamp


class ConfirmationLink(models.Model):
    """A personal link for an initiative's contact: only the hash of its secret is kept
    (the link itself is shown once and mailed), it expires, and it works once."""

    TENANT_PATH = "initiative__holder"  # whose record it is (koers.core.records)

    initiative = models.ForeignKey(
        "atlas.Initiative",
        on_delete=models.CASCADE,
        related_name="confirmation_links",
        verbose_name=_("initiative"),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("made by"),
    )
    created_at = models.DateTimeField(_("made at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)
    mailed = models.BooleanField(_("mailed"), default=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("confirmation link")
        verbose_name_plural = _("confirmation links")

    def __str__(self) -> str:
        return f"{self.initiative} ({timestamp(self.created_at)})"

    def is_usable_at(self, moment: dt.datetime) -> bool:
        return self.used_at is None and moment < self.expires_at


class ChangeStatus(models.TextChoices):
    PENDING = "open", _("Waiting for review")
    ACCEPTED = "overgenomen", _("Accepted")
    REJECTED = "afgewezen", _("Rejected")


class ProposedChange(models.Model):
    """What an initiative's contact proposed through her link: the entry's fields as she
    wants them (`values`: the form's fields, themes and municipality as ids), waiting for a
    coordinator who accepts (applied to the entry) or rejects it."""

    TENANT_PATH = "initiative__holder"  # whose record it is (koers.core.records)

    initiative = models.ForeignKey(
        "atlas.Initiative",
        on_delete=models.CASCADE,
        related_name="proposed_changes",
        verbose_name=_("initiative"),
    )
    link = models.OneToOneField(
        ConfirmationLink,
        on_delete=models.CASCADE,
        related_name="proposed_change",
        verbose_name=_("link"),
    )
    values = models.JSONField(_("proposed values"))
    note = models.TextField(_("note from the contact"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=12, choices=ChangeStatus.choices, default=ChangeStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        ordering = ["submitted_at", "pk"]
        verbose_name = _("proposed change")
        verbose_name_plural = _("proposed changes")

    def __str__(self) -> str:
        return f"{self.initiative} ({self.get_status_display()})"


class TieDismissal(models.Model):
    """A derived tie a coordinator chose not to keep: the proposals page hides it."""

    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("kept by"),
    )
    derivation = models.CharField(_("derived from"), max_length=60)
    first = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )
    second = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("other organisation"),
    )
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("hidden by"),
    )
    dismissed_at = models.DateTimeField(_("hidden at"), default=timezone.now)

    class Meta:
        verbose_name = _("hidden derived tie")
        verbose_name_plural = _("hidden derived ties")
        constraints = [
            models.UniqueConstraint(
                fields=["holder", "derivation", "first", "second"], name="atlas_dismissed_once"
            ),
            models.CheckConstraint(
                condition=models.Q(first__lt=models.F("second")), name="atlas_dismissal_ordered"
            ),
        ]

    def __str__(self) -> str:
        return self.derivation
