from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.core.dates import timestamp
from koers.core.privacy import LawfulBasis, PersonalData


class AppendOnlyError(Exception):
    """A log record was about to be changed or removed from the application."""


class AppendOnlyQuerySet(models.QuerySet[Any]):
    """Bulk update and delete refused: logs only grow (retention purges through `purge`).

    The database holds raw SQL to the same rule (koers.core.append_only).
    """

    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError(f"{self.model.__name__} records cannot be changed.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError(f"{self.model.__name__} records cannot be removed.")

    def redact(self) -> int:
        """Overwrite personal content, for erasure under AVG art. 17 only: the record that
        something happened stays, what it said about the person goes (the model's
        `redaction` says which fields, and to what)."""
        if not self.model.redaction:
            raise AppendOnlyError(f"{self.model.__name__} records cannot be redacted.")
        return int(super().update(**self.model.redaction))

    def purge(self) -> int:
        """Remove these records for good: only the retention task calls this, and the
        database refuses it for records younger than the model's `kept_days()`."""
        return int(self._raw_delete(self.db))


class AppendOnlyModel(models.Model):
    """A log record: created once, never changed or removed by the application.

    Database triggers (koers.core.append_only) refuse the same to raw SQL: any change but
    the `redaction`, and the removal of a record younger than `kept_days()`.
    """

    # Field → the value an erasure writes into it; no other change is ever allowed.
    redaction: ClassVar[dict[str, Any]] = {}

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError(f"{type(self).__name__} records cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError(f"{type(self).__name__} records cannot be removed.")

    @classmethod
    def kept_days(cls) -> int:
        """Days a record is kept at least: younger ones cannot be removed, not even by SQL."""
        raise NotImplementedError


class Municipality(models.Model):
    """A municipality by its CBS code (GM0034 …), the key every record can be tied to."""

    code = models.CharField(_("CBS code"), max_length=6, unique=True)
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    province_code = models.CharField(_("province code"), max_length=4, blank=True)
    # Inhabitants, for figures per 10,000 (the atlas's choropleth); with the date they were
    # counted on and where the number comes from ("CBS Kerncijfers wijken en buurten 2024").
    population = models.PositiveIntegerField(_("inhabitants"), null=True, blank=True)
    population_on = models.DateField(_("inhabitants counted on"), null=True, blank=True)
    population_source = models.CharField(_("source of the inhabitants"), max_length=200, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name


class MunicipalityBoundary(models.Model):
    """A municipality's boundary as `koers import_boundaries` stored it: a GeoJSON geometry
    (WGS84) by CBS code. When any are stored, `koers.core.geo.current_boundaries` uses this
    set instead of the shipped CBS/Kadaster 2024 file; an import replaces the whole set."""

    code = models.CharField(_("CBS code"), max_length=6, unique=True)
    name = models.CharField(_("name"), max_length=100)
    geometry = models.JSONField(_("geometry"))
    source = models.CharField(_("source"), max_length=300)
    imported_at = models.DateTimeField(_("imported at"))

    class Meta:
        ordering = ["code"]
        verbose_name = _("municipal boundary")
        verbose_name_plural = _("municipal boundaries")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


# The seven years of the register (fiscal retention); nothing removes entries yet, and the
# database refuses to remove younger ones.
AUDIT_RETENTION_YEARS = 7


class AuditEntryQuerySet(AppendOnlyQuerySet):
    def about(self, context: str) -> AuditEntryQuerySet:
        return self.filter(context=context)


class AuditEntry(AppendOnlyModel):
    """One write to a domain record: who, when, what, before and after.

    Written only through `koers.core.audit.audit_write`, inside the service's
    transaction, so a rolled-back write leaves no entry and a kept write always has one.
    Append-only: the application cannot change or remove an entry.
    """

    personal_data = PersonalData(
        subjects=_("users; persons whose records were changed"),
        fields=("actor", "subject_repr", "changes", "remote_addr"),
        purpose=_(
            "Accountability for every change to the records: who changed what, when and "
            "from where (information security, ASVS V7)."
        ),
        lawful_basis=LawfulBasis.LEGITIMATE_INTERESTS,
        retention=_("Seven years, like the records they account for (fiscal retention)."),
    )

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
    # Whose records these are, so each organisation's administrators search only their
    # own. A plain id: core sits below the directory and must not depend on it.
    organisation_id = models.BigIntegerField(_("organisation"), null=True, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    REDACTED = "[verwijderd]"
    # Erasure keeps that a change happened and by whom, not what it said about the person.
    redaction: ClassVar[dict[str, Any]] = {"subject_repr": REDACTED, "changes": {}}

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [
            models.Index(fields=["subject_type", "subject_id"]),
            models.Index(fields=["organisation_id", "at"]),
        ]

    def __str__(self) -> str:
        return f"{timestamp(self.at)} {self.action} {self.subject_repr}"

    @classmethod
    def kept_days(cls) -> int:
        return round(365.25 * AUDIT_RETENTION_YEARS)


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
        return f"{self.key} {timestamp(self.at)}"


class ScheduledRun(models.Model):
    """When a periodic job (koers.core.schedule) was last put on the task queue."""

    name = models.CharField(_("job"), max_length=100, unique=True)
    last_enqueued_at = models.DateTimeField(_("last enqueued at"), null=True, blank=True)

    class Meta:
        verbose_name = _("scheduled run")
        verbose_name_plural = _("scheduled runs")

    def __str__(self) -> str:
        return self.name


class SpentConfirmation(models.Model):
    """The nonce of a confirmation token that has been used (koers.core.confirm).

    A token is good for one action: the confirmed request records its nonce in the same
    transaction as the action, so replaying it — or sending it twice at once — finds the
    nonce taken. Rows older than a token's lifetime are removed as new ones arrive.
    """

    nonce = models.CharField(_("nonce"), max_length=64, unique=True)
    spent_at = models.DateTimeField(_("spent at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("spent confirmation")
        verbose_name_plural = _("spent confirmations")

    def __str__(self) -> str:
        return f"{self.nonce} {timestamp(self.spent_at)}"
