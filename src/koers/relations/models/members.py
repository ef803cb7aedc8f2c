"""Member employers: organisations that are members for a period."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class EmployerMembership(models.Model):
    """An employer that is a member of the organisation's employers' association (for CMO:
    Zowelwerk), from a date and possibly until one."""

    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="member_employers",
        verbose_name=_("organisation"),
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="employer_memberships",
        verbose_name=_("member employer"),
    )
    started_on = models.DateField(_("member since"))
    ended_on = models.DateField(_("member until"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["organisation__name", "-started_on"]
        verbose_name = _("member employer")
        verbose_name_plural = _("member employers")
        indexes = [models.Index(fields=["holder", "started_on"])]
        # One running membership per employer: a second with no end would count her twice.
        constraints = [
            models.UniqueConstraint(
                fields=["holder", "organisation"],
                condition=models.Q(ended_on__isnull=True),
                name="employer_membership_one_running",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.started_on:%Y})"
