"""The top of the results chain: a funder's goals, an organisation's plan, its
programmes and their lines."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.plans.managers import GoalQuerySet, ProgrammeQuerySet
from koers.plans.models.dates import DatePrecision, period_label


class Goal(models.Model):
    """A funder's goal: a tree (opgave → programme line / theme → effect)."""

    funder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="goals",
        verbose_name=_("funder"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent goal"),
    )
    code = models.CharField(_("code"), max_length=20)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = GoalQuerySet.as_manager()

    class Meta:
        ordering = ["funder__name", "order", "code"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        constraints = [models.UniqueConstraint(fields=["funder", "code"], name="goal_unique_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def clean(self) -> None:
        # A tree is one funder's: who may see a goal follows its tree's funder
        # (GoalQuerySet.visible_to), so a goal under another funder's goal would show one
        # funder's tree to the other.
        parent = self.parent if self.parent_id is not None else None
        if parent is not None and self.funder_id is not None and parent.funder_id != self.funder_id:
            raise ValidationError(
                {
                    "parent": _(
                        "A goal belongs to the same funder as the goal above it. Choose a "
                        "goal of this funder above it, or leave it at the top."
                    )
                }
            )


class Plan(models.Model):
    """A multi-year plan of an executing organisation (Meerjarenplan)."""

    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="plans",
        verbose_name=_("organisation"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    funder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="adopted_plans",
        verbose_name=_("adopting funder"),
        help_text=_(
            "The funder whose decision adopts each annual plan (the subsidy giver). "
            "Funders of single programmes see their programmes but do not adopt the plan."
        ),
    )

    class Meta:
        ordering = ["-start_year", "title"]
        verbose_name = _("multi-year plan")
        verbose_name_plural = _("multi-year plans")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_year__gte=models.F("start_year")),
                name="plan_years_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def years(self) -> range:
        return range(self.start_year, self.end_year + 1)


class Programme(models.Model):
    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="programmes", verbose_name=_("plan")
    )
    code = models.CharField(_("code"), max_length=10)
    name = models.CharField(_("name"), max_length=200)
    strategic_goal = models.TextField(_("strategic goal"))
    introduction = models.TextField(_("introduction"), blank=True)
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="coordinated_programmes",
        verbose_name=_("coordinator"),
    )
    fte = models.DecimalField(
        _("capacity (FTE)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    goals = models.ManyToManyField(
        Goal, blank=True, related_name="programmes", verbose_name=_("contributes to")
    )
    funders = models.ManyToManyField(
        "directory.Organisation",
        blank=True,
        related_name="funded_programmes",
        verbose_name=_("funders"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # When the strategic goal should be reached ("eind 2023", "in 2025"): the last day of
    # the period, shown at its precision (plans.models.dates).
    target_date = models.DateField(_("goal to be reached by"), null=True, blank=True)
    target_precision = models.CharField(
        _("known to the"), max_length=10, choices=DatePrecision.choices, default=DatePrecision.YEAR
    )
    target_met = models.BooleanField(_("goal reached"), default=False)

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "order", "code"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="programme_unique_code")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def target_when(self) -> str:
        return period_label(self.target_date, self.target_precision)


class Line(models.Model):
    """A grouping of activities inside a programme (actielijn / deelprogramma)."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="lines", verbose_name=_("programme")
    )
    code = models.CharField(_("code"), max_length=12)
    title = models.CharField(_("title"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["programme", "order", "code"]
        verbose_name = _("line")
        verbose_name_plural = _("lines")
        constraints = [
            models.UniqueConstraint(fields=["programme", "code"], name="line_unique_code")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"
