"""Coaching and career trajectories the plan counts (Sterk in je Werk, the career portal,
the regional contact point, work-to-work moves of the Human Capital Pool)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from koers.core.privacy import LawfulBasis, PersonalData
from koers.core.versioning import VersionedModel
from koers.matching.managers import HeldByPoolQuerySet
from koers.matching.models.choices import TrajectoryKind, TrajectoryOutcome


class Trajectory(VersionedModel):
    personal_data = PersonalData(
        subjects=_("people in coaching and career trajectories"),
        fields=("person", "note"),
        purpose=_(
            "Keeping care and welfare workers in the sector: coaching, career advice and "
            "work-to-work moves, and counting them for the plan."
        ),
        lawful_basis=LawfulBasis.CONSENT,
        retention=_("The person follows the directory's retention; the counts stay."),
        recipients=_("Staff of the organisation; never funders."),
    )

    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="trajectories",
        verbose_name=_("kept by"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=TrajectoryKind.choices)
    person = models.ForeignKey(
        "directory.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="trajectories",
        verbose_name=_("person"),
    )
    employer = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="employee_trajectories",
        verbose_name=_("employer"),
    )
    started_on = models.DateField(_("started on"), db_index=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"),
        max_length=20,
        choices=TrajectoryOutcome.choices,
        default=TrajectoryOutcome.LOPEND,
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    is_example = models.BooleanField(_("example data"), default=False, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = HeldByPoolQuerySet["Trajectory"].as_manager()

    class Meta:
        ordering = ["-started_on", "id"]
        verbose_name = _("trajectory")
        verbose_name_plural = _("trajectories")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
                name="matching_trajectory_period",
            )
        ]
        indexes = [models.Index(fields=["holder", "kind", "started_on"])]

    def __str__(self) -> str:
        return self.get_kind_display()

    def get_absolute_url(self) -> str:
        return reverse("matching:trajectory", args=[self.pk])
