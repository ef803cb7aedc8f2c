"""The results chain: funder goals → plan → programme → line → activity → indicator.

Indicators carry a target per year and realisations (measured values with evidence).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from koers.core.privacy import LawfulBasis, PersonalData
from koers.plans.managers import (
    ActivityCommentQuerySet,
    ActivityQuerySet,
    AnnualPlanQuerySet,
    IndicatorQuerySet,
    ProgrammeQuerySet,
)
from koers.plans.progress import Status


def value_field(verbose_name: Any, **options: Any) -> models.DecimalField[Any, Any]:
    """Indicator values, targets and baselines: up to 12 digits before and 2 after the point."""
    return models.DecimalField(verbose_name, max_digits=14, decimal_places=2, **options)


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

    class Meta:
        ordering = ["funder__name", "order", "code"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        constraints = [models.UniqueConstraint(fields=["funder", "code"], name="goal_unique_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def clean(self) -> None:
        # A tree is one funder's: who may see a goal follows its funder (koers.plans.queries),
        # so a goal under another funder's goal would show one funder's tree to the other.
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


class IndicatorKind(models.TextChoices):
    OUTPUT = "output", _("Output")
    OUTCOME = "outcome", _("Outcome")


class Unit(models.TextChoices):
    COUNT = "count", _("Number")
    PERCENTAGE = "percentage", _("Percentage")
    EURO = "euro", _("Euro")
    HOURS = "hours", _("Hours")
    MILESTONE = "milestone", _("Milestone (yes/no)")


class Aggregation(models.TextChoices):
    SUM = "sum", _("Sum over the year (cumulative)")
    LATEST = "latest", _("Latest value")
    MAX = "max", _("Highest value")


class Source(models.TextChoices):
    MANUAL = "manual", _("Entered by hand")
    DERIVED = "derived", _("Derived from records")


class Indicator(models.Model):
    """What is measured for an activity, and how values over a year add up."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("activity")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=IndicatorKind.choices)
    title = models.CharField(_("title"), max_length=300)
    unit = models.CharField(_("unit"), max_length=12, choices=Unit.choices)
    aggregation = models.CharField(
        _("aggregation over the year"), max_length=10, choices=Aggregation.choices
    )
    baseline = value_field(_("baseline"), null=True, blank=True)
    verification = models.CharField(_("means of verification"), max_length=300, blank=True)
    note = models.TextField(_("note"), blank=True)
    is_key = models.BooleanField(
        _("key indicator"), default=False, help_text=_("Shown on the dashboard.")
    )
    # Later capabilities make an indicator derived from their records (events,
    # communications, hours …) by naming a measure registered with koers.plans.measures;
    # manual indicators keep these empty, so switching needs no migration.
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.MANUAL
    )
    measure = models.CharField(_("measure"), max_length=80, blank=True)
    measure_params = models.JSONField(_("measure parameters"), default=dict, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["activity", "kind", "order", "id"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.title

    @property
    def decimal_places(self) -> int:
        return 0 if self.unit in (Unit.COUNT, Unit.MILESTONE) else 2


class Target(models.Model):
    """An indicator's target for one year, optionally phased over the quarters."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="targets", verbose_name=_("indicator")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = value_field(_("target"))
    # Cumulative planned values at the end of Q1, Q2 and Q3 (Q4 is the target itself);
    # empty means the target is paced evenly over the year.
    q1 = value_field(_("planned by end of Q1"), null=True, blank=True)
    q2 = value_field(_("planned by end of Q2"), null=True, blank=True)
    q3 = value_field(_("planned by end of Q3"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["indicator", "year"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="target_unique_year")
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}: {self.value}"

    @property
    def phasing(self) -> tuple[Decimal, Decimal, Decimal, Decimal] | None:
        if self.q1 is None or self.q2 is None or self.q3 is None:
            return None
        return (self.q1, self.q2, self.q3, self.value)


def evidence_path(instance: Realisation, filename: str) -> str:
    return f"evidence/{instance.date:%Y}/{filename}"


class Realisation(models.Model):
    """A measured value with its date, place and evidence."""

    personal_data = PersonalData(
        subjects=_("staff who record; persons named in evidence (attendance lists)"),
        fields=("recorded_by", "evidence_file", "note"),
        purpose=_("Showing funders what an activity delivered, with the evidence behind it."),
        lawful_basis=LawfulBasis.LEGITIMATE_INTERESTS,
        retention=_("Seven years after the year it counts for (accountability to funders)."),
    )

    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="realisations",
        verbose_name=_("indicator"),
    )
    date = models.DateField(_("date"))
    value = value_field(_("value"))
    municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="realisations",
        verbose_name=_("municipality"),
    )
    evidence_file = models.FileField(
        _("evidence (file)"), upload_to=evidence_path, blank=True, max_length=300
    )
    evidence_url = models.URLField(_("evidence (link)"), blank=True, max_length=500)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    is_example = models.BooleanField(_("example data"), default=False)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("realisation")
        verbose_name_plural = _("realisations")
        # Covers the progress aggregations (sum, max, latest per indicator in a date window)
        # so they read the index alone.
        indexes = [
            models.Index(fields=["indicator", "date", "value"], name="realisation_progress_idx")
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} ({self.date:%d-%m-%Y})"


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

    class Meta:
        ordering = ["-proposed_at", "-id"]
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")

    def __str__(self) -> str:
        return f"{self.activity.code}: {self.get_field_display()}"


class ActivityUpdate(models.Model):
    """The coordinator's account of one quarter of an activity: what happened, the risks,
    and, where the computed status does not tell the story, a status of her own with the
    reason. The audit trail holds every save with before and after: that is its history."""

    personal_data = PersonalData(
        subjects=_("staff who write the quarter's progress"),
        fields=("updated_by",),
        purpose=_("Accounting to funders for what each activity did in a quarter."),
        lawful_basis=LawfulBasis.LEGITIMATE_INTERESTS,
        retention=_("Seven years after the year it counts for (accountability to funders)."),
    )

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="updates", verbose_name=_("activity")
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
                fields=["activity", "quarter"], name="activity_update_unique_quarter"
            ),
            models.CheckConstraint(
                condition=models.Q(quarter__gte=1, quarter__lte=4),
                name="activity_update_quarter_1_to_4",
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
