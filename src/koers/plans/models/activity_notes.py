"""What is written about an activity during the year: a quarter's report and the
questions and answers between funder and organisation."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.core.privacy import LawfulBasis, PersonalData
from koers.plans.managers import ActivityCommentQuerySet
from koers.plans.models.activities import Activity
from koers.plans.progress import Status


class QuarterReport(models.Model):
    """The coordinator's account of one quarter of an activity: what happened, the risks,
    and, where the computed status does not tell the story, a status of her own with the
    reason. The audit trail holds every save with before and after: that is its history."""

    # Its name before issue 15: audit entries written then carry this label.
    former_labels = ("plans.activityupdate",)

    personal_data = PersonalData(
        subjects=_("staff who write the quarter's progress"),
        fields=("updated_by",),
        purpose=_("Accounting to funders for what each activity did in a quarter."),
        lawful_basis=LawfulBasis.LEGITIMATE_INTERESTS,
        retention=_("Seven years after the year it counts for (accountability to funders)."),
    )

    activity = models.ForeignKey(
        Activity,
        on_delete=models.CASCADE,
        related_name="quarter_reports",
        verbose_name=_("activity"),
    )
    quarter = models.PositiveSmallIntegerField(_("quarter"))  # 1-4; the year is activity.year
    narrative = models.TextField(_("what happened this quarter"), blank=True)
    risks = models.TextField(_("risks"), blank=True)
    status_override = models.CharField(
        _("status override"), max_length=12, choices=Status.choices, blank=True
    )
    override_reason = models.TextField(_("reason for the override"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("updated by"),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["activity", "quarter"]
        verbose_name = _("quarterly progress")
        verbose_name_plural = _("quarterly progress")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "quarter"], name="quarter_report_unique_quarter"
            ),
            models.CheckConstraint(
                condition=models.Q(quarter__gte=1, quarter__lte=4),
                name="quarter_report_quarter_1_to_4",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity.code} Q{self.quarter} {self.activity.year}"


class ActivityComment(models.Model):
    """A question or remark on an activity, or an answer to one.

    One level of threading: a thread is a comment without a parent and every answer points
    at the thread, so a funder's question reads as the question and its answers in order.
    """

    personal_data = PersonalData(
        subjects=_("funders' officials and staff who comment on activities"),
        fields=("author", "text"),
        purpose=_("The conversation between a funder and the organisation about an activity."),
        lawful_basis=LawfulBasis.LEGITIMATE_INTERESTS,
        retention=_("Seven years after the year of the activity (accountability to funders)."),
    )

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="comments", verbose_name=_("activity")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("in answer to"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    objects = ActivityCommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment on an activity")
        verbose_name_plural = _("comments on activities")
        indexes = [models.Index(fields=["activity", "created_at"])]

    def __str__(self) -> str:
        return f"{self.activity.code}: {self.text[:60]}"
