"""Proposals (a run of the matcher, each proposal with its reasons), placements (a
confirmed candidate on a shift) and the follow-up asked of both sides afterwards."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from koers.core.privacy import LawfulBasis, PersonalData
from koers.matching.models.choices import (
    HOLDING_PLACEMENT,
    FollowUpSide,
    PlacementStatus,
    ProposalStatus,
    RunMethod,
    RunStatus,
)


class ProposalRun(models.Model):
    """One run of the matcher over all open requests, in the worker."""

    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="proposal_runs",
        verbose_name=_("kept by"),
    )
    method = models.CharField(
        _("method"), max_length=10, choices=RunMethod.choices, default=RunMethod.SOLVER
    )
    status = models.CharField(
        _("status"), max_length=10, choices=RunStatus.choices, default=RunStatus.WACHTEND
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("asked for by"),
    )
    requested_at = models.DateTimeField(_("asked for at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # Figures of the run: shifts and places considered, filled, priority-weighted share,
    # seconds; and the greedy baseline's, computed in the same run for comparison.
    stats = models.JSONField(_("figures"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("proposal run")
        verbose_name_plural = _("proposal runs")
        indexes = [models.Index(fields=["holder", "-requested_at"])]

    def __str__(self) -> str:
        moment = date_format(timezone.localtime(self.requested_at), "DATETIME_FORMAT")
        return f"{self.get_method_display()} ({moment})"


class Proposal(models.Model):
    """The matcher's proposal of one candidate for one shift, with why (`reasons`: codes
    with their figures, rendered in the reader's language by `koers.matching.reasons`)."""

    TENANT_PATH = "run__holder"  # whose record it is (koers.core.records)

    run = models.ForeignKey(
        ProposalRun,
        on_delete=models.CASCADE,
        related_name="proposals",
        verbose_name=_("run"),
    )
    shift = models.ForeignKey(
        "matching.Shift",
        on_delete=models.CASCADE,
        related_name="proposals",
        verbose_name=_("shift"),
    )
    candidate = models.ForeignKey(
        "matching.Candidate",
        on_delete=models.CASCADE,
        related_name="proposals",
        verbose_name=_("candidate"),
    )
    score = models.FloatField(_("score"))
    reasons = models.JSONField(_("reasons"), default=list)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ProposalStatus.choices,
        default=ProposalStatus.VOORGESTELD,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decline_reason = models.CharField(_("reason for declining"), max_length=300, blank=True)

    class Meta:
        ordering = ["shift__starts_at", "-score", "id"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        constraints = [
            models.UniqueConstraint(
                fields=["run", "shift", "candidate"], name="matching_proposal_once_per_run"
            )
        ]
        indexes = [
            models.Index(fields=["shift", "status"]),
            models.Index(fields=["candidate", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.candidate} → {self.shift}"


class Placement(models.Model):
    """A candidate confirmed on a shift. Its time range is copied from the shift so the
    database itself refuses two holding placements of one candidate that overlap (an
    exclusion constraint on PostgreSQL, migration 0002); the confirming service checks the
    same with the candidate's row locked, on every database."""

    TENANT_PATH = "shift__request__holder"  # whose record it is (koers.core.records)

    shift = models.ForeignKey(
        "matching.Shift",
        on_delete=models.PROTECT,
        related_name="placements",
        verbose_name=_("shift"),
    )
    candidate = models.ForeignKey(
        "matching.Candidate",
        on_delete=models.PROTECT,
        related_name="placements",
        verbose_name=_("candidate"),
    )
    proposal = models.ForeignKey(
        Proposal,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="placements",
        verbose_name=_("proposal"),
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PlacementStatus.choices,
        default=PlacementStatus.BEVESTIGD,
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), auto_now_add=True)
    cancelled_reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="matching_placement_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["shift", "candidate"],
                condition=models.Q(status__in=HOLDING_PLACEMENT),
                name="matching_one_placement_per_shift",
            ),
        ]
        indexes = [models.Index(fields=["candidate", "starts_at"])]

    def __str__(self) -> str:
        return f"{self.candidate} → {self.shift}"


class FollowUp(models.Model):
    """After a placement, both sides are asked (a link, no account) whether it happened
    and how it went. The secret is stored as its SHA-256."""

    personal_data = PersonalData(
        subjects=_("candidates of the talent pool and care organisations' contacts"),
        fields=("comment",),
        purpose=_("Learning whether placements happened and how they went."),
        lawful_basis=LawfulBasis.LEGITIMATE_INTERESTS,
        retention=_("Removed with the candidate's person; the answers' counts stay."),
    )

    placement = models.ForeignKey(
        Placement,
        on_delete=models.CASCADE,
        related_name="follow_ups",
        verbose_name=_("placement"),
    )
    side = models.CharField(_("asked of"), max_length=12, choices=FollowUpSide.choices)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    happened = models.BooleanField(_("it took place"), null=True, blank=True)
    rating = models.PositiveSmallIntegerField(_("how it went (1–5)"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["-sent_at", "id"]
        verbose_name = _("follow-up question")
        verbose_name_plural = _("follow-up questions")
        constraints = [
            models.UniqueConstraint(fields=["placement", "side"], name="matching_follow_up_once"),
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
                name="matching_follow_up_rating",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_side_display()}: {self.placement}"
