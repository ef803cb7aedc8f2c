"""The research register: the research function's questions and projects (seed 001, §5.3.1:
a trend monitor "op basis van bestaande data", a provincial E-panel, the client-experience
survey, labour-market research), what they use and deliver, and the programme and
indicators they inform.

A survey's results are kept only as aggregates — per question, the number of respondents who
gave each answer — never as a respondent's row, and every page and export hides a count
below the threshold of small numbers (`koers.signals.suppression`, SIGNALS_SMALL_COUNT).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.core.versioning import VersionedModel
from koers.insight.models.statistics import Dataset


class ResearchKind(models.TextChoices):
    TREND_MONITOR = "trendmonitor", _("Trend monitor")
    E_PANEL = "e-panel", _("E-panel")
    CLIENT_EXPERIENCE = "clientervaring", _("Client-experience survey")
    LABOUR_MARKET = "arbeidsmarkt", _("Labour-market research")
    OTHER = "overig", _("Other research")


class ResearchStatus(models.TextChoices):
    PLANNED = "gepland", _("Planned")
    RUNNING = "lopend", _("Running")
    DELIVERED = "opgeleverd", _("Delivered")
    STOPPED = "gestopt", _("Stopped")


class ResearchProject(VersionedModel):
    holder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="research_projects",
        verbose_name=_("organisation"),
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=ResearchKind.choices)
    question = models.TextField(_("research question"), max_length=3000)
    status = models.CharField(
        _("status"), max_length=12, choices=ResearchStatus.choices, default=ResearchStatus.PLANNED
    )
    started_on = models.DateField(_("started on"), null=True, blank=True)
    delivered_on = models.DateField(_("delivered on"), null=True, blank=True)
    findings = models.TextField(_("findings"), max_length=10000, blank=True)
    programme = models.ForeignKey(
        "plans.Programme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="research_projects",
        verbose_name=_("informs the programme"),
    )
    indicators = models.ManyToManyField(
        "plans.Indicator",
        blank=True,
        related_name="research_projects",
        verbose_name=_("informs the indicators"),
    )
    datasets = models.ManyToManyField(
        Dataset, blank=True, related_name="research_projects", verbose_name=_("uses the tables")
    )
    is_example = models.BooleanField(_("example data"), default=False, editable=False)

    class Meta:
        ordering = ["-started_on", "title", "pk"]
        verbose_name = _("research project")
        verbose_name_plural = _("research projects")
        indexes = [models.Index(fields=["holder", "status"], name="insight_research_holder")]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        delivered = self.status == ResearchStatus.DELIVERED
        if delivered and self.delivered_on is None:
            raise ValidationError({"delivered_on": _("Say when it was delivered.")})
        if not delivered and self.delivered_on is not None:
            raise ValidationError(
                {"delivered_on": _("Only a delivered project has a delivery date.")}
            )
        if self.started_on and self.delivered_on and self.delivered_on < self.started_on:
            raise ValidationError({"delivered_on": _("It cannot be delivered before it started.")})


class SurveyResult(models.Model):
    """One survey's aggregated results, as uploaded: a count per question and answer."""

    TENANT_PATH = "project__holder"  # whose record it is (koers.core.records)

    project = models.ForeignKey(
        ResearchProject, on_delete=models.CASCADE, related_name="surveys", verbose_name=_("project")
    )
    title = models.CharField(_("title"), max_length=200)
    file_name = models.CharField(_("file"), max_length=300, blank=True)
    uploaded_at = models.DateTimeField(_("uploaded at"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )

    class Meta:
        ordering = ["project", "-uploaded_at", "-pk"]
        verbose_name = _("survey result")
        verbose_name_plural = _("survey results")

    def __str__(self) -> str:
        return self.title


class SurveyAnswer(models.Model):
    survey = models.ForeignKey(
        SurveyResult, on_delete=models.CASCADE, related_name="answers", verbose_name=_("survey")
    )
    question = models.CharField(_("question"), max_length=300)
    answer = models.CharField(_("answer"), max_length=300)
    count = models.PositiveIntegerField(_("number of respondents"))
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["survey", "position", "pk"]
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "question", "answer"], name="insight_survey_answer_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.answer}"
