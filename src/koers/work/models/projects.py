"""Projects: work outside (or beside) the programmes, with an hours and money budget."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.accounts.policy import organisations_with
from koers.accounts.roles import Capability


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    FINISHED = "finished", _("Finished")
    CANCELLED = "cancelled", _("Cancelled")


class ProjectQuerySet(models.QuerySet["Project"]):
    def visible_to(self, user: Any) -> ProjectQuerySet:
        """The projects of the organisations where she manages projects; which of them she
        may change (a coordinator: her own programmes') is `work.access.may_manage`."""
        own, _funding = organisations_with(user, Capability.MANAGE_PROJECTS)
        return self.filter(organisation_id__in=own)


class Project(models.Model):
    """A project, always inside a programme — or flagged separate, with the date by which
    it must be handed over or ended."""

    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="projects",
        verbose_name=_("organisation"),
    )
    programme = models.ForeignKey(
        "plans.Programme",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name=_("programme"),
    )
    handover_by = models.DateField(
        _("hand over or end by"),
        null=True,
        blank=True,
        help_text=_("For a separate project (outside the programmes): required."),
    )
    code = models.CharField(_("code"), max_length=20, blank=True)
    title = models.CharField(_("title"), max_length=200)
    activities = models.ManyToManyField(
        "plans.Activity", blank=True, related_name="projects", verbose_name=_("activities")
    )
    funder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="funded_projects",
        verbose_name=_("funder"),
    )
    partner = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partner_projects",
        verbose_name=_("municipality or organisation"),
        help_text=_("With a partner, the programme pays at most half of the hours."),
    )
    municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name=_("municipality"),
    )
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"), null=True, blank=True)
    hours_budget = models.DecimalField(
        _("hours budget"), null=True, blank=True, max_digits=6, decimal_places=2
    )
    programme_hours = models.DecimalField(
        _("hours paid by the programme"),
        null=True,
        blank=True,
        max_digits=6,
        decimal_places=2,
        help_text=_("Of the hours budget; the rest is paid by the partner or funder."),
    )
    money_budget = models.DecimalField(
        _("budget (€)"), null=True, blank=True, max_digits=12, decimal_places=2
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.PLANNED
    )
    version = models.PositiveIntegerField(_("version"), default=1)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["code", "title"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self) -> str:
        return f"{self.code} {self.title}".strip()

    @property
    def is_separate(self) -> bool:
        return self.programme_id is None
