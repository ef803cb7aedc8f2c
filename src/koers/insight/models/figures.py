"""What the organisation makes of the statistics.

A `KeyFigure` is a figure chosen for the dashboards of the whole installation, kept by the
organisation that chose it: a topic of a dataset (with one of its
breakdowns), optionally per 1,000 inhabitants (or per any other topic), the flow of the
labour market it belongs to, and the goals of a funder's tree it is context for (the
province's "contextfactoren" beside the monitoring chain of a programme line).

A `FigureNote` is a short interpretation of one figure (topic, region, period) by staff of an
organisation, as waarstaatjegemeente.nl lets municipalities annotate theirs: it shows on the
dashboards and beside the table it is about.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from koers.core.versioning import VersionedModel
from koers.insight.models.statistics import Topic


class LabourFlow(models.TextChoices):
    """The four flows the labour-market dashboard of care and welfare is built on (seed 001)."""

    INFLOW = "instroom", _("Inflow")
    TRANSFER = "doorstroom", _("Moving on")
    RETENTION = "behoud", _("Work and retention")
    OUTFLOW = "uitstroom", _("Outflow")


class KeyFigure(VersionedModel):
    topic = models.ForeignKey(
        Topic, on_delete=models.CASCADE, related_name="key_figures", verbose_name=_("figure")
    )
    breakdown = models.CharField(_("breakdown"), max_length=300, blank=True, default="")
    title = models.CharField(
        _("title on the dashboard"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty to use the figure's own title."),
    )
    # Per 1,000 inhabitants: the value divided by the denominator's value for the same region
    # and period, times `per`. Both or neither.
    denominator = models.ForeignKey(
        Topic,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("per … of"),
        help_text=_("For a figure per inhabitant: the figure of the inhabitants."),
    )
    denominator_breakdown = models.CharField(max_length=300, blank=True, default="")
    per = models.PositiveIntegerField(
        _("per"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    flow = models.CharField(
        _("labour-market flow"), max_length=12, choices=LabourFlow.choices, blank=True
    )
    on_dashboard = models.BooleanField(_("on the dashboards of areas"), default=True)
    goals = models.ManyToManyField(
        "plans.Goal",
        blank=True,
        related_name="context_figures",
        verbose_name=_("context for the goals"),
        help_text=_("The programme lines this figure is a context factor for."),
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    # Who changes or removes it (koers.insight.keepers): the organisation of the statistics
    # manager who chose it; None for the installation's own (chosen with a shipped table).
    keeper = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("kept by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")
        constraints = [
            models.UniqueConstraint(fields=["topic", "breakdown"], name="insight_keyfigure_unique"),
            models.CheckConstraint(
                condition=models.Q(denominator__isnull=True, per__isnull=True)
                | models.Q(denominator__isnull=False, per__isnull=False),
                name="insight_keyfigure_per_with_denominator",
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.topic.title

    @property
    def label(self) -> str:
        if self.per is None or self.denominator is None:
            return str(self)
        return str(
            _("%(figure)s per %(per)s %(of)s")
            % {
                "figure": self,
                "per": formats.number_format(self.per, force_grouping=True),
                "of": self.denominator.title.lower(),
            }
        )


class FigureNote(models.Model):
    topic = models.ForeignKey(
        Topic, on_delete=models.CASCADE, related_name="notes", verbose_name=_("figure")
    )
    region = models.CharField(_("region code"), max_length=12)
    period = models.CharField(_("period code"), max_length=12)
    text = models.TextField(_("note"), max_length=1000)
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="figure_notes",
        verbose_name=_("organisation"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    written_at = models.DateTimeField(_("written at"))

    # Set by koers.insight.figures.values_of for its reader: the author where she sees
    # names, else None (not a column).
    author_shown: Any = None

    class Meta:
        ordering = ["topic", "region", "period", "-written_at", "-pk"]
        verbose_name = _("note on a figure")
        verbose_name_plural = _("notes on figures")
        indexes = [models.Index(fields=["topic", "region", "period"], name="insight_note_figure")]

    def __str__(self) -> str:
        return f"{self.topic} {self.region} {self.period}"
