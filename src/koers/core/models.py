from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Municipality(models.Model):
    """A municipality by its CBS code (GM0034 …), the key every record can be tied to."""

    code = models.CharField(_("CBS code"), max_length=6, unique=True)
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    province_code = models.CharField(_("province code"), max_length=4, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name


class AuditEntryQuerySet(models.QuerySet["AuditEntry"]):
    def about(self, context: str) -> AuditEntryQuerySet:
        return self.filter(context=context)


class AuditEntry(models.Model):
    """One write to a domain record: who, when, what, before and after.

    Written only through `koers.core.audit.audit_write`, inside the service's
    transaction, so a rolled-back write leaves no entry and a kept write always has one.
    """

    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    action = models.CharField(_("action"), max_length=60)
    subject_type = models.CharField(_("record type"), max_length=60)
    subject_id = models.BigIntegerField(_("record id"))
    subject_repr = models.CharField(_("record"), max_length=300)
    # The record the history belongs to on screen (an activity for its indicators,
    # targets and realisations), as "app.model:id".
    context = models.CharField(_("context"), max_length=80, db_index=True)
    changes = models.JSONField(_("changes"), default=dict)
    remote_addr = models.GenericIPAddressField(_("address"), null=True, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [models.Index(fields=["subject_type", "subject_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.subject_repr}"


class RateLimitHit(models.Model):
    """One use of a rate-limited action (a password reset request, say), by key.

    Kept in the database so every app server sees the same counts without a cache
    service; old hits are removed as new ones arrive.
    """

    key = models.CharField(_("key"), max_length=200)
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("rate-limit hit")
        verbose_name_plural = _("rate-limit hits")
        indexes = [models.Index(fields=["key", "at"])]

    def __str__(self) -> str:
        return f"{self.key} {self.at:%Y-%m-%d %H:%M}"
