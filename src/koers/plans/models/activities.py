"""Activities: what a programme does in a year, on one of its lines."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.plans.managers import ActivityQuerySet
from koers.plans.models.chain import Goal, Line, Programme
from koers.plans.models.dates import DatePrecision, period_label


class ActivityRole(models.TextChoices):
    CONNECT = "gesprek_verbinding", _("Conversation & connection")
    DEVELOP = "ontwikkeling_beleid_praktijk", _("Developing policy & practice")
    ANALYSE = "trends_analyse", _("Trends & analysis")


class ActivityPhase(models.TextChoices):
    STRENGTHEN = "versterken", _("Strengthen")
    DEVELOP = "doorontwikkelen", _("Develop further")
    NEW = "nieuw", _("New")


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    COMPLETED = "completed", _("Completed")
    STOPPED = "stopped", _("Stopped")


class Decision(models.TextChoices):
    NONE = "", _("No decision needed")
    PENDING = "pending", _("Go/no-go pending")
    GO = "go", _("Go")
    NO_GO = "no_go", _("No-go")


class Activity(models.Model):
    """A SMART activity of one year's annual plan: Activiteiten → Output → Outcome."""

    programme = models.ForeignKey(
        Programme,
        on_delete=models.PROTECT,
        related_name="activities",
        verbose_name=_("programme"),
    )
    line = models.ForeignKey(
        Line,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("line"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    code = models.CharField(_("code"), max_length=16)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("activities"), help_text=_("What will be done."))
    outcome = models.TextField(
        _("intended outcome"), blank=True, help_text=_("What should change as a result.")
    )
    role = models.CharField(_("role"), max_length=40, choices=ActivityRole.choices)
    phase = models.CharField(_("phase"), max_length=20, choices=ActivityPhase.choices)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_activities",
        verbose_name=_("owner"),
    )
    municipalities = models.ManyToManyField(
        "core.Municipality", blank=True, related_name="activities", verbose_name=_("municipalities")
    )
    goals = models.ManyToManyField(
        Goal,
        blank=True,
        related_name="activities",
        verbose_name=_("also contributes to"),
        help_text=_("Goals beyond those of the programme."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    decision = models.CharField(
        _("go/no-go"), max_length=10, choices=Decision.choices, blank=True, default=Decision.NONE
    )
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    # When it should be done or decided ("besluit in mei 2021"): the last day of the
    # period, shown at its precision (plans.models.dates).
    target_date = models.DateField(_("to be done by"), null=True, blank=True)
    target_precision = models.CharField(
        _("known to the"), max_length=10, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["programme", "year", "order", "code"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "year", "code"], name="activity_unique_code_per_year"
            )
        ]
        indexes = [models.Index(fields=["programme", "year"])]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def target_when(self) -> str:
        return period_label(self.target_date, self.target_precision)

    @property
    def is_done(self) -> bool:
        """Completed, stopped, or its go/no-go taken: a target date no longer presses."""
        return self.status in (ActivityStatus.COMPLETED, ActivityStatus.STOPPED) or (
            self.decision in (Decision.GO, Decision.NO_GO)
        )
