from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.core.dates import timestamp
from koers.core.models import AppendOnlyModel
from koers.core.privacy import LawfulBasis, PersonalData
from koers.privacy.managers import AccessRecordQuerySet


class AccessAction(models.TextChoices):
    VIEW = "view", _("viewed")
    LIST = "list", _("listed")
    SEARCH = "search", _("found in a search")
    EXPORT = "export", _("exported")
    PRINT = "print", _("printed")
    ERASE = "erase", _("erased")
    # Her access history (or the log's records about her) downloaded: who looked at who
    # looked at her is itself access to her data.
    HISTORY = "history", _("access history downloaded")
    # Tried to open a record she may not (answered 404): the attempt is logged too.
    REFUSED = "refused", _("refused")


class AccessRecord(AppendOnlyModel):
    """One access to a person's data, NEN 7513-style: who, whose, what, when, from where,
    in which role. Written by `koers.privacy.access_log.log_access`; append-only.

    The subject is kept as type and id, without a foreign key, so the record of who saw
    a person's data outlives the erasure of that data.
    """

    personal_data = PersonalData(
        subjects=_("users; persons whose data was accessed"),
        fields=("user", "roles", "subject_id", "detail", "reason", "remote_addr"),
        purpose=_(
            "Showing who saw whose personal data (NEN 7513), for the persons concerned and "
            "for investigating misuse."
        ),
        lawful_basis=LawfulBasis.LEGAL_OBLIGATION,
        retention=_(
            "Five years (KOERS_ACCESS_LOG_RETENTION_YEARS), then removed by the retention task."
        ),
    )

    at = models.DateTimeField(_("at"), auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("user"),
    )
    roles = models.CharField(_("in the role of"), max_length=200)
    organisation_id = models.BigIntegerField(_("organisation"))
    subject_type = models.CharField(_("record type"), max_length=60)
    subject_id = models.BigIntegerField(_("person"))
    action = models.CharField(_("action"), max_length=10, choices=AccessAction.choices)
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    # Why, in the user's words, where her act needs one: the privacy role's acts that take
    # a person's data out of Koers or remove it, or reach across every person's log (the
    # export of a person, her erasure, her access history, the log's download). Everyday
    # work (viewing, listing, searching the persons of one's own organisation) needs none:
    # its purpose is the role's, stated in the register.
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    remote_addr = models.GenericIPAddressField(_("address"), null=True, blank=True)

    objects = AccessRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("access record")
        verbose_name_plural = _("access records")
        indexes = [
            models.Index(fields=["subject_type", "subject_id", "at"]),
            models.Index(fields=["organisation_id", "at"]),
        ]

    def __str__(self) -> str:
        return f"{timestamp(self.at)} {self.user_id} {self.action} {self.subject_id}"

    @classmethod
    def kept_days(cls) -> int:
        # A day less than the retention run removes at, so a clock a little ahead on the
        # worker never makes the database refuse the run's own purge.
        return round(365.25 * settings.ACCESS_LOG_RETENTION_YEARS) - 1
