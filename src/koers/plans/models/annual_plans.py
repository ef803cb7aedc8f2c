"""An annual plan's cycle: its status and steps, the advisory council's comments, and the
amendments to a frozen plan."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from koers.plans.managers import AmendmentQuerySet, AnnualPlanQuerySet
from koers.plans.models.activities import Activity
from koers.plans.models.chain import Plan, Programme
from koers.plans.models.indicators import Target


class AnnualPlanStatus(models.TextChoices):
    CONCEPT = "concept", _("Draft")
    ADVICE = "ter_advies", _("Under advice")
    SUBMITTED = "ingediend", _("Submitted")
    ADOPTED = "vastgesteld", _("Adopted")
    ACCOUNTED = "verantwoord", _("Accounted for")


FROZEN_STATUSES = frozenset(
    {AnnualPlanStatus.SUBMITTED, AnnualPlanStatus.ADOPTED, AnnualPlanStatus.ACCOUNTED}
)


class AnnualPlan(models.Model):
    """One year of a multi-year plan and where it stands in its cycle."""

    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="annual_plans", verbose_name=_("plan")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AnnualPlanStatus.choices,
        default=AnnualPlanStatus.CONCEPT,
    )

    objects = AnnualPlanQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "year"]
        verbose_name = _("annual plan")
        verbose_name_plural = _("annual plans")
        constraints = [
            models.UniqueConstraint(fields=["plan", "year"], name="annual_plan_unique_year")
        ]

    def __str__(self) -> str:
        return f"{self.plan.title} — {self.year}"

    @property
    def is_frozen(self) -> bool:
        """From submission on, targets and activity texts change only through amendments."""
        return self.status in FROZEN_STATUSES


class AnnualPlanEvent(models.Model):
    """A step in an annual plan's workflow, with who took it and why."""

    annual_plan = models.ForeignKey(
        AnnualPlan, on_delete=models.CASCADE, related_name="events", verbose_name=_("annual plan")
    )
    from_status = models.CharField(_("from"), max_length=20, choices=AnnualPlanStatus.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=AnnualPlanStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("annual plan step")
        verbose_name_plural = _("annual plan steps")

    def __str__(self) -> str:
        return f"{self.annual_plan}: {self.from_status} → {self.to_status}"


class AdvisoryComment(models.Model):
    """The advisory council's comment on an annual plan under advice."""

    annual_plan = models.ForeignKey(
        AnnualPlan,
        on_delete=models.CASCADE,
        related_name="advisory_comments",
        verbose_name=_("annual plan"),
    )
    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("programme"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("advisory comment")
        verbose_name_plural = _("advisory comments")

    def __str__(self) -> str:
        return f"{self.annual_plan}: {self.text[:60]}"


class AmendmentStatus(models.TextChoices):
    PROPOSED = "proposed", _("Awaiting the funder's decision")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Lapsed")


class AmendmentField(models.TextChoices):
    TITLE = "title", _("Activity title")
    DESCRIPTION = "description", _("Activities")
    OUTCOME = "outcome", _("Intended outcome")
    TARGET = "target", _("Target")


class Amendment(models.Model):
    """A change to a frozen annual plan: proposed with a reason, decided by the funder.

    Both versions stay visible: the old and new values are kept here whatever the
    decision, and an approved amendment is what changed the activity or target.
    """

    annual_plan = models.ForeignKey(
        AnnualPlan,
        on_delete=models.PROTECT,
        related_name="amendments",
        verbose_name=_("annual plan"),
    )
    activity = models.ForeignKey(
        Activity, on_delete=models.PROTECT, related_name="amendments", verbose_name=_("activity")
    )
    target = models.ForeignKey(
        Target,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="amendments",
        verbose_name=_("target"),
    )
    field = models.CharField(_("what changes"), max_length=20, choices=AmendmentField.choices)
    old_value = models.TextField(_("current version"))
    new_value = models.TextField(_("proposed version"))
    reason = models.TextField(_("reason"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=AmendmentStatus.choices,
        default=AmendmentStatus.PROPOSED,
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.TextField(_("explanation of the decision"), blank=True)

    # Set by a page that lists amendments of several organisations (the funder's portfolio)
    # where its reader sees this one's proposer: not a column.
    proposer_shown: bool = False

    objects = AmendmentQuerySet.as_manager()

    class Meta:
        ordering = ["-proposed_at", "-id"]
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")

    def __str__(self) -> str:
        return f"{self.activity.code}: {self.get_field_display()}"
